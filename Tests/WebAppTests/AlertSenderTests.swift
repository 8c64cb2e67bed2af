import Coordination
import Foundation
import NIOConcurrencyHelpers
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

/// A mail server that is down for its first `downFor` connections, refuses one address for
/// good, and keeps what it accepts.
final class TestMailServer: MailTransport, Sendable {
    private let state: NIOLockedValueBox<(downFor: Int, received: [OutgoingMail])>
    let refused: String?

    init(downFor: Int = 0, refusing refused: String? = nil) {
        state = NIOLockedValueBox((downFor, []))
        self.refused = refused
    }

    var received: [OutgoingMail] { state.withLockedValue { $0.received } }
    func stop(for connections: Int) { state.withLockedValue { $0.downFor = connections } }

    func send(_ mail: OutgoingMail) async throws(MailDeliveryFailure) {
        let down = state.withLockedValue { state in
            guard state.downFor > 0 else { return false }
            state.downFor -= 1
            return true
        }
        if down { throw MailDeliveryFailure(.serverUnavailable, "Connection refused") }
        if mail.to == refused { throw MailDeliveryFailure(.permanent, "550 No such user") }
        state.withLockedValue { $0.received.append(mail) }
    }
}

@Suite("The e-mail sender: retries, backoff, one sender, each alert once")
struct AlertSenderTests {
    /// Queues one alert to each of `count` coordinators' worth of events.
    func queue(_ count: Int, in app: Application, at instant: Date) async throws {
        let store = Store(app.db)
        for index in 0..<count {
            let content = AlertContent(
                kind: .closedUnplaced, referralID: UUID(), referralReference: "SP-\(index)",
                childPseudonym: "C-\(index)")
            try await store.transaction { store in
                try await AlertOutbox.localDefault.queue(
                    content, event: "event-\(index)", to: nil, at: instant, in: store)
            }
        }
    }

    @Test("a mail server that is down loses nothing: each alert goes once when it returns", arguments: TestDatabase.all)
    func serverDown(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let store = Store(app.db)
            let start = demoDataset.end
            try await queue(5, in: app, at: start)
            let server = TestMailServer(downFor: 1)
            let clock = NIOLockedValueBox(start)
            let sender = SendAlerts(
                store: store, instance: "a", transport: server, from: "alerts@secureplace.example",
                retries: AlertRetryPolicy(firstWait: 30, longestWait: 3600, maximumAttempts: 5),
                now: { clock.withLockedValue { $0 } })

            let first = try await sender.run()
            #expect(first.serverUnavailable && first.sent == 0, "the run stops at the first refused connection")
            let waiting = try await store.alerts(withStatus: [.pending], offset: 0, limit: 10).alerts
            #expect(waiting.count == 5)
            let tried = try #require(waiting.first { $0.delivery.attempts == 1 })
            #expect(tried.delivery.nextAttemptAt == start.addingTimeInterval(30))
            #expect(tried.delivery.lastError == "Connection refused")

            let other = SendAlerts(
                store: store, instance: "b", transport: server, from: "alerts@secureplace.example",
                now: { clock.withLockedValue { $0 } })
            #expect(try await other.run().sent == 0, "instance a holds the sender's lease")

            let second = try await sender.run()
            #expect(second.sent == 4, "the four never tried go; the one that failed waits its 30 seconds")
            clock.withLockedValue { $0 = start.addingTimeInterval(31) }
            #expect(try await sender.run().sent == 1)
            #expect(try await sender.run().sent == 0)

            let ids = server.received.map(\.messageID)
            #expect(ids.count == 5 && Set(ids).count == 5, "each alert once")
            let all = try await store.alerts(offset: 0, limit: 10).alerts
            #expect(all.allSatisfy { $0.delivery.status == .sent })
            let attempts = try await store.attempts(ofAlerts: [tried.id])[tried.id] ?? []
            #expect(attempts.map(\.succeeded) == [false, true])
        }
    }

    @Test("the wait doubles after each failure, and an alert is given up after the last attempt")
    func backoff() async throws {
        let policy = AlertRetryPolicy(firstWait: 30, longestWait: 100, maximumAttempts: 4)
        let now = Date(timeIntervalSince1970: 0)
        #expect(policy.nextAttempt(afterFailedAttempts: 1, at: now) == now.addingTimeInterval(30))
        #expect(policy.nextAttempt(afterFailedAttempts: 2, at: now) == now.addingTimeInterval(60))
        #expect(policy.nextAttempt(afterFailedAttempts: 3, at: now) == now.addingTimeInterval(100))
        #expect(policy.nextAttempt(afterFailedAttempts: 4, at: now) == nil)
    }

    @Test("an address the mail server refuses for good is failed at once and listed for the administrators")
    func refused() async throws {
        try await withApp(.sqlite, demo: false) { app in
            try await queue(1, in: app, at: demoDataset.end)
            let server = TestMailServer(refusing: "coordinator@secureplace.example")
            let sender = SendAlerts(
                store: Store(app.db), instance: "a", transport: server, from: "alerts@secureplace.example",
                now: { demoDataset.end })
            #expect(try await sender.run().failed == 1)
            let failed = try await Store(app.db).alerts(withStatus: [.failed], offset: 0, limit: 10)
            #expect(failed.total == 1)
            #expect(failed.alerts.first?.delivery.lastError == "550 No such user")
        }
    }
}
