import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Referral pages")
struct ReferralPageTests {
    func post(_ app: Application, _ path: String, _ headers: HTTPHeaders, _ fields: [String: String]) async throws
        -> TestingHTTPResponseSummary
    {
        var summary = TestingHTTPResponseSummary(status: .ok, location: nil, html: "")
        try await app.testing().test(
            .POST, path, headers: headers,
            beforeRequest: { try $0.content.encode(fields, as: .urlEncodedForm) }
        ) { response in
            summary = .init(
                status: response.status, location: response.headers.first(name: .location), html: response.body.string)
        }
        return summary
    }

    func get(_ app: Application, _ path: String, _ headers: HTTPHeaders) async throws -> TestingHTTPResponseSummary {
        var summary = TestingHTTPResponseSummary(status: .ok, location: nil, html: "")
        try await app.testing().test(.GET, path, headers: headers) { response in
            summary = .init(
                status: response.status, location: response.headers.first(name: .location), html: response.body.string)
        }
        return summary
    }

    @Test("a home records a fall-through from the referral's page; the authority is told what to do about the order")
    func fallThroughAndOrderAdviceOnThePage() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let law = try await LawHarness(app)
            let (referral, offer) = try await law.offered(LawHarness.form(LawHarness.withoutOrder))
            _ = try await law.journey().acceptOffer(
                offer.id, by: try await law.principal("referrer@manchester.example"))
            let (referrer, _) = try await app.sessionHeaders(for: "referrer@manchester.example")
            let seen = try await get(app, "/referrals/\(referral.id)", referrer)
            #expect(seen.html.contains("What the authority must do:"))
            #expect(seen.html.contains("href=\"/referrals/\(referral.id)/court-order\""))

            let (home, csrf) = try await app.sessionHeaders(for: "manager@sch-a.example")
            let page = try await get(app, "/referrals/\(referral.id)", home)
            #expect(page.html.contains("The offer falls through"))
            let refused = try await post(app, "/placements/\(offer.id)/fall-through", home, ["csrfToken": csrf])
            #expect(refused.html.contains("<title>Error:"))
            #expect(refused.html.contains("Select at least one reason for declining."))
            let done = try await post(
                app, "/placements/\(offer.id)/fall-through", home,
                ["csrfToken": csrf, "reasons[]": "risk-to-children", "note": "An incident last night"])
            #expect(done.location == "/referrals/\(referral.id)?notice=fall-through")
            #expect(try await law.store.referral(id: referral.id)?.state == .circulated)
            #expect(try await get(app, "/referrals/\(referral.id)/court-order", home).status == .forbidden)
        }
    }

    @Test(
        "the journey without JavaScript: a form with errors beside the fields, then draft, submit, circulate, decline, offer, accept",
        arguments: TestDatabase.all)
    func journey(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let (referrer, referrerCSRF) = try await app.sessionHeaders(for: "referrer@manchester.example")

            let newForm = try await get(app, "/referrals/new", referrer)
            #expect(newForm.html.contains("<h1 class=\"heading-xl\">New referral</h1>"))
            var fields = SmallWorld.form()
            fields["csrfToken"] = referrerCSRF
            fields["givenName"] = ""
            fields["dateNeeded"] = "2026-02-30"
            fields["roomNeeds[]"] = "step-free"
            let invalid = try await post(app, "/referrals", referrer, fields)
            #expect(invalid.html.contains("<title>Error: New referral"))
            #expect(
                invalid.html.contains("Enter the child&#39;s first name.")
                    || invalid.html.contains("Enter the child's first name."))
            #expect(invalid.html.contains("Enter a real date in the form YYYY-MM-DD."))
            #expect(invalid.html.contains("value=\"Example\""), "what was typed is kept")
            #expect(invalid.html.contains("name=\"roomNeeds[]\" value=\"step-free\" checked"), "and what was ticked")
            fields["roomNeeds[]"] = nil

            fields["givenName"] = "Alex"
            fields["dateNeeded"] = "2026-11-20"
            let created = try await post(app, "/referrals", referrer, fields)
            #expect(created.status == .seeOther)
            let referralPath = try #require(created.location?.split(separator: "?").first.map(String.init))
            let page = try await get(app, referralPath + "?notice=created", referrer)
            #expect(page.html.contains("The referral was saved as a draft."))
            #expect(page.html.contains("Alex Example"))
            #expect(page.html.contains("Submit the referral"))
            #expect(
                try await post(app, referralPath + "/submit", referrer, ["csrfToken": referrerCSRF]).status == .seeOther
            )

            let (coordinator, coordinatorCSRF) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            #expect(
                try await post(app, referralPath + "/circulate", coordinator, ["csrfToken": coordinatorCSRF]).status
                    == .seeOther)

            let (homeA, homeACSRF) = try await app.sessionHeaders(for: "manager@sch-a.example")
            let homePage = try await get(app, referralPath, homeA)
            #expect(!homePage.html.contains("Alex Example"), "a home sees the child's name only once it has offered")
            let noReason = try await post(
                app, referralPath + "/respond", homeA, ["csrfToken": homeACSRF, "answer": "decline"])
            #expect(noReason.html.contains("Select at least one reason for declining."))
            let declined = try await post(
                app, referralPath + "/respond", homeA,
                ["csrfToken": homeACSRF, "answer": "decline", "reasons[]": "risk-to-staff"])
            #expect(declined.status == .seeOther)

            let (homeB, homeBCSRF) = try await app.sessionHeaders(for: "manager@sch-b.example")
            let offered = try await post(
                app, referralPath + "/respond", homeB,
                ["csrfToken": homeBCSRF, "answer": "offer", "bedID": world.bedB.id.uuidString])
            #expect(offered.status == .seeOther)

            let withOffer = try await get(app, referralPath, referrer)
            #expect(withOffer.html.contains("Risk to staff"))
            #expect(withOffer.html.contains("Accept this offer"))
            let acceptPath = try #require(
                withOffer.html.range(of: "action=\"/offers/").map { range in
                    "/offers/" + withOffer.html[range.upperBound...].prefix(36) + "/accept"
                })
            let accepted = try await post(app, acceptPath, referrer, ["csrfToken": referrerCSRF])
            #expect(accepted.status == .seeOther)
            let afterAccept = try await get(app, referralPath, homeB)
            #expect(afterAccept.html.contains("The child has arrived"))
            #expect(afterAccept.html.contains("Alex Example"))

            let list = try await get(app, "/referrals", referrer)
            #expect(list.html.contains("Offer accepted"))
            let timeline = try await get(app, referralPath + "/timeline", referrer)
            #expect(timeline.html.contains("Accept offer"))
        }
    }
}

extension ReferralPageTests {
    @Test("the coordinators' queue lists only open referrals, the longest waiting first")
    func queue() async throws {
        try await withApp(.sqlite) { app in
            let (coordinator, _) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            let page = try await get(app, "/referrals?queue=1", coordinator)
            #expect(page.html.contains("Queue: open referrals, longest waiting first"))
            #expect(!page.html.contains("tag-placed"))
            #expect(!page.html.contains("tag-closed-unplaced"))
            let open = demoDataset.referrals.filter {
                [.submitted, .circulated, .offered, .offerAccepted].contains($0.state)
            }
            .sorted { $0.createdAt < $1.createdAt }
            let oldest = try #require(open.first)
            let positions = open.prefix(2).compactMap { page.html.range(of: $0.reference)?.lowerBound }
            #expect(page.html.contains(oldest.reference))
            #expect(positions == positions.sorted(), "longest waiting first")
        }
    }
}

struct TestingHTTPResponseSummary {
    var status: HTTPStatus
    var location: String?
    var html: String
}
