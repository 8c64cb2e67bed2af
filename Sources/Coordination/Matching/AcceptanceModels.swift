import Foundation
import Matching
import SecurePlaceCore
import Storage

/// Fitting the acceptance model on the service's own answers, keeping each fit with its
/// hold-out report, and reading the latest back for the ranking, the allocation and the flag.
public struct AcceptanceModels: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// What a fit reports: the model's size and convergence, how it did on a time-ordered
    /// hold-out, and how the no-offer flag would have done on the same later period.
    public struct Report: Sendable, Codable {
        public var fittedAt: Date
        public var answers: Int
        public var penalty: Double
        public var iterations: Int
        public var converged: Bool
        public var holdOut: HoldOutReport?
        /// Why there is no hold-out (too few answers), when there is none.
        public var holdOutProblem: String?
        public var flagThreshold: Double
        /// The flag at several thresholds, the configured one among them, on the referrals
        /// submitted in the hold-out period whose outcome is known, scored by the model fitted
        /// on the earlier answers only.
        public var flagBacktest: [FlagPerformance]
    }

    public struct Fitted: Sendable {
        public var id: UUID
        public var fittedBy: String
        public var model: AcceptanceModel
        public var report: Report
    }

    public static let flagThresholdSetting = "matching.no-offer-flag-threshold"

    /// Refits on every answer recorded and keeps the result as the model in use. `fittedBy`
    /// is the user's e-mail address, or names the command line or the schedule.
    public func fit(fittedBy: String, by principal: Principal? = nil) async throws -> Fitted {
        if let principal {
            let decision = AccessPolicy.mayViewAcceptanceModel(principal)
            guard decision == .allowed else { throw AccessDenied(decision: decision) }
        }
        let instant = now()
        let history = try await AcceptanceHistory.load(from: store)
        let answers = history.answers
        let model: AcceptanceModel
        do {
            model = try AcceptanceModel.fit(answers)
        } catch {
            throw InputErrors([InputError(field: "model", message: error.description)])
        }
        let threshold = try await flagThreshold()
        var report = Report(
            fittedAt: instant, answers: answers.count, penalty: model.penalty, iterations: model.iterations,
            converged: model.converged, flagThreshold: threshold, flagBacktest: [])
        do {
            let holdOut = try HoldOutReport.assess(answers)
            report.holdOut = holdOut
            let earlier = try AcceptanceModel.fit(HoldOutReport.split(answers).training)
            report.flagBacktest = Self.backtest(
                earlier, on: history, from: holdOut.testFrom, thresholds: Set([0.25, 0.5, 0.75, threshold]).sorted())
        } catch let error as HoldOutReport.HoldOutError {
            report.holdOutProblem = error.description
        }
        let id = UUID()
        let finished = report
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        try await store.transaction { store in
            try await store.save(
                acceptanceModel: StoredAcceptanceModel(
                    id: id, fittedAt: instant, fittedBy: fittedBy, answers: answers.count,
                    model: String(decoding: try encoder.encode(model), as: UTF8.self),
                    report: String(decoding: try encoder.encode(finished), as: UTF8.self)))
            _ = try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "acceptance-model.fit", objectType: "acceptance-model",
                    objectID: id.uuidString, at: instant))
        }
        return Fitted(id: id, fittedBy: fittedBy, model: model, report: finished)
    }

    /// The model in use with its report, for the analysts' page.
    public func latest(for principal: Principal) async throws -> Fitted? {
        let decision = AccessPolicy.mayViewAcceptanceModel(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        return try await Self.latest(in: store)
    }

    static func latest(in store: Store) async throws -> Fitted? {
        guard let stored = try await store.latestAcceptanceModel() else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let model = try decoder.decode(AcceptanceModel.self, from: Data(stored.model.utf8))
        let report = try stored.report.map { try decoder.decode(Report.self, from: Data($0.utf8)) }
        return Fitted(
            id: stored.id, fittedBy: stored.fittedBy, model: model,
            report: report
                ?? Report(
                    fittedAt: stored.fittedAt, answers: stored.answers, penalty: model.penalty,
                    iterations: model.iterations, converged: model.converged,
                    flagThreshold: NoOfferRisk.standardThreshold, flagBacktest: []))
    }

    /// The chance of no offer at or above which a referral is flagged.
    public func flagThreshold() async throws -> Double {
        try await store.setting(Self.flagThresholdSetting).flatMap(Double.init) ?? NoOfferRisk.standardThreshold
    }

    public func setFlagThreshold(_ threshold: Double) async throws {
        guard threshold > 0, threshold < 1 else {
            throw InputErrors([
                InputError(field: "threshold", message: "The threshold is a chance between 0 and 1, such as 0.5.")
            ])
        }
        try await store.saveSetting(Self.flagThresholdSetting, value: String(threshold))
    }

    /// Each referral submitted from `start` that ended placed or unplaced, scored at its
    /// submission against the homes that could then have taken the child.
    static func backtest(
        _ model: AcceptanceModel, on history: AcceptanceHistory, from start: Date, thresholds: [Double]
    ) -> [FlagPerformance] {
        let risks = history.referrals.values.compactMap { referral -> (probability: Double, unplaced: Bool)? in
            guard let submitted = referral.submittedAt, submitted >= start,
                [.placed, .closedUnplaced].contains(referral.state)
            else { return nil }
            let questions = history.eligibleHomes(for: referral, at: submitted).compactMap {
                history.question(referral, $0, at: submitted)
            }
            return (NoOfferRisk.assess(questions, with: model).probability, referral.state == .closedUnplaced)
        }
        return thresholds.map { FlagPerformance(risks: risks, threshold: $0) }
    }
}
