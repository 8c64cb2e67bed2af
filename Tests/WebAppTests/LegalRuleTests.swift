import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("The law, enforced on the journey")
struct LegalRuleTests {
    @Test(
        "the 72 hours are the child's across referrals: admission is refused when none are left, and an order recorded later stops the clock",
        arguments: TestDatabase.all)
    func seventyTwoHoursFollowTheChild(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let coordinator = try await law.principal("coordinator@secureplace.example")
            let home = try await law.principal("manager@sch-a.example")
            // First stay: 50 hours without an order.
            let (first, firstOffer) = try await law.offered(LawHarness.form(LawHarness.withoutOrder))
            _ = try await law.journey().acceptOffer(firstOffer.id, by: referrer)
            _ = try await law.journey().admit(firstOffer.id, by: home)
            _ = try await law.journey(hoursLater: 50).discharge(firstOffer.id, reason: "CARPL", by: home)

            // The same child referred again (same case reference and date of birth), two days later.
            var again = LawHarness.withoutOrder
            again["dateNeeded"] = "2026-11-22"
            let (second, secondOffer) = try await law.offered(LawHarness.form(again), hoursLater: 60)
            #expect(second.childID == first.childID, "one child, however many referrals")
            _ = try await law.journey(hoursLater: 60).acceptOffer(secondOffer.id, by: referrer)
            _ = try await law.journey(hoursLater: 60).admit(secondOffer.id, by: home)
            let seen = try await law.journey(hoursLater: 83).view(second.id, by: referrer)
            let minutesUsed = Int(((seen.timeWithoutOrder?.used ?? 0) / 60).rounded())
            #expect(minutesUsed == 73 * 60, "50 hours under the first referral, 23 under this one")
            #expect(seen.orderAdvice?.contains("have been used") == true)
            let warned = try await law.journey(hoursLater: 83).placementsWithoutOrder(by: coordinator)
            #expect(warned.map(\.referral.id) == [second.id])
            #expect(warned.first?.isPastLimit == true, "the coordinators see the child past the limit")
            _ = try await law.journey(hoursLater: 84).discharge(secondOffer.id, reason: "CARPL", by: home)

            // A third referral: no hours left, so no admission without an order.
            again["dateNeeded"] = "2026-11-24"
            let (third, thirdOffer) = try await law.offered(LawHarness.form(again), hoursLater: 90)
            _ = try await law.journey(hoursLater: 90).acceptOffer(thirdOffer.id, by: referrer)
            do {
                _ = try await law.journey(hoursLater: 90).admit(thirdOffer.id, by: home)
                Issue.record("admitted with no hours left")
            } catch let errors as InputErrors {
                #expect(errors.errors.map(\.field) == ["courtOrder"])
                #expect(errors.errors.first?.message.contains("74 hours without a court order") == true)
                #expect(errors.errors.first?.message.contains("20 Nov 2026 11:00 to 22 Nov 2026 13:00") == true)
            }
            _ = try await law.journey(hoursLater: 90).recordCourtOrder(
                third.id,
                .init(orderStatus: "interim-order", orderStartsOn: "2026-11-24", orderEndsOn: "2026-12-20"),
                by: referrer)
            let placed = try await law.journey(hoursLater: 90).admit(thirdOffer.id, by: home)
            #expect(placed.referralID == third.id, "from the order's start the clock stops")
            let timeline = try await law.journey(hoursLater: 90).timeline(third.id, by: referrer).map(\.action)
            #expect(timeline.contains("court-order"), "recording an order is an audited change")
            _ = coordinator
        }
    }

    @Test(
        "a referral's route is its authority's country's or the inherent jurisdiction, and its order's dates are lawful"
    )
    func routesAndOrderDates() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            func fields(_ changes: [String: String]) async throws -> [String] {
                var form = SmallWorld.form()
                for (key, value) in changes { form[key] = value }
                let answer = try await app.send(.POST, "/api/v1/referrals", as: referrer, body: form)
                return (answer.json["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] }
            }
            #expect(try await fields(["legalBasis": "s119-sswb-wales-act-2014"]) == ["legalBasis"])
            #expect(try await fields(["orderStatus": "dol-order"]) == ["orderStatus"])
            #expect(try await fields(["orderStartsOn": "2026-10-01", "orderEndsOn": "2026-11-19"]) == ["orderEndsOn"])
            #expect(try await fields(["orderEndsOn": "2026-11-25", "dateNeeded": "2026-11-26"]) == ["orderEndsOn"])
            #expect(try await fields(["orderStatus": "order-granted", "orderEndsOn": "2027-03-01"]) == ["orderEndsOn"])
            #expect(
                try await fields([
                    "orderStatus": "order-granted", "orderEndsOn": "2027-03-01", "orderIsRenewal": "true",
                ])
                .isEmpty, "a renewal may run six months")
            let cardiff = try await app.bearerHeaders(for: "referrer@cardiff.example")
            let welsh = try await app.send(.POST, "/api/v1/referrals", as: cardiff, body: SmallWorld.form())
            #expect(welsh.status == .created)

            let id = try #require(
                try await app.send(.POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form()).json["id"]
                    as? String)
            let backwards = try await app.send(
                .POST, "/api/v1/referrals/\(id)/court-orders", as: referrer,
                body: ["orderStatus": "order-granted", "orderStartsOn": "2026-11-30", "orderEndsOn": "2026-11-29"])
            #expect(backwards.status == .badRequest)
            #expect((backwards.json["errors"] as? [[String: String]])?.map { $0["field"] } == ["orderEndsOn"])
            let granted = try await app.send(
                .POST, "/api/v1/referrals/\(id)/court-orders", as: referrer,
                body: ["orderStatus": "order-granted", "orderStartsOn": "2026-11-20", "orderEndsOn": "2027-02-19"])
            #expect(granted.status == .created)
            let orders = try await app.send(.GET, "/api/v1/referrals/\(id)/court-orders", as: referrer)
            #expect(orders.array.map { $0["orderStatus"] as? String } == ["interim-order", "order-granted"])
            let shown = try await app.send(.GET, "/api/v1/referrals/\(id)", as: referrer)
            #expect(shown.json["orderStatus"] as? String == "order-granted")
            let home = try await app.bearerHeaders(for: "manager@sch-a.example")
            #expect(
                try await app.send(
                    .POST, "/api/v1/referrals/\(id)/court-orders", as: home, body: ["orderStatus": "none-yet"]
                ).status == .notFound, "a home the referral never went to does not learn it exists")
        }
    }

    @Test("accepting and admitting are refused once the order will have ended by the day of admission")
    func orderEndedByAdmission() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let shortOrder = LawHarness.form(["orderEndsOn": "2026-11-21"])
            let (referral, late) = try await law.offered(shortOrder, availableFrom: "2026-11-23")
            await #expect(throws: InputErrors.self) { try await law.journey().acceptOffer(late.id, by: referrer) }
            do { _ = try await law.journey().acceptOffer(late.id, by: referrer) } catch {
                #expect(fields(of: error) == ["courtOrder"])
            }
            let soon = try await law.journey().respond(
                referral.id, .init(answer: "offer", bedID: law.world.bedB.id),
                by: try await law.principal("manager@sch-b.example"))
            _ = try await law.journey().acceptOffer(soon.id, by: referrer)
            let homeB = try await law.principal("manager@sch-b.example")
            do {
                _ = try await law.journey(hoursLater: 72).admit(soon.id, by: homeB)
                Issue.record("admitted after the order ended")
            } catch { #expect(fields(of: error) == ["courtOrder"]) }
            _ = try await law.journey(hoursLater: 12).admit(soon.id, by: homeB)
        }
    }

    @Test("the age that counts is the age on the day needed, and nobody is accepted or admitted at 18")
    func ages() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            do {
                _ = try await law.journey().create(
                    LawHarness.form([
                        "dateOfBirth": "2008-11-25", "dateNeeded": "2026-11-26", "orderStartsOn": "2026-11-26",
                    ]),
                    by: referrer)
                Issue.record("referred for a day the child is 18")
            } catch { #expect(fields(of: error) == ["dateOfBirth"]) }

            let younger = try await law.journey().create(
                LawHarness.form(["dateOfBirth": "2011-11-21", "dateNeeded": "2026-11-21"]), by: referrer)
            #expect(younger.ageAtReferral == 15, "14 today, 15 on the day the bed is needed")
            #expect(younger.ageBand == .fifteen)
            // A draft that waited past its date needed and the child's birthday is judged on the
            // child's age when it is submitted.
            let waited = try await law.journey().create(
                LawHarness.form(["dateOfBirth": "2012-11-22", "localAuthorityReference": "MCR-3"]), by: referrer)
            #expect(waited.ageAtReferral == 13)
            let submitted = try await law.journey(hoursLater: 72).submit(waited.id, by: referrer)
            #expect(submitted.ageAtReferral == 14, "14 since 22 November")

            let (nearly, late) = try await law.offered(
                LawHarness.form(["dateOfBirth": "2008-11-22", "localAuthorityReference": "MCR-2"]),
                availableFrom: "2026-11-23")
            #expect(nearly.ageAtReferral == 17)
            do {
                _ = try await law.journey().acceptOffer(late.id, by: referrer)
                Issue.record("accepted a bed for a day the child is 18")
            } catch { #expect(fields(of: error) == ["dateOfBirth"]) }
            let homeB = try await law.principal("manager@sch-b.example")
            let soon = try await law.journey().respond(
                nearly.id, .init(answer: "offer", bedID: law.world.bedB.id), by: homeB)
            _ = try await law.journey().acceptOffer(soon.id, by: referrer)
            do {
                _ = try await law.journey(hoursLater: 40).admit(soon.id, by: homeB)
                Issue.record("admitted on the child's 18th birthday")
            } catch { #expect(fields(of: error) == ["dateOfBirth"]) }
        }
    }

    @Test(
        "a minister's approval for a child under 13 is not in the future, is recorded with who recorded it, and names the country's approver"
    )
    func ministerialApproval() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let home = try await law.principal("manager@sch-a.example")
            let (referral, offer) = try await law.offered(LawHarness.form(["dateOfBirth": "2014-06-01"]))
            _ = try await law.journey().acceptOffer(offer.id, by: referrer)
            do {
                _ = try await law.journey().admit(offer.id, ministerialApprovalOn: "2026-11-21", by: home)
                Issue.record("a future approval was taken")
            } catch { #expect(fields(of: error) == ["ministerialApprovalOn"]) }
            _ = try await law.journey().admit(offer.id, ministerialApprovalOn: "2026-11-19", by: home)
            let stored = try #require(try await law.store.referral(id: referral.id))
            #expect(stored.ministerialApprovalOn?.iso == "2026-11-19")
            #expect(stored.ministerialApprovalRecordedBy == home.userID)

            let cardiff = try await law.principal("referrer@cardiff.example")
            let welsh = try await law.journey().create(LawHarness.form(["dateOfBirth": "2014-06-01"]), by: cardiff)
            _ = try await law.journey().submit(welsh.id, by: cardiff)
            _ = try await law.journey().circulate(
                welsh.id, by: try await law.principal("coordinator@secureplace.example"))
            let homeB = try await law.principal("manager@sch-b.example")
            let welshOffer = try await law.journey().respond(
                welsh.id, .init(answer: "offer", bedID: law.world.bedB.id), by: homeB)
            _ = try await law.journey().acceptOffer(welshOffer.id, by: cardiff)
            do {
                _ = try await law.journey().admit(welshOffer.id, by: homeB)
                Issue.record("admitted without approval")
            } catch let errors as InputErrors {
                #expect(errors.errors.first?.message.contains("the Welsh Ministers") == true)
            }
        }
    }
}
