/// A child's ethnicity as the children-looked-after return records it (SSDA903 ETHNIC, the
/// Department's twenty codes; REFU and NOBT say it was refused or not yet obtained).
public enum Ethnicity: String, Codable, Sendable, CaseIterable {
    case whiteBritish = "WBRI"
    case whiteIrish = "WIRI"
    case whiteOther = "WOTH"
    case travellerOfIrishHeritage = "WIRT"
    case gypsyOrRoma = "WROM"
    case mixedWhiteAndBlackCaribbean = "MWBC"
    case mixedWhiteAndBlackAfrican = "MWBA"
    case mixedWhiteAndAsian = "MWAS"
    case mixedOther = "MOTH"
    case indian = "AIND"
    case pakistani = "APKN"
    case bangladeshi = "ABAN"
    case asianOther = "AOTH"
    case blackCaribbean = "BCRB"
    case blackAfrican = "BAFR"
    case blackOther = "BOTH"
    case chinese = "CHNE"
    case otherEthnicGroup = "OOTH"
    case refused = "REFU"
    case notObtained = "NOBT"

    public var code: String { rawValue }

    /// Whether the code records an ethnicity (not a refusal or a gap).
    public var isRecorded: Bool { self != .refused && self != .notObtained }

    /// The broad group the Department's statistics report by; nil where none is recorded.
    public var group: String? {
        switch rawValue.prefix(1) {
        case _ where !isRecorded: nil
        case "W": "White"
        case "M": "Mixed or multiple ethnic groups"
        case "A": "Asian or Asian British"
        case "B": "Black, Black British, Caribbean or African"
        case "C": "Chinese"
        default: "Any other ethnic group"
        }
    }

    /// Every broad group, in the order of the codes.
    public static let groupNames: [String] = allCases.compactMap(\.group).reduce(into: []) { names, group in
        if !names.contains(group) { names.append(group) }
    }
}
