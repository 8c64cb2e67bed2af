import Foundation

/// A secure children's home: approved to restrict children's liberty, registered for an age
/// range and sexes, with specialisms it can meet.
public struct SecureHome: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    /// A short stable reference, such as `SCH-NE-01`.
    public var reference: String
    public var name: String
    public var region: Region
    /// The ONS code of the local authority the home stands in.
    public var localAuthorityCode: String
    public var location: Coordinate
    public var acceptedSexes: Set<Sex>
    public var ages: ClosedRange<Int>
    public var specialisms: Set<NeedFlag>
    /// When the home's manager last confirmed the beds were as shown.
    public var lastConfirmedAt: Date?

    public init(
        id: UUID, reference: String, name: String, region: Region, localAuthorityCode: String,
        location: Coordinate, acceptedSexes: Set<Sex>, ages: ClosedRange<Int>, specialisms: Set<NeedFlag>,
        lastConfirmedAt: Date? = nil
    ) {
        self.id = id
        self.reference = reference
        self.name = name
        self.region = region
        self.localAuthorityCode = localAuthorityCode
        self.location = location
        self.acceptedSexes = acceptedSexes
        self.ages = ages
        self.specialisms = specialisms
        self.lastConfirmedAt = lastConfirmedAt
    }

    public var country: Country { region.country }

    /// Whether the home's registration covers a child of this sex and age.
    public func isRegistered(for sex: Sex, age: Int) -> Bool {
        acceptedSexes.contains(sex) && ages.contains(age)
    }
}
