import Foundation
import SecurePlaceCore
import Storage

/// What a home's manager says the home can and cannot take, and the homes an authority does
/// not use: both feed the ranking's exclusions, with their reasons. Every change is audited.
public struct MatchingProfiles: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// The profile form as submitted: codes from the domain's lists, a bed's room features
    /// keyed by the bed's id.
    public struct Form: Sendable {
        public var specialisms: [String]
        public var cannotTake: [String]
        public var youngestAge: String?
        public var rooms: [UUID: [String]]
        public var notes: String?

        public init(
            specialisms: [String] = [], cannotTake: [String] = [], youngestAge: String? = nil,
            rooms: [UUID: [String]] = [:], notes: String? = nil
        ) {
            self.specialisms = specialisms
            self.cannotTake = cannotTake
            self.youngestAge = youngestAge
            self.rooms = rooms
            self.notes = notes
        }
    }

    /// The home's profile (an empty one before its manager has written any) and specialisms.
    public func profile(ofHome homeID: UUID) async throws -> (home: SecureHome, profile: HomeMatchingProfile)? {
        guard let home = try await store.home(id: homeID) else { return nil }
        return (home, try await store.profile(ofHome: homeID) ?? HomeMatchingProfile(homeID: homeID))
    }

    /// Only the home's own manager changes its profile.
    @discardableResult
    public func update(_ form: Form, ofHome homeID: UUID, by principal: Principal) async throws -> HomeMatchingProfile {
        try await store.transaction { store in
            guard let home = try await store.home(id: homeID) else { throw AccessDenied(decision: .hidden) }
            let decision = AccessPolicy.mayManageBeds(principal, ofHome: home.reference)
            guard decision == .allowed else { throw AccessDenied(decision: decision) }
            let beds = Set(try await store.beds(ofHome: homeID).map(\.id))
            var errors: [InputError] = []
            func flags(_ codes: [String], _ field: String) -> Set<NeedFlag> {
                var flags: Set<NeedFlag> = []
                for code in codes {
                    guard let flag = NeedFlag(rawValue: code) else {
                        errors.append(InputError(field: field, message: "\(code) is not a need or risk on the list."))
                        continue
                    }
                    flags.insert(flag)
                }
                return flags
            }
            let specialisms = flags(form.specialisms, "specialisms")
            let cannotTake = flags(form.cannotTake, "cannotTake")
            if !specialisms.isDisjoint(with: cannotTake) {
                errors.append(
                    InputError(
                        field: "cannotTake", message: "A need cannot be both a specialism and one the home cannot take."
                    ))
            }
            var youngest: Int?
            let ageText = (form.youngestAge ?? "").trimmingCharacters(in: .whitespaces)
            if !ageText.isEmpty {
                if let age = Int(ageText), home.ages.contains(age) {
                    youngest = age
                } else {
                    errors.append(
                        InputError(
                            field: "youngestAge",
                            message:
                                "Enter an age within the home's registration, \(home.ages.lowerBound) to \(home.ages.upperBound)."
                        ))
                }
            }
            var rooms: [UUID: Set<RoomFeature>] = [:]
            for (bedID, codes) in form.rooms {
                guard beds.contains(bedID) else {
                    errors.append(InputError(field: "rooms", message: "A room named is not one of this home's beds."))
                    continue
                }
                var features: Set<RoomFeature> = []
                for code in codes {
                    guard let feature = RoomFeature(rawValue: code) else {
                        errors.append(InputError(field: "rooms", message: "\(code) is not a room feature on the list."))
                        continue
                    }
                    features.insert(feature)
                }
                if !features.isEmpty { rooms[bedID] = features }
            }
            let notes = (form.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if notes.count > 1000 {
                errors.append(InputError(field: "notes", message: "Keep the notes to 1,000 characters."))
            }
            guard errors.isEmpty else { throw InputErrors(errors) }
            let profile = HomeMatchingProfile(
                homeID: homeID, cannotTake: cannotTake, youngestAge: youngest, rooms: rooms, notes: notes)
            let instant = now()
            try await store.save(profile: profile, at: instant)
            try await store.update(specialisms: specialisms, ofHome: homeID)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "home-profile.update", objectType: "home", objectID: homeID.uuidString,
                    at: instant))
            return profile
        }
    }

    /// An authority's own list (a coordinator sees every authority's).
    public func exclusions(by principal: Principal) async throws -> [AuthorityExclusion] {
        switch principal.role {
        case .coordinator: return try await store.authorityExclusions()
        case .referrer, .authorityManager:
            return try await store.authorityExclusions(ofAuthority: principal.localAuthorityCode)
        default: throw AccessDenied(decision: .forbidden)
        }
    }

    /// An authority's manager records that the authority does not use a home, and why.
    @discardableResult
    public func exclude(home homeID: UUID?, reason text: String?, by principal: Principal) async throws
        -> AuthorityExclusion
    {
        guard principal.role == .authorityManager, let authority = principal.localAuthorityCode else {
            throw AccessDenied(decision: .forbidden)
        }
        return try await store.transaction { store in
            var errors: [InputError] = []
            let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var home: SecureHome?
            if let homeID { home = try await store.home(id: homeID) }
            if home == nil { errors.append(InputError(field: "homeID", message: "Select a home.")) }
            if reason.isEmpty {
                errors.append(InputError(field: "reason", message: "Say why the authority does not use this home."))
            } else if reason.count > 500 {
                errors.append(InputError(field: "reason", message: "Keep the reason to 500 characters."))
            }
            if let home,
                try await store.authorityExclusions(ofAuthority: authority).contains(where: { $0.homeID == home.id })
            {
                errors.append(InputError(field: "homeID", message: "The authority already does not use \(home.name)."))
            }
            guard errors.isEmpty, let home else { throw InputErrors(errors) }
            let instant = now()
            let exclusion = AuthorityExclusion(
                id: UUID(), localAuthorityCode: authority, homeID: home.id, reason: reason, recordedAt: instant,
                recordedBy: principal.userID)
            try await store.save(authorityExclusion: exclusion)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "authority-exclusion.create", objectType: "authority-exclusion",
                    objectID: exclusion.id.uuidString, at: instant))
            return exclusion
        }
    }

    /// Only the same authority's manager removes one; another authority's is not found.
    public func removeExclusion(_ id: UUID, by principal: Principal) async throws {
        guard principal.role == .authorityManager else { throw AccessDenied(decision: .forbidden) }
        try await store.transaction { store in
            guard let exclusion = try await store.authorityExclusion(id: id),
                exclusion.localAuthorityCode == principal.localAuthorityCode
            else { throw AccessDenied(decision: .hidden) }
            try await store.deleteAuthorityExclusion(id: id)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "authority-exclusion.delete", objectType: "authority-exclusion",
                    objectID: id.uuidString, at: now()))
        }
    }
}
