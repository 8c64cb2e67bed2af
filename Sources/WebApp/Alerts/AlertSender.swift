import Coordination
import Foundation
import NIOConcurrencyHelpers
import Storage
import Vapor

/// Runs the outbox's sender every few seconds while the app runs, apart from the slower
/// jobs so that an e-mail never waits behind a model refit. Every instance runs it; the
/// sender's lease lets one send at a time. A stopped mail server leaves the alerts in the
/// outbox, tried again with a growing wait until it returns.
final class AlertSender: LifecycleHandler, Sendable {
    let interval: Duration
    let transport: any MailTransport
    let instance = "instance-\(UUID().uuidString.prefix(8))"
    private let loop = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: Duration, transport: any MailTransport) {
        self.interval = interval
        self.transport = transport
    }

    func didBootAsync(_ app: Application) async throws {
        let interval = interval
        let sender = SendAlerts(
            store: Store(app.db), instance: instance, transport: transport, from: app.mailSettings.from,
            retries: app.mailSettings.retries, now: app.storage[ClockKey.self] ?? { Date() })
        let task = Task {
            while !Task.isCancelled {
                do {
                    let outcome = try await sender.run()
                    if outcome.sent > 0 { app.logger.info("Sent \(outcome.sent) e-mail alerts") }
                    if outcome.serverUnavailable {
                        app.logger.warning("The mail server cannot be reached; alerts wait in the outbox")
                    }
                } catch {
                    app.logger.error("The e-mail sender failed: \(String(reflecting: type(of: error)))")
                }
                try? await Task.sleep(for: interval)
            }
        }
        loop.withLockedValue { $0 = task }
    }

    func shutdownAsync(_ app: Application) async {
        let task = loop.withLockedValue { $0 }
        task?.cancel()
        await task?.value
    }
}
