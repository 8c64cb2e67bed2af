import Coordination
import Foundation
import SecurePlaceCore
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("API conventions: methods an address does not have, and paged lists")
struct APIConventionTests {
    @Test("a method an address does not have is a 405 with Allow, as problem+json or as a page")
    func methodNotAllowed() async throws {
        try await withApp(.sqlite) { app in
            let coordinator = try await app.bearerHeaders()
            try await app.testing().test(.DELETE, "/api/v1/bed-board", headers: coordinator) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: "Allow") == "GET, HEAD")
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                #expect(response.body.string.contains("DELETE is not a method of this address"))
            }
            try await app.testing().test(.TRACE, "/api/v1/referrals", headers: coordinator) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: "Allow") == "GET, HEAD, POST")
            }
            // A parameter in the path matches any id: the address exists whatever the id.
            try await app.testing().test(.PUT, "/api/v1/referrals/\(UUID())/submit", headers: coordinator) {
                #expect($0.status == .methodNotAllowed)
                #expect($0.headers.first(name: "Allow") == "POST")
            }
            try await app.testing().test(.PATCH, "/healthz") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: "Allow") == "GET, HEAD")
            }
            try await app.testing().test(.TRACE, "/") { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers.first(name: "Allow") == "GET, HEAD")
                #expect(response.headers.contentType == .html)
            }
            // An address that does not exist stays a 404, whatever the method.
            try await app.testing().test(.TRACE, "/api/v1/no-such-list", headers: coordinator) {
                #expect($0.status == .notFound)
                #expect($0.headers.first(name: "Allow") == nil)
            }
        }
    }

    @Test(
        "notifications are paged like referrals; a page number out of bounds or an empty filter is a 400 naming the field"
    )
    func pagedLists() async throws {
        try await withApp(.sqlite) { app in
            let inspector = try await app.bearerHeaders(for: "inspector.ofsted@secureplace.example")
            let ofsted = demoDataset.notifications.filter { $0.regulator == .ofsted }
            #expect(ofsted.count > 25, "the demo has more than a page")
            let first = try await app.send(.GET, "/api/v1/notifications", as: inspector)
            #expect(first.status == .ok)
            #expect(first.json["total"] as? Int == ofsted.count)
            #expect(first.json["page"] as? Int == 1)
            #expect(first.json["pageSize"] as? Int == 25)
            #expect(first.array.count == 25)
            let lastPage = (ofsted.count + 24) / 25
            let last = try await app.send(.GET, "/api/v1/notifications?page=\(lastPage)", as: inspector)
            #expect(last.array.count == ofsted.count - 25 * (lastPage - 1))
            let everyID = Set((first.array + last.array).compactMap { $0["id"] as? String })
            #expect(everyID.count == first.array.count + last.array.count, "no notification on two pages")
            let past = try await app.send(.GET, "/api/v1/notifications?page=\(lastPage + 1)", as: inspector)
            #expect(past.status == .ok)
            #expect(past.array.isEmpty)

            let coordinator = try await app.bearerHeaders()
            let emptyState = try await app.send(.GET, "/api/v1/referrals?state=", as: coordinator)
            #expect(emptyState.status == .badRequest)
            #expect((emptyState.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "state")
            for path in ["/api/v1/referrals", "/api/v1/notifications", "/api/v1/follow-ups"] {
                for page in ["0", "-3", "1000001", "two", "1.5"] {
                    let answer = try await app.send(.GET, "\(path)?page=\(page)", as: coordinator)
                    #expect(answer.status == .badRequest, "\(path)?page=\(page)")
                    let errors = answer.json["errors"] as? [[String: Any]]
                    #expect(errors?.first?["field"] as? String == "page", "\(path)?page=\(page)")
                }
            }
        }
    }

    @Test(
        "the document's lists of alternatives to a secure bed and of placements are the domain's, so a client offers only codes the service takes"
    )
    func alternativesInTheDocument() async throws {
        try await withApp(.sqlite) { app in
            let document = try await app.openAPIDocument()
            let paths = document["paths"] as? [String: [String: Any]]
            let operation = paths?["/api/v1/referrals/{referralID}/close-unplaced"]?["post"] as? [String: Any]
            let body =
                ((operation?["requestBody"] as? [String: Any])?["content"] as? [String: [String: Any]])?[
                    "application/json"]?["schema"] as? [String: Any]
            let alternative = (body?["properties"] as? [String: [String: Any]])?["alternative"]
            #expect(alternative?["enum"] as? [String] == AlternativeAccommodation.allCases.map(\.rawValue))
            let followUp = paths?["/api/v1/follow-ups/{followUpID}"]?["post"] as? [String: Any]
            let followUpBody =
                ((followUp?["requestBody"] as? [String: Any])?["content"] as? [String: [String: Any]])?[
                    "application/json"]?["schema"] as? [String: Any]
            let placement = (followUpBody?["properties"] as? [String: [String: Any]])?["currentPlacement"]
            #expect(placement?["enum"] as? [String] == PlacementType.allCases.map(\.rawValue))
        }
    }

    @Test(
        "every field a JSON body may leave out may also be null, as the decoder takes null for absent: the document says what the service accepts"
    )
    func optionalFieldsMayBeNull() async throws {
        try await withApp(.sqlite) { app in
            let document = try await app.openAPIDocument()
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]] ?? [:]
            func resolved(_ schema: [String: Any]) -> [String: Any] {
                guard let reference = schema["$ref"] as? String else { return schema }
                return schemas[String(reference.split(separator: "/").last ?? "")] ?? [:]
            }
            func allowsNull(_ schema: [String: Any]) -> Bool {
                let schema = resolved(schema)
                if schema["type"] as? String == "null" { return true }
                if (schema["type"] as? [String])?.contains("null") == true { return true }
                return ((schema["anyOf"] ?? schema["oneOf"]) as? [[String: Any]])?.contains(where: allowsNull) == true
            }
            var checked = 0
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            for (path, operations) in paths {
                for (method, operation) in operations {
                    guard
                        let content = ((operation as? [String: Any])?["requestBody"] as? [String: Any])?["content"]
                            as? [String: [String: Any]],
                        let schema = content["application/json"]?["schema"] as? [String: Any]
                    else { continue }
                    let body = resolved(schema)
                    let required = Set(body["required"] as? [String] ?? [])
                    for (name, property) in body["properties"] as? [String: [String: Any]] ?? [:]
                    where !required.contains(name) {
                        checked += 1
                        #expect(allowsNull(property), "\(method.uppercased()) \(path): \(name)")
                    }
                }
            }
            #expect(checked > 20, "the document's bodies have optional fields to check")
        }
    }
}

extension Application {
    /// The document the service serves at /openapi.json, as JSON objects.
    func openAPIDocument() async throws -> [String: Any] {
        var document: [String: Any] = [:]
        try await testing().test(.GET, "/openapi.json") {
            document = try JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any] ?? [:]
        }
        return document
    }
}
