import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Vapor
import VaporTesting
import WebApp

/// The demo data set every HTTP test reads, generated once.
let demoDataset: DemoDataset = {
    let end = CalendarDate(year: 2026, month: 11, day: 20)!.start.addingTimeInterval(11 * 3600)
    return try! DemoDataGenerator(
        seed: 5, months: 12, end: end, localAuthorities: ReferenceData.bundled().localAuthorities
    )
    .generate()
}()

/// Runs `body` against the real app on a fresh database of the given kind, with the clock
/// fixed at the end of the demo data and, unless told otherwise, the demo data loaded.
func withApp(
    _ database: TestDatabase, demo: Bool = true, _ body: (Application) async throws -> Void
) async throws {
    let (url, remove) = try await database.makeFresh()
    let now = demoDataset.end
    do {
        try await VaporTesting.withApp(
            configure: { app in
                try await configure(
                    app, settings: AppSettings(database: url, now: { now }, bcryptCost: 4, runsBackgroundJobs: false))
                let store = Store(app.db)
                try await LoadReferenceData(store: store)(ReferenceData.bundled())
                if demo {
                    try await LoadDemoData(store: store, passwords: BcryptPasswordHasher(cost: 4))(demoDataset)
                } else {
                    // An empty service still has its coordinators.
                    try await store.save(
                        organisation: Organisation(
                            id: UUID(), kind: .coordinatingUnit, name: "Coordination", reference: "coordination"))
                    _ = try await ManageUsers(store: store, passwords: BcryptPasswordHasher(cost: 4)).create(
                        .init(
                            email: "coordinator@secureplace.example", displayName: "Coordinator", role: .coordinator,
                            organisationReference: "coordination", password: DemoDataset.password),
                        by: nil)
                }
            }, body)
        await remove()
    } catch {
        await remove()
        throw error
    }
}

struct ProblemBody: Decodable {
    struct FieldError: Decodable {
        var field: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?
}

extension TestingHTTPResponse {
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(buffer: body))
    }
}

extension Application {
    /// Signs a demo user in through the API and returns headers carrying the bearer token.
    func bearerHeaders(for email: String = "coordinator@secureplace.example") async throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        try await testing().test(
            .POST, "/api/v1/sessions",
            beforeRequest: { request in
                try request.content.encode(["email": email, "password": DemoDataset.password])
            },
            afterResponse: { response in
                struct Token: Decodable { var token: String }
                let token = try JSONDecoder().decode(Token.self, from: Data(buffer: response.body)).token
                headers.bearerAuthorization = BearerAuthorization(token: token)
            })
        return headers
    }

    /// What the sign-in form hands out: the CSRF token in its hidden field, and the cookie
    /// that the token must match.
    func signInFormTokens() async throws -> (formToken: String, cookie: String) {
        var tokens = ("", "")
        try await testing().test(.GET, "/sign-in") { response in
            tokens = (
                hiddenField("csrfToken", in: response.body.string) ?? "",
                response.headers.setCookie?["secureplace-sign-in-csrf"]?.string ?? ""
            )
        }
        return tokens
    }

    /// Signs a demo user in through the form and returns headers carrying the session cookie,
    /// and the CSRF token its forms must send.
    func sessionHeaders(for email: String = "coordinator@secureplace.example") async throws -> (HTTPHeaders, String) {
        let (formToken, signInCookie) = try await signInFormTokens()
        var headers = HTTPHeaders()
        try await testing().test(
            .POST, "/sign-in",
            beforeRequest: { request in
                request.headers.cookie = ["secureplace-sign-in-csrf": .init(string: signInCookie)]
                try request.content.encode(
                    ["email": email, "password": DemoDataset.password, "csrfToken": formToken, "next": "/"],
                    as: .urlEncodedForm)
            },
            afterResponse: { response in
                if let session = response.headers.setCookie?["secureplace-session"] {
                    headers.cookie = ["secureplace-session": .init(string: session.string)]
                }
            })
        var csrf = ""
        try await testing().test(.GET, "/", headers: headers) { response in
            csrf = hiddenField("csrfToken", in: response.body.string) ?? ""
        }
        return (headers, csrf)
    }
}

/// The value of the first hidden input with this name in a page.
func hiddenField(_ name: String, in html: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    let rest = html[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
}
