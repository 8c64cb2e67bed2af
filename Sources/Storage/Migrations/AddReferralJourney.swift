import FluentKit
import SQLKit

struct AddReferralJourney: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema(ReferralRecord.schema).field("unplaced_location", .string).update()
        try await database.schema(ReferralRecord.schema).field("ministerial_approval_on", .string).update()
        try await database.schema(ReferralRecord.schema).field("escalated_at", .datetime).update()
        try await database.schema(HomeResponseRecord.schema).field("offer_status", .string).update()
        try await database.schema(CirculationRecord.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(ReferralRecord.schema, "id"))
            .field("home_id", .uuid, .required, .references(HomeRecord.schema, "id"))
            .field("circulated_at", .datetime, .required)
            .field("respond_by", .datetime, .required)
            .unique(on: "referral_id", "home_id")
            .create()
        try await (database as! any SQLDatabase).create(index: "circulations_by_home")
            .on(CirculationRecord.schema).column("home_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CirculationRecord.schema).delete()
        try await database.schema(HomeResponseRecord.schema).deleteField("offer_status").update()
        for field in ["unplaced_location", "ministerial_approval_on", "escalated_at"] {
            try await database.schema(ReferralRecord.schema).deleteField(.string(field)).update()
        }
    }
}
