import FluentKit

struct AddSignIn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema).field("password_hash", .string).update()
        try await database.schema(SessionRecord.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(APITokenRecord.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(SignInFailureRecord.schema)
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("locked_until", .datetime)
            .field("last_failure_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInFailureRecord.schema).delete()
        try await database.schema(APITokenRecord.schema).delete()
        try await database.schema(SessionRecord.schema).delete()
        try await database.schema(UserRecord.schema).deleteField("password_hash").update()
    }
}
