import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// A home's matching profile (its manager edits it; anyone signed in reads it) and an
/// authority's list of homes it does not use (its manager keeps it): pages and API.
struct MatchingProfileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("homes", ":homeID", "profile", use: profileJSON)
        api.put("homes", ":homeID", "profile", use: updateJSON)
        api.get("authority-exclusions", use: exclusionsJSON)
        api.post("authority-exclusions", use: excludeJSON)
        api.delete("authority-exclusions", ":exclusionID", use: removeJSON)
        routes.get("homes", ":homeID", "profile", use: profilePage)
        routes.post("homes", ":homeID", "profile", use: updateFromPage)
        routes.get("exclusions", use: exclusionsPage)
        routes.post("exclusions", use: excludeFromPage)
        routes.post("exclusions", ":exclusionID", "delete", use: removeFromPage)
    }

    struct ProfileDTO: Content {
        struct Room: Content {
            var bedID: UUID
            var features: [String]
        }

        var homeID: UUID?
        var specialisms: [String]?
        var cannotTake: [String]?
        var youngestAge: Int?
        var rooms: [Room]?
        var notes: String?

        init(home: SecureHome, profile: HomeMatchingProfile) {
            homeID = home.id
            specialisms = home.specialisms.sorted().map(\.code)
            cannotTake = profile.cannotTake.sorted().map(\.code)
            youngestAge = profile.youngestAge
            rooms = profile.rooms.sorted { $0.key.uuidString < $1.key.uuidString }.map {
                Room(bedID: $0.key, features: $0.value.sorted().map(\.rawValue))
            }
            notes = profile.notes
        }

        var form: MatchingProfiles.Form {
            MatchingProfiles.Form(
                specialisms: specialisms ?? [], cannotTake: cannotTake ?? [], youngestAge: youngestAge.map(String.init),
                rooms: Dictionary((rooms ?? []).map { ($0.bedID, $0.features) }, uniquingKeysWith: +), notes: notes)
        }
    }

    struct ExclusionDTO: Content {
        var id: UUID
        var localAuthorityCode: String
        var homeID: UUID
        var reason: String
        var recordedAt: Date

        init(_ exclusion: AuthorityExclusion) {
            id = exclusion.id
            localAuthorityCode = exclusion.localAuthorityCode
            homeID = exclusion.homeID
            reason = exclusion.reason
            recordedAt = exclusion.recordedAt
        }
    }

    struct ExclusionBody: Content {
        var homeID: String?
        var reason: String?
    }

    @Sendable func profileJSON(request: Request) async throws -> ProfileDTO {
        guard let found = try await profiles(request).profile(ofHome: try request.uuidParameter("homeID")) else {
            throw Abort(.notFound)
        }
        return ProfileDTO(home: found.home, profile: found.profile)
    }

    @Sendable func updateJSON(request: Request) async throws -> ProfileDTO {
        let homeID = try request.uuidParameter("homeID")
        let body = try request.content.decode(ProfileDTO.self)
        try await profiles(request).update(body.form, ofHome: homeID, by: try request.principal)
        return try await profileJSON(request: request)
    }

    @Sendable func exclusionsJSON(request: Request) async throws -> [ExclusionDTO] {
        try await profiles(request).exclusions(by: try request.principal).map(ExclusionDTO.init)
    }

    @Sendable func excludeJSON(request: Request) async throws -> Response {
        let body = try request.content.decode(ExclusionBody.self)
        let exclusion = try await profiles(request).exclude(
            home: body.homeID.flatMap(UUID.init(uuidString:)), reason: body.reason, by: try request.principal)
        return try await ExclusionDTO(exclusion).encodeResponse(status: .created, for: request)
    }

    @Sendable func removeJSON(request: Request) async throws -> HTTPStatus {
        try await profiles(request).removeExclusion(try request.uuidParameter("exclusionID"), by: try request.principal)
        return .noContent
    }

    // MARK: Pages

    struct ProfileForm: Content {
        var specialisms: [String]?
        var cannotTake: [String]?
        var youngestAge: String?
        /// Each ticked room feature as `bedID:feature`.
        var rooms: [String]?
        var notes: String?

        var form: MatchingProfiles.Form {
            var byBed: [UUID: [String]] = [:]
            for value in rooms ?? [] {
                let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let bed = UUID(uuidString: parts[0]) else { continue }
                byBed[bed, default: []].append(parts[1])
            }
            return MatchingProfiles.Form(
                specialisms: specialisms ?? [], cannotTake: cannotTake ?? [], youngestAge: youngestAge, rooms: byBed,
                notes: notes)
        }
    }

    @Sendable func profilePage(request: Request) async throws -> Response {
        try await MatchingProfilePage.render(request, homeID: try request.uuidParameter("homeID"))
    }

    @Sendable func updateFromPage(request: Request) async throws -> Response {
        let homeID = try request.uuidParameter("homeID")
        let form = try request.content.decode(ProfileForm.self)
        do {
            try await profiles(request).update(form.form, ofHome: homeID, by: try request.principal)
        } catch let errors as InputErrors {
            return try await MatchingProfilePage.render(request, homeID: homeID, errors: errors, submitted: form)
        }
        return request.redirect(to: "/homes/\(homeID)/profile?notice=saved", redirectType: .normal)
    }

    @Sendable func exclusionsPage(request: Request) async throws -> Response {
        try await ExclusionsPage.render(request)
    }

    @Sendable func excludeFromPage(request: Request) async throws -> Response {
        let body = try request.content.decode(ExclusionBody.self)
        do {
            try await profiles(request).exclude(
                home: body.homeID.flatMap(UUID.init(uuidString:)), reason: body.reason, by: try request.principal)
        } catch let errors as InputErrors {
            return try await ExclusionsPage.render(request, errors: errors, submitted: body)
        }
        return request.redirect(to: "/exclusions?notice=added", redirectType: .normal)
    }

    @Sendable func removeFromPage(request: Request) async throws -> Response {
        try await profiles(request).removeExclusion(try request.uuidParameter("exclusionID"), by: try request.principal)
        return request.redirect(to: "/exclusions?notice=removed", redirectType: .normal)
    }

    private func profiles(_ request: Request) -> MatchingProfiles {
        let now = request.now
        return MatchingProfiles(store: Store(request.db), now: { now })
    }
}
