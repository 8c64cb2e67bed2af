import Foundation

/// Where the data lives, as given by `--database` or `DATABASE_URL`:
/// `sqlite:///path/file.sqlite`, `sqlite::memory:` or `postgres://user:password@host:port/name`.
public enum DatabaseURL: Hashable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteInMemory
    case postgres(URL)

    public static let defaultSQLitePath = "secureplace.sqlite"

    /// Reads a database URL, or says in one line what is wrong with it.
    public init(parsing text: String) throws(DatabaseURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "sqlite::memory:" {
            self = .sqliteInMemory
            return
        }
        if trimmed.hasPrefix("sqlite://") {
            // As SQLAlchemy reads them: sqlite:///relative/file.sqlite, sqlite:////absolute/file.sqlite.
            var path = Substring(trimmed.dropFirst("sqlite://".count))
            if path.hasPrefix("/") { path = path.dropFirst() }
            guard !path.isEmpty, !path.hasSuffix("/") else {
                throw DatabaseURLError(
                    text: text,
                    problem: "it names no file; use sqlite:///file.sqlite (four slashes for an absolute path)")
            }
            self = .sqliteFile(path: String(path))
            return
        }
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            guard let url = URL(string: trimmed), let host = url.host, !host.isEmpty else {
                throw DatabaseURLError(
                    text: text, problem: "it has no host; use postgres://user:password@host:5432/name")
            }
            guard url.path.count > 1 else {
                throw DatabaseURLError(text: text, problem: "it names no database; add /name after the host")
            }
            if let port = url.port, !(1...65535).contains(port) {
                throw DatabaseURLError(text: text, problem: "port \(port) is out of range")
            }
            self = .postgres(url)
            return
        }
        throw DatabaseURLError(
            text: text,
            problem: "the scheme must be sqlite:// or postgres:// (for example sqlite:///secureplace.sqlite)")
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// The URL with any password hidden, safe to print and log.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite:///\(path)"
        case .sqliteInMemory: return "sqlite::memory:"
        case .postgres(let url):
            var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            if components?.password != nil { components?.password = "****" }
            return components?.string ?? "postgres://"
        }
    }
}

public struct DatabaseURLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var problem: String

    public var description: String {
        // The raw text may hold a password, so only its scheme is repeated.
        let scheme = text.split(separator: ":").first.map(String.init) ?? ""
        return "The database URL is not usable (scheme '\(scheme)'): \(problem)."
    }
}
