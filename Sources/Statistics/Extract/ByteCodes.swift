import Foundation

/// A code list matched straight against a field's bytes, so that reading a million codes
/// makes no strings; lists of codes (`a;b;c`) are read into bit masks, each distinct mask made
/// into a set once.
struct ByteCodes<Code: RawRepresentable & CaseIterable & Hashable> where Code.RawValue == String {
    private let entries: [(bytes: [UInt8], code: Code, bit: UInt64)]
    private var sets: [UInt64: Set<Code>] = [:]

    init() {
        entries = Code.allCases.enumerated().map { index, code in
            (Array(code.rawValue.utf8), code, UInt64(1) << UInt64(index % 64))
        }
    }

    private func entry(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !field.isEmpty, let start = field.baseAddress else { return entries.firstIndex { $0.bytes.isEmpty } }
        for index in entries.indices where entries[index].bytes.count == field.count {
            let same = entries[index].bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, start, field.count) == 0 }
            if same { return index }
        }
        return nil
    }

    func code(_ field: UnsafeBufferPointer<UInt8>) -> Code? { entry(field).map { entries[$0].code } }

    /// The set of the codes in a `;`-separated list, or the first one that is not a code.
    mutating func set(_ field: UnsafeBufferPointer<UInt8>) -> Result<Set<Code>, UnknownPart> {
        var mask: UInt64 = 0
        var start = 0
        for end in 0...field.count where end == field.count || field[end] == 59 {
            if end > start {
                let part = UnsafeBufferPointer(rebasing: field[start..<end])
                guard let index = entry(part) else {
                    return .failure(UnknownPart(text: String(decoding: part, as: UTF8.self)))
                }
                mask |= entries[index].bit
            }
            start = end + 1
        }
        if let known = sets[mask] { return .success(known) }
        let made = Set(entries.filter { mask & $0.bit != 0 }.map(\.code))
        // More than 64 codes would share bits: such a list is not cached.
        if entries.count <= 64 { sets[mask] = made }
        return .success(made)
    }

    struct UnknownPart: Error {
        var text: String
    }
}
