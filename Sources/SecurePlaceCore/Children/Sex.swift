/// Sex as recorded in the children-looked-after return (SSDA903: 1 male, 2 female).
public enum Sex: String, Codable, Sendable, CaseIterable {
    case male
    case female

    public var ssda903Code: String { self == .male ? "1" : "2" }

    public var name: String { self == .male ? "Male" : "Female" }
}
