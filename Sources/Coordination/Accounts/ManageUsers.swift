import Foundation
import SecurePlaceCore
import Storage

/// Creating, listing and disabling accounts: by an administrator, or by an operator at the
/// command line (no principal: the service itself).
public struct ManageUsers: Sendable {
    public let store: Store
    public let passwords: any PasswordHasher
    public let now: @Sendable () -> Date

    public static let minimumPasswordLength = 12

    public init(store: Store, passwords: any PasswordHasher, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.passwords = passwords
        self.now = now
    }

    public struct NewUser: Sendable {
        public var email: String
        public var displayName: String
        public var role: Role
        /// The organisation's reference: an authority's ONS code, a home's reference, `ofsted`,
        /// `ciw`, `coordination` or `service`.
        public var organisationReference: String
        public var password: String

        public init(email: String, displayName: String, role: Role, organisationReference: String, password: String) {
            self.email = email
            self.displayName = displayName
            self.role = role
            self.organisationReference = organisationReference
            self.password = password
        }
    }

    /// A user as listed: never the password hash.
    public struct Listing: Sendable, Equatable {
        public var user: User
        public var organisation: Organisation
    }

    public func create(_ new: NewUser, by principal: Principal?) async throws -> User {
        try authorise(principal)
        let email = new.email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = email.split(separator: "@")
        guard parts.count == 2, parts[1].contains("."), !email.contains(" ") else {
            throw InputError(field: "email", message: "Enter an email address like name@example.gov.uk.")
        }
        guard !new.displayName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(field: "displayName", message: "Enter the person's name.")
        }
        guard new.password.count >= Self.minimumPasswordLength else {
            throw InputError(
                field: "password",
                message: "The password must be at least \(Self.minimumPasswordLength) characters long.")
        }
        let kind = new.role.organisationKind
        guard let organisation = try await store.organisation(kind: kind, reference: new.organisationReference) else {
            throw InputError(
                field: "organisation",
                message:
                    "There is no \(kind.rawValue) organisation '\(new.organisationReference)' for the role \(new.role.rawValue)."
            )
        }
        guard try await store.account(email: email) == nil else {
            throw InputError(field: "email", message: "There is already an account for \(email).")
        }
        let user = User(
            id: UUID(), email: email, displayName: new.displayName, role: new.role, organisationID: organisation.id)
        let hash = try passwords.hash(new.password)
        try await store.transaction { store in
            try await store.save(user: user, passwordHash: hash)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "user.create", objectType: "user", objectID: user.id.uuidString, at: now()))
        }
        return user
    }

    public func list(by principal: Principal?) async throws -> [Listing] {
        try authorise(principal)
        let organisations = Dictionary(uniqueKeysWithValues: try await store.organisations().map { ($0.id, $0) })
        return try await store.users().compactMap { user in
            organisations[user.organisationID].map { Listing(user: user, organisation: $0) }
        }
    }

    public func disable(email: String, by principal: Principal?) async throws {
        try authorise(principal)
        guard let account = try await store.account(email: email) else {
            throw InputError(field: "email", message: "There is no account for \(email).")
        }
        try await store.transaction { store in
            try await store.disable(user: account.user.id)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "user.disable", objectType: "user", objectID: account.user.id.uuidString,
                    at: now()))
        }
    }

    private func authorise(_ principal: Principal?) throws {
        if let principal, AccessPolicy.mayManageUsers(principal) != .allowed {
            throw AccessDenied(decision: .forbidden)
        }
    }
}

/// The access policy said no.
public struct AccessDenied: Error, Hashable, Sendable, CustomStringConvertible {
    public var decision: AccessDecision

    public init(decision: AccessDecision) {
        self.decision = decision
    }

    public var description: String {
        decision == .hidden ? "There is nothing at this address." : "Your role does not allow this."
    }
}
