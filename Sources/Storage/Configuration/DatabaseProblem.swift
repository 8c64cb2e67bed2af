import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// One line saying why the database could not be used, for operators at a terminal. The
/// drivers' own descriptions are either opaque (PostgreSQL hides details so that secrets do
/// not leak) or long; this digs out the part a person can act on.
public struct DatabaseProblem: Error, CustomStringConvertible, Sendable {
    public var database: DatabaseURL
    public var reason: String

    public init(database: DatabaseURL, error: any Error) {
        self.database = database
        reason = Self.reason(for: error)
    }

    public var description: String { "Cannot use the database \(database): \(reason)." }

    /// The error itself when it is one of ours (it already says what to fix), otherwise a
    /// database problem naming the database and the reason.
    public static func wrappingDriverError(_ error: any Error, database: DatabaseURL) -> any Error {
        let isDriverError =
            error is PSQLError || error is SQLiteError
            || String(reflecting: type(of: error)).hasPrefix("NIO")
            || String(reflecting: type(of: error)).contains("Postgres")
            || String(reflecting: type(of: error)).contains("Fluent")
        return isDriverError ? DatabaseProblem(database: database, error: error) : error
    }

    static func reason(for error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return reason(for: underlying) }
            return error.code == .connectionError ? "the server cannot be reached" : "PostgreSQL error \(error.code)"
        }
        if let error = error as? SQLiteError { return error.message }
        if let error = error as? any LocalizedError, let text = error.errorDescription { return text }
        let text = String(describing: error)
        if text.contains("connectTimeout") { return "the server did not answer in time" }
        if text.contains("Connection refused") || text.contains("connectionRefused") {
            return "the server refused the connection (is it running, and is the port right?)"
        }
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}
