import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("When an accepted offer falls through, and unplaced children reported")
struct FallThroughAndNoticeTests {
    @Test(
        "a home that can no longer take the child: the bed is released, the referral circulates again and can be closed unplaced",
        arguments: TestDatabase.all)
    func acceptedOfferFallsThrough(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let homeA = try await law.principal("manager@sch-a.example")
            let (referral, offer) = try await law.offered(LawHarness.form())
            _ = try await law.journey().acceptOffer(offer.id, by: referrer)
            do {
                _ = try await law.journey().recordFallThrough(offer.id, reasons: [], note: nil, by: homeA)
                Issue.record("fell through with no reason")
            } catch { #expect(fields(of: error) == ["reasons"]) }
            await #expect(throws: AccessDenied.self) {
                try await law.journey().recordFallThrough(
                    offer.id, reasons: ["risk-to-children"], note: nil,
                    by: try await law.principal("manager@sch-b.example"))
            }

            let back = try await law.journey(hoursLater: 1).recordFallThrough(
                offer.id, reasons: ["bed-closed-staffing"], note: "Two staff off sick", by: homeA)
            #expect(back.state == .circulated)
            #expect(back.escalatedAt != nil, "the coordinators are told: it stands out in their lists")
            let bed = try await law.store.bedStatusHistory(ofBed: law.world.bedA.id).last?.status
            #expect(bed == .closed(.staffing), "the bed is released, closed for the reason given")
            let stored = try #require(try await law.store.response(id: offer.id))
            #expect(stored.offerStatus == .fellThrough)
            #expect(stored.fellThrough?.note == "Two staff off sick")
            let seenByHome = try await law.journey(hoursLater: 1).view(referral.id, by: homeA)
            #expect(seenByHome.identity == nil, "the home no longer sees who the child is")
            let seen = try await law.journey(hoursLater: 1).view(referral.id, by: referrer)
            #expect(seen.nextStep.contains("fell through"))
            let timeline = try await law.journey(hoursLater: 1).timeline(referral.id, by: referrer).map(\.action)
            #expect(timeline.contains("accepted-offer-fell-through"))

            _ = try await law.journey(hoursLater: 2).closeUnplaced(
                referral.id, alternative: "open-childrens-home", location: "A registered home", by: referrer)
            #expect(try await law.store.notifications().count { $0.referralID == referral.id } == 1)
        }
    }

    @Test("homes that miss their deadline after a second circulation are escalated again")
    func escalatedAgainAfterASecondCirculation() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let coordinator = try await law.principal("coordinator@secureplace.example")
            try await law.store.changeStatus(
                ofBed: law.world.bedB.id, to: .closed(.repair), at: demoDataset.end.addingTimeInterval(-60))
            let referral = try await law.journey().create(LawHarness.form(), by: referrer)
            _ = try await law.journey().submit(referral.id, by: referrer)
            #expect(try await law.journey().circulate(referral.id, by: coordinator).count == 1)
            func escalate(hoursLater hours: Double) async throws -> [UUID] {
                let instant = demoDataset.end.addingTimeInterval(hours * 3600)
                return try await EscalateOverdueReferrals(store: law.store, instance: "a", now: { instant }).run()
            }
            #expect(try await escalate(hoursLater: 5) == [referral.id], "home A missed its 4 hours")
            #expect(try await escalate(hoursLater: 6).isEmpty, "escalated once for that circulation")
            try await law.store.changeStatus(
                ofBed: law.world.bedB.id, to: .vacant, at: demoDataset.end.addingTimeInterval(6 * 3600))
            #expect(try await law.journey(hoursLater: 6).circulate(referral.id, by: coordinator).count == 1)
            #expect(try await escalate(hoursLater: 8).isEmpty, "home B still has time")
            #expect(try await escalate(hoursLater: 11) == [referral.id], "home B missed its deadline too")
            let escalations = try await law.store.auditEvents(about: referral.id.uuidString).count {
                $0.entry.action == "referral.escalate"
            }
            #expect(escalations == 2)
        }
    }

    @Test(
        "what happened is always recorded: an unregistered setting or an under-16 in supported accommodation goes to the regulator for urgent attention, with the referral's dates",
        arguments: TestDatabase.all)
    func unlawfulSettingsAreUrgent(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let coordinator = try await law.principal("coordinator@secureplace.example")
            func closed(_ alternative: String, reference: String) async throws -> RegulatorNotification {
                let referral = try await law.journey().create(
                    LawHarness.form(["localAuthorityReference": reference]), by: referrer)
                _ = try await law.journey().submit(referral.id, by: referrer)
                _ = try await law.journey().circulate(referral.id, by: coordinator)
                return try await law.journey().closeUnplaced(
                    referral.id, alternative: alternative, location: "Where the child is", by: referrer)
            }
            let unregistered = try await closed("unregistered-setting", reference: "MCR-1")
            let supported = try await closed("supported-accommodation", reference: "MCR-2")
            let foster = try await closed("foster-care", reference: "MCR-3")
            #expect(unregistered.needsUrgentAttention)
            #expect(supported.needsUrgentAttention, "a 15-year-old in supported accommodation is recorded, and flagged")
            #expect(!foster.needsUrgentAttention)
            #expect(unregistered.dateNeeded?.iso == "2026-11-20")
            #expect(
                unregistered.homesApproached.map(\.homeReference).sorted() == ["SCH-A", "SCH-B"]
                    && unregistered.homesApproached.allSatisfy { $0.answered == false },
                "every home approached, including those that never answered")
            #expect(unregistered.courtOrder?.endsOn?.iso == "2026-12-18")

            let (inspector, _) = try await app.sessionHeaders(for: "inspector@ofsted.example")
            var html = ""
            try await app.testing().test(.GET, "/notifications?status=urgent", headers: inspector) {
                html = $0.body.string
            }
            #expect(html.contains(unregistered.childPseudonym) && html.contains(supported.childPseudonym))
            #expect(!html.contains(foster.childPseudonym), "the filter shows only those for urgent attention")
            #expect(html.contains("2 notifications."))
        }
    }

    @Test("a home sees its own answer only, and the child's identity only while its offer stands")
    func whoSeesWhat() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let homeA = try await law.principal("manager@sch-a.example")
            let homeB = try await law.principal("manager@sch-b.example")
            let (referral, _) = try await law.offered(LawHarness.form())
            let other = try await law.journey().respond(
                referral.id, .init(answer: "offer", bedID: law.world.bedB.id), by: homeB)
            #expect(try await law.journey().view(referral.id, by: homeA).identity != nil)
            let seenByA = try await law.journey().view(referral.id, by: homeA)
            #expect(seenByA.homes.map(\.homeID) == [law.world.homeA.id], "not the other home's answer")
            #expect(try await law.journey().view(referral.id, by: referrer).homes.count == 2)

            _ = try await law.journey().acceptOffer(other.id, by: referrer)
            #expect(
                try await law.journey().view(referral.id, by: homeA).identity == nil,
                "home A's offer was released: it sees the pseudonym again")
            #expect(try await law.journey().view(referral.id, by: homeB).identity != nil)
        }
    }
}
