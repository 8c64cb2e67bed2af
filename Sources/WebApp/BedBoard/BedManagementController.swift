import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// A home manager closes, reopens and confirms the home's beds: pages and API.
struct BedManagementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.post("beds", ":bedID", "close") { request async throws -> HTTPStatus in
            try await manageBeds(request).close(
                bed: try request.uuidParameter("bedID"), reason: try request.content.decode(CloseBody.self).reason,
                by: try request.principal)
            return .noContent
        }
        api.post("beds", ":bedID", "reopen") { request async throws -> HTTPStatus in
            try await manageBeds(request).reopen(bed: try request.uuidParameter("bedID"), by: try request.principal)
            return .noContent
        }
        api.post("homes", ":homeID", "confirm") { request async throws -> HTTPStatus in
            try await manageBeds(request).confirm(home: try request.uuidParameter("homeID"), by: try request.principal)
            return .noContent
        }
        routes.post("beds", ":bedID", ":action", use: bedAction)
        routes.post("homes", ":homeID", "confirm", use: confirm)
    }

    struct CloseBody: Content {
        var reason: String?
    }

    @Sendable func bedAction(request: Request) async throws -> Response {
        let bedID = try request.uuidParameter("bedID")
        let principal = try request.principal
        guard let bed = try await Store(request.db).bed(id: bedID) else { throw Abort(.notFound) }
        let action = request.parameters.get("action")
        do {
            switch action {
            case "close":
                try await manageBeds(request).close(
                    bed: bedID, reason: try request.content.decode(CloseBody.self).reason, by: principal)
            case "reopen": try await manageBeds(request).reopen(bed: bedID, by: principal)
            default: throw Abort(.notFound)
            }
        } catch is InputErrors {
            return request.redirect(to: "/homes/\(bed.homeID)?notice=bed-unchanged", redirectType: .normal)
        }
        return request.redirect(to: "/homes/\(bed.homeID)?notice=bed-\(action ?? "")", redirectType: .normal)
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        let homeID = try request.uuidParameter("homeID")
        try await manageBeds(request).confirm(home: homeID, by: try request.principal)
        return request.redirect(to: "/homes/\(homeID)?notice=confirmed", redirectType: .normal)
    }

    private func manageBeds(_ request: Request) -> ManageBeds {
        let now = request.now
        return ManageBeds(store: Store(request.db), now: { now })
    }
}
