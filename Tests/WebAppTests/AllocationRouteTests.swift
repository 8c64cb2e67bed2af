import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("National allocation rounds")
struct AllocationRouteTests {
    @Test(
        "the one bed goes to the emergency; confirming asks that home for an offer; a stale confirmation asks nobody",
        arguments: TestDatabase.all)
    func roundProposeAndConfirm(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            try await law.store.changeStatus(
                ofBed: law.world.bedB.id, to: .closed(.repair), at: demoDataset.end.addingTimeInterval(-60))
            let referrer = try await law.principal("referrer@manchester.example")
            let planned = try await law.journey().create(
                LawHarness.form(["urgency": "planned", "localAuthorityReference": "MCR-P"]), by: referrer)
            let emergency = try await law.journey().create(
                LawHarness.form(["localAuthorityReference": "MCR-E"]), by: referrer)
            for referral in [planned, emergency] { _ = try await law.journey().submit(referral.id, by: referrer) }

            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let round = try await app.send(.GET, "/api/v1/allocation", as: coordinator)
            #expect(round.status == .ok)
            let pairs = round.json["pairs"] as? [[String: Any]] ?? []
            #expect(pairs.map { $0["referralID"] as? String } == [emergency.id.uuidString], "priority first")
            #expect((pairs.first?["chosen"] as? [String: Any])?["bedID"] as? String == law.world.bedA.id.uuidString)
            let unassigned = round.json["unassigned"] as? [[String: Any]] ?? []
            #expect(unassigned.map { $0["referralID"] as? String } == [planned.id.uuidString])

            let body = ["pairs": [["referralID": emergency.id.uuidString, "bedID": law.world.bedA.id.uuidString]]]
            let confirmed = try await app.send(.POST, "/api/v1/allocation/confirm", as: coordinator, body: body)
            #expect(confirmed.status == .ok)
            #expect(confirmed.array.map { $0["homeID"] as? String } == [law.world.homeA.id.uuidString])
            #expect(try await law.store.referral(id: emergency.id)?.state == .circulated)
            let homeA = try await app.bearerHeaders(for: "manager@sch-a.example")
            #expect(try await app.send(.GET, "/api/v1/referrals/\(emergency.id)", as: homeA).status == .ok)
            let told = try await law.store.alerts(offset: 0, limit: 100).alerts.filter {
                $0.kind == .referralCirculated && $0.referralID == emergency.id
            }
            #expect(told.map(\.recipientAddress) == ["manager@sch-a.example"], "the home asked is e-mailed")

            let again = try await app.send(.POST, "/api/v1/allocation/confirm", as: coordinator, body: body)
            #expect(again.status == .conflict)
            #expect((again.json["errors"] as? [[String: String]])?.first?["message"]?.contains("already gone") == true)
            #expect(try await law.store.circulations(ofReferral: emergency.id).count == 1, "nobody asked twice")

            let next = try await app.send(.GET, "/api/v1/allocation", as: coordinator)
            #expect(
                (next.json["pairs"] as? [[String: Any]] ?? []).map { $0["referralID"] as? String }
                    == [planned.id.uuidString], "a home already asked is not proposed again for that child")

            let authority = try await app.bearerHeaders(for: "referrer@manchester.example")
            #expect(try await app.send(.GET, "/api/v1/allocation", as: authority).status == .forbidden)
        }
    }

    @Test("a round with nothing to allocate says so, on the API and the page; the page confirms the pairs ticked")
    func nothingToAllocateAndThePage() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let empty = try await app.send(.GET, "/api/v1/allocation", as: coordinator)
            #expect(empty.status == .badRequest)
            #expect((empty.json["errors"] as? [[String: String]])?.first?["field"] == "allocation")

            let referrer = try await law.principal("referrer@manchester.example")
            let referral = try await law.journey().create(LawHarness.form(), by: referrer)
            _ = try await law.journey().submit(referral.id, by: referrer)
            let (session, csrf) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            var html = ""
            try await app.testing().test(.GET, "/allocation", headers: session) { html = $0.body.string }
            #expect(html.contains(referral.reference))
            var location: String?
            try await app.testing().test(
                .POST, "/allocation", headers: session,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "pairs[]": "\(referral.id.uuidString):\(law.world.bedB.id.uuidString)"],
                        as: .urlEncodedForm)
                }
            ) { location = $0.headers.first(name: .location) }
            #expect(location == "/allocation?notice=confirmed")
            #expect(try await law.store.circulations(ofReferral: referral.id).map(\.homeID) == [law.world.homeB.id])
            try await app.testing().test(
                .POST, "/allocation", headers: session,
                beforeRequest: { try $0.content.encode(["csrfToken": csrf], as: .urlEncodedForm) }
            ) { html = $0.body.string }
            #expect(html.contains("<title>Error:") && html.contains("Choose at least one pair to confirm."))
        }
    }
}
