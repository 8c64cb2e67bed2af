import FluentKit
import Foundation
import SQLKit

struct AddAlertOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AlertRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("recipient_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("recipient_address", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("referral_id", .uuid)
            .field("alert_key", .string, .required)
            .field("created_at", .datetime, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .unique(on: "alert_key", name: "alert_outbox_once")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "alert_outbox_due").on(AlertRecord.schema)
            .column("status").column("next_attempt_at").run()
        try await database.schema(AlertAttemptRecord.schema)
            .id()
            .field("alert_id", .uuid, .required, .references(AlertRecord.schema, "id"))
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .field("detail", .string, .required)
            .create()
        try await sql.create(index: "alert_attempts_by_alert").on(AlertAttemptRecord.schema).column("alert_id").run()
        try await database.schema(AlertOptOutRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("kind", .string, .required)
            .unique(on: "user_id", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AlertOptOutRecord.schema).delete()
        try await database.schema(AlertAttemptRecord.schema).delete()
        try await database.schema(AlertRecord.schema).delete()
    }
}
