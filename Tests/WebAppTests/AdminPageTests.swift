import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Administration pages")
struct AdminPageTests {
    @Test("an administrator adds and disables accounts; the form explains what is wrong; others may not")
    func accounts() async throws {
        try await withApp(.sqlite) { app in
            let (admin, csrf) = try await app.sessionHeaders(for: "admin@secureplace.example")
            var html = ""
            try await app.testing().test(.GET, "/admin/users", headers: admin) { html = $0.body.string }
            #expect(html.contains("coordinator@secureplace.example"))
            let fields = [
                "csrfToken": csrf, "email": "new.referrer@manchester.example", "displayName": "New Referrer",
                "role": "la-referrer", "organisation": "E08000003", "password": "short",
            ]
            try await app.testing().test(
                .POST, "/admin/users", headers: admin,
                beforeRequest: { try $0.content.encode(fields, as: .urlEncodedForm) }
            ) { html = $0.body.string }
            #expect(html.contains("<title>Error: Organisations and accounts"))
            #expect(html.contains("at least 12 characters long"))
            var good = fields
            good["password"] = "a-long-enough-password"
            try await app.testing().test(
                .POST, "/admin/users", headers: admin,
                beforeRequest: { try $0.content.encode(good, as: .urlEncodedForm) }
            ) { #expect($0.status == .seeOther) }
            try await app.testing().test(
                .POST, "/admin/users/disable", headers: admin,
                beforeRequest: {
                    try $0.content.encode(
                        ["csrfToken": csrf, "email": "new.referrer@manchester.example"], as: .urlEncodedForm)
                }
            ) { #expect($0.status == .seeOther) }
            let account = try await Store(app.db).account(email: "new.referrer@manchester.example")
            #expect(account?.user.isDisabled == true)

            let (coordinator, _) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            try await app.testing().test(.GET, "/admin/users", headers: coordinator) {
                #expect($0.status == .forbidden)
            }
        }
    }
}
