import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("E-mail alerts: who is told what, written with the change, sent once")
struct AlertOutboxTests {
    let coordinator = "coordinator@secureplace.example"

    /// A Manchester referral for Alex Example, submitted and circulated to both homes.
    func circulatedReferral(_ app: Application) async throws -> String {
        let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
        let created = try await app.send(.POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form())
        let id = try #require(created.json["id"] as? String)
        try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
        try await app.send(
            .POST, "/api/v1/referrals/\(id)/circulate", as: try await app.bearerHeaders(for: coordinator))
        return id
    }

    func outbox(_ app: Application) async throws -> [Alert] {
        try await Store(app.db).alerts(offset: 0, limit: 1000).alerts
    }

    func userID(_ app: Application, _ email: String) async throws -> UUID {
        try #require(try await Store(app.db).account(email: email)).user.id
    }

    @Test(
        "circulating tells each home's manager; an offer tells the authority's referrer and manager",
        arguments: TestDatabase.all)
    func whoIsTold(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let id = try await circulatedReferral(app)
            let circulated = try await outbox(app)
            #expect(Set(circulated.map(\.recipientAddress)) == ["manager@sch-a.example", "manager@sch-b.example"])
            #expect(circulated.allSatisfy { $0.kind == .referralCirculated && $0.delivery.status == .pending })

            let home = try await app.bearerHeaders(for: "manager@sch-a.example")
            try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: home,
                body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id))
            let offers = try await outbox(app).filter { $0.kind == .offerMade }
            #expect(
                Set(offers.map(\.recipientAddress)) == ["referrer@manchester.example", "manager@manchester.example"])
            let referralID = try #require(UUID(uuidString: id))
            let child = try #require(try await Store(app.db).referral(id: referralID))
            let pseudonym = try #require(try await Store(app.db).child(id: child.childID)).pseudonym
            for alert in offers {
                #expect(alert.subject.contains(pseudonym))
                #expect(alert.body.contains("Alder House has offered a bed"))
                #expect(alert.body.contains("http://localhost:8080/referrals/\(id.uppercased())"))
                #expect(!alert.subject.contains("Alex") && !alert.body.contains("Alex"), "never the child's name")
                #expect(!alert.body.contains("2011-03-01") && !alert.body.contains("Example"), "nor the birth date")
            }
        }
    }

    @Test("an alert is written in the change's transaction: a change rolled back leaves none")
    func sameTransaction() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let id = try #require(UUID(uuidString: try await circulatedReferral(app)))
            let store = Store(app.db)
            let before = try await outbox(app).count
            struct ChangeFailed: Error {}
            await #expect(throws: ChangeFailed.self) {
                try await store.transaction { store in
                    let referral = try #require(try await store.referral(id: id))
                    let content = AlertContent(
                        kind: .closedUnplaced, referralID: id, referralReference: referral.reference,
                        childPseudonym: "C-TEST")
                    let queued = try await AlertOutbox.localDefault.queue(
                        content, event: "rolled-back", to: nil, at: demoDataset.end, in: store)
                    #expect(queued.count == 1, "the coordinator would be told")
                    throw ChangeFailed()
                }
            }
            #expect(try await outbox(app).count == before)
        }
    }

    @Test("a person who switches an alert off is not sent it; the others still are")
    func optingOut() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let manager = try await userID(app, "manager@manchester.example")
            try await Store(app.db).setAlertOptOuts([.offerMade], ofUser: manager)
            #expect(try await Store(app.db).alertOptOuts(ofUser: manager) == [.offerMade])
            let id = try await circulatedReferral(app)
            try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses",
                as: try await app.bearerHeaders(for: "manager@sch-b.example"),
                body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedB.id))
            let offers = try await outbox(app).filter { $0.kind == .offerMade }
            #expect(offers.map(\.recipientAddress) == ["referrer@manchester.example"])
        }
    }

    @Test(
        "escalation tells the authority and the coordinators; deadlines are noticed once", arguments: TestDatabase.all)
    func backgroundAlerts(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            _ = try await circulatedReferral(app)
            let store = Store(app.db)
            // Emergency referrals give the homes four hours to answer.
            let threeAndAHalfHours = demoDataset.end.addingTimeInterval(3.5 * 3600)
            let reminders = try await QueueDeadlineAlerts(
                store: store, instance: "a", now: { threeAndAHalfHours }, alerts: .localDefault
            ).run()
            #expect(Set(reminders.map(\.recipientAddress)) == ["manager@sch-a.example", "manager@sch-b.example"])
            #expect(reminders.allSatisfy { $0.kind == .answerDueSoon })
            let again = try await QueueDeadlineAlerts(
                store: store, instance: "a", now: { threeAndAHalfHours.addingTimeInterval(60) }, alerts: .localDefault
            ).run()
            #expect(again.isEmpty, "each home is reminded once")

            let late = demoDataset.end.addingTimeInterval(5 * 3600)
            _ = try await EscalateOverdueReferrals(store: store, instance: "a", now: { late }).run()
            let escalation = try await outbox(app).filter { [.referralEscalated, .referralOverdue].contains($0.kind) }
            #expect(
                Set(escalation.map { "\($0.kind.rawValue) \($0.recipientAddress)" }) == [
                    "referral-escalated referrer@manchester.example", "referral-escalated manager@manchester.example",
                    "referral-overdue \(coordinator)",
                ])
        }
    }
}
