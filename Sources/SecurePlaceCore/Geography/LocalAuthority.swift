/// A local authority with children's services responsibilities (an upper-tier or unitary
/// council in England, a principal council in Wales).
public struct LocalAuthority: Hashable, Codable, Sendable, Identifiable {
    /// The ONS code, for example `E08000003` for Manchester.
    public var code: String
    public var name: String
    public var region: Region
    /// An approximate centroid, for distances only.
    public var centroid: Coordinate

    public var id: String { code }
    public var country: Country { region.country }

    public init(code: String, name: String, region: Region, centroid: Coordinate) {
        self.code = code
        self.name = name
        self.region = region
        self.centroid = centroid
    }
}
