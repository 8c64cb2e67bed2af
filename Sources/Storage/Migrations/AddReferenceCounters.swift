import FluentKit

/// One row per series of human references (a year's referral numbers): taking a number
/// updates the row, so concurrent creators queue on it instead of all reading the same
/// highest number.
struct AddReferenceCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reference_counters")
            .field("series", .string, .identifier(auto: false))
            .field("last_number", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reference_counters").delete()
    }
}
