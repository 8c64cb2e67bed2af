import Foundation
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
