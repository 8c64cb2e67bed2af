import FluentKit

struct AddPlanningRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanningRunRecord.schema)
            .id()
            .field("requested_by", .uuid, .required)
            .field("request", .string, .required)
            .field("status", .string, .required)
            .field("progress", .double, .required)
            .field("message", .string, .required)
            .field("report", .string)
            .field("report_csv", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanningRunRecord.schema).delete()
    }
}
