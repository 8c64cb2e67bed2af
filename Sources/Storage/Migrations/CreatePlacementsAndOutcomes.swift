import FluentKit

struct CreatePlacementsAndOutcomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlacementRecord.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(ReferralRecord.schema, "id"))
            .field("child_id", .uuid, .required, .references(ChildRecord.schema, "id"))
            .field("home_id", .uuid, .required, .references(HomeRecord.schema, "id"))
            .field("bed_id", .uuid, .required, .references(BedRecord.schema, "id"))
            .field("admitted_at", .datetime, .required)
            .field("discharged_at", .datetime)
            .field("end_reason", .string)
            .create()
        try await database.schema(PlacementEpisodeRecord.schema)
            .id()
            .field("child_id", .uuid, .required, .references(ChildRecord.schema, "id"))
            .field("referral_id", .uuid, .required, .references(ReferralRecord.schema, "id"))
            .field("placement_type", .string, .required)
            .field("started_on", .string, .required)
            .field("ended_on", .string)
            .field("end_reason", .string)
            .create()
        try await database.schema(RegulatorNotificationRecord.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(ReferralRecord.schema, "id"))
            .field("regulator", .string, .required)
            .field("local_authority_code", .string, .required)
            .field("closed_at", .datetime, .required)
            .field("acknowledged_at", .datetime)
            .field("content", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegulatorNotificationRecord.schema).delete()
        try await database.schema(PlacementEpisodeRecord.schema).delete()
        try await database.schema(PlacementRecord.schema).delete()
    }
}
