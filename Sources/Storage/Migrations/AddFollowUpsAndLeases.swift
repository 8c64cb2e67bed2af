import FluentKit
import Foundation

struct AddFollowUpsAndLeases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FollowUpRecord.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(ReferralRecord.schema, "id"))
            .field("local_authority_code", .string, .required)
            .field("interval", .string, .required)
            .field("due_on", .string, .required)
            .field("recorded_at", .datetime)
            .field("current_placement", .string)
            .field("placement_moves", .int)
            .field("missing_episodes", .int)
            .field("in_custody", .bool)
            .field("note", .string)
            .create()
        try await database.schema(JobLeaseRecord.schema)
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobLeaseRecord.schema).delete()
        try await database.schema(FollowUpRecord.schema).delete()
    }
}
