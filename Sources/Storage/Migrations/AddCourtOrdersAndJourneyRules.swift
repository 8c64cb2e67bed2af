import FluentKit
import SQLKit

/// The court orders an authority records over a referral's life, who recorded a minister's
/// approval, and what became of an accepted offer that fell through.
struct AddCourtOrdersAndJourneyRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CourtOrderRecord.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(ReferralRecord.schema, "id"))
            .field("child_id", .uuid, .required)
            .field("status", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("is_renewal", .bool, .required)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid)
            .create()
        try await (database as! any SQLDatabase).create(index: "court_orders_by_child")
            .on(CourtOrderRecord.schema).column("child_id").run()
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(ReferralRecord.schema).field("order_is_renewal", .bool).update()
        try await database.schema(ReferralRecord.schema).field("ministerial_approval_recorded_by", .uuid).update()
        try await database.schema(HomeResponseRecord.schema).field("fell_through_at", .datetime).update()
        try await database.schema(HomeResponseRecord.schema).field("fell_through_reasons", .string).update()
        try await database.schema(HomeResponseRecord.schema).field("fell_through_note", .string).update()
        try await database.schema(RegulatorNotificationRecord.schema).field("needs_urgent_attention", .bool).update()
        try await (database as! any SQLDatabase).create(index: "placements_by_child")
            .on(PlacementRecord.schema).column("child_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CourtOrderRecord.schema).delete()
        try await database.schema(RegulatorNotificationRecord.schema).deleteField("needs_urgent_attention").update()
        for field in ["fell_through_at", "fell_through_reasons", "fell_through_note"] {
            try await database.schema(HomeResponseRecord.schema).deleteField(.string(field)).update()
        }
        for field in ["order_is_renewal", "ministerial_approval_recorded_by"] {
            try await database.schema(ReferralRecord.schema).deleteField(.string(field)).update()
        }
    }
}
