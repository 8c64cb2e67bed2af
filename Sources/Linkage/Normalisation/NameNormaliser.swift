import Foundation

/// Puts names in one form before they are compared: lower case, no accents, no punctuation,
/// single spaces, so that "O'Brien" and "OBRIEN" agree exactly; and, with `variants`, common
/// short forms replaced by the full name ("bill" → "william"). Plain linkage keeps the short
/// forms (its name comparison has a level for them, with its own m and u); Bloom-filter
/// encoding replaces them, as an encoded name can only be compared whole.
public struct NameNormaliser: Sendable {
    /// Short forms and their full names, as they appear in English and Welsh records.
    public static let commonVariants: [String: String] = [
        "abby": "abigail", "alex": "alexander", "alf": "alfred", "andy": "andrew", "bea": "beatrice",
        "becky": "rebecca", "ben": "benjamin", "bill": "william", "billy": "william", "bob": "robert",
        "bobby": "robert", "cathy": "catherine", "charlie": "charles", "chris": "christopher",
        "dan": "daniel", "danny": "daniel", "dave": "david", "debbie": "deborah", "ed": "edward",
        "eddie": "edward", "fred": "frederick", "freddie": "frederick", "gabe": "gabriel", "harry": "henry",
        "jack": "john", "jake": "jacob", "jamie": "james", "jen": "jennifer", "jenny": "jennifer",
        "jim": "james", "jimmy": "james", "joe": "joseph", "johnny": "john", "jon": "jonathan",
        "kate": "katherine", "katie": "katherine", "kath": "katherine", "liz": "elizabeth",
        "lizzie": "elizabeth", "beth": "elizabeth", "maggie": "margaret", "matt": "matthew",
        "meg": "margaret", "mike": "michael", "mick": "michael", "nick": "nicholas", "ollie": "oliver",
        "pat": "patrick", "pete": "peter", "phil": "philip", "rob": "robert", "robbie": "robert",
        "ron": "ronald", "sam": "samuel", "steve": "stephen", "sue": "susan", "tom": "thomas",
        "tommy": "thomas", "tony": "anthony", "vicky": "victoria", "will": "william", "zac": "zachary",
    ]

    public var variants: [String: String]

    public init(variants: [String: String] = NameNormaliser.commonVariants) {
        self.variants = variants
    }

    /// The normalised name, or nil when nothing readable is left.
    public func normalise(_ raw: String) -> String? {
        if let ascii = normaliseASCII(raw) { return ascii.isEmpty ? nil : ascii }
        let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.letters.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" || scalar == "." {
                continue  // dropped, not a break: O'Brien is obrien, D.J. is dj
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard !words.isEmpty else { return nil }
        return words.map { variants[$0] ?? $0 }.joined(separator: " ")
    }

    /// The same for a name all in ASCII, byte by byte (nearly every name in English and Welsh
    /// records, and Foundation's folding is most of the time of reading a file); nil for any
    /// other name, which takes the general path.
    private func normaliseASCII(_ raw: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for byte in raw.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                bytes.append(byte | 0x20)
            case UInt8(ascii: "'"), UInt8(ascii: "."):
                continue  // dropped, not a break: O'Brien is obrien, D.J. is dj
            default:
                pendingSpace = true
            }
        }
        let name = String(decoding: bytes, as: UTF8.self)
        guard !variants.isEmpty, !name.isEmpty else { return name }
        return name.split(separator: " ").map { variants[String($0)] ?? String($0) }.joined(separator: " ")
    }
}
