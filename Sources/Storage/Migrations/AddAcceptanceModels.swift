import FluentKit

struct AddAcceptanceModels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AcceptanceModelRecord.schema)
            .id()
            .field("fitted_at", .datetime, .required)
            .field("fitted_by", .string, .required)
            .field("answers", .int, .required)
            .field("model", .string, .required)
            .field("report", .string)
            .create()
        try await database.schema(NoOfferRiskRecord.schema)
            .field("referral_id", .uuid, .identifier(auto: false))
            .field("assessed_at", .datetime, .required)
            .field("probability", .double, .required)
            .field("flagged", .bool, .required)
            .field("model_id", .uuid, .required)
            .field("assessment", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NoOfferRiskRecord.schema).delete()
        try await database.schema(AcceptanceModelRecord.schema).delete()
    }
}
