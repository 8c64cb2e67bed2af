import Storage
import Vapor

/// For load balancers and operators: the process answers and its database does too.
struct HealthController: RouteCollection {
    struct Health: Content {
        var status: String
        var database: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
    }

    @Sendable func health(request: Request) async throws -> Response {
        let healthy: Bool
        do {
            _ = try await Store(request.db).regionCount()
            healthy = true
        } catch {
            request.logger.error("Health check could not reach the database: \(String(reflecting: type(of: error)))")
            healthy = false
        }
        let response = Response(status: healthy ? .ok : .serviceUnavailable)
        try response.content.encode(
            Health(status: healthy ? "ok" : "unavailable", database: healthy ? "ok" : "unreachable"))
        return response
    }
}
