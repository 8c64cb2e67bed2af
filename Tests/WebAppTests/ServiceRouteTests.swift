import Foundation
import SecurePlaceCore
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Service routes")
struct ServiceRouteTests {
    @Test("GET /healthz answers ok when the database answers", arguments: TestDatabase.all)
    func health(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            try await app.testing().test(.GET, "/healthz") { response in
                #expect(response.status == .ok)
                struct Health: Decodable { var status: String; var database: String }
                let health = try response.decoded(Health.self)
                #expect(health.status == "ok")
                #expect(health.database == "ok")
            }
        }
    }

    @Test("the OpenAPI document describes exactly the API routes the app registers")
    func openAPIMatchesRoutes() async throws {
        try await withApp(.sqlite, demo: false) { app in
            var document: [String: Any] = [:]
            try await app.testing().test(.GET, "/openapi.json") { response in
                #expect(response.status == .ok)
                document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let registered = Set(
                app.routes.all
                    .map { route in "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
                    }
                    .filter { $0.contains(" /api/") || $0.hasSuffix(" /healthz") || $0.hasSuffix(" /openapi.json") })
            #expect(registered == (try OpenAPIDocument.operations()))
            #expect(registered.count >= 4)
        }
    }

    /// Client developers build their forms from the document's lists; a code added to the
    /// domain and not to the document would be refused by their forms, and the reverse by us.
    @Test("the OpenAPI document lists exactly the codes a referral form and the list filter accept")
    func openAPICodesMatchTheDomain() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let document = try await app.openAPIDocument()
            // A field that may be left out is "these codes, or null" (anyOf).
            func codes(_ schema: Any?) -> Set<String> {
                let schema = schema as? [String: Any] ?? [:]
                let items = schema["items"] as? [String: Any] ?? schema
                let alternatives = schema["anyOf"] as? [[String: Any]] ?? []
                return alternatives.reduce(into: Set(items["enum"] as? [String] ?? [])) { $0.formUnion(codes($1)) }
            }
            func raw<Code: CaseIterable & RawRepresentable>(_: Code.Type) -> Set<String> where Code.RawValue == String {
                Set(Code.allCases.map(\.rawValue))
            }
            let components = document["components"] as? [String: Any]
            let form = (components?["schemas"] as? [String: Any])?["ReferralForm"] as? [String: Any]
            let fields = form?["properties"] as? [String: Any] ?? [:]
            #expect(codes(fields["sex"]) == raw(Sex.self))
            #expect(codes(fields["legalBasis"]) == raw(LegalBasis.self))
            #expect(codes(fields["orderStatus"]) == raw(CourtOrderStatus.self))
            #expect(codes(fields["urgency"]) == raw(Urgency.self))
            #expect(codes(fields["flags"]) == raw(NeedFlag.self))
            let required = Set(form?["required"] as? [String] ?? [])
            #expect(required.isSubset(of: fields.keys))
            let list = ((document["paths"] as? [String: Any])?["/api/v1/referrals"] as? [String: Any])?["get"]
            let parameters = (list as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
            #expect(codes(parameters.first { $0["name"] as? String == "state" }?["schema"]) == raw(ReferralState.self))
        }
    }

    @Test("an unknown API address is a problem+json 404; an unknown page is an HTML 404")
    func unknownAddresses() async throws {
        try await withApp(.sqlite, demo: false) { app in
            try await app.testing().test(.GET, "/api/v1/nothing-here") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.contentType == HTTPMediaType(type: "application", subType: "problem+json"))
            }
            try await app.testing().test(.GET, "/nothing-here") { response in
                #expect(response.status == .notFound)
                #expect(response.body.string.contains("Page not found"))
            }
        }
    }
}
