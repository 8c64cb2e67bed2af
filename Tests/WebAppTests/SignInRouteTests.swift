import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Sign-in routes")
struct SignInRouteTests {
    @Test("without signing in, the API answers 401 problem+json and pages send you to sign in")
    func signInRequired() async throws {
        try await withApp(.sqlite) { app in
            for path in ["/api/v1/bed-board", "/api/v1/homes/\(demoDataset.homes[0].id)"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers.contentType == HTTPMediaType(type: "application", subType: "problem+json"))
                    #expect(response.headers.first(name: "WWW-Authenticate") == "Bearer")
                }
            }
            try await app.testing().test(.GET, "/?date=2026-01-01") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/sign-in?next=%2F%3Fdate%3D2026%2D01%2D01")
            }
        }
    }

    @Test(
        "signing in through the form gives an HttpOnly, SameSite=Lax session; signing out ends it",
        arguments: TestDatabase.all)
    func browserSession(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (headers, csrf) = try await app.sessionHeaders(for: "referrer.manchester@secureplace.example")
            #expect(!csrf.isEmpty)
            try await app.testing().test(.GET, "/", headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Local authority referrer, Manchester"))
            }
            try await app.testing().test(.POST, "/sign-out", headers: headers) { response in
                #expect(response.status == .forbidden, "a form without the CSRF token is refused")
            }
            try await app.testing().test(
                .POST, "/sign-out", headers: headers,
                beforeRequest: { try $0.content.encode(["csrfToken": csrf], as: .urlEncodedForm) }
            ) { response in
                #expect(response.status == .seeOther)
            }
            try await app.testing().test(.GET, "/", headers: headers) { response in
                #expect(response.status == .seeOther, "the old cookie no longer signs anyone in")
            }
        }
    }

    @Test("the session cookie's flags")
    func cookieFlags() async throws {
        try await withApp(.sqlite) { app in
            let (formToken, signInCookie) = try await app.signInFormTokens()
            try await app.testing().test(
                .POST, "/sign-in",
                beforeRequest: { request in
                    request.headers.cookie = ["secureplace-sign-in-csrf": .init(string: signInCookie)]
                    try request.content.encode(
                        [
                            "email": "Coordinator@SecurePlace.example", "password": DemoDataset.password,
                            "csrfToken": formToken,
                            "next": "//elsewhere.example/",
                        ], as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/", "never redirects off the site")
                let cookie = response.headers.setCookie?["secureplace-session"]
                #expect(cookie?.isHTTPOnly == true)
                #expect(cookie?.sameSite == .lax)
                #expect(cookie?.isSecure == false, "plain HTTP in tests; Secure behind TLS")
            }
        }
    }

    @Test("a wrong password re-renders the form with the message beside the field and the email kept")
    func wrongPasswordInForm() async throws {
        try await withApp(.sqlite) { app in
            let (formToken, signInCookie) = try await app.signInFormTokens()
            try await app.testing().test(
                .POST, "/sign-in",
                beforeRequest: { request in
                    request.headers.cookie = ["secureplace-sign-in-csrf": .init(string: signInCookie)]
                    try request.content.encode(
                        [
                            "email": "coordinator@secureplace.example", "password": "not-the-password",
                            "csrfToken": formToken,
                        ],
                        as: .urlEncodedForm)
                }
            ) { response in
                let html = response.body.string
                #expect(html.contains("<title>Error: Sign in"))
                #expect(html.contains("id=\"password-error\""))
                #expect(html.contains("The email address or password is not right."))
                #expect(html.contains("value=\"coordinator@secureplace.example\""))
            }
            try await app.testing().test(
                .POST, "/sign-in",
                beforeRequest: { request in
                    try request.content.encode(
                        ["email": "coordinator@secureplace.example", "password": "x"], as: .urlEncodedForm)
                }
            ) { response in
                #expect(response.status == .forbidden, "a sign-in form without its CSRF token is refused")
            }
        }
    }

    @Test("after five wrong passwords the account is locked, even for the right one", arguments: TestDatabase.all)
    func lockout(database: TestDatabase) async throws {
        try await withApp(database) { app in
            func attempt(_ password: String) async throws -> (status: HTTPStatus, retryAfter: Int?, type: String?) {
                var answer: (HTTPStatus, Int?, String?) = (.ok, nil, nil)
                try await app.testing().test(
                    .POST, "/api/v1/sessions",
                    beforeRequest: {
                        try $0.content.encode(["email": "analyst@secureplace.example", "password": password])
                    }
                ) {
                    answer = (
                        $0.status, $0.headers.first(name: "Retry-After").flatMap(Int.init),
                        $0.headers.contentType?.description
                    )
                }
                return answer
            }
            for _ in 1...5 {
                let answer = try await attempt("wrong-password")
                #expect(answer.status == .unauthorized)
            }
            let afterLock = try await attempt(DemoDataset.password)
            #expect(afterLock.status == .tooManyRequests)
            #expect(afterLock.type == "application/problem+json")
            // The lock lasts fifteen minutes from the fifth failure, and the client is told so.
            #expect((1...15 * 60).contains(afterLock.retryAfter ?? 0))
        }
    }

    @Test("a locked account's sign-in form answers 429 with Retry-After and the message beside the password")
    func lockoutInForm() async throws {
        try await withApp(.sqlite) { app in
            func attempt(_ password: String) async throws -> TestingHTTPResponse? {
                let (formToken, signInCookie) = try await app.signInFormTokens()
                var answer: TestingHTTPResponse?
                try await app.testing().test(
                    .POST, "/sign-in",
                    beforeRequest: { request in
                        request.headers.cookie = ["secureplace-sign-in-csrf": .init(string: signInCookie)]
                        try request.content.encode(
                            ["email": "analyst@secureplace.example", "password": password, "csrfToken": formToken],
                            as: .urlEncodedForm)
                    }
                ) { answer = $0 }
                return answer
            }
            for _ in 1...5 { _ = try await attempt("wrong-password") }
            let locked = try #require(try await attempt(DemoDataset.password))
            #expect(locked.status == .tooManyRequests)
            #expect((1...15 * 60).contains(locked.headers.first(name: "Retry-After").flatMap(Int.init) ?? 0))
            #expect(locked.body.string.contains("id=\"password-error\""))
            #expect(locked.body.string.contains("Too many failed attempts."))
        }
    }

    @Test("a revoked token, or a disabled account's token, signs no one in", arguments: TestDatabase.all)
    func revocation(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let headers = try await app.bearerHeaders(for: "analyst@secureplace.example")
            try await app.testing().test(.DELETE, "/api/v1/sessions/current", headers: headers) { response in
                #expect(response.status == .noContent)
            }
            try await app.testing().test(.GET, "/api/v1/bed-board", headers: headers) { response in
                #expect(response.status == .unauthorized)
            }
            let other = try await app.bearerHeaders(for: "inspector.ofsted@secureplace.example")
            try await ManageUsers(store: Store(app.db), passwords: BcryptPasswordHasher(cost: 4))
                .disable(email: "inspector.ofsted@secureplace.example", by: nil)
            try await app.testing().test(.GET, "/api/v1/bed-board", headers: other) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("missing fields are named")
    func missingFields() async throws {
        try await withApp(.sqlite) { app in
            try await app.testing().test(
                .POST, "/api/v1/sessions", beforeRequest: { try $0.content.encode(["email": "a@b.example"]) }
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try response.decoded(ProblemBody.self)
                #expect(problem.errors?.first?.field == "password")
            }
        }
    }

    @Test("sign-ins, failures and sign-outs are in the audit trail, which verifies")
    func audited() async throws {
        try await withApp(.sqlite) { app in
            _ = try await app.bearerHeaders()
            try await app.testing().test(
                .POST, "/api/v1/sessions",
                beforeRequest: {
                    try $0.content.encode(["email": "coordinator@secureplace.example", "password": "wrong-one"])
                }
            ) { _ in }
            let actions = try await Store(app.db).auditEvents().map(\.entry.action)
            let chainBreak = try await Store(app.db).verifyAuditChain()
            #expect(actions.contains("api-token.issue"))
            #expect(actions.contains("sign-in.fail"))
            #expect(chainBreak == nil)
        }
    }
}
