import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Clerical review of linkage pairs")
struct LinkageReviewPageTests {
    func page(_ app: Application, _ path: String, _ headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: headers) { result = ($0.status, $0.body.string) }
        return result
    }

    func firstPairPath(in html: String) -> String? {
        html.range(of: #"/linkage/reviews/[0-9A-F-]{36}"#, options: .regularExpression).map { String(html[$0]) }
    }

    @Test(
        "an analyst opens an uncertain pair, sees masked fields and a waterfall, decides, and the decision is audited and downloadable",
        arguments: TestDatabase.all)
    func reviewAPair(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (analyst, csrf) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            let (status, list) = try await page(app, "/linkage/reviews", analyst)
            #expect(status == .ok)
            #expect(list.contains("Demo: synthetic justice extract"))
            let path = try #require(firstPairPath(in: list))
            let waiting = try await Store(app.db).countLinkageReviews(study: nil, decided: false)
            #expect(waiting > 5, "the demo queues uncertain pairs")

            let (pairStatus, html) = try await page(app, path, analyst)
            #expect(pairStatus == .ok)
            #expect(html.contains("Are these the same person?"))
            #expect(html.contains("<svg class=\"chart\""), "the waterfall")
            #expect(html.contains("Prior odds") && html.contains("Final odds"))
            #expect(html.contains("•"), "values are masked")
            // The child's name never reaches an analyst's page.
            let pseudonym = try #require(
                html.range(of: #"C-[0-9A-F]{6}"#, options: .regularExpression).map { String(html[$0]) })
            let child = try #require(demoDataset.children.first { $0.pseudonym == pseudonym })
            let identity = try #require(demoDataset.identities.first { $0.childID == child.id })
            #expect(!html.contains(identity.familyName))
            #expect(!html.contains(identity.givenName))

            var location = ""
            try await app.testing().test(
                .POST, path, headers: analyst,
                beforeRequest: {
                    try $0.content.encode(["csrfToken": csrf, "decision": "same-person"], as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .seeOther)
                location = response.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/linkage/reviews/") && location != path, "on to the next pair")
            #expect(try await Store(app.db).countLinkageReviews(study: nil, decided: false) == waiting - 1)

            let decided = try await page(app, "/linkage/reviews?show=decided", analyst).1
            #expect(decided.contains("Same person"))
            let audit = try await Store(app.db).auditEvents().map(\.entry.action)
            #expect(audit.contains("linkage-review.read"))
            #expect(audit.contains("linkage-review.same-person"))

            var csv = ""
            try await app.testing().test(
                .GET, "/linkage/reviews/decisions.csv?study=Demo%3A%20synthetic%20justice%20extract", headers: analyst
            ) { response in
                #expect(response.status == .ok)
                csv = response.body.string
            }
            let lines = csv.split(separator: "\n")
            #expect(lines.first == "left_id,right_id,match_probability,decision,decided_at")
            #expect(lines.count == 2 && lines[1].contains("same-person"))
        }
    }

    @Test(
        "only analysts may open the review queue",
        arguments: ["coordinator", "referrer.manchester", "inspector.ofsted"])
    func othersMayNot(account: String) async throws {
        try await withApp(.sqlite) { app in
            let (analyst, _) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            let path = try #require(firstPairPath(in: try await page(app, "/linkage/reviews", analyst).1))
            let (other, csrf) = try await app.sessionHeaders(for: "\(account)@secureplace.example")
            #expect(try await page(app, "/linkage/reviews", other).0 == .forbidden)
            #expect(try await page(app, path, other).0 == .forbidden)
            try await app.testing().test(
                .POST, path, headers: other,
                beforeRequest: {
                    try $0.content.encode(["csrfToken": csrf, "decision": "same-person"], as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await Store(app.db).countLinkageReviews(study: nil, decided: true) == 0)
        }
    }
}
