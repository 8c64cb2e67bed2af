/// Given names and the nicknames and short forms people go by (Bill for William, Peggy for
/// Margaret), from a curated open list (`KnownNameForms+List.swift`, its source and licence
/// there). Two names are known forms of each other when the list gives one as a form of the
/// other, either way round; two nicknames of one name (Bill and Will) are not, as the list
/// joins names that way only through the full name, and Jaro–Winkler sees most such pairs.
public struct KnownNameForms: Sendable {
    /// Each normalised name's known forms, the list read both ways round.
    private let formsByName: [String: Set<String>]
    /// A bit for each pair of two-letter beginnings the list joins (hashed into 2^20 bits):
    /// nearly every pair of names compared is not on the list, and is told so without hashing
    /// both names.
    private let beginnings: [UInt64]

    /// The open list, read once.
    public static let standard = KnownNameForms(list: list)

    /// Reads lines of "name,form" and normalises both as names are before comparison.
    init(list: String, normaliser: NameNormaliser = NameNormaliser(variants: [:])) {
        var formsByName: [String: Set<String>] = [:]
        var beginnings = [UInt64](repeating: 0, count: Self.beginningBits / 64)
        for line in list.split(separator: "\n") {
            let parts = line.split(separator: ",")
            guard parts.count == 2, let name = normaliser.normalise(String(parts[0])),
                let form = normaliser.normalise(String(parts[1])), name != form
            else { continue }
            formsByName[name, default: []].insert(form)
            formsByName[form, default: []].insert(name)
            for (first, second) in [(name, form), (form, name)] {
                let bit = Self.beginningBit(first, second)
                beginnings[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        self.formsByName = formsByName
        self.beginnings = beginnings
    }

    public var count: Int { formsByName.values.reduce(0) { $0 + $1.count } / 2 }

    private static let beginningBits = 1 << 20

    /// The bit for the first two bytes of each name (a name of one letter padded).
    private static func beginningBit(_ first: String, _ second: String) -> Int {
        func beginning(_ name: String) -> UInt64 {
            var utf8 = name.utf8.makeIterator()
            return UInt64(utf8.next() ?? 0) << 8 | UInt64(utf8.next() ?? 0)
        }
        let key = (beginning(first) << 16 | beginning(second)) &* 0x9E37_79B9_7F4A_7C15
        return Int(key >> 44)
    }

    /// Every known form of a normalised name, in alphabetical order (for the Splink export,
    /// whose comparisons look them up in a column).
    public func forms(of name: String) -> [String] {
        (formsByName[name] ?? []).sorted()
    }

    /// Whether one normalised name is a known form of the other, or the first words of two
    /// names of more than one word are ("Bill James" and "William").
    public func areForms(_ first: String, _ second: String) -> Bool {
        let bit = Self.beginningBit(first, second)
        if beginnings[bit / 64] & (1 << UInt64(bit % 64)) != 0, isForm(second, of: first) {
            return true
        }
        // Comparing is the hot loop of a linkage: look for a space before cutting words out.
        guard NameComparison.hasSpace(first) || NameComparison.hasSpace(second) else { return false }
        let firstWord = first.prefix { $0 != " " }
        let secondWord = second.prefix { $0 != " " }
        return firstWord != secondWord && isForm(String(secondWord), of: String(firstWord))
    }

    private func isForm(_ form: String, of name: String) -> Bool {
        formsByName[name]?.contains(form) ?? false
    }
}
