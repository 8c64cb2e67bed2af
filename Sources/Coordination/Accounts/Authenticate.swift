import Foundation
import SecurePlaceCore
import Storage

/// Who a session cookie or bearer token signs in, if anyone: expired sessions, revoked
/// tokens and disabled accounts sign in no one.
public struct Authenticate: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    public struct BrowserSession: Sendable {
        public var principal: Principal
        public var csrfToken: String
    }

    public func session(token: String) async throws -> BrowserSession? {
        guard let session = try await store.session(tokenHash: SecretTokens.hash(token)), session.expiresAt > now(),
            !session.user.isDisabled
        else { return nil }
        return BrowserSession(
            principal: Principal(userID: session.user.id, role: session.user.role, organisation: session.organisation),
            csrfToken: session.csrfToken)
    }

    public func bearer(token: String) async throws -> Principal? {
        guard let stored = try await store.apiToken(tokenHash: SecretTokens.hash(token)), stored.revokedAt == nil,
            stored.expiresAt > now(), !stored.user.isDisabled
        else { return nil }
        return Principal(userID: stored.user.id, role: stored.user.role, organisation: stored.organisation)
    }

    /// Ends a browser session.
    public func signOut(sessionToken: String, principal: Principal) async throws {
        try await store.transaction { store in
            try await store.deleteSession(tokenHash: SecretTokens.hash(sessionToken))
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "sign-out", objectType: "user", objectID: principal.userID.uuidString,
                    at: now()))
        }
    }

    /// Revokes a bearer token; it signs no one in from now on.
    public func revoke(bearerToken: String, principal: Principal) async throws {
        try await store.transaction { store in
            try await store.revokeAPIToken(tokenHash: SecretTokens.hash(bearerToken), at: now())
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "api-token.revoke", objectType: "user",
                    objectID: principal.userID.uuidString,
                    at: now()))
        }
    }
}
