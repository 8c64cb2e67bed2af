import FluentKit

struct AddLinkageReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LinkageReviewRecord.schema)
            .id()
            .field("study", .string, .required)
            .field("left_id", .string, .required)
            .field("right_id", .string, .required)
            .field("probability", .double, .required)
            .field("evidence", .string, .required)
            .field("decision", .string)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "study", "left_id", "right_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LinkageReviewRecord.schema).delete()
    }
}
