import Coordination
import Fluent
import Foundation
import Leaf
import LeafKit
import Storage
import Vapor

/// Builds the whole app from settings. `serve` and every test use this one function, so
/// tests run the real app.
public func configure(_ app: Application, settings: AppSettings) async throws {
    let resources = Bundle.module.resourceURL!
    app.directory.viewsDirectory = resources.appendingPathComponent("Views").path + "/"
    app.directory.publicDirectory = resources.appendingPathComponent("Public").path + "/"
    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port

    // Bodies are collected up to this size; a larger one is refused with 413 before any
    // handler reads it.
    app.routes.defaultMaxBodySize = ByteCount(stringLiteral: AppSettings.maximumBodySize)

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware())
    app.bedBoardCache = BedBoardCache()
    app.publicationCache = PublicationCache(capacity: 8)
    app.middleware.use(BedBoardInvalidationMiddleware())
    app.middleware.use(ProblemMiddleware(environment: app.environment))
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())

    // More threads than cores: SQLite's blocking calls must not starve each other.
    app.threadPool = NIOThreadPool(numberOfThreads: 16)
    try app.databases.useSecurePlace(settings.database)
    app.migrations.addSecurePlaceMigrations()
    if settings.migrateOnStart {
        try await app.autoMigrate()
    }
    try await Store(app.db).useWriteAheadLog()

    app.leaf.cache.isEnabled = app.environment.isRelease
    // The templates ship inside the package's resource bundle, which SwiftPM puts under
    // .build; Leaf's default limits refuse any path with a hidden directory in it.
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
            sandboxDirectory: app.directory.viewsDirectory, viewDirectory: app.directory.viewsDirectory))
    app.views.use(.leaf)

    app.storage[ClockKey.self] = settings.now
    app.storage[MailSettingsKey.self] = settings.mail
    if settings.runsBackgroundJobs {
        app.lifecycle.use(BackgroundJobs(interval: .seconds(settings.backgroundJobInterval)))
        app.lifecycle.use(
            AlertSender(
                interval: .seconds(settings.mail.sendInterval),
                transport: try settings.mail.transport(logger: Logger(label: "secureplace.mail"))))
    }
    try app.register(
        collection: SignInController(
            passwords: settings.passwords, clientAddress: ClientAddress(trustedProxies: settings.trustedProxies)))
    // Everything else needs someone signed in; what they may do is the access policy's call.
    let signedIn = app.grouped(RequireSignIn())
    let collections: [any RouteCollection] = [
        BedBoardController(), ReferralsAPIController(), ReferralPagesController(), CourtOrderPageController(),
        AllocationController(), AcceptanceModelController(), ChildrenAtRiskController(),
        MatchingProfileController(),
        NotificationPagesController(),
        BedManagementController(), WithoutOrderPageController(), AdminPagesController(passwords: settings.passwords),
        PlanningPagesController(), LinkageReviewPagesController(), StatisticsPagesController(), AlertPagesController(),
    ]
    for collection in collections { try signedIn.register(collection: collection) }
    try app.register(collection: StatisticsPagesController.Published())
    try app.register(collection: HealthController())
    try app.register(collection: OpenAPIController())
}

/// Runs the service until it is stopped (Ctrl-C or SIGTERM), and always shuts it down.
public func runServer(settings: AppSettings) async throws {
    var environment = try Environment.detect(arguments: ["secureplace"])
    // Vapor's own serve command binds the address and handles signals for a graceful stop.
    environment.arguments = ["secureplace", "serve", "--hostname", settings.hostname, "--port", "\(settings.port)"]
    try LoggingSystem.bootstrap(from: &environment) { level in
        let console = Terminal()
        return { label in
            RedactingLogHandler(wrapping: ConsoleLogger(label: label, console: console, level: level))
        }
    }
    let app = try await Application.make(environment)
    do {
        try await configure(app, settings: settings)
        try await app.execute()
        // Stopped by a signal. First stop taking requests and let those in flight finish
        // (Vapor's own shutdown closes the server and the database in no fixed order, so a
        // request could lose its database mid-transaction); then the jobs, then the database.
        await app.server.shutdown()
        try await app.asyncShutdown()
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

struct ClockKey: StorageKey {
    typealias Value = @Sendable () -> Date
}

extension Request {
    /// The current time from the app's clock.
    var now: Date { (application.storage[ClockKey.self] ?? { Date() })() }
}
