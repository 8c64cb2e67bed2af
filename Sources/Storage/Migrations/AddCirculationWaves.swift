import FluentKit
import Foundation

/// A referral circulated in ranked waves keeps its wave size, so the service can widen to
/// the next homes by itself when a wave has all declined or its deadline has passed.
struct AddCirculationWaves: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CirculationWaveRecord.schema)
            .field("referral_id", .uuid, .identifier(auto: false))
            .field("size", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CirculationWaveRecord.schema).delete()
    }
}

final class CirculationWaveRecord: Model, @unchecked Sendable {
    static let schema = "circulation_waves"

    @ID(custom: "referral_id", generatedBy: .user) var id: UUID?
    @Field(key: "size") var size: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(referralID: UUID, size: Int, at instant: Date) {
        id = referralID
        self.size = size
        updatedAt = instant
    }
}
