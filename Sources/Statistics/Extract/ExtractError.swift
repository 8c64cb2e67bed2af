/// Why a record-level extract could not be read, pointing at the place in the file.
public struct ExtractError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String

    public init(file: String, line: Int, column: Int, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String { "\(file), line \(line), column \(column): \(problem)" }
}
