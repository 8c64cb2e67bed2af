import Foundation
import SecurePlaceCore
import Storage

/// The background sender: delivers the outbox's due alerts, records every attempt, and
/// schedules a failed one again with a growing wait. Only the holder of the job's lease
/// sends, so with several instances each alert is handed to the mail server by one of them.
///
/// An alert is marked sent in the database as soon as the mail server has accepted it. It can
/// go twice only when the server took it but its acceptance never arrived (the connection or
/// the process died at that moment): SMTP cannot tell that from a message not taken, so the
/// sender tries again rather than lose it, with the same Message-ID. Nothing is ever lost.
public struct SendAlerts: Sendable {
    public static let leaseName = "send-alerts"

    public let store: Store
    public let instance: String
    public let transport: any MailTransport
    /// The sender address on every e-mail.
    public let from: String
    public let retries: AlertRetryPolicy
    public let now: @Sendable () -> Date

    public init(
        store: Store, instance: String, transport: any MailTransport, from: String,
        retries: AlertRetryPolicy = .standard, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.instance = instance
        self.transport = transport
        self.from = from
        self.retries = retries
        self.now = now
    }

    /// What one run did.
    public struct Outcome: Hashable, Sendable {
        public var sent = 0
        public var failed = 0
        /// True when the run stopped because the mail server could not be reached.
        public var serverUnavailable = false
    }

    /// Sends what is due, at most `batch` alerts; the lease is renewed before each, so a slow
    /// mail server cannot let a second instance start on the same alerts.
    @discardableResult
    public func run(batch: Int = 200, leaseFor duration: TimeInterval = 120) async throws -> Outcome {
        var outcome = Outcome()
        guard try await store.acquireLease(Self.leaseName, holder: instance, at: now(), for: duration) else {
            return outcome
        }
        for alert in try await store.dueAlerts(at: now(), limit: batch) {
            guard !Task.isCancelled,
                try await store.acquireLease(Self.leaseName, holder: instance, at: now(), for: duration)
            else { break }
            let mail = OutgoingMail(
                from: from, to: alert.recipientAddress, subject: alert.subject, body: alert.body,
                messageID: "<\(alert.id.uuidString.lowercased())@secureplace.alerts>")
            var delivery = alert.delivery
            delivery.attempts += 1
            let attempt: AlertAttempt
            do {
                try await transport.send(mail)
                let instant = now()
                delivery.status = .sent
                delivery.sentAt = instant
                delivery.nextAttemptAt = nil
                delivery.lastError = nil
                attempt = AlertAttempt(alertID: alert.id, at: instant, succeeded: true, detail: "accepted")
                outcome.sent += 1
            } catch {
                let instant = now()
                let next =
                    error.kind == .permanent
                    ? nil : retries.nextAttempt(afterFailedAttempts: delivery.attempts, at: instant)
                delivery.status = next == nil ? .failed : .pending
                delivery.nextAttemptAt = next
                delivery.lastError = error.detail
                attempt = AlertAttempt(alertID: alert.id, at: instant, succeeded: false, detail: error.detail)
                if next == nil { outcome.failed += 1 }
                if error.kind == .serverUnavailable { outcome.serverUnavailable = true }
            }
            let recorded = delivery
            try await store.transaction { store in try await store.record(attempt, delivery: recorded) }
            if outcome.serverUnavailable { break }
        }
        return outcome
    }
}
