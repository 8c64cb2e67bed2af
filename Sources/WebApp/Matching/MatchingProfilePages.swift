import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// A home's matching profile: a form for its own manager, the same facts read-only for others.
enum MatchingProfilePage {
    struct Page: Encodable {
        struct Tick: Encodable {
            var value: String
            var label: String
            var id: String
            var checked: Bool
        }
        struct Room: Encodable {
            var label: String
            var features: [Tick]
        }

        var chrome: PageChrome
        var homeID: UUID
        var homeName: String
        var canEdit: Bool
        var specialisms: [Tick]
        var cannotTake: [Tick]
        var rooms: [Room]
        var youngestAge: String
        var registration: String
        var notes: String
        var errors: [FieldErrorView]
        var messages: [String: String]
        var notice: String?
    }

    static func render(
        _ request: Request, homeID: UUID, errors: InputErrors? = nil,
        submitted: MatchingProfileController.ProfileForm? = nil
    ) async throws -> Response {
        let now = request.now
        let store = Store(request.db)
        guard let found = try await MatchingProfiles(store: store, now: { now }).profile(ofHome: homeID) else {
            throw Abort(.notFound)
        }
        let (home, profile) = found
        let principal = try request.principal
        let form = submitted?.form
        let specialisms = form.map { Set($0.specialisms) } ?? Set(home.specialisms.map(\.code))
        let cannotTake = form.map { Set($0.cannotTake) } ?? Set(profile.cannotTake.map(\.code))
        func ticks(_ name: String, _ chosen: Set<String>) -> [Page.Tick] {
            NeedFlag.allCases.map {
                .init(value: $0.code, label: $0.name, id: "\(name)-\($0.code)", checked: chosen.contains($0.code))
            }
        }
        let rooms = try await store.beds(ofHome: homeID).sorted { $0.label < $1.label }.map { bed in
            let chosen = form.map { Set($0.rooms[bed.id] ?? []) } ?? Set((profile.rooms[bed.id] ?? []).map(\.rawValue))
            return Page.Room(
                label: bed.label,
                features: RoomFeature.allCases.map {
                    .init(
                        value: "\(bed.id.uuidString):\($0.rawValue)", label: $0.name,
                        id: "room-\(bed.id)-\($0.rawValue)",
                        checked: chosen.contains($0.rawValue))
                })
        }
        let errorViews = [FieldErrorView](errors)
        let page = Page(
            chrome: PageChrome(
                title: "Matching profile: \(home.name)", isDemo: try await store.holdsDemoData(),
                hasError: errors != nil, signedIn: request.signedIn),
            homeID: homeID, homeName: home.name,
            canEdit: AccessPolicy.mayManageBeds(principal, ofHome: home.reference) == .allowed,
            specialisms: ticks("specialisms", specialisms), cannotTake: ticks("cannotTake", cannotTake), rooms: rooms,
            youngestAge: submitted?.youngestAge ?? profile.youngestAge.map(String.init) ?? "",
            registration: "\(home.ages.lowerBound) to \(home.ages.upperBound)",
            notes: submitted?.notes ?? profile.notes, errors: errorViews, messages: errorViews.byField,
            notice: (try? request.query.get(String.self, at: "notice")) == "saved" ? "The profile was saved." : nil)
        return try await request.view.render("matching-profile", page).encodeResponse(for: request)
    }
}

/// An authority's homes it does not use: the list for its staff, the form for its manager.
enum ExclusionsPage {
    struct Page: Encodable {
        struct Row: Encodable {
            var id: UUID
            var home: String
            var authority: String
            var reason: String
            var recorded: String
        }

        var chrome: PageChrome
        var rows: [Row]
        var canEdit: Bool
        var homes: [Choice]
        var reason: String
        var errors: [FieldErrorView]
        var messages: [String: String]
        var notice: String?
    }

    static func render(
        _ request: Request, errors: InputErrors? = nil, submitted: MatchingProfileController.ExclusionBody? = nil
    ) async throws -> Response {
        let now = request.now
        let store = Store(request.db)
        let principal = try request.principal
        let exclusions = try await MatchingProfiles(store: store, now: { now }).exclusions(by: principal)
        let homes = try await store.homes().sorted { $0.name < $1.name }
        let names = Dictionary(uniqueKeysWithValues: homes.map { ($0.id, $0.name) })
        let authorities = Dictionary(
            uniqueKeysWithValues: try await store.localAuthorities().map { ($0.code, $0.name) })
        let errorViews = [FieldErrorView](errors)
        let notices = ["added": "The home was added to the list.", "removed": "The home was taken off the list."]
        let page = Page(
            chrome: PageChrome(
                title: "Homes the authority does not use", isDemo: try await store.holdsDemoData(),
                hasError: errors != nil, signedIn: request.signedIn),
            rows: exclusions.map {
                .init(
                    id: $0.id, home: names[$0.homeID] ?? "A home no longer listed",
                    authority: authorities[$0.localAuthorityCode] ?? $0.localAuthorityCode, reason: $0.reason,
                    recorded: DisplayFormat.dateTime($0.recordedAt))
            }, canEdit: principal.role == .authorityManager,
            homes: homes.map {
                .init(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == submitted?.homeID)
            },
            reason: submitted?.reason ?? "", errors: errorViews, messages: errorViews.byField,
            notice: errors == nil ? (try? request.query.get(String.self, at: "notice")).flatMap { notices[$0] } : nil)
        return try await request.view.render("exclusions", page).encodeResponse(for: request)
    }
}
