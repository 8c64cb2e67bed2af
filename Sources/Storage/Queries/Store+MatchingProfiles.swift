import FluentKit
import Foundation
import SecurePlaceCore

extension Store {
    public func save(profile: HomeMatchingProfile, at instant: Date) async throws {
        if let existing = try await HomeProfileRecord.find(profile.homeID, on: database) {
            try existing.update(from: profile, at: instant)
            try await existing.update(on: database)
        } else {
            try await HomeProfileRecord(profile, at: instant).create(on: database)
        }
    }

    public func profile(ofHome homeID: UUID) async throws -> HomeMatchingProfile? {
        try await HomeProfileRecord.find(homeID, on: database)?.value()
    }

    public func profiles() async throws -> [HomeMatchingProfile] {
        try await HomeProfileRecord.query(on: database).all().map { try $0.value() }
    }

    public func update(specialisms: Set<NeedFlag>, ofHome homeID: UUID) async throws {
        guard let record = try await HomeRecord.find(homeID, on: database) else { return }
        record.specialisms = specialisms.codeList
        try await record.update(on: database)
    }

    public func save(authorityExclusion exclusion: AuthorityExclusion) async throws {
        try await AuthorityExclusionRecord(exclusion).create(on: database)
    }

    public func deleteAuthorityExclusion(id: UUID) async throws {
        try await AuthorityExclusionRecord.query(on: database).filter(\.$id == id).delete()
    }

    public func authorityExclusion(id: UUID) async throws -> AuthorityExclusion? {
        try await AuthorityExclusionRecord.find(id, on: database)?.value()
    }

    /// One authority's, or every authority's.
    public func authorityExclusions(ofAuthority code: String? = nil) async throws -> [AuthorityExclusion] {
        var query = AuthorityExclusionRecord.query(on: database)
        if let code { query = query.filter(\.$localAuthorityCode == code) }
        return try await query.sort(\.$recordedAt).all().map { try $0.value() }
    }
}
