import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Storage
import WebApp

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web service and JSON API.",
        discussion: """
            With --demo, a fresh synthetic demo data set is built at every start in \
            \(StorageDefaults.demoSQLitePath) (or in the empty database named by --database), \
            and the demo sign-in names are printed.
            """)

    @OptionGroup var databaseOptions: DatabaseOptions

    @ArgumentParser.Flag(help: "Start with a fresh synthetic demo data set.")
    var demo = false

    @ArgumentParser.Option(help: "Seed for the demo data.")
    var seed: UInt64 = 1

    @ArgumentParser.Option(help: "Months of demo history.")
    var months: Int = 24

    @ArgumentParser.Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @ArgumentParser.Option(help: "Port to listen on.")
    var port = 8080

    @ArgumentParser.Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Apply pending migrations at start.",
            discussion: """
                With several instances on one database, run `secureplace migrate` once and start \
                each with --no-migrate: it then refuses to start while migrations are pending.
                """))
    var migrate = true

    @ArgumentParser.Option(
        help:
            "Seconds between runs of the background jobs (escalating overdue referrals, widening waves, refitting the acceptance model)."
    )
    var jobInterval = 60

    @ArgumentParser.Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "The address of a reverse proxy in front of the service (repeat for several).",
            discussion:
                "Failed sign-ins are counted by the client's address; from these addresses the client's address is read from X-Forwarded-For instead, so that one client's failures do not lock out everyone behind the proxy."
        ))
    var trustedProxies: [String] = []

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "How e-mail alerts go: smtp (to SMTP_URL) or log (written to the log, for the demo).",
            discussion: """
                The default is smtp when SMTP_URL is set and log when it is not. SMTP_URL is \
                smtps://user:password@host:465 (TLS), smtp+starttls://user:password@host:587 or \
                smtp://host:25 (unencrypted, for a relay on the same machine); SMTP_CA_FILE names \
                a PEM file of certificate authorities to trust instead of the system's. MAIL_FROM \
                is the sender address and PUBLIC_URL the service's address for the links in e-mails.
                """))
    var mail: MailMode?

    @ArgumentParser.Option(help: "Seconds between runs of the e-mail sender.")
    var mailInterval = 5

    @ArgumentParser.Option(
        help: "Seconds to wait before trying a failed e-mail again; the wait doubles at each failure, up to an hour.")
    var mailRetryAfter = 30

    enum MailMode: String, ExpressibleByArgument { case smtp, log }

    func validate() throws {
        guard (1...3600).contains(mailInterval) else {
            throw ValidationError("--mail-interval must be 1 to 3600 seconds.")
        }
        guard (1...3600).contains(mailRetryAfter) else {
            throw ValidationError("--mail-retry-after must be 1 to 3600 seconds.")
        }
        guard (1...3600).contains(jobInterval) else {
            throw ValidationError("--job-interval must be 1 to 3600 seconds.")
        }
        for proxy in trustedProxies where !ClientAddress.isIPAddress(proxy) {
            throw ValidationError("--trusted-proxy \(proxy) is not an IP address, such as 10.0.0.2.")
        }
        if demo && !migrate {
            throw ValidationError("--demo builds a new database, so it cannot be used with --no-migrate.")
        }
    }

    func run() async throws {
        var url = try databaseOptions.url()
        if demo {
            if databaseOptions.explicitURL == nil {
                url = .sqliteFile(path: StorageDefaults.demoSQLitePath)
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: StorageDefaults.demoSQLitePath + suffix)
                }
            }
            print("Building synthetic demo data in \(url)…")
            let summary = try await buildDemo(in: url, seed: seed, months: months)
            for line in summary.report { print("  \(line)") }
            let users = try await withStandaloneDatabase(url) { try await $0.users() }
            print("\nDemo sign-in names (one for every role), all with the password \(DemoDataset.password):")
            for user in users { print("  \(user.email)  (\(user.role.name))") }
        } else if migrate {
            _ = try await withStandaloneDatabase(url) { try await loadBundledReferenceDataIfMissing(into: $0) }
        } else {
            let pending = try await pendingMigrations(in: url)
            guard pending.isEmpty else {
                throw ValidationError(
                    "The database \(url) has \(pending.count) migrations not yet applied (\(pending.joined(separator: ", "))). Run `secureplace migrate` once, then start the instances."
                )
            }
        }
        // Held until the process ends: `secureplace restore` refuses a database a service has open.
        var fileLock: DatabaseFileLock?
        if case .sqliteFile(let path) = url { fileLock = try DatabaseFileLock(path: path, exclusive: false) }
        defer { fileLock?.release() }
        let shownHost = hostname == "127.0.0.1" || hostname == "0.0.0.0" ? "localhost" : hostname
        print(
            "\nSecurePlace is running at http://\(shownHost):\(port)\(demo ? " with synthetic demo data" : "") (database \(url)). Press Ctrl-C to stop."
        )
        try await runServer(
            settings: AppSettings(
                database: url, hostname: hostname, port: port, migrateOnStart: migrate,
                backgroundJobInterval: jobInterval, trustedProxies: Set(trustedProxies),
                mail: try mailSettings(shownHost: shownHost)))
    }

    /// The e-mail settings from the options and the environment; a bad SMTP_URL stops the
    /// start with the reason.
    func mailSettings(shownHost: String) throws -> MailSettings {
        let environment = ProcessInfo.processInfo.environment
        let smtpURL = environment["SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let delivery: MailSettings.Delivery
        switch mail ?? (smtpURL == nil ? .log : .smtp) {
        case .log:
            delivery = .log
            print(
                "E-mail alerts are written to the log (--mail log\(smtpURL == nil ? ", as SMTP_URL is not set" : "")).")
        case .smtp:
            guard let smtpURL else {
                throw ValidationError("--mail smtp needs SMTP_URL, such as smtps://relay.example.org:465.")
            }
            do {
                let configuration = try SMTPConfiguration(
                    url: smtpURL, trustedCertificatesFile: environment["SMTP_CA_FILE"])
                delivery = .smtp(configuration)
                print(
                    "E-mail alerts go to \(configuration.host):\(configuration.port) (\(configuration.security.rawValue))."
                )
            } catch {
                throw ValidationError(error.description)
            }
        }
        let retries = AlertRetryPolicy(
            firstWait: TimeInterval(mailRetryAfter), longestWait: 3600,
            maximumAttempts: AlertRetryPolicy.standard.maximumAttempts)
        return MailSettings(
            delivery: delivery, from: environment["MAIL_FROM"] ?? "alerts@secureplace.localhost",
            serviceAddress: environment["PUBLIC_URL"] ?? "http://\(shownHost):\(port)", retries: retries,
            sendInterval: mailInterval)
    }
}
