import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Deadlines, escalation, the 72-hour rule and follow-ups")
struct FollowUpAndEscalationTests {
    /// A Manchester referral, submitted and circulated to both homes of the small world.
    func circulatedReferral(_ app: Application, order: String = "interim-order") async throws -> String {
        let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
        var form = SmallWorld.form()
        form["orderStatus"] = order
        if order == "application-made" {
            form["orderStartsOn"] = nil
            form["orderEndsOn"] = nil
        }
        let created = try await app.send(.POST, "/api/v1/referrals", as: referrer, body: form)
        let id = try #require(created.json["id"] as? String)
        try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
        try await app.send(
            .POST, "/api/v1/referrals/\(id)/circulate",
            as: try await app.bearerHeaders(for: "coordinator@secureplace.example"))
        return id
    }

    @Test("homes that miss the deadline get the referral escalated, by one instance only", arguments: TestDatabase.all)
    func escalation(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let id = try await circulatedReferral(app)
            let store = Store(app.db)
            let beforeDeadline = demoDataset.end.addingTimeInterval(3600)
            let afterDeadline = demoDataset.end.addingTimeInterval(5 * 3600)

            let early = try await EscalateOverdueReferrals(store: store, instance: "a", now: { beforeDeadline }).run(
                leaseFor: 86_400)
            #expect(early.isEmpty, "no home is late yet")
            let otherInstance = try await EscalateOverdueReferrals(store: store, instance: "b", now: { afterDeadline })
                .run()
            #expect(otherInstance.isEmpty, "instance a holds the lease")
            let escalated = try await EscalateOverdueReferrals(store: store, instance: "a", now: { afterDeadline })
                .run()
            #expect(escalated.map(\.uuidString) == [id.uppercased()])
            let again = try await EscalateOverdueReferrals(store: store, instance: "a", now: { afterDeadline }).run()
            #expect(again.isEmpty, "escalated once")
            let lapsed = demoDataset.end.addingTimeInterval(2 * 86_400)
            let takenOver = try await EscalateOverdueReferrals(store: store, instance: "b", now: { lapsed }).run()
            #expect(takenOver.isEmpty, "b may take over once a's lease lapses, and finds nothing left to do")
            #expect(
                try await store.acquireLease(EscalateOverdueReferrals.leaseName, holder: "a", at: lapsed, for: 60)
                    == false)
            let referral = try await store.referral(id: try #require(UUID(uuidString: id)))
            #expect(referral?.escalatedAt == afterDeadline)
        }
    }

    @Test("a child placed before the order is made shows the hours left of the 72")
    func seventyTwoHours() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let id = try await circulatedReferral(app, order: "application-made")
            let home = try await app.bearerHeaders(for: "manager@sch-a.example")
            let offer = try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: home,
                body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id))
            let offerID = try #require(offer.json["id"] as? String)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            try await app.send(.POST, "/api/v1/offers/\(offerID)/accept", as: referrer)
            try await app.send(.POST, "/api/v1/placements/\(offerID)/admit", as: home)
            let seen = try await app.send(.GET, "/api/v1/referrals/\(id)", as: referrer)
            #expect(seen.json["hoursLeftWithoutOrder"] as? Double == 72)

            let (coordinator, _) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            var html = ""
            try await app.testing().test(.GET, "/without-order", headers: coordinator) { html = $0.body.string }
            #expect(html.contains("72.0 hours"))
            #expect(!html.contains("Act now"))
            let principal = try #require(
                try await Authenticate(store: Store(app.db)).bearer(token: coordinatorToken(app)))
            let later = demoDataset.end.addingTimeInterval(65 * 3600)
            let warned = try await ReferralJourney(store: Store(app.db), now: { later }).placementsWithoutOrder(
                by: principal)
            #expect(warned.first?.needsAction == true, "with 7 hours left the coordinators are warned")
        }
    }

    @Test("a child under 13 cannot be admitted until ministerial approval is recorded")
    func underThirteen() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            var form = SmallWorld.form()
            form["dateOfBirth"] = "2014-06-01"
            let id = try #require(
                try await app.send(.POST, "/api/v1/referrals", as: referrer, body: form).json["id"] as? String)
            try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
            try await app.send(
                .POST, "/api/v1/referrals/\(id)/circulate",
                as: try await app.bearerHeaders(for: "coordinator@secureplace.example"))
            let home = try await app.bearerHeaders(for: "manager@sch-a.example")
            let offerID = try #require(
                try await app.send(
                    .POST, "/api/v1/referrals/\(id)/responses", as: home,
                    body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id)
                )
                .json["id"] as? String)
            try await app.send(.POST, "/api/v1/offers/\(offerID)/accept", as: referrer)
            let refused = try await app.send(.POST, "/api/v1/placements/\(offerID)/admit", as: home)
            #expect(refused.status == .badRequest)
            #expect((refused.json["errors"] as? [[String: String]])?.first?["field"] == "ministerialApprovalOn")
            let admitted = try await app.send(
                .POST, "/api/v1/placements/\(offerID)/admit", as: home, body: ["ministerialApprovalOn": "2026-11-19"])
            #expect(admitted.status == .ok)
        }
    }

    @Test(
        "closing unplaced puts the child on the authority's follow-up list at 7, 28, 90 days and 12 months",
        arguments: TestDatabase.all)
    func followUps(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let id = try await circulatedReferral(app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            try await app.send(
                .POST, "/api/v1/referrals/\(id)/close-unplaced", as: referrer,
                body: ["alternative": "open-childrens-home", "location": "Registered home in Bolton"])
            let due = try await app.send(.GET, "/api/v1/follow-ups", as: referrer)
            #expect(
                due.array.compactMap { $0["interval"] as? String } == ["7-days", "28-days", "90-days", "12-months"])
            let cardiff = try await app.send(
                .GET, "/api/v1/follow-ups", as: try await app.bearerHeaders(for: "referrer@cardiff.example"))
            #expect(cardiff.array.isEmpty)

            let first = try #require(due.array.first?["id"] as? String)
            let bad = try await app.send(
                .POST, "/api/v1/follow-ups/\(first)", as: referrer, body: ["currentPlacement": "XX"])
            #expect(bad.status == .badRequest)
            let recorded = try await app.send(
                .POST, "/api/v1/follow-ups/\(first)", as: referrer,
                body: ReferralJourney.FollowUpForm(
                    currentPlacement: "K2", placementMoves: 1, missingEpisodes: 2, inCustody: false, note: ""))
            #expect(recorded.status == .ok)
            let second = try #require(due.array.dropFirst().first?["id"] as? String)
            let withNull = try await app.send(
                .POST, "/api/v1/follow-ups/\(second)", as: referrer,
                json: ["currentPlacement": "K1", "placementMoves": NSNull(), "note": NSNull()])
            #expect(withNull.status == .ok, "null is taken as a field left out")
            #expect((withNull.json["outcome"] as? [String: Any])?["note"] as? String == "")
            let remaining = try await app.send(.GET, "/api/v1/follow-ups", as: referrer)
            #expect(remaining.array.count == 2)
            let otherAuthority = try await app.send(
                .POST, "/api/v1/follow-ups/\(first)", as: try await app.bearerHeaders(for: "referrer@cardiff.example"),
                body: ["currentPlacement": "K2"])
            #expect(otherAuthority.status == .notFound)
        }
    }
}

/// A coordinator's bearer token, for calling use cases directly as them.
func coordinatorToken(_ app: Application) async throws -> String {
    try #require(try await app.bearerHeaders(for: "coordinator@secureplace.example").bearerAuthorization?.token)
}

@Suite("Follow-up pages")
struct FollowUpPageTests {
    @Test("an authority records a follow-up through the form, with the message beside a bad number")
    func recordThroughTheForm() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let id = try await FollowUpAndEscalationTests().circulatedReferral(app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            try await app.send(
                .POST, "/api/v1/referrals/\(id)/close-unplaced", as: referrer,
                body: ["alternative": "foster-care", "location": "Foster carer in Stockport"])
            let followUp = try #require(
                try await app.send(.GET, "/api/v1/follow-ups", as: referrer).array.first?["id"] as? String)
            let (session, csrf) = try await app.sessionHeaders(for: "referrer@manchester.example")
            var html = ""
            try await app.testing().test(.GET, "/follow-ups", headers: session) { html = $0.body.string }
            #expect(html.contains("Record the 7 days check"))
            try await app.testing().test(
                .POST, "/follow-ups/\(followUp)", headers: session,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "currentPlacement": "U4", "placementMoves": "two"], as: .urlEncodedForm)
                }
            ) { html = $0.body.string }
            #expect(html.contains("Enter a whole number, such as 0 or 2."))
            try await app.testing().test(
                .POST, "/follow-ups/\(followUp)", headers: session,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "currentPlacement": "U4", "placementMoves": "1", "missingEpisodes": "0"],
                        as: .urlEncodedForm)
                }
            ) { #expect($0.status == .seeOther) }
            let left = try await app.send(.GET, "/api/v1/follow-ups", as: referrer)
            #expect(left.array.count == 3)
        }
    }
}
