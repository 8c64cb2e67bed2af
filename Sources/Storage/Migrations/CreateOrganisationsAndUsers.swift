import FluentKit

struct CreateOrganisationsAndUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("reference", .string, .required)
            .unique(on: "kind", "reference")
            .create()
        try await database.schema(UserRecord.schema)
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id"))
            .field("is_disabled", .bool, .required)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserRecord.schema).delete()
        try await database.schema(OrganisationRecord.schema).delete()
    }
}
