import FluentKit

/// What each home says it can and cannot take, and the homes each authority does not use.
struct AddMatchingProfiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HomeProfileRecord.schema)
            .field("home_id", .uuid, .identifier(auto: false))
            .field("cannot_take", .string, .required)
            .field("youngest_age", .int)
            .field("rooms", .string, .required)
            .field("notes", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(AuthorityExclusionRecord.schema)
            .id()
            .field("local_authority_code", .string, .required)
            .field("home_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid)
            .unique(on: "local_authority_code", "home_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthorityExclusionRecord.schema).delete()
        try await database.schema(HomeProfileRecord.schema).delete()
    }
}
