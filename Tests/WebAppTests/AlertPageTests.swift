import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("The alert pages: your alerts, alerts sent, failed e-mails")
struct AlertPageTests {
    func page(_ app: Application, _ path: String, as email: String) async throws -> (HTTPStatus, String) {
        let (headers, _) = try await app.sessionHeaders(for: email)
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: headers) { result = ($0.status, $0.body.string) }
        return result
    }

    @Test("each person sees their role's alerts, all on at first, and switches one off")
    func settings() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let (status, html) = try await page(app, "/settings", as: "manager@sch-a.example")
            #expect(status == .ok)
            #expect(html.contains("A referral is sent to my home") && html.contains("due within the hour"))
            #expect(!html.contains("A home offers a bed"), "an authority's alert is not a home manager's")
            #expect(html.components(separatedBy: " checked").count - 1 == 2)

            let (headers, csrf) = try await app.sessionHeaders(for: "manager@sch-a.example")
            try await app.testing().test(
                .POST, "/settings", headers: headers,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "alerts[]": "answer-due-soon"], as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/settings?notice=saved")
            }
            let user = try #require(try await Store(app.db).account(email: "manager@sch-a.example")).user
            #expect(try await Store(app.db).alertOptOuts(ofUser: user.id) == [.referralCirculated])
            let (_, saved) = try await page(app, "/settings?notice=saved", as: "manager@sch-a.example")
            #expect(saved.contains("Your choices were saved."))
            #expect(saved.components(separatedBy: " checked").count - 1 == 1)

            try await app.testing().test(
                .POST, "/settings", headers: headers,
                beforeRequest: {
                    try $0.content.encode(["csrfToken": csrf, "alerts[]": "offer-made"], as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .badRequest, "an authority's alert cannot be chosen by a home")
            }
            #expect(try await Store(app.db).alertOptOuts(ofUser: user.id) == [.referralCirculated], "nothing changed")
        }
    }

    @Test("the alerts sent are the coordinators' and administrators'; failed e-mails the administrators' alone")
    func whoSeesWhat() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            for email in [
                "referrer@manchester.example", "manager@sch-a.example", "inspector@ofsted.example",
                "analyst@secureplace.example",
            ] {
                #expect(try await page(app, "/alerts", as: email).0 == .forbidden, "\(email)")
            }
            #expect(try await page(app, "/alerts", as: "coordinator@secureplace.example").0 == .ok)
            #expect(try await page(app, "/admin/alerts", as: "coordinator@secureplace.example").0 == .forbidden)
            #expect(try await page(app, "/admin/alerts", as: "admin@secureplace.example").0 == .ok)
        }
    }

    @Test("alerts sent are listed newest first, filtered and paged; a failed one is sent again by an administrator")
    func listedAndRetried() async throws {
        try await withApp(.sqlite, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let store = Store(app.db)
            for index in 0..<30 {
                let content = AlertContent(
                    kind: .closedUnplaced, referralID: UUID(), referralReference: "SP-2026-\(1000 + index)",
                    childPseudonym: "C-\(index)")
                try await store.transaction { store in
                    try await AlertOutbox.localDefault.queue(
                        content, event: "\(index)", to: nil, at: demoDataset.end.addingTimeInterval(Double(index)),
                        in: store)
                }
            }
            let refusing = TestMailServer(refusing: "coordinator@secureplace.example")
            let sender = SendAlerts(
                store: store, instance: "a", transport: refusing, from: "alerts@secureplace.example",
                now: { demoDataset.end })
            try await sender.run(batch: 1)

            let (_, first) = try await page(app, "/alerts", as: "coordinator@secureplace.example")
            #expect(first.contains("30 e-mails"))
            #expect(first.contains("SP-2026-1029") && !first.contains("SP-2026-1004"), "25 a page, newest first")
            #expect(first.contains("Next page"))
            let (_, second) = try await page(app, "/alerts?page=2", as: "coordinator@secureplace.example")
            #expect(second.contains("SP-2026-1004") && second.contains("Previous page"))
            let (_, failedOnly) = try await page(app, "/alerts?status=failed", as: "coordinator@secureplace.example")
            #expect(failedOnly.contains("1 e-mail") && failedOnly.contains("SP-2026-1000"), "\(failedOnly)")

            let (_, failed) = try await page(app, "/admin/alerts", as: "admin@secureplace.example")
            #expect(failed.contains("550 No such user") && failed.contains("Send again"))
            let alert = try #require(try await store.alerts(withStatus: [.failed], offset: 0, limit: 1).alerts.first)
            let (admin, csrf) = try await app.sessionHeaders(for: "admin@secureplace.example")
            try await app.testing().test(
                .POST, "/admin/alerts/\(alert.id)/retry", headers: admin,
                beforeRequest: { try $0.content.encode(["csrfToken": csrf], as: .urlEncodedForm) }
            ) { #expect($0.status == .seeOther) }
            #expect(try await store.alert(id: alert.id)?.delivery.status == .pending)
        }
    }
}
