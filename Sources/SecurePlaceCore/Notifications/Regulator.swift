/// The regulator of children's homes in each country.
public enum Regulator: String, Codable, Sendable, CaseIterable {
    case ofsted
    case careInspectorateWales = "ciw"

    public var name: String { self == .ofsted ? "Ofsted" : "Care Inspectorate Wales" }

    /// The regulator for a child whose home authority is in this country.
    public init(for country: Country) {
        self = country == .england ? .ofsted : .careInspectorateWales
    }
}
