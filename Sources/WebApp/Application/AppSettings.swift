import Foundation
import Storage

/// Everything the running service is configured by; `serve` and every test build one.
public struct AppSettings: Sendable {
    public var database: DatabaseURL
    public var hostname: String
    public var port: Int
    /// Applies pending migrations when the app starts.
    public var migrateOnStart: Bool
    /// The clock; tests pass a fixed one.
    public var now: @Sendable () -> Date
    /// Runs the periodic jobs (escalation); tests run them by hand instead.
    public var runsBackgroundJobs: Bool
    /// Seconds between runs of the periodic jobs.
    public var backgroundJobInterval: Int
    /// bcrypt cost for new passwords: 12 in service; tests lower it to stay fast.
    public var bcryptCost: Int
    /// Addresses of the reverse proxies in front of the service, whose `X-Forwarded-For` is
    /// believed when counting failed sign-ins by address.
    public var trustedProxies: Set<String>
    /// How e-mail alerts are sent.
    public var mail: MailSettings

    public init(
        database: DatabaseURL, hostname: String = "127.0.0.1", port: Int = 8080, migrateOnStart: Bool = true,
        now: @escaping @Sendable () -> Date = { Date() }, bcryptCost: Int = 12,
        runsBackgroundJobs: Bool = true, backgroundJobInterval: Int = 60, trustedProxies: Set<String> = [],
        mail: MailSettings = MailSettings()
    ) {
        self.mail = mail
        self.database = database
        self.hostname = hostname
        self.port = port
        self.migrateOnStart = migrateOnStart
        self.now = now
        self.bcryptCost = bcryptCost
        self.runsBackgroundJobs = runsBackgroundJobs
        self.backgroundJobInterval = backgroundJobInterval
        self.trustedProxies = trustedProxies
    }

    public var passwords: BcryptPasswordHasher { BcryptPasswordHasher(cost: bcryptCost) }

    /// The largest request body the service reads. The longest field, a referral's notes, is
    /// 4,000 characters: up to 48 KB as a form, each four-byte character percent-encoded.
    public static let maximumBodySize = "64kb"
}
