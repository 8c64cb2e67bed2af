/// A code that is not on the list it claims to be from.
public struct UnknownCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var list: String
    public var code: String

    public init(list: String, code: String) {
        self.list = list
        self.code = code
    }

    public var description: String { "'\(code)' is not a known \(list) code" }
}
