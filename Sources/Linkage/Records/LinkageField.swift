import Foundation

/// One field linkage uses: where it is in the input, how it is read, how it is compared.
public struct LinkageField: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case name
        case date
        case postcode
        case sex
        case text
        /// A Bloom-filter encoding made by `BloomFilterEncoder`, in base64.
        case encoded
    }

    public var name: String
    public var kind: Kind
    public var comparison: Comparison

    public init(name: String, kind: Kind, comparison: Comparison? = nil) {
        self.name = name
        self.kind = kind
        self.comparison = comparison ?? Self.defaultComparison(for: kind)
    }

    private enum CodingKeys: String, CodingKey {
        case name, kind, comparison
    }

    /// A configuration file may leave out the comparison: the kind's default is used.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            kind: try container.decode(Kind.self, forKey: .kind),
            comparison: try container.decodeIfPresent(Comparison.self, forKey: .comparison))
    }

    public static func defaultComparison(for kind: Kind) -> Comparison {
        switch kind {
        case .name: .name(NameComparison())
        case .date: .date
        case .postcode: .postcode
        case .sex: .exact
        case .text: .levenshtein(maximumEdits: [1, 3])
        case .encoded: .dice(thresholds: [0.95, 0.85, 0.7])
        }
    }
}

/// A record as a partner supplies it: its key and named string fields.
public struct LinkageRecord: Hashable, Sendable, Codable {
    public var id: String
    public var fields: [String: String]

    public init(id: String, fields: [String: String]) {
        self.id = id
        self.fields = fields
    }
}

/// A record with every linkage field normalised, in the order of the field list.
public struct PreparedRecord: Hashable, Sendable {
    public var id: String
    public var values: [FieldValue?]
}

/// Reads records into their normalised form.
public struct RecordPreparer: Sendable {
    public var fields: [LinkageField]
    public var names: NameNormaliser

    /// Names are read as written, short forms kept: the name comparison has a level for them.
    public init(fields: [LinkageField], names: NameNormaliser = NameNormaliser(variants: [:])) {
        self.fields = fields
        self.names = names
    }

    /// Every record, normalised on all cores, in order.
    public func prepare(_ records: [LinkageRecord]) -> [PreparedRecord] {
        ChunkedWork.map(count: records.count) { range in range.map { prepare(records[$0]) } }
    }

    public func prepare(_ record: LinkageRecord) -> PreparedRecord {
        PreparedRecord(
            id: record.id,
            values: fields.map { field in
                guard let raw = record.fields[field.name] else { return nil }
                switch field.kind {
                case .name: return names.normalise(raw).map(FieldValue.text)
                case .date: return LinkageDate.parse(raw).map(FieldValue.date)
                case .postcode: return Postcode(raw).map(FieldValue.postcode)
                case .sex: return LinkageSex(raw).map { .text($0.rawValue) }
                case .encoded:
                    let text = raw.trimmedOfSpaces
                    guard let bytes = Data(base64Encoded: text), !bytes.isEmpty else { return nil }
                    return BloomFilter(base64: text, bitCount: bytes.count * 8).map(FieldValue.bloom)
                case .text:
                    let trimmed = raw.trimmedOfSpaces.lowercased()
                    return trimmed.isEmpty ? nil : .text(trimmed)
                }
            })
    }
}
