import FluentKit

struct CreateReferenceData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegionRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("country", .string, .required)
            .create()
        try await database.schema(LocalAuthorityRecord.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("region_code", .string, .required, .references(RegionRecord.schema, "code"))
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .create()
        try await database.schema(SettingRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SettingRecord.schema).delete()
        try await database.schema(LocalAuthorityRecord.schema).delete()
        try await database.schema(RegionRecord.schema).delete()
    }
}
