import Foundation

/// Sex as partners record it: "M", "male", "1" (the SSDA903 and NHS code) or "F", "female",
/// "2". Anything else, including "unknown" and "9", is missing.
public enum LinkageSex: String, Hashable, Sendable {
    case male
    case female

    public init?(_ raw: String) {
        switch raw.trimmedOfSpaces.lowercased() {
        case "m", "male", "1", "boy": self = .male
        case "f", "female", "2", "girl": self = .female
        default: return nil
        }
    }
}
