import FluentKit

struct AddLookedAfterReturns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LookedAfterEpisodeRecord.schema)
            .id()
            .field("child_id", .uuid, .required, .references(ChildRecord.schema, .id))
            .field("local_authority_code", .string, .required)
            .field("child_reference", .string, .required)
            .field("started_on", .string, .required)
            .field("reason_new_episode", .string, .required)
            .field("legal_status", .string, .required)
            .field("category_of_need", .string, .required)
            .field("placement_type", .string, .required)
            .field("placement_provider", .string)
            .field("ended_on", .string)
            .field("reason_ceased", .string)
            .field("reason_place_change", .string)
            .field("home_postcode", .string)
            .field("placement_postcode", .string)
            .field("urn", .string)
            .field("imported_at", .datetime, .required)
            .unique(on: "child_id", "started_on")
            .create()
        try await database.schema(LookedAfterChildRecord.schema)
            .field("child_id", .uuid, .identifier(auto: false), .references(ChildRecord.schema, .id))
            .field("local_authority_code", .string, .required)
            .field("child_reference", .string, .required)
            .field("ethnicity", .string, .required)
            .field("imported_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LookedAfterChildRecord.schema).delete()
        try await database.schema(LookedAfterEpisodeRecord.schema).delete()
    }
}
