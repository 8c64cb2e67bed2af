import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Lists page and filter")
struct ListPageTests {
    func html(_ app: Application, _ path: String, _ headers: HTTPHeaders) async throws -> String {
        var body = ""
        try await app.testing().test(.GET, path, headers: headers) { body = $0.body.string }
        return body
    }

    @Test("the regulator's inbox pages 25 at a time and filters to those not yet acknowledged")
    func inbox() async throws {
        try await withApp(.sqlite) { app in
            let (inspector, csrf) = try await app.sessionHeaders(for: "inspector.ofsted@secureplace.example")
            let ofsted = demoDataset.notifications.filter { $0.regulator == .ofsted }
            #expect(ofsted.count > 25, "the demo has more than a page")
            let first = try await html(app, "/notifications", inspector)
            #expect(first.contains("\(ofsted.count) notifications."))
            #expect(first.contains("Next page"))
            #expect(first.components(separatedBy: "<th scope=\"row\">").count - 1 == 25)
            let newest = try #require(ofsted.max { $0.closedAt < $1.closedAt })
            #expect(first.contains(newest.childPseudonym), "newest first")
            try await app.testing().test(
                .POST, "/notifications/\(newest.id)/acknowledge", headers: inspector,
                beforeRequest: { try $0.content.encode(["csrfToken": csrf], as: .urlEncodedForm) }
            ) { #expect($0.status == .seeOther) }
            let open = try await html(app, "/notifications?status=unacknowledged", inspector)
            #expect(open.contains("\(ofsted.count - 1) notifications."))
            let last = try await html(app, "/notifications?status=all&page=\((ofsted.count + 24) / 25)", inspector)
            #expect(last.contains("Previous page"))
            #expect(!last.contains("Next page"))
        }
    }

    @Test("accounts filter by role; a coordinator escalates an open referral by hand")
    func accountsAndEscalation() async throws {
        try await withApp(.sqlite) { app in
            let (admin, _) = try await app.sessionHeaders(for: "admin@secureplace.example")
            let regulators = try await html(app, "/admin/users?role=regulator", admin)
            #expect(regulators.contains("inspector.ofsted@secureplace.example"))
            #expect(!regulators.contains("coordinator@secureplace.example"))

            let open = try #require(demoDataset.referrals.first { $0.state == .circulated && $0.escalatedAt == nil })
            let (coordinator, csrf) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            #expect(try await html(app, "/referrals/\(open.id)", coordinator).contains("Escalate the referral"))
            try await app.testing().test(
                .POST, "/referrals/\(open.id)/escalate", headers: coordinator,
                beforeRequest: { try $0.content.encode(["csrfToken": csrf], as: .urlEncodedForm) }
            ) { #expect($0.status == .seeOther) }
            let after = try await html(app, "/referrals/\(open.id)", coordinator)
            #expect(after.contains("tag-overdue"))
            #expect(!after.contains("Escalate the referral"))
        }
    }

    /// A page number is typed by a user; the largest whole number once stopped the service
    /// (the rows to skip overflowed).
    @Test(
        "a page number too large to count gives an empty page on every paged list, and a 400 naming the field in the API"
    )
    func pageTooLargeToCount() async throws {
        try await withApp(.sqlite) { app in
            let huge = "page=\(Int.max)"
            let coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
            let api = try await app.send(.GET, "/api/v1/referrals?\(huge)", as: coordinator)
            #expect(api.status == .badRequest)
            #expect((api.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "page")
            let last = try await app.send(.GET, "/api/v1/referrals?page=\(PageNumber.largest)", as: coordinator)
            #expect(last.status == .ok)
            #expect((last.json["items"] as? [Any])?.isEmpty == true)
            #expect(last.json["page"] as? Int == PageNumber.largest)
            #expect(last.json["total"] as? Int == demoDataset.referrals.count)
            for (user, path) in [
                ("coordinator@secureplace.example", "/referrals"),
                ("inspector.ofsted@secureplace.example", "/notifications"),
                ("analyst@secureplace.example", "/linkage/reviews"),
            ] {
                let (session, _) = try await app.sessionHeaders(for: user)
                try await app.testing().test(.GET, "\(path)?\(huge)", headers: session) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.body.string.contains("Previous page"), "\(path)")
                }
            }
        }
    }
}
