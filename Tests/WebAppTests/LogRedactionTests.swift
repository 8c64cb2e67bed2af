import Foundation
import Logging
import Storage
import Synchronization
import TestSupport
import Testing
import Vapor
import WebApp

/// Keeps what a logger was asked to write, as the console would print it.
private final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func handler() -> any LogHandler { Handler(captured: self) }

    private struct Handler: LogHandler {
        let captured: CapturedLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let line = "\(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })"
            captured.lines.withLock { $0.append(line) }
        }
    }
}

@Suite("Logs without children's details")
struct LogRedactionTests {
    /// Saves a child under a name found nowhere else, with every database log line kept.
    private func linesLoggedSavingAChild(
        named name: String, in database: TestDatabase, redacting: Bool
    ) async throws -> [String] {
        let captured = CapturedLines()
        try await withApp(database, demo: false) { app in
            let logger = Logger(label: "test") { _ in
                redacting ? RedactingLogHandler(wrapping: captured.handler()) : captured.handler()
            }
            var identity = demoDataset.identities[0]
            identity.familyName = name
            let child = try #require(demoDataset.children.first { $0.id == identity.childID })
            // A database handle whose driver logs to `logger` too, not only Fluent.
            let database = try #require(
                app.databases.database(.secureplace, logger: logger, on: app.eventLoopGroup.any()))
            try await Store(database).save(children: [child], identities: [identity])
        }
        return captured.all
    }

    @Test(
        "with the log at its most detailed, the statements are logged and the child's name is not",
        arguments: TestDatabase.all)
    func namesAreNotLogged(database: TestDatabase) async throws {
        let name = "Quarrendon-Vexley"
        let lines = try await linesLoggedSavingAChild(named: name, in: database, redacting: true)
        #expect(lines.contains { $0.contains("Running query") && $0.contains("child_identities") })
        #expect(lines.contains { $0.contains("Executing query") && $0.contains("child_identities") })
        #expect(!lines.contains { $0.contains(name) })
        // Without the handler the drivers do write the name: the test above is not vacuous.
        let unredacted = try await linesLoggedSavingAChild(named: name, in: database, redacting: false)
        #expect(unredacted.contains { $0.contains(name) })
    }
}
