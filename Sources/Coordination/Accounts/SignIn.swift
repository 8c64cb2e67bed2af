import Foundation
import SecurePlaceCore
import Storage

/// Why a sign-in was refused. The message never says whether the email exists.
public enum SignInError: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongEmailOrPassword
    case locked(until: Date)

    static func ukTime(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = CalendarDate.timeZone
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: instant)
    }

    public var description: String {
        switch self {
        case .wrongEmailOrPassword: "The email address or password is not right."
        case .locked(let until):
            "Too many failed attempts. Try again after \(Self.ukTime(until)) UK time, or ask your administrator."
        }
    }
}

/// What a successful sign-in gives: a secret for the browser cookie (or the API client) and
/// who it signs in.
public struct SignedIn: Sendable {
    public var principal: Principal
    /// The secret to hand to the client; only its hash is stored.
    public var token: String
    /// For browser sessions: the value every form must send back.
    public var csrfToken: String?
    public var expiresAt: Date
}

/// Signs a user in with email and password, slowing and then locking repeated failures per
/// account and per address.
public struct SignIn: Sendable {
    public enum Kind: Sendable {
        /// A browser session (cookie and CSRF token), 12 hours.
        case browser
        /// A bearer token for a case-management system, 30 days, revocable.
        case apiClient
    }

    public let store: Store
    public let passwords: any PasswordHasher
    public let tokens: SecretTokens
    public let now: @Sendable () -> Date
    /// Waits before answering a slowed attempt; tests pass one that records the wait.
    public let pause: @Sendable (TimeInterval) async -> Void

    public init(
        store: Store, passwords: any PasswordHasher, tokens: SecretTokens = .system,
        now: @escaping @Sendable () -> Date = { Date() },
        pause: @escaping @Sendable (TimeInterval) async -> Void = { seconds in
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        }
    ) {
        self.store = store
        self.passwords = passwords
        self.tokens = tokens
        self.now = now
        self.pause = pause
    }

    public func callAsFunction(email: String, password: String, address: String, kind: Kind) async throws -> SignedIn {
        let instant = now()
        let account = try await store.account(email: email)
        let addressKey = "address:\(address)"
        let accountKey = account.map { "account:\($0.user.id)" }

        var wait: TimeInterval = 0
        for (key, throttle) in [(addressKey, SignInThrottle.perAddress)]
            + (accountKey.map { [($0, .perAccount)] } ?? [])
        {
            let failures = try await store.signInFailures(key: key)
            switch throttle.decide(failures: failures?.failures ?? 0, lockedUntil: failures?.lockedUntil, now: instant)
            {
            case .locked(let until): throw SignInError.locked(until: until)
            case .attempt(let after): wait = max(wait, after)
            }
        }
        if wait > 0 { await pause(wait) }

        guard let account, !account.user.isDisabled, let hash = account.passwordHash,
            (try? passwords.verify(password, against: hash)) == true
        else {
            try await store.transaction { store in
                try await store.recordSignInFailure(key: addressKey, at: instant) {
                    SignInThrottle.perAddress.lock(afterFailures: $0, now: instant)
                }
                if let accountKey {
                    try await store.recordSignInFailure(key: accountKey, at: instant) {
                        SignInThrottle.perAccount.lock(afterFailures: $0, now: instant)
                    }
                }
                try await store.appendAudit(
                    AuditEntry(
                        userID: account?.user.id, organisationID: account?.user.organisationID, action: "sign-in.fail",
                        objectType: "user", objectID: account?.user.id.uuidString ?? "unknown", occurredAt: instant))
            }
            throw SignInError.wrongEmailOrPassword
        }
        guard let organisation = try await store.organisation(id: account.user.organisationID) else {
            throw SignInError.wrongEmailOrPassword
        }
        let principal = Principal(userID: account.user.id, role: account.user.role, organisation: organisation)
        let token = tokens.make()
        let tokenHash = SecretTokens.hash(token)
        let signedIn: SignedIn
        switch kind {
        case .browser:
            signedIn = SignedIn(
                principal: principal, token: token, csrfToken: tokens.make(),
                expiresAt: instant.addingTimeInterval(12 * 3600))
        case .apiClient:
            signedIn = SignedIn(
                principal: principal, token: token, csrfToken: nil, expiresAt: instant.addingTimeInterval(30 * 86_400))
        }
        try await store.transaction { store in
            try await store.clearSignInFailures(key: addressKey)
            try await store.clearSignInFailures(key: "account:\(principal.userID)")
            if let csrf = signedIn.csrfToken {
                try await store.createSession(
                    tokenHash: tokenHash, userID: principal.userID, csrfToken: csrf, at: instant,
                    expiresAt: signedIn.expiresAt)
            } else {
                try await store.createAPIToken(
                    tokenHash: tokenHash, userID: principal.userID, at: instant, expiresAt: signedIn.expiresAt)
            }
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: kind == .browser ? "sign-in" : "api-token.issue", objectType: "user",
                    objectID: principal.userID.uuidString, at: instant))
        }
        return signedIn
    }
}
