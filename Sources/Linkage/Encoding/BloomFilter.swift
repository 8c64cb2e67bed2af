import Foundation

/// A fixed-length bit array, the form in which a privacy-preserving encoding carries a field.
public struct BloomFilter: Hashable, Sendable, Codable {
    public private(set) var words: [UInt64]
    public let bitCount: Int

    public init(bitCount: Int) {
        precondition(bitCount > 0, "a filter has at least one bit")
        self.bitCount = bitCount
        words = Array(repeating: 0, count: (bitCount + 63) / 64)
    }

    public mutating func set(_ bit: Int) {
        words[bit / 64] |= 1 << UInt64(bit % 64)
    }

    public func contains(_ bit: Int) -> Bool {
        words[bit / 64] & (1 << UInt64(bit % 64)) != 0
    }

    public var onesCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The Dice coefficient 2|A ∩ B| / (|A| + |B|): 1 for identical filters, near 0 for unrelated.
    public func dice(_ other: BloomFilter) -> Double {
        var common = 0
        for (a, b) in zip(words, other.words) { common += (a & b).nonzeroBitCount }
        let total = onesCount + other.onesCount
        return total == 0 ? 0 : 2 * Double(common) / Double(total)
    }

    /// Base64 of the bits, little-endian words, for the encoded CSV files.
    public var base64: String {
        var data = Data(capacity: words.count * 8)
        for word in words { withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) } }
        return data.base64EncodedString()
    }

    public init?(base64: String, bitCount: Int) {
        guard let data = Data(base64Encoded: base64), data.count == (bitCount + 63) / 64 * 8 else { return nil }
        self.bitCount = bitCount
        words = stride(from: 0, to: data.count, by: 8).map { offset in
            data[data.startIndex + offset..<data.startIndex + offset + 8].enumerated().reduce(UInt64(0)) {
                $0 | UInt64($1.element) << (8 * UInt64($1.offset))
            }
        }
    }
}
