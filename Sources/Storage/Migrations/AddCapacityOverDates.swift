import FluentKit
import SQLKit

/// Beds out of service as records of their own (reason, start, expected end, revisions), and
/// the day a home expects each child to leave: availability over dates.
struct AddCapacityOverDates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BedOutageRecord.schema)
            .id()
            .field("bed_id", .uuid, .required, .references(BedRecord.schema, "id"))
            .field("home_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("starts_on", .string, .required)
            .field("expected_end_on", .string)
            .field("ended_on", .string)
            .field("note", .string, .required)
            .field("revisions", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "bed_outages_by_home")
            .on(BedOutageRecord.schema).column("home_id").run()
        try await database.schema(PlacementRecord.schema).field("expected_discharge_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlacementRecord.schema).deleteField("expected_discharge_on").update()
        try await database.schema(BedOutageRecord.schema).delete()
    }
}
