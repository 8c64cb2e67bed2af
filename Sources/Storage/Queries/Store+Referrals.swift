import FluentKit
import Foundation
import SecurePlaceCore

extension Store {
    public func save(children: [Child], identities: [ChildIdentity]) async throws {
        try await insert(children.map(ChildRecord.init))
        try await insert(identities.map(ChildIdentityRecord.init))
    }

    public func save(referrals: [Referral]) async throws {
        try await insert(referrals.map(ReferralRecord.init))
    }

    public func save(responses: [HomeResponse]) async throws {
        try await insert(responses.map(HomeResponseRecord.init))
    }

    public func save(placements: [Placement], episodes: [PlacementEpisode]) async throws {
        try await insert(placements.map(PlacementRecord.init))
        try await insert(episodes.map(PlacementEpisodeRecord.init))
    }

    public func save(notifications: [RegulatorNotification]) async throws {
        try await insert(notifications.map(RegulatorNotificationRecord.init))
    }

    public func children() async throws -> [Child] {
        try await childRows()
    }

    public func referrals() async throws -> [Referral] {
        try await referralRows { $0.orderBy("created_at") }
    }

    public func responses() async throws -> [HomeResponse] {
        try await HomeResponseRecord.query(on: database).sort(\.$respondedAt).all().map { try $0.value() }
    }

    public func placements() async throws -> [Placement] {
        try await PlacementRecord.query(on: database).sort(\.$admittedAt).all().map { try $0.value() }
    }

    public func placementEpisodes() async throws -> [PlacementEpisode] {
        try await PlacementEpisodeRecord.query(on: database).all().map { try $0.value() }
    }

    public func notifications() async throws -> [RegulatorNotification] {
        try await RegulatorNotificationRecord.query(on: database).sort(\.$closedAt).all().map { try $0.value() }
    }
}

extension Store {
    public func acknowledge(notification id: UUID, at instant: Date) async throws {
        try await RegulatorNotificationRecord.query(on: database).filter(\.$id == id).set(
            \.$acknowledgedAt, to: instant
        )
        .update()
    }
}

extension Store {
    /// Every child's identifiable part: only for exports that need names (a linkage cohort).
    public func childIdentities() async throws -> [ChildIdentity] {
        try await ChildIdentityRecord.query(on: database).all().map { try $0.value() }
    }
}
