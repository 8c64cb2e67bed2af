import Foundation
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Hardened HTTP")
struct HardenedHTTPTests {
    /// A page, a file, an API error and a page that is not there: the browser gets the same
    /// protections whatever it asked for.
    @Test("every answer carries the security headers, and HSTS only over TLS")
    func securityHeaders() async throws {
        try await withApp(.sqlite) { app in
            for path in ["/sign-in", "/styles.css", "/api/v1/bed-board", "/no-such-page"] {
                try await app.testing().test(.GET, path) { response in
                    let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                    #expect(policy.contains("frame-ancestors 'none'"), "\(path)")
                    #expect(policy.contains("default-src 'none'"), "\(path)")
                    #expect(
                        !policy.contains("unsafe-inline") && !policy.contains("script-src"), "\(path): no script at all"
                    )
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                    #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer", "\(path)")
                    #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                    #expect(response.headers.first(name: "Strict-Transport-Security") == nil, "\(path): plain HTTP")
                }
            }
            try await app.testing().test(.GET, "/sign-in", headers: ["X-Forwarded-Proto": "https"]) { response in
                #expect(
                    response.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            }
        }
    }

    /// Through a running server: the limit is applied as the server collects the body, which
    /// the in-memory tester hands over whole.
    @Test("a body over the limit is refused with 413 problem+json; the longest form fits")
    func bodyLimit() async throws {
        try await withApp(.sqlite) { app in
            let server = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            func signIn(password: String) async throws -> (HTTPStatus, String?) {
                var answer: (HTTPStatus, String?) = (.ok, nil)
                try await server.test(
                    .POST, "/api/v1/sessions",
                    beforeRequest: {
                        try $0.content.encode(["email": "analyst@secureplace.example", "password": password])
                    }
                ) { answer = ($0.status, $0.headers.contentType?.description) }
                return answer
            }
            let (tooLarge, type) = try await signIn(password: String(repeating: "x", count: 70_000))
            #expect(tooLarge == .payloadTooLarge)
            #expect(type == "application/problem+json")
            // Four thousand four-byte characters, as long as a referral's notes may be.
            let (fits, _) = try await signIn(password: String(repeating: "😀", count: 4_000))
            #expect(fits == .unauthorized)
        }
    }
}
