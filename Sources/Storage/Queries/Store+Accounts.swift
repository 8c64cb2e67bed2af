import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

/// A user as sign-in needs them: the account and its bcrypt hash.
public struct StoredAccount: Sendable {
    public var user: User
    public var passwordHash: String?
}

/// A session with the account and organisation it belongs to, read in one query.
public struct StoredSession: Sendable {
    public var user: User
    public var organisation: Organisation
    public var csrfToken: String
    public var expiresAt: Date
}

/// A bearer token with the account and organisation it belongs to, read in one query.
public struct StoredAPIToken: Sendable {
    public var id: UUID
    public var user: User
    public var organisation: Organisation
    public var expiresAt: Date
    public var revokedAt: Date?
}

public struct SignInFailures: Sendable {
    public var failures: Int
    public var lockedUntil: Date?
}

extension Store {
    public func organisation(id: UUID) async throws -> Organisation? {
        try await OrganisationRecord.find(id, on: database)?.value()
    }

    public func organisation(kind: OrganisationKind, reference: String) async throws -> Organisation? {
        try await OrganisationRecord.query(on: database).filter(\.$kind == kind.rawValue)
            .filter(\.$reference == reference).first()?.value()
    }

    public func save(organisation: Organisation) async throws {
        try await OrganisationRecord(organisation).create(on: database)
    }

    /// Emails are compared without regard to case, as people type them.
    public func account(email: String) async throws -> StoredAccount? {
        let normalised = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard let record = try await UserRecord.query(on: database).filter(\.$email == normalised).first() else {
            return nil
        }
        return StoredAccount(user: try record.value(), passwordHash: record.passwordHash)
    }

    public func user(id: UUID) async throws -> User? {
        try await UserRecord.find(id, on: database)?.value()
    }

    public func save(user: User, passwordHash: String?) async throws {
        let record = UserRecord(user)
        record.email = user.email.lowercased()
        record.passwordHash = passwordHash
        try await record.create(on: database)
    }

    public func setPasswordHash(_ hash: String, forUser userID: UUID) async throws {
        guard let record = try await UserRecord.find(userID, on: database) else { return }
        record.passwordHash = hash
        try await record.save(on: database)
    }

    /// Disables the account and ends every session and token it holds.
    public func disable(user userID: UUID) async throws {
        guard let record = try await UserRecord.find(userID, on: database) else { return }
        record.isDisabled = true
        try await record.save(on: database)
        try await SessionRecord.query(on: database).filter(\.$userID == userID).delete()
        try await APITokenRecord.query(on: database).filter(\.$userID == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: Date()).update()
    }

    public func createSession(tokenHash: String, userID: UUID, csrfToken: String, at instant: Date, expiresAt: Date)
        async throws
    {
        try await SessionRecord(
            tokenHash: tokenHash, userID: userID, csrfToken: csrfToken, createdAt: instant, expiresAt: expiresAt
        ).create(on: database)
    }

    /// Every signed-in request asks this, so the account and organisation come in the same
    /// query rather than two more, read straight from the row (see `signedInAccount`).
    public func session(tokenHash: String) async throws -> StoredSession? {
        guard
            let row = try await sql.raw(
                """
                SELECT t.csrf_token AS csrf_token, t.expires_at AS expires_at, \(unsafeRaw: Self.accountColumns)
                FROM sessions t \(unsafeRaw: Self.accountJoins) WHERE t.token_hash = \(bind: tokenHash)
                """
            ).first()
        else { return nil }
        let (user, organisation) = try Self.signedInAccount(from: row)
        return StoredSession(
            user: user, organisation: organisation, csrfToken: try row.decode(column: "csrf_token", as: String.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self))
    }

    public func deleteSession(tokenHash: String) async throws {
        try await SessionRecord.query(on: database).filter(\.$tokenHash == tokenHash).delete()
    }

    public func createAPIToken(tokenHash: String, userID: UUID, at instant: Date, expiresAt: Date) async throws {
        try await APITokenRecord(tokenHash: tokenHash, userID: userID, createdAt: instant, expiresAt: expiresAt)
            .create(on: database)
    }

    /// As `session(tokenHash:)`: one query for the token, its account and organisation.
    public func apiToken(tokenHash: String) async throws -> StoredAPIToken? {
        guard
            let row = try await sql.raw(
                """
                SELECT t.id AS token_id, t.expires_at AS expires_at, t.revoked_at AS revoked_at,
                    \(unsafeRaw: Self.accountColumns)
                FROM api_tokens t \(unsafeRaw: Self.accountJoins) WHERE t.token_hash = \(bind: tokenHash)
                """
            ).first()
        else { return nil }
        let (user, organisation) = try Self.signedInAccount(from: row)
        return StoredAPIToken(
            id: try row.decode(column: "token_id", as: UUID.self), user: user, organisation: organisation,
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self))
    }

    // Every signed-in request reads its session or token with the account and organisation.
    // Through Fluent's joined models that reflected over three models' properties and built the
    // statement anew each time, the largest part of a cached bed board's cost; one written
    // statement read straight from the row is a fraction of it.
    private static let accountColumns = """
        u.id AS user_id, u.email AS email, u.display_name AS display_name, u.role AS role,
        u.is_disabled AS is_disabled, o.id AS organisation_id, o.kind AS organisation_kind,
        o.name AS organisation_name, o.reference AS organisation_reference
        """
    private static let accountJoins = """
        JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
        """

    private static func signedInAccount(from row: any SQLRow) throws -> (User, Organisation) {
        let organisation = Organisation(
            id: try row.decode(column: "organisation_id", as: UUID.self),
            kind: try decodeCode(
                OrganisationKind.self, try row.decode(column: "organisation_kind", as: String.self),
                list: "organisation kind"),
            name: try row.decode(column: "organisation_name", as: String.self),
            reference: try row.decode(column: "organisation_reference", as: String.self))
        let user = User(
            id: try row.decode(column: "user_id", as: UUID.self),
            email: try row.decode(column: "email", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: try decodeCode(Role.self, try row.decode(column: "role", as: String.self), list: "role"),
            organisationID: organisation.id, isDisabled: try row.decode(column: "is_disabled", as: Bool.self))
        return (user, organisation)
    }

    public func revokeAPIToken(tokenHash: String, at instant: Date) async throws {
        try await APITokenRecord.query(on: database).filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: instant).update()
    }

    public func signInFailures(key: String) async throws -> SignInFailures? {
        try await SignInFailureRecord.find(key, on: database).map {
            SignInFailures(failures: $0.failures, lockedUntil: $0.lockedUntil)
        }
    }

    /// Counts one more failure and returns the new count.
    @discardableResult
    public func recordSignInFailure(key: String, at instant: Date, lockUntil: (Int) -> Date?) async throws -> Int {
        if let record = try await SignInFailureRecord.find(key, on: database) {
            record.failures += 1
            record.lastFailureAt = instant
            record.lockedUntil = lockUntil(record.failures) ?? record.lockedUntil
            try await record.save(on: database)
            return record.failures
        }
        try await SignInFailureRecord(key: key, failures: 1, lockedUntil: lockUntil(1), lastFailureAt: instant)
            .create(on: database)
        return 1
    }

    public func clearSignInFailures(key: String) async throws {
        try await SignInFailureRecord.query(on: database).filter(\.$id == key).delete()
    }
}
