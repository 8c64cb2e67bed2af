import Foundation
import Vapor

/// Serves the OpenAPI 3.1 document of the JSON API. It is written by hand; a test checks
/// that its paths and the registered routes are the same set, so the two cannot drift.
struct OpenAPIController: RouteCollection {
    static var documentURL: URL { Bundle.module.url(forResource: "openapi", withExtension: "json")! }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: document)
    }

    @Sendable func document(request: Request) async throws -> Response {
        let data = try Data(contentsOf: Self.documentURL)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

/// The OpenAPI document's operations as (method, Vapor path) pairs, for the drift test.
public enum OpenAPIDocument {
    public static func operations() throws -> Set<String> {
        let data = try Data(contentsOf: OpenAPIController.documentURL)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let paths = json["paths"] as? [String: Any] ?? [:]
        var operations: Set<String> = []
        for (path, item) in paths {
            let vaporPath = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
            for method in (item as? [String: Any] ?? [:]).keys {
                operations.insert("\(method.uppercased()) \(vaporPath)")
            }
        }
        return operations
    }
}
