import FluentKit
import SecurePlaceCore

struct CreateAuditTrail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventRecord.schema)
            .field("sequence", .int, .identifier(auto: false))
            .field("occurred_at", .datetime, .required)
            .field("user_id", .uuid)
            .field("organisation_id", .uuid)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.schema(AuditChainHeadRecord.schema)
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .create()
        try await AuditChainHeadRecord(sequence: 0, hash: AuditChain.genesisHash).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditChainHeadRecord.schema).delete()
        try await database.schema(AuditEventRecord.schema).delete()
    }
}
