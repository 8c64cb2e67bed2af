import Coordination
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Storage
import Vapor

/// Runs the periodic jobs (escalating overdue referrals, refitting the acceptance model daily) while the app runs. Every instance
/// schedules them; the job's database lease makes sure only one instance acts at a time.
struct BackgroundJobs: LifecycleHandler {
    let interval: TimeAmount
    let instance = "instance-\(UUID().uuidString.prefix(8))"
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    init(interval: TimeAmount = .seconds(60)) {
        self.interval = interval
    }

    func didBootAsync(_ app: Application) async throws {
        let instance = instance
        let scheduled = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(
            initialDelay: min(.seconds(5), interval), delay: interval
        ) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    let now = app.storage[ClockKey.self] ?? { Date() }
                    let escalated = try await EscalateOverdueReferrals(
                        store: Store(app.db), instance: instance, now: now
                    ).run()
                    if !escalated.isEmpty { app.logger.info("Escalated \(escalated.count) overdue referrals") }
                } catch {
                    app.logger.error("The escalation job failed: \(String(reflecting: type(of: error)))")
                }
                do {
                    let now = app.storage[ClockKey.self] ?? { Date() }
                    let widened = try await WidenCirculationWaves(store: Store(app.db), instance: instance, now: now)
                        .run()
                    if !widened.isEmpty { app.logger.info("Widened \(widened.count) waves past their deadline") }
                } catch {
                    app.logger.error("The wave job failed: \(String(reflecting: type(of: error)))")
                }
                do {
                    let now = app.storage[ClockKey.self] ?? { Date() }
                    if let id = try await RefitAcceptanceModel(store: Store(app.db), instance: instance, now: now).run()
                    {
                        app.logger.info("Refitted the acceptance model: \(id)")
                    }
                } catch {
                    app.logger.error("The model refit failed: \(String(reflecting: type(of: error)))")
                }
            }
        }
        task.withLockedValue { $0 = scheduled }
    }

    func shutdownAsync(_ app: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
