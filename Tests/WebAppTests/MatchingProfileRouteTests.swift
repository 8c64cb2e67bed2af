import Coordination
import Foundation
import Matching
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("What a home says it can take, and the homes an authority does not use")
struct MatchingProfileRouteTests {
    @Test(
        "a home's stated exclusions and an authority's own exclude homes from the ranking, each with its reason",
        arguments: TestDatabase.all)
    func profilesAndExclusions(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            let profile = "/api/v1/homes/\(law.world.homeA.id)/profile"
            let saved = try await app.send(
                .PUT, profile, as: manager,
                json: [
                    "specialisms": ["self-harm"], "cannotTake": ["harmful-sexual-behaviour"], "youngestAge": 12,
                    "rooms": [["bedID": law.world.bedA.id.uuidString, "features": ["step-free", "en-suite"]]],
                    "notes": "No arson history without a plan.",
                ])
            #expect(saved.status == .ok)
            #expect(saved.json["cannotTake"] as? [String] == ["harmful-sexual-behaviour"])
            #expect(saved.json["youngestAge"] as? Int == 12)
            #expect(
                (saved.json["rooms"] as? [[String: Any]])?.first?["features"] as? [String] == ["en-suite", "step-free"])
            #expect(try await law.store.home(id: law.world.homeA.id)?.specialisms == [.selfHarm])
            #expect(try await law.store.auditEvents().map(\.entry.action).contains("home-profile.update"))

            let other = try await app.bearerHeaders(for: "manager@sch-b.example")
            #expect(try await app.send(.PUT, profile, as: other, json: ["notes": "x"]).status == .forbidden)
            for (body, field) in [
                (["cannotTake": ["arson"]], "cannotTake"), (["youngestAge": 20], "youngestAge"),
                (["rooms": [["bedID": law.world.bedB.id.uuidString, "features": ["en-suite"]]]], "rooms"),
                (["specialisms": ["autism"], "cannotTake": ["autism"]], "cannotTake"),
            ] as [([String: Any], String)] {
                let answer = try await app.send(.PUT, profile, as: manager, json: body)
                #expect(answer.status == .badRequest)
                #expect((answer.json["errors"] as? [[String: String]])?.first?["field"] == field)
            }

            let authority = try await app.bearerHeaders(for: "manager@manchester.example")
            let excluded = try await app.send(
                .POST, "/api/v1/authority-exclusions", as: authority,
                body: ["homeID": law.world.homeB.id.uuidString, "reason": "Safeguarding concerns under review"])
            #expect(excluded.status == .created)
            let again = try await app.send(
                .POST, "/api/v1/authority-exclusions", as: authority,
                body: ["homeID": law.world.homeB.id.uuidString, "reason": "Twice"])
            #expect((again.json["errors"] as? [[String: String]])?.first?["field"] == "homeID")
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            #expect(
                try await app.send(
                    .POST, "/api/v1/authority-exclusions", as: referrer,
                    body: ["homeID": law.world.homeA.id.uuidString, "reason": "No"]
                ).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/authority-exclusions", as: referrer).array.count == 1)
            let cardiff = try await app.bearerHeaders(for: "referrer@cardiff.example")
            #expect(try await app.send(.GET, "/api/v1/authority-exclusions", as: cardiff).array.isEmpty)

            let coordinator = try await law.principal("coordinator@secureplace.example")
            let manchester = try await law.principal("referrer@manchester.example")
            func ranking(flags: [String], reference: String) async throws -> HomeRanking.Ranking {
                let referral = try await law.journey().create(
                    LawHarness.form(["localAuthorityReference": reference, "givenName": reference]).with(flags: flags),
                    by: manchester)
                _ = try await law.journey().submit(referral.id, by: manchester)
                return try await law.journey().ranking(referral.id, by: coordinator)
            }
            let harmful = try await ranking(flags: ["harmful-sexual-behaviour"], reference: "MCR-P1")
            #expect(harmful.ranked.isEmpty)
            let reasons = Dictionary(uniqueKeysWithValues: harmful.excluded.map { ($0.home.reference, $0) })
            #expect(reasons["SCH-A"]?.reasons == [.statedExclusion])
            #expect(reasons["SCH-A"]?.details == ["cannot take a child with harmful sexual behaviour"])
            #expect(reasons["SCH-B"]?.reasons == [.authorityExclusion])
            #expect(reasons["SCH-B"]?.details == ["the authority: Safeguarding concerns under review"])
            let other15 = try await ranking(flags: ["self-harm"], reference: "MCR-P2")
            #expect(other15.ranked.map(\.home.reference) == ["SCH-A"])
            #expect(other15.ranked.first?.roomFeatures == [.enSuite, .stepFree])

            let id = try #require(excluded.json["id"] as? String)
            #expect(
                try await app.send(.DELETE, "/api/v1/authority-exclusions/\(id)", as: referrer).status == .forbidden)
            #expect(
                try await app.send(.DELETE, "/api/v1/authority-exclusions/\(id)", as: authority).status == .noContent)
            #expect(
                try await app.send(.DELETE, "/api/v1/authority-exclusions/\(id)", as: authority).status == .notFound)
            let actions = try await law.store.auditEvents().map(\.entry.action)
            #expect(actions.contains("authority-exclusion.create") && actions.contains("authority-exclusion.delete"))
        }
    }

    @Test(
        "a child who needs a step-free room is matched only where a vacant bed's room is, and the home cannot offer another",
        arguments: TestDatabase.all)
    func roomNeeds(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let store = Store(app.db)
            let stairs = Bed(id: UUID(), homeID: world.homeA.id, label: "Room 2", kind: .welfare)
            try await store.save(beds: [stairs])
            try await store.save(bedStatusIntervals: [
                BedStatusInterval(bedID: stairs.id, status: .vacant, from: Date(timeIntervalSince1970: 1_700_000_000))
            ])
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            let profile = try await app.send(
                .PUT, "/api/v1/homes/\(world.homeA.id)/profile", as: manager,
                json: ["rooms": [["bedID": world.bedA.id.uuidString, "features": ["step-free"]]]])
            #expect(profile.status == .ok)

            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            var fields: [String: Any] = SmallWorld.form()
            fields["roomNeeds"] = ["step-free", "lift"]
            let refused = try await app.send(.POST, "/api/v1/referrals", as: referrer, json: fields)
            #expect(refused.status == .badRequest)
            #expect((refused.json["errors"] as? [[String: String]])?.first?["field"] == "roomNeeds")
            fields["roomNeeds"] = ["step-free"]
            let created = try await app.send(.POST, "/api/v1/referrals", as: referrer, json: fields)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let shown = try await app.send(.GET, "/api/v1/referrals/\(id)", as: referrer)
            #expect(shown.json["roomNeeds"] as? [String] == ["step-free"])
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer).status == .ok)

            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let ranking = try await app.send(.GET, "/api/v1/referrals/\(id)/ranking", as: coordinator)
            #expect((ranking.json["ranked"] as? [[String: Any]])?.map { $0["homeReference"] as? String } == ["SCH-A"])
            let excluded = ranking.json["excluded"] as? [[String: Any]] ?? []
            #expect(excluded.first?["homeReference"] as? String == "SCH-B")
            #expect(excluded.first?["reasons"] as? [String] == ["no-room-for-needs"])
            // Broadcast asks only the homes the hard rules allow.
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: coordinator).array.count == 1)

            let wrongRoom = try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: manager,
                body: ReferralJourney.ResponseForm(answer: "offer", bedID: stairs.id))
            #expect(wrongRoom.status == .badRequest)
            let error = (wrongRoom.json["errors"] as? [[String: String]])?.first
            #expect(error?["field"] == "bedID")
            #expect(error?["message"]?.contains("Step-free") == true)
            #expect(try await store.responses(toReferral: UUID(uuidString: id)!).isEmpty, "nothing was recorded")
            let offer = try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses", as: manager,
                body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id))
            #expect(offer.status == .created)
        }
    }

    @Test("the profile page re-renders with the message beside the field; the exclusions page is the authority's")
    func pages() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let (session, csrf) = try await app.sessionHeaders(for: "manager@sch-a.example")
            var html = ""
            try await app.testing().test(
                .POST, "/homes/\(law.world.homeA.id)/profile", headers: session,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "youngestAge": "9", "notes": "Kept"], as: .urlEncodedForm)
                }
            ) { html = $0.body.string }
            #expect(html.contains("<title>Error:"))
            #expect(
                html.contains("Enter an age within the home&#39;s registration")
                    || html.contains("Enter an age within the home's registration"))
            #expect(html.contains(">Kept</textarea>"), "nothing typed is lost")
            let (authority, _) = try await app.sessionHeaders(for: "manager@manchester.example")
            try await app.testing().test(.GET, "/exclusions", headers: authority) { html = $0.body.string }
            #expect(html.contains("Add a home to the list"))
            let (home, _) = try await app.sessionHeaders(for: "manager@sch-b.example")
            try await app.testing().test(.GET, "/exclusions", headers: home) { #expect($0.status == .forbidden) }
        }
    }
}
