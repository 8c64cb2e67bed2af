import CapacityPlanning
import Foundation
import SecurePlaceCore
import Storage

/// Capacity-planning runs for the analysts' page: asked for, run in the background with
/// their progress stored (so any instance can show it), and kept with their report.
public struct PlanningRuns: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// A run as a page shows it.
    public struct Run: Sendable {
        public var id: UUID
        public var request: PlanningRequest
        public var status: StoredPlanningRun.Status
        public var progress: Double
        public var message: String
        public var report: PlanningReport?
        public var comparison: CirculationComparison?
        public var createdAt: Date
        public var updatedAt: Date
    }

    /// A run that has not moved for this long was on an instance that stopped.
    public static let stalledAfter: TimeInterval = 10 * 60

    public func start(_ request: PlanningRequest, by principal: Principal) async throws -> UUID {
        try allow(principal)
        let id = UUID()
        let instant = now()
        let encoded = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        try await store.transaction { store in
            try await store.save(
                planningRun: StoredPlanningRun(
                    id: id, requestedBy: principal.userID, request: encoded, status: .queued, progress: 0,
                    message: "Waiting to start", createdAt: instant, updatedAt: instant))
            _ = try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "planning-run.create", objectType: "planning-run", objectID: id.uuidString,
                    at: instant))
        }
        return id
    }

    /// Runs a queued run to its end, writing progress as it goes. Failures are stored on the
    /// run, not thrown: nobody is waiting on this call.
    public func execute(_ id: UUID) async {
        do {
            guard var run = try await store.planningRun(id: id), run.status == .queued else { return }
            let request = try JSONDecoder().decode(PlanningRequest.self, from: Data(run.request.utf8))
            run.status = .running
            run.message = "Calibrating the model from history"
            run.updatedAt = now()
            try await Self.save(run, in: store)
            if request.question == .circulation {
                try await compareCirculation(request, &run)
                return
            }
            let objective = PlanningObjective(argument: request.objective) ?? .placementRate
            // The optimiser sets the model's distance from its objective.
            let inputs = try await PrepareCapacityModel(store: store, now: now)(
                maximumWaitDays: request.waitDays, measuredYears: request.years)
            let optimiser = BedPlacementOptimiser(
                model: inputs.model, objective: objective, replications: request.replications, seed: request.seed,
                newHomeSites: inputs.newHomeSites)
            let (updates, continuation) = AsyncStream.makeStream(
                of: BedPlacementOptimiser.Progress.self, bufferingPolicy: .bufferingNewest(1))
            let writer = Task { [store, now, run] in
                var current = run
                for await progress in updates {
                    current.progress = progress.fractionDone
                    current.message = progress.message
                    current.updatedAt = now()
                    try? await Self.save(current, in: store)
                }
            }
            let report = await optimiser.optimise(addingBeds: request.addBeds) { continuation.yield($0) }
            continuation.finish()
            await writer.value
            let isDemo = try await store.holdsDemoData()
            run.report = String(
                decoding: try JSONEncoder().encode(PlanningReport(report, isDemo: isDemo)), as: UTF8.self)
            run.reportCSV = report.csv(isDemo: isDemo)
            run.status = .finished
            run.progress = 1
            run.message = "Finished"
            run.updatedAt = now()
            try await Self.save(run, in: store)
        } catch {
            guard var run = try? await store.planningRun(id: id) else { return }
            run.status = .failed
            run.message = "The run stopped: \(error)"
            run.updatedAt = now()
            try? await Self.save(run, in: store)
        }
    }

    private func compareCirculation(_ request: PlanningRequest, _ run: inout StoredPlanningRun) async throws {
        let policies = CompareCirculation.standardPolicies
        let (updates, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let writer = Task { [store, now, run] in
            var current = run
            for await done in updates {
                current.progress = Double(done) / Double(policies.count)
                current.message = "Simulated \(done) of \(policies.count) ways of circulating"
                current.updatedAt = now()
                try? await Self.save(current, in: store)
            }
        }
        let comparison = try await CompareCirculation(store: store, now: now)(
            policies: policies, replications: request.replications, seed: request.seed,
            maximumWaitDays: request.waitDays, measuredYears: request.years
        ) { continuation.yield($0) }
        continuation.finish()
        await writer.value
        let isDemo = try await store.holdsDemoData()
        run.report = String(decoding: try JSONEncoder().encode(comparison), as: UTF8.self)
        run.reportCSV = comparison.csv(isDemo: isDemo)
        run.status = .finished
        run.progress = 1
        run.message = "Finished"
        run.updatedAt = now()
        try await Self.save(run, in: store)
    }

    /// Every write goes through a transaction, which on SQLite queues behind the other
    /// writers instead of failing as "database is locked".
    private static func save(_ run: StoredPlanningRun, in store: Store) async throws {
        try await store.transaction { try await $0.save(planningRun: run) }
    }

    public func run(_ id: UUID, by principal: Principal) async throws -> Run {
        try allow(principal)
        guard let stored = try await store.planningRun(id: id) else { throw AccessDenied(decision: .hidden) }
        return try view(stored)
    }

    /// The report as CSV, for a finished run.
    public func csv(of id: UUID, by principal: Principal) async throws -> String? {
        try allow(principal)
        guard let stored = try await store.planningRun(id: id) else { throw AccessDenied(decision: .hidden) }
        return stored.reportCSV
    }

    public func recentRuns(by principal: Principal) async throws -> [Run] {
        try allow(principal)
        return try await store.planningRuns(limit: 20).map(view)
    }

    private func allow(_ principal: Principal) throws {
        let decision = AccessPolicy.mayPlanCapacity(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
    }

    private func view(_ stored: StoredPlanningRun) throws -> Run {
        var status = stored.status
        var message = stored.message
        let active = status == .queued || status == .running
        if active && now().timeIntervalSince(stored.updatedAt) > Self.stalledAfter {
            status = .failed
            message = "The run stopped without finishing (the service restarted); start it again."
        }
        let request = try JSONDecoder().decode(PlanningRequest.self, from: Data(stored.request.utf8))
        let report = stored.report.map { Data($0.utf8) }
        let isCirculation = request.question == .circulation
        return Run(
            id: stored.id, request: request, status: status, progress: stored.progress, message: message,
            report: try report.flatMap {
                isCirculation ? nil : try JSONDecoder().decode(PlanningReport.self, from: $0)
            },
            comparison: try report.flatMap {
                isCirculation ? try JSONDecoder().decode(CirculationComparison.self, from: $0) : nil
            },
            createdAt: stored.createdAt, updatedAt: stored.updatedAt)
    }
}
