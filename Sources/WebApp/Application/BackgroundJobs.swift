import Coordination
import Foundation
import NIOConcurrencyHelpers
import Storage
import Vapor

/// Runs the periodic jobs (escalating overdue referrals, widening waves, lapsing offers not
/// accepted in time, queueing deadline alerts, refitting the acceptance model daily) while the app runs. Every instance schedules them; each job's
/// database lease makes sure only one instance acts at a time.
///
/// On shutdown the loop is cancelled and waited for: a run in progress finishes the job it is
/// in before the database connections close, and starts no other.
final class BackgroundJobs: LifecycleHandler, Sendable {
    let interval: Duration
    let instance = "instance-\(UUID().uuidString.prefix(8))"
    private let loop = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: Duration = .seconds(60)) {
        self.interval = interval
    }

    func didBootAsync(_ app: Application) async throws {
        let interval = interval
        let instance = instance
        let task = Task {
            try? await Task.sleep(for: min(.seconds(5), interval))
            while !Task.isCancelled {
                await Self.runOnce(app, instance: instance)
                try? await Task.sleep(for: interval)
            }
        }
        loop.withLockedValue { $0 = task }
    }

    func shutdownAsync(_ app: Application) async {
        let task = loop.withLockedValue { $0 }
        task?.cancel()
        await task?.value
    }

    private static func runOnce(_ app: Application, instance: String) async {
        let now = app.storage[ClockKey.self] ?? { Date() }
        do {
            let escalated = try await EscalateOverdueReferrals(
                store: Store(app.db), instance: instance, now: now, alerts: app.mailSettings.outbox
            ).run()
            if !escalated.isEmpty { app.logger.info("Escalated \(escalated.count) overdue referrals") }
        } catch {
            app.logger.error("The escalation job failed: \(String(reflecting: type(of: error)))")
        }
        guard !Task.isCancelled else { return }
        do {
            let widened = try await WidenCirculationWaves(
                store: Store(app.db), instance: instance, now: now, alerts: app.mailSettings.outbox
            ).run()
            if !widened.isEmpty { app.logger.info("Widened \(widened.count) waves past their deadline") }
        } catch {
            app.logger.error("The wave job failed: \(String(reflecting: type(of: error)))")
        }
        guard !Task.isCancelled else { return }
        do {
            let lapsed = try await LapseOpenOffers(store: Store(app.db), instance: instance, now: now).run()
            if !lapsed.isEmpty { app.logger.info("\(lapsed.count) open offers lapsed unaccepted") }
        } catch {
            app.logger.error("The offer lapse job failed: \(String(reflecting: type(of: error)))")
        }
        guard !Task.isCancelled else { return }
        do {
            let queued = try await QueueDeadlineAlerts(
                store: Store(app.db), instance: instance, now: now, alerts: app.mailSettings.outbox
            ).run()
            if !queued.isEmpty { app.logger.info("Queued \(queued.count) deadline alerts") }
        } catch {
            app.logger.error("The deadline alert job failed: \(String(reflecting: type(of: error)))")
        }
        guard !Task.isCancelled else { return }
        do {
            if let id = try await RefitAcceptanceModel(store: Store(app.db), instance: instance, now: now).run() {
                app.logger.info("Refitted the acceptance model: \(id)")
            }
        } catch {
            app.logger.error("The model refit failed: \(String(reflecting: type(of: error)))")
        }
    }
}
