import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Homes ranked for a referral")
struct RankingRouteTests {
    @Test(
        "coordinators see the eligible homes ranked with the parts of each score, and why the others are excluded",
        arguments: TestDatabase.all)
    func coordinatorsSeeTheRanking(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            try await law.store.changeStatus(
                ofBed: law.world.bedB.id, to: .closed(.staffing), at: demoDataset.end.addingTimeInterval(-60))
            let referrer = try await law.principal("referrer@manchester.example")
            let referral = try await law.journey().create(LawHarness.form(), by: referrer)
            _ = try await law.journey().submit(referral.id, by: referrer)

            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let answer = try await app.send(.GET, "/api/v1/referrals/\(referral.id)/ranking", as: coordinator)
            #expect(answer.status == .ok)
            let ranked = answer.json["ranked"] as? [[String: Any]] ?? []
            #expect(ranked.map { $0["homeReference"] as? String } == ["SCH-A"])
            let parts = ranked.first?["parts"] as? [[String: Any]] ?? []
            #expect(parts.map { $0["kind"] as? String } == ["distance", "specialisms", "compatibility", "past-offers"])
            let excluded = answer.json["excluded"] as? [[String: Any]] ?? []
            #expect(excluded.first?["homeReference"] as? String == "SCH-B")
            #expect(excluded.first?["reasons"] as? [String] == ["no-vacant-bed"])

            let (session, _) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            var html = ""
            try await app.testing().test(.GET, "/referrals/\(referral.id)", headers: session) { html = $0.body.string }
            #expect(html.contains("Homes ranked for this child") && html.contains("No vacant bed on the date needed"))
            let (authority, _) = try await app.sessionHeaders(for: "referrer@manchester.example")
            try await app.testing().test(.GET, "/referrals/\(referral.id)", headers: authority) {
                html = $0.body.string
            }
            #expect(!html.contains("Homes ranked for this child"), "the ranking is the coordinators'")
        }
    }

    @Test(
        "past offers count each home's answers to other children of the same sex and age band, never this child's own",
        arguments: TestDatabase.all)
    func pastOffersCountSimilarChildren(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let coordinator = try await law.principal("coordinator@secureplace.example")
            let homeB = try await law.principal("manager@sch-b.example")
            let decline = Coordination.ReferralJourney.ResponseForm(answer: "decline", reasons: ["risk-to-children"])
            // A girl of 15 like the child below: home A offers, home B declines.
            let (similar, _) = try await law.offered(LawHarness.form(["localAuthorityReference": "MCR-P1"]))
            _ = try await law.journey().respond(similar.id, decline, by: homeB)
            // A boy of the same age: home B's decline says nothing about girls.
            let (boy, _) = try await law.offered(
                LawHarness.form(["localAuthorityReference": "MCR-P2", "sex": "male", "givenName": "Sam"]))
            _ = try await law.journey().respond(boy.id, decline, by: homeB)
            // A girl of 13: a different age band.
            let (younger, _) = try await law.offered(
                LawHarness.form(["localAuthorityReference": "MCR-P3", "dateOfBirth": "2013-05-01", "givenName": "Ria"]))
            _ = try await law.journey().respond(younger.id, decline, by: homeB)

            let referrer = try await law.principal("referrer@manchester.example")
            let child = try await law.journey().create(
                LawHarness.form(["localAuthorityReference": "MCR-R", "givenName": "Jo"]), by: referrer)
            _ = try await law.journey().submit(child.id, by: referrer)
            _ = try await law.journey().circulate(child.id, by: coordinator)
            _ = try await law.journey().respond(child.id, decline, by: homeB)

            let ranking = try await law.journey().ranking(child.id, by: coordinator)
            func pastOffers(_ home: SecureHome) -> String? {
                let ranked = (ranking.ranked.first { $0.home.id == home.id })
                return ranked?.parts.first { $0.kind == .pastOffers }?.detail
            }
            #expect(pastOffers(law.world.homeA) == "Offered to 1 of 1 similar children")
            #expect(pastOffers(law.world.homeB) == "Offered to 0 of 1 similar children")
        }
    }

    @Test(
        "circulating in ranked waves goes to the best-ranked home first and widens one wave at a time; a broadcast goes to all"
    )
    func rankedWaves() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            func submitted(_ reference: String) async throws -> String {
                let id = try #require(
                    try await app.send(
                        .POST, "/api/v1/referrals", as: referrer,
                        body: SmallWorld.form().merging(["localAuthorityReference": reference]) { $1 }
                    ).json["id"] as? String)
                try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
                return id
            }
            let waved = try await submitted("MCR-W")
            let ranking = try await app.send(.GET, "/api/v1/referrals/\(waved)/ranking", as: coordinator)
            let order = (ranking.json["ranked"] as? [[String: Any]] ?? []).compactMap { $0["homeID"] as? String }
            #expect(order.count == 2)
            let first = try await app.send(.POST, "/api/v1/referrals/\(waved)/circulate?wave=1", as: coordinator)
            #expect(first.array.compactMap { $0["homeID"] as? String } == [order[0]], "the best-ranked home first")
            let second = try await app.send(.POST, "/api/v1/referrals/\(waved)/circulate?wave=1", as: coordinator)
            #expect(second.array.compactMap { $0["homeID"] as? String } == [order[1]], "then the next")
            let none = try await app.send(.POST, "/api/v1/referrals/\(waved)/circulate?wave=1", as: coordinator)
            #expect(none.status == .conflict, "no home left to ask: the state of things, not the request")
            let bad = try await app.send(.POST, "/api/v1/referrals/\(waved)/circulate?wave=many", as: coordinator)
            #expect(bad.status == .badRequest)
            #expect((bad.json["errors"] as? [[String: String]])?.first?["field"] == "wave")
            let empty = try await app.send(.POST, "/api/v1/referrals/\(waved)/circulate?wave=", as: coordinator)
            #expect(empty.status == .badRequest, "an empty wave is not a wave left out")
            #expect((empty.json["errors"] as? [[String: String]])?.first?["field"] == "wave")

            let broadcast = try await submitted("MCR-B")
            #expect(
                try await app.send(.POST, "/api/v1/referrals/\(broadcast)/circulate", as: coordinator).array.count == 2)
            _ = law
        }
    }

    @Test(
        "a wave widens by itself: at once when every home in it has declined, and by the job once its deadline has passed",
        arguments: TestDatabase.all)
    func wavesWidenByThemselves(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let coordinator = try await law.principal("coordinator@secureplace.example")
            let managers = [
                law.world.homeA.id: try await law.principal("manager@sch-a.example"),
                law.world.homeB.id: try await law.principal("manager@sch-b.example"),
            ]
            func submitted(_ reference: String) async throws -> Referral {
                let referral = try await law.journey().create(
                    LawHarness.form(["localAuthorityReference": reference, "givenName": reference]), by: referrer)
                return try await law.journey().submit(referral.id, by: referrer)
            }

            let declined = try await submitted("MCR-WD")
            let first = try await law.journey().circulate(declined.id, wave: 1, by: coordinator)
            #expect(first.count == 1)
            _ = try await law.journey().respond(
                declined.id, .init(answer: "decline", reasons: ["risk-to-children"]), by: managers[first[0].homeID]!)
            let afterDecline = try await law.store.circulations(ofReferral: declined.id)
            #expect(afterDecline.count == 2, "the next ranked home was asked at the last decline")
            #expect(
                try await law.store.auditEvents(about: declined.id.uuidString).map(\.entry.action)
                    .contains("referral.widen-wave"))

            let silent = try await submitted("MCR-WS")
            let asked = try await law.journey().circulate(silent.id, wave: 1, by: coordinator)
            let job = { (hours: Double) in
                WidenCirculationWaves(
                    store: law.store, instance: "test", now: { demoDataset.end.addingTimeInterval(hours * 3600) })
            }
            #expect(try await job(0).run().isEmpty, "the deadline has not passed")
            let deadline = asked[0].respondBy.timeIntervalSince(demoDataset.end) / 3600
            #expect(try await job(deadline + 0.1).run() == [silent.id])
            #expect(try await law.store.circulations(ofReferral: silent.id).count == 2)
            #expect(try await job(deadline + 100).run().isEmpty, "no home left to ask")

            // A broadcast stops the waves.
            let broadcast = try await submitted("MCR-WB")
            _ = try await law.journey().circulate(broadcast.id, wave: 1, by: coordinator)
            _ = try await law.journey().circulate(broadcast.id, by: coordinator)
            #expect(try await law.store.waveSize(ofReferral: broadcast.id) == nil)
        }
    }
}
