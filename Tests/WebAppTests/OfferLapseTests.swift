import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Open offers lapse when not accepted in time, with a warning an hour before")
struct OfferLapseTests {
    /// An emergency Manchester referral circulated to both homes, and home A's offer of its
    /// bed, made at the service's clock (demoDataset.end): it stands four hours.
    func offered(_ app: Application, _ world: SmallWorld) async throws -> (referral: String, offer: String) {
        let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
        let id = try #require(
            try await app.send(.POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form()).json["id"] as? String)
        try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer)
        try await app.send(
            .POST, "/api/v1/referrals/\(id)/circulate",
            as: try await app.bearerHeaders(for: "coordinator@secureplace.example"))
        let offer = try await app.send(
            .POST, "/api/v1/referrals/\(id)/responses", as: try await app.bearerHeaders(for: "manager@sch-a.example"),
            body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id))
        return (id, try #require(offer.json["id"] as? String))
    }

    @Test(
        "the authority is warned within the last hour, then the offer lapses and cannot be accepted",
        arguments: TestDatabase.all)
    func lapse(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let (id, offerID) = try await offered(app, world)
            let store = Store(app.db)
            let hour = 3600.0
            let early = try await QueueDeadlineAlerts(
                store: store, instance: "a", now: { demoDataset.end.addingTimeInterval(2 * hour) },
                alerts: .localDefault
            ).run()
            #expect(!early.contains { $0.kind == .offerAboutToLapse }, "two hours left: no warning yet")
            let warned = try await QueueDeadlineAlerts(
                store: store, instance: "a", now: { demoDataset.end.addingTimeInterval(3.25 * hour) },
                alerts: .localDefault
            ).run().filter { $0.kind == .offerAboutToLapse }
            #expect(
                Set(warned.map(\.recipientAddress)) == ["referrer@manchester.example", "manager@manchester.example"])
            #expect(warned.first?.body.contains("Alder House's offer of a bed") == true)
            #expect(warned.first?.body.contains("lapses at") == true)

            let notYet = try await LapseOpenOffers(
                store: store, instance: "a", now: { demoDataset.end.addingTimeInterval(3.9 * hour) }
            ).run()
            #expect(notYet.isEmpty)
            let lapsed = try await LapseOpenOffers(
                store: store, instance: "a", now: { demoDataset.end.addingTimeInterval(4 * hour) }
            ).run()
            #expect(lapsed.map(\.uuidString) == [offerID.uppercased()])
            let referralID = try #require(UUID(uuidString: id))
            #expect(
                try await store.referral(id: referralID)?.state == .circulated, "back with the homes still to answer")
            let offerUUID = try #require(UUID(uuidString: offerID))
            #expect(try await store.response(id: offerUUID)?.offerStatus == .lapsed)

            let accept = try await app.send(
                .POST, "/api/v1/offers/\(offerID)/accept",
                as: try await app.bearerHeaders(for: "referrer@manchester.example"))
            #expect(accept.status == .conflict, "a lapsed offer cannot be accepted")
            #expect(
                try await store.bedStatusIntervals(at: demoDataset.end).first { $0.bedID == world.bedA.id }?.status
                    == .vacant)

            let again = try await LapseOpenOffers(
                store: store, instance: "a", now: { demoDataset.end.addingTimeInterval(5 * hour) }
            ).run()
            #expect(again.isEmpty, "an offer lapses once")
            let second = try await app.send(
                .POST, "/api/v1/referrals/\(id)/responses",
                as: try await app.bearerHeaders(for: "manager@sch-b.example"),
                body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedB.id))
            #expect(second.status == .created)
            #expect(try await store.referral(id: referralID)?.state == .offered, "another home's offer still counts")
        }
    }

    @Test("an accept and the lapse at the same moment: one of them wins whole", arguments: TestDatabase.all)
    func acceptRacesLapse(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let (id, offerID) = try await offered(app, world)
            let store = Store(app.db)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            async let accept = app.send(.POST, "/api/v1/offers/\(offerID)/accept", as: referrer)
            async let lapse = LapseOpenOffers(
                store: store, instance: "a", now: { demoDataset.end.addingTimeInterval(4 * 3600) }
            ).run()
            let (accepted, lapsed) = try await (accept, lapse)
            let offerUUID = try #require(UUID(uuidString: offerID))
            let referralUUID = try #require(UUID(uuidString: id))
            let offer = try #require(try await store.response(id: offerUUID))
            let referral = try #require(try await store.referral(id: referralUUID))
            if accepted.status == .ok {
                #expect(lapsed.isEmpty && offer.offerStatus == .accepted && referral.state == .offerAccepted)
            } else {
                #expect(lapsed.count == 1 && offer.offerStatus == .lapsed && referral.state == .circulated)
            }
        }
    }
}
