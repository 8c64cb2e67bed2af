import Logging

/// Passes log events on without the values bound into SQL statements. The database drivers log
/// every statement at debug level with its values, and those values are children's names and
/// dates of birth: running the service with `LOG_LEVEL=debug` must not write them out. The
/// statement itself, with its placeholders, stays in the line.
public struct RedactingLogHandler: LogHandler {
    /// FluentKit's `input` and `filters` ("Running query"), SQLKit's and PostgresKit's `binds`
    /// ("Executing query"), PostgresNIO's `psql_binds`, and PostgresNIO's wire messages
    /// (`psql_message`, `psql_message_payload` at trace level), which carry the rows received.
    public static let redactedKeys: Set<String> = [
        "input", "filters", "binds", "psql_binds", "psql_message", "psql_message_payload",
    ]

    private var wrapped: any LogHandler

    public init(wrapping handler: any LogHandler) {
        wrapped = handler
    }

    public func log(event: LogEvent) {
        var redacted = event
        if let metadata = event.metadata {
            redacted.metadata = metadata.filter { !Self.redactedKeys.contains($0.key) }
        }
        wrapped.log(event: redacted)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }
}
