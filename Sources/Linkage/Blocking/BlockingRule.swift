/// A rule that puts records which could be the same person in the same block: only pairs
/// sharing a block under some rule are compared.
public enum BlockingRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first `length` letters of a name field with the year of a date field.
    case prefixAndYear(nameField: String, length: Int, dateField: String)
    /// The sector of a postcode field ("M1 1").
    case postcodeSector(field: String)
    /// The Soundex code of a name field.
    case phonetic(field: String)
    /// The Soundex code of a name field with the year of a date field: far smaller blocks
    /// than the code alone in a large file.
    case phoneticAndYear(nameField: String, dateField: String)
    /// The exact normalised values of the fields together.
    case exact(fields: [String])
    /// For encodings: the values of `bits` bit positions of each field's filter, drawn from
    /// `seed` (Hamming locality-sensitive hashing). Filters that differ in few bits often
    /// agree on all sampled positions; several rules with different seeds catch the rest.
    case bitSample(fields: [String], seed: Int, bits: Int)

    public var description: String {
        switch self {
        case .prefixAndYear(let name, let length, let date): "first \(length) letters of \(name) + year of \(date)"
        case .postcodeSector(let field): "postcode sector of \(field)"
        case .phonetic(let field): "Soundex of \(field)"
        case .phoneticAndYear(let name, let date): "Soundex of \(name) + year of \(date)"
        case .exact(let fields): "same " + fields.joined(separator: " + ")
        case .bitSample(let fields, let seed, let bits):
            "\(bits) sampled bits of each of \(fields.joined(separator: " + ")) (sample \(seed))"
        }
    }

    /// The fields the rule reads: pairs it puts together agree on them (or on part of them)
    /// whether they match or not, so they say nothing about m within its blocks.
    public var fieldNames: [String] {
        switch self {
        case .prefixAndYear(let name, _, let date), .phoneticAndYear(let name, let date): [name, date]
        case .postcodeSector(let field), .phonetic(let field): [field]
        case .exact(let fields), .bitSample(let fields, _, _): fields
        }
    }

    /// The record's block under this rule, or nil when a field it needs is missing.
    func key(of record: PreparedRecord, fields: [LinkageField]) -> String? {
        func value(_ name: String) -> FieldValue? {
            fields.firstIndex { $0.name == name }.flatMap { record.values[$0] }
        }
        switch self {
        case .prefixAndYear(let name, let length, let date):
            guard case .text(let text) = value(name), case .date(let day) = value(date) else { return nil }
            return "\(text.prefix(length))|\(day.year)"
        case .postcodeSector(let field):
            guard case .postcode(let code) = value(field) else { return nil }
            return code.sector
        case .phonetic(let field):
            guard case .text(let text) = value(field) else { return nil }
            return Soundex.code(text)
        case .phoneticAndYear(let name, let date):
            guard case .text(let text) = value(name), case .date(let day) = value(date), let code = Soundex.code(text)
            else { return nil }
            return "\(code)|\(day.year)"
        case .bitSample(let names, let seed, let bits):
            var state = UInt64(truncatingIfNeeded: seed) &+ 0x9E37_79B9_7F4A_7C15
            var key = ""
            for name in names {
                guard case .bloom(let filter) = value(name) else { return nil }
                for _ in 0..<bits {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    key.append(filter.contains(Int((state >> 33) % UInt64(filter.bitCount))) ? "1" : "0")
                }
            }
            return key
        case .exact(let names):
            // Built in one string, a date as one number: every record has a key for each rule.
            var key = ""
            for (position, name) in names.enumerated() {
                if position > 0 { key.append("\u{1F}") }
                switch value(name) {
                case nil: return nil
                case .bloom(let filter): key += filter.base64
                case .text(let text): key += text
                case .date(let date): key += String(date.year * 10_000 + date.month * 100 + date.day)
                case .postcode(let code): key += code.description
                }
            }
            return key
        }
    }
}
