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

    /// Proxies and servers log addresses, so nothing about a child or a person may travel in
    /// one: every query parameter the API declares, and every field of a page's GET form, is
    /// one of these filters, dates and page numbers.
    @Test("no address carries personal data: query parameters and GET forms hold only filters")
    func noPersonalDataInAddresses() throws {
        let allowed: Set = [
            "date", "from", "to", "through", "period", "page", "state", "status", "role", "queue", "wave", "region",
            "route", "profile", "authority", "urgency",
        ]
        let resources = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Sources/WebApp/Resources")
        let document =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: resources.appending(path: "openapi.json"))) as? [String: Any]
        let shared = (document?["components"] as? [String: Any])?["parameters"] as? [String: [String: Any]] ?? [:]
        var queryNames: Set<String> = []
        for case let operations as [String: Any] in (document?["paths"] as? [String: Any] ?? [:]).values {
            for case let operation as [String: Any] in operations.values {
                for case var parameter as [String: Any] in operation["parameters"] as? [Any] ?? [] {
                    if let reference = parameter["$ref"] as? String {
                        parameter = shared[String(reference.split(separator: "/").last ?? "")] ?? [:]
                    }
                    if parameter["in"] as? String == "query", let name = parameter["name"] as? String {
                        queryNames.insert(name)
                    }
                }
            }
        }
        #expect(!queryNames.isEmpty)
        #expect(queryNames.isSubset(of: allowed), "query parameters \(queryNames.subtracting(allowed).sorted())")

        let views = resources.appending(path: "Views")
        var formsRead = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: views.path()) where file.hasSuffix(".leaf") {
            let template = try String(contentsOf: views.appending(path: file), encoding: .utf8)
            for form in template.components(separatedBy: "<form").dropFirst()
            where form.prefix(while: { $0 != ">" }).lowercased().contains("method=\"get\"") {
                formsRead += 1
                let body = form.components(separatedBy: "</form>").first ?? form
                let names = body.components(separatedBy: "name=\"").dropFirst()
                    .map { String($0.prefix(while: { $0 != "\"" })) }
                #expect(Set(names).isSubset(of: allowed), "\(file): \(names)")
            }
        }
        #expect(formsRead >= 4, "the bed board's date, and the referral, notification and account filters")
    }
}
