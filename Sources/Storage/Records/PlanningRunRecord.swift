import FluentKit
import Foundation

final class PlanningRunRecord: Model, @unchecked Sendable {
    static let schema = "planning_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "request") var request: String
    @Field(key: "status") var status: String
    @Field(key: "progress") var progress: Double
    @Field(key: "message") var message: String
    @OptionalField(key: "report") var report: String?
    @OptionalField(key: "report_csv") var reportCSV: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ run: StoredPlanningRun) {
        id = run.id
        requestedBy = run.requestedBy
        request = run.request
        status = run.status.rawValue
        progress = run.progress
        message = run.message
        report = run.report
        reportCSV = run.reportCSV
        createdAt = run.createdAt
        updatedAt = run.updatedAt
    }

    func value() throws -> StoredPlanningRun {
        StoredPlanningRun(
            id: try requireID(), requestedBy: requestedBy, request: request,
            status: StoredPlanningRun.Status(rawValue: status) ?? .failed, progress: progress, message: message,
            report: report, reportCSV: reportCSV, createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// A capacity-planning run as stored: its request and report are JSON written and read by
/// the use case, so storage does not depend on the planning engine.
public struct StoredPlanningRun: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case queued
        case running
        case finished
        case failed
    }

    public var id: UUID
    public var requestedBy: UUID
    public var request: String
    public var status: Status
    public var progress: Double
    public var message: String
    public var report: String?
    public var reportCSV: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, requestedBy: UUID, request: String, status: Status, progress: Double, message: String,
        report: String? = nil, reportCSV: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.requestedBy = requestedBy
        self.request = request
        self.status = status
        self.progress = progress
        self.message = message
        self.report = report
        self.reportCSV = reportCSV
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
