import FluentKit
import Foundation
import SecurePlaceCore

final class HomeProfileRecord: Model, @unchecked Sendable {
    static let schema = "home_profiles"

    @ID(custom: "home_id", generatedBy: .user) var id: UUID?
    @Field(key: "cannot_take") var cannotTake: String
    @OptionalField(key: "youngest_age") var youngestAge: Int?
    /// Each bed's room features as JSON: read and written only with the profile.
    @Field(key: "rooms") var rooms: String
    @Field(key: "notes") var notes: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ profile: HomeMatchingProfile, at instant: Date) throws {
        id = profile.homeID
        try update(from: profile, at: instant)
    }

    func update(from profile: HomeMatchingProfile, at instant: Date) throws {
        cannotTake = profile.cannotTake.codeList
        youngestAge = profile.youngestAge
        rooms = String(
            decoding: try JSONEncoder().encode(
                Dictionary(uniqueKeysWithValues: profile.rooms.map { ($0.key.uuidString, $0.value.sorted()) })),
            as: UTF8.self)
        notes = profile.notes
        updatedAt = instant
    }

    func value() throws -> HomeMatchingProfile {
        let flags = try Set<NeedFlag>.parsing(codeList: cannotTake).get()
        let decoded = try JSONDecoder().decode([String: [RoomFeature]].self, from: Data(rooms.utf8))
        return HomeMatchingProfile(
            homeID: try requireID(), cannotTake: flags, youngestAge: youngestAge,
            rooms: Dictionary(
                uniqueKeysWithValues: decoded.compactMap { key, value in UUID(uuidString: key).map { ($0, Set(value)) }
                }),
            notes: notes)
    }
}

final class AuthorityExclusionRecord: Model, @unchecked Sendable {
    static let schema = "authority_exclusions"

    @ID(key: .id) var id: UUID?
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "home_id") var homeID: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "recorded_at") var recordedAt: Date
    @OptionalField(key: "recorded_by") var recordedBy: UUID?

    init() {}

    init(_ exclusion: AuthorityExclusion) {
        id = exclusion.id
        localAuthorityCode = exclusion.localAuthorityCode
        homeID = exclusion.homeID
        reason = exclusion.reason
        recordedAt = exclusion.recordedAt
        recordedBy = exclusion.recordedBy
    }

    func value() throws -> AuthorityExclusion {
        AuthorityExclusion(
            id: try requireID(), localAuthorityCode: localAuthorityCode, homeID: homeID, reason: reason,
            recordedAt: recordedAt, recordedBy: recordedBy)
    }
}
