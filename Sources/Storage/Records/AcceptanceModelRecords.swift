import FluentKit
import Foundation

final class AcceptanceModelRecord: Model, @unchecked Sendable {
    static let schema = "acceptance_models"

    @ID(key: .id) var id: UUID?
    @Field(key: "fitted_at") var fittedAt: Date
    @Field(key: "fitted_by") var fittedBy: String
    @Field(key: "answers") var answers: Int
    @Field(key: "model") var model: String
    @OptionalField(key: "report") var report: String?

    init() {}

    init(_ stored: StoredAcceptanceModel) {
        id = stored.id
        fittedAt = stored.fittedAt
        fittedBy = stored.fittedBy
        answers = stored.answers
        model = stored.model
        report = stored.report
    }

    func value() throws -> StoredAcceptanceModel {
        StoredAcceptanceModel(
            id: try requireID(), fittedAt: fittedAt, fittedBy: fittedBy, answers: answers, model: model, report: report)
    }
}

final class NoOfferRiskRecord: Model, @unchecked Sendable {
    static let schema = "no_offer_risks"

    @ID(custom: "referral_id", generatedBy: .user) var id: UUID?
    @Field(key: "assessed_at") var assessedAt: Date
    @Field(key: "probability") var probability: Double
    @Field(key: "flagged") var flagged: Bool
    @Field(key: "model_id") var modelID: UUID
    @Field(key: "assessment") var assessment: String

    init() {}

    init(_ stored: StoredNoOfferRisk) {
        id = stored.referralID
        assessedAt = stored.assessedAt
        probability = stored.probability
        flagged = stored.flagged
        modelID = stored.modelID
        assessment = stored.assessment
    }

    func value() throws -> StoredNoOfferRisk {
        StoredNoOfferRisk(
            referralID: try requireID(), assessedAt: assessedAt, probability: probability, flagged: flagged,
            modelID: modelID, assessment: assessment)
    }
}

/// A fitted acceptance model as stored: the model and its hold-out report are JSON written
/// and read by the use case, so storage does not depend on the matching engine.
public struct StoredAcceptanceModel: Sendable, Hashable {
    public var id: UUID
    public var fittedAt: Date
    /// Who or what refitted it: a user's e-mail address, the command line or the schedule.
    public var fittedBy: String
    public var answers: Int
    public var model: String
    public var report: String?

    public init(id: UUID, fittedAt: Date, fittedBy: String, answers: Int, model: String, report: String?) {
        self.id = id
        self.fittedAt = fittedAt
        self.fittedBy = fittedBy
        self.answers = answers
        self.model = model
        self.report = report
    }
}

/// The risk that no home offers a referral's child, assessed at submission (JSON as above).
public struct StoredNoOfferRisk: Sendable, Hashable {
    public var referralID: UUID
    public var assessedAt: Date
    public var probability: Double
    public var flagged: Bool
    public var modelID: UUID
    public var assessment: String

    public init(
        referralID: UUID, assessedAt: Date, probability: Double, flagged: Bool, modelID: UUID, assessment: String
    ) {
        self.referralID = referralID
        self.assessedAt = assessedAt
        self.probability = probability
        self.flagged = flagged
        self.modelID = modelID
        self.assessment = assessment
    }
}
