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
            let principal = try await principal(userID: session.userID)
        else { return nil }
        return BrowserSession(principal: principal, csrfToken: session.csrfToken)
    }

    public func bearer(token: String) async throws -> Principal? {
        guard let stored = try await store.apiToken(tokenHash: SecretTokens.hash(token)), stored.revokedAt == nil,
            stored.expiresAt > now()
        else { return nil }
        return try await principal(userID: stored.userID)
    }

    private func principal(userID: UUID) async throws -> Principal? {
        guard let user = try await store.user(id: userID), !user.isDisabled,
            let organisation = try await store.organisation(id: user.organisationID)
        else { return nil }
        return Principal(userID: user.id, role: user.role, organisation: organisation)
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
