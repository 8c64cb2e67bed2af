import FluentKit
import SQLKit

struct CreateHomesAndBeds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HomeRecord.schema)
            .id()
            .field("reference", .string, .required)
            .field("name", .string, .required)
            .field("region_code", .string, .required, .references(RegionRecord.schema, "code"))
            .field("local_authority_code", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("accepted_sexes", .string, .required)
            .field("minimum_age", .int, .required)
            .field("maximum_age", .int, .required)
            .field("specialisms", .string, .required)
            .field("last_confirmed_at", .datetime)
            .unique(on: "reference")
            .create()
        try await database.schema(BedRecord.schema)
            .id()
            .field("home_id", .uuid, .required, .references(HomeRecord.schema, "id"))
            .field("label", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await database.schema(BedStatusIntervalRecord.schema)
            .id()
            .field("bed_id", .uuid, .required, .references(BedRecord.schema, "id"))
            .field("status", .string, .required)
            .field("closure_reason", .string)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .create()
        // The board is rebuilt by asking which interval covers a moment.
        try await (database as! any SQLDatabase).create(index: "bed_status_intervals_by_time")
            .on(BedStatusIntervalRecord.schema).column("starts_at").column("ends_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BedStatusIntervalRecord.schema).delete()
        try await database.schema(BedRecord.schema).delete()
        try await database.schema(HomeRecord.schema).delete()
    }
}
