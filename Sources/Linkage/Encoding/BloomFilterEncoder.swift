import Crypto
import Foundation

/// Encodes each field of a record into its own keyed Bloom filter, so partners can link on
/// the encodings without handing over names (Schnell, Bachteler and Reiher, 2009).
///
/// The normalised value is padded with a space at each end and cut into bigrams ("smith" →
/// " s", "sm", "mi", "it", "th", "h "). Each bigram sets `hashCount` bits chosen by double
/// hashing from HMAC-SHA256 under the partners' shared key, with the field's name mixed in so
/// the same bigram sets different bits in different fields. See docs/linkage.md for what the
/// key and the parameters protect and which attacks they do not resist.
public struct BloomFilterEncoder: Sendable {
    public struct Parameters: Hashable, Sendable, Codable {
        public var bitCount: Int
        public var hashCount: Int

        public init(bitCount: Int = 1_024, hashCount: Int = 20) {
            self.bitCount = bitCount
            self.hashCount = hashCount
        }
    }

    public var parameters: Parameters
    private let key: SymmetricKey

    public init(key: Data, parameters: Parameters = Parameters()) {
        self.key = SymmetricKey(data: key)
        self.parameters = parameters
    }

    public static func bigrams(of value: String) -> [String] {
        let padded = Array(" \(value) ")
        return (0..<(padded.count - 1)).map { String(padded[$0...$0 + 1]) }
    }

    /// The filter for one normalised field value.
    public func encode(_ value: String, field: String) -> BloomFilter {
        var filter = BloomFilter(bitCount: parameters.bitCount)
        for bigram in Self.bigrams(of: value) {
            let digest = Array(HMAC<SHA256>.authenticationCode(for: Data("\(field)\u{1F}\(bigram)".utf8), using: key))
            let first = digest[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let second = digest[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } | 1
            for index in 0..<UInt64(parameters.hashCount) {
                filter.set(Int((first &+ index &* second) % UInt64(parameters.bitCount)))
            }
        }
        return filter
    }

    /// Every linkage field of a record encoded from its normalised form; a field that cannot
    /// be read stays missing, and nothing of the raw value leaves this function.
    public func encode(_ record: LinkageRecord, fields: [LinkageField]) -> [String: BloomFilter] {
        // An encoded name can only be compared whole, so short forms are made full names first.
        let prepared = RecordPreparer(fields: fields, names: NameNormaliser()).prepare(record)
        var encoded: [String: BloomFilter] = [:]
        for (index, field) in fields.enumerated() {
            guard let value = prepared.values[index] else { continue }
            let text: String
            switch value {
            case .text(let string): text = string
            case .date(let date): text = date.description
            case .postcode(let code): text = code.description
            case .bloom: continue
            }
            encoded[field.name] = encode(text, field: field.name)
        }
        return encoded
    }
}
