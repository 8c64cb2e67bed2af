import Foundation

/// When to try an alert again after a failed attempt: the wait doubles from `firstWait` up to
/// `longestWait`, and after `maximumAttempts` the alert is given up and shown to the
/// administrators. The defaults keep trying for about a day, so a mail server down overnight
/// loses nothing.
public struct AlertRetryPolicy: Hashable, Sendable {
    public var firstWait: TimeInterval
    public var longestWait: TimeInterval
    public var maximumAttempts: Int

    public static let standard = AlertRetryPolicy(firstWait: 30, longestWait: 3600, maximumAttempts: 30)

    public init(firstWait: TimeInterval, longestWait: TimeInterval, maximumAttempts: Int) {
        self.firstWait = firstWait
        self.longestWait = longestWait
        self.maximumAttempts = maximumAttempts
    }

    /// When to try next after `attempts` failed attempts, the last at `instant`; nil to give up.
    public func nextAttempt(afterFailedAttempts attempts: Int, at instant: Date) -> Date? {
        guard attempts < maximumAttempts else { return nil }
        let doublings = min(max(attempts - 1, 0), 30)
        let wait = min(firstWait * pow(2, Double(doublings)), longestWait)
        return instant.addingTimeInterval(wait)
    }
}
