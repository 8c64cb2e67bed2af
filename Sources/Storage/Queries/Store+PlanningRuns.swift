import FluentKit
import Foundation

extension Store {
    public func save(planningRun run: StoredPlanningRun) async throws {
        if let existing = try await PlanningRunRecord.find(run.id, on: database) {
            existing.status = run.status.rawValue
            existing.progress = run.progress
            existing.message = run.message
            existing.report = run.report
            existing.reportCSV = run.reportCSV
            existing.updatedAt = run.updatedAt
            try await existing.update(on: database)
        } else {
            try await PlanningRunRecord(run).create(on: database)
        }
    }

    public func planningRun(id: UUID) async throws -> StoredPlanningRun? {
        try await PlanningRunRecord.find(id, on: database)?.value()
    }

    /// The newest runs first.
    public func planningRuns(limit: Int) async throws -> [StoredPlanningRun] {
        try await PlanningRunRecord.query(on: database).sort(\.$createdAt, .descending).limit(limit).all()
            .map { try $0.value() }
    }
}
