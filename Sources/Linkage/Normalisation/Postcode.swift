/// A UK postcode split into the parts comparisons use: "SW1A 1AA" has district "SW1A",
/// sector "SW1A 1" and the full code.
public struct Postcode: Hashable, Sendable, Codable, CustomStringConvertible {
    public var outward: String
    public var inward: String

    /// Reads any spacing and case; nil when it is not shaped like a UK postcode.
    public init?(_ raw: String) {
        let compact = raw.uppercased().filter { $0.isLetter || $0.isNumber }
        guard (5...7).contains(compact.count) else { return nil }
        let inward = String(compact.suffix(3))
        let outward = String(compact.dropLast(3))
        let inwardChars = Array(inward)
        guard inwardChars[0].isNumber, inwardChars[1].isLetter, inwardChars[2].isLetter,
            let first = outward.first, first.isLetter, outward.contains(where: \.isNumber)
        else { return nil }
        self.outward = outward
        self.inward = inward
    }

    public var district: String { outward }
    public var sector: String { "\(outward) \(inward.prefix(1))" }
    public var description: String { "\(outward) \(inward)" }
}
