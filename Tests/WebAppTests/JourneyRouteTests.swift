import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Referral journey through the API")
struct JourneyRouteTests {
    @Test("draft, approve, circulate, a decline and an offer, accept, admit, discharge", arguments: TestDatabase.all)
    func placementJourney(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            let manager = try await app.bearerHeaders(for: "manager@manchester.example")
            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let homeA = try await app.bearerHeaders(for: "manager@sch-a.example")
            let homeB = try await app.bearerHeaders(for: "manager@sch-b.example")

            var form = SmallWorld.form()
            form["dateOfBirth"] = "2020-01-01"
            form["summary"] = ""
            let invalid = try await app.send(.POST, "/api/v1/referrals", as: referrer, body: form)
            #expect(invalid.status == .badRequest)
            let fields = (invalid.json["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] }
            #expect(Set(fields) == ["dateOfBirth", "summary"], "every problem at once, by field")

            let created = try await app.send(.POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form())
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            #expect((created.json["identity"] as? [String: String])?["givenName"] == "Alex")

            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/request-approval", as: referrer).status == .ok)
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/approve", as: referrer).status == .forbidden)
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/approve", as: manager).status == .ok)
            let circulated = try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: coordinator)
            #expect(circulated.status == .ok)
            #expect(circulated.array.count == 2, "both homes have a vacant welfare bed and take a 15-year-old girl")
            // Every home with a bed has it now: asking again conflicts with the state of
            // things, it is not a bad request.
            let again = try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: coordinator)
            #expect(again.status == .conflict)
            #expect((again.json["errors"] as? [[String: String]])?.first?["field"] == "homes")

            let beforeOffer = try await app.send(.GET, "/api/v1/referrals/\(id)", as: homeA)
            #expect(beforeOffer.json["identity"] == nil, "a home sees who the child is only once it has offered")
            let declined = try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: homeA,
                body: ReferralJourney.ResponseForm(
                    answer: "decline", reasons: ["compatibility"], note: "Two girls with similar histories"))
            #expect(declined.status == .created)
            let answeredAgain = try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: homeA,
                body: ReferralJourney.ResponseForm(answer: "decline", reasons: ["compatibility"]))
            #expect(answeredAgain.status == .conflict, "a home answers once")
            let offered = try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: homeB,
                body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedB.id, availableFrom: "2026-11-20"))
            #expect(offered.status == .created)
            let offerID = try #require(offered.json["id"] as? String)
            let afterOffer = try await app.send(.GET, "/api/v1/referrals/\(id)", as: homeB)
            #expect(afterOffer.json["identity"] != nil)

            let seen = try await app.send(.GET, "/api/v1/referrals/\(id)", as: referrer)
            let homes = seen.json["homes"] as? [[String: Any]] ?? []
            #expect(homes.count == 2)
            #expect(
                homes.contains {
                    (($0["response"] as? [String: Any])?["declineReasons"] as? [String]) == ["compatibility"]
                })

            #expect(try await app.send(.POST, "/api/v1/offers/\(offerID)/accept", as: referrer).status == .ok)
            let board = try await app.send(.GET, "/api/v1/bed-board", as: coordinator)
            #expect(((board.json["national"] as? [String: Any])?["all"] as? [String: Int])?["reserved"] == 1)

            let admitted = try await app.send(.POST, "/api/v1/placements/\(offerID)/admit", as: homeB)
            #expect(admitted.status == .ok)
            #expect(try await app.send(.POST, "/api/v1/placements/\(offerID)/admit", as: homeB).status == .conflict)
            let occupied = try await app.send(.GET, "/api/v1/bed-board", as: coordinator)
            #expect(((occupied.json["national"] as? [String: Any])?["all"] as? [String: Int])?["occupied"] == 1)

            let discharged = try await app.send(
                .POST, "/api/v1/placements/\(offerID)/discharge", as: homeB, body: ["reason": "CARPL", "movedTo": "K2"])
            #expect(discharged.status == .ok)
            let episodes = try await Store(app.db).placementEpisodes().sorted { $0.type.rawValue < $1.type.rawValue }
            #expect(episodes.map(\.type) == [.secureChildrensHome, .childrensHome], "the move is counted")
            #expect(episodes.first?.endReason == .carePlan)
            let vacant = try await app.send(.GET, "/api/v1/bed-board", as: coordinator)
            #expect(((vacant.json["national"] as? [String: Any])?["all"] as? [String: Int])?["vacant"] == 2)

            let timeline = try await app.send(.GET, "/api/v1/referrals/\(id)/timeline", as: referrer)
            #expect(
                timeline.array.compactMap { $0["action"] as? String } == [
                    "create", "request-approval", "approve", "circulate", "receive-decline", "receive-offer",
                    "accept-offer", "admit",
                ])
            #expect(try await Store(app.db).verifyAuditChain() == nil)
        }
    }

    @Test(
        "closing unplaced notifies the English child's regulator, with every decline reason",
        arguments: TestDatabase.all)
    func unplacedJourney(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let homeA = try await app.bearerHeaders(for: "manager@sch-a.example")
            let id = try #require(
                try await app.send(.POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form()).json["id"]
                    as? String)
            try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
            try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: coordinator)
            try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: homeA,
                body: ReferralJourney.ResponseForm(
                    answer: "decline", reasons: ["risk-to-children", "other"], note: "No staff"))

            let missing = try await app.send(
                .POST, "/api/v1/referrals/\(id)/close-unplaced", as: referrer, body: ["alternative": "nowhere"])
            #expect(missing.status == .badRequest)
            let closed = try await app.send(
                .POST, "/api/v1/referrals/\(id)/close-unplaced", as: referrer,
                body: ["alternative": "dol-unregistered", "location": "Unregistered flat with two staff"])
            #expect(closed.status == .created)

            let ofsted = try await app.send(
                .GET, "/api/v1/notifications", as: try await app.bearerHeaders(for: "inspector@ofsted.example"))
            #expect(ofsted.array.count == 1)
            let approached = ofsted.array.first?["homesApproached"] as? [[String: Any]]
            #expect(approached?.first?["declineReasons"] as? [String] == ["risk-to-children", "other"])
            #expect(ofsted.array.first?["alternative"] as? String == "dol-unregistered")
            let ciw = try await app.send(
                .GET, "/api/v1/notifications", as: try await app.bearerHeaders(for: "inspector@ciw.example"))
            #expect(ciw.array.isEmpty)
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: coordinator).status == .conflict)
        }
    }

    @Test("no one outside the authority, the coordinators and the homes it went to learns a referral exists")
    func existenceDoesNotLeak() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            let id = try #require(
                try await app.send(.POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form()).json["id"]
                    as? String)
            for email in [
                "referrer@cardiff.example", "manager@sch-a.example", "inspector@ofsted.example",
                "analyst@secureplace.example",
            ] {
                let other = try await app.bearerHeaders(for: email)
                #expect(try await app.send(.GET, "/api/v1/referrals/\(id)", as: other).status == .notFound, "\(email)")
            }
            let cardiff = try await app.bearerHeaders(for: "referrer@cardiff.example")
            let theirs = try await app.send(.GET, "/api/v1/referrals", as: cardiff)
            #expect(theirs.json["total"] as? Int == 0)
            let analyst = try await app.bearerHeaders(for: "analyst@secureplace.example")
            #expect(try await app.send(.GET, "/api/v1/referrals", as: analyst).status == .forbidden)
        }
    }

    @Test(
        "twenty authorities accepting offers of the same last bed at once: exactly one gets it",
        arguments: TestDatabase.all)
    func concurrentAccepts(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let homeA = try await app.bearerHeaders(for: "manager@sch-a.example")
            // Close the other home's bed, so every referral goes to home A alone.
            try await Store(app.db).changeStatus(
                ofBed: world.bedB.id, to: .closed(.staffing), at: demoDataset.end.addingTimeInterval(-60))
            var offers: [String] = []
            for index in 1...20 {
                let id = try #require(
                    try await app.send(
                        .POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form(givenName: "Child \(index)")
                    ).json["id"] as? String)
                try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
                try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: coordinator)
                let offer = try await app.send(
                    .POST, "/api/v1/referrals/\(id)/responses", as: homeA,
                    body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id))
                offers.append(try #require(offer.json["id"] as? String))
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for offer in offers {
                    group.addTask { try await app.send(.POST, "/api/v1/offers/\(offer)/accept", as: referrer).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.count { $0 == .ok } == 1)
            #expect(statuses.count { $0 == .conflict } == 19)
            let history = try await Store(app.db).bedStatusHistory(ofBed: world.bedA.id)
            #expect(history.count { $0.status == .reserved } == 1, "the bed is never held twice")
            let board = try await Store(app.db).bedBoard(at: demoDataset.end)
            #expect(board.national.all.occupied + board.national.all.reserved <= board.national.all.registered)
        }
    }
}

@Suite("Approval before submission")
struct ApprovalRuleTests {
    @Test("where an authority asks for approval, its referrers cannot submit directly; its managers can")
    func approvalRequired() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            try await Store(app.db).setSubmissionRule(.approvalRequired, forAuthority: SmallWorld.manchester)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            let id = try #require(
                try await app.send(.POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form()).json["id"]
                    as? String)
            let refused = try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
            #expect(refused.status == .forbidden)
            #expect((refused.json["detail"] as? String)?.contains("manager's approval") == true)
            let (session, _) = try await app.sessionHeaders(for: "referrer@manchester.example")
            var html = ""
            try await app.testing().test(.GET, "/referrals/\(id)", headers: session) { html = $0.body.string }
            #expect(!html.contains("Submit the referral"))
            #expect(html.contains("Send to a manager"))
            let manager = try await app.bearerHeaders(for: "manager@manchester.example")
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: manager).status == .ok)
        }
    }
}
