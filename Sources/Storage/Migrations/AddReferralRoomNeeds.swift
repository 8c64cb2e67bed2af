import FluentKit

/// What a child's room must have, on the referral (codes, comma-separated; none when empty).
struct AddReferralRoomNeeds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReferralRecord.schema).field("room_needs", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReferralRecord.schema).deleteField("room_needs").update()
    }
}
