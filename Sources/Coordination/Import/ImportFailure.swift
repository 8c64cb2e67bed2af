import SecurePlaceCore

/// Every problem found in the files of one import, each with its file, line and column, so
/// that they can all be fixed before trying again. Nothing is written when an import fails.
public struct ImportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The first problems found, in file order; at most `limit` of them.
    public var errors: [ImportError]
    /// How many more were found and not listed.
    public var unlisted: Int

    public static let limit = 50

    public init(errors: [ImportError], unlisted: Int = 0) {
        self.errors = errors
        self.unlisted = unlisted
    }

    public var description: String {
        var lines = errors.map(\.description)
        if unlisted > 0 { lines.append("and \(unlisted) more problems") }
        return lines.joined(separator: "\n")
    }
}

/// Collects problems while checking a file, keeping the first `ImportFailure.limit`.
struct ImportProblems {
    private(set) var errors: [ImportError] = []
    private(set) var unlisted = 0

    mutating func add(_ error: ImportError) {
        if errors.count < ImportFailure.limit { errors.append(error) } else { unlisted += 1 }
    }

    mutating func add(_ field: CSVTable.Field, in file: String, _ problem: String) {
        add(ImportError(file: file, line: field.line, column: field.column, problem: problem))
    }

    var isEmpty: Bool { errors.isEmpty }

    func failure() -> ImportFailure { ImportFailure(errors: errors, unlisted: unlisted) }
}
