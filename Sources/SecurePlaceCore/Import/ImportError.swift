/// Why an import was refused, pointing at the place in the file to fix. Nothing is written
/// when an import fails.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The field's position in its row, counting from 1.
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
