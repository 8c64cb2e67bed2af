import FluentKit
import Foundation

/// A signed-in browser. Only the SHA-256 of the cookie's token is stored, so a copy of the
/// database cannot be used to sign in.
final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, csrfToken: String, createdAt: Date, expiresAt: Date) {
        id = UUID()
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A bearer token for a case-management system; stored hashed, revocable.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(tokenHash: String, userID: UUID, createdAt: Date, expiresAt: Date) {
        id = UUID()
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// Failed sign-ins counted per account (`account:<user id>`) and per address (`address:<ip>`).
final class SignInFailureRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "last_failure_at") var lastFailureAt: Date

    init() {}

    init(key: String, failures: Int, lockedUntil: Date?, lastFailureAt: Date) {
        id = key
        self.failures = failures
        self.lockedUntil = lockedUntil
        self.lastFailureAt = lastFailureAt
    }
}
