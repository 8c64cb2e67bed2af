import Foundation

/// How repeated failed sign-ins are slowed and then locked, per account and per address.
public struct SignInThrottle: Hashable, Sendable {
    /// Failures after which each further attempt waits a little longer.
    public var slowAfter: Int
    /// Failures after which the account or address is locked.
    public var lockAfter: Int
    public var lockFor: TimeInterval

    public static let perAccount = SignInThrottle(slowAfter: 2, lockAfter: 5, lockFor: 15 * 60)
    /// An address may fail more often than one account (a shared office), but not endlessly.
    public static let perAddress = SignInThrottle(slowAfter: 5, lockAfter: 20, lockFor: 15 * 60)

    public init(slowAfter: Int, lockAfter: Int, lockFor: TimeInterval) {
        self.slowAfter = slowAfter
        self.lockAfter = lockAfter
        self.lockFor = lockFor
    }

    public enum Decision: Hashable, Sendable {
        /// Try the password, after waiting this long.
        case attempt(after: TimeInterval)
        case locked(until: Date)
    }

    /// What to do with a new attempt, given the failures so far.
    public func decide(failures: Int, lockedUntil: Date?, now: Date) -> Decision {
        if let lockedUntil, lockedUntil > now { return .locked(until: lockedUntil) }
        let extra = failures - slowAfter
        return .attempt(after: extra > 0 ? min(Double(extra), 5) : 0)
    }

    /// The lock to set after one more failure, if this failure reaches the limit.
    public func lock(afterFailures failures: Int, now: Date) -> Date? {
        failures >= lockAfter ? now.addingTimeInterval(lockFor) : nil
    }
}
