import FluentKit
import Foundation

final class LinkageReviewRecord: Model, @unchecked Sendable {
    static let schema = "linkage_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "study") var study: String
    @Field(key: "left_id") var leftID: String
    @Field(key: "right_id") var rightID: String
    @Field(key: "probability") var probability: Double
    @Field(key: "evidence") var evidence: String
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ review: StoredLinkageReview) {
        id = review.id
        study = review.study
        leftID = review.leftID
        rightID = review.rightID
        probability = review.probability
        evidence = review.evidence
        decision = review.decision
        decidedBy = review.decidedBy
        decidedAt = review.decidedAt
        createdAt = review.createdAt
    }

    func value() throws -> StoredLinkageReview {
        StoredLinkageReview(
            id: try requireID(), study: study, leftID: leftID, rightID: rightID, probability: probability,
            evidence: evidence, decision: decision, decidedBy: decidedBy, decidedAt: decidedAt, createdAt: createdAt)
    }
}

/// A pair waiting for (or given) an analyst's clerical review. The evidence is JSON written
/// and read by the linkage use case, so storage does not depend on the linkage engine.
public struct StoredLinkageReview: Sendable, Hashable {
    public var id: UUID
    /// The linkage study the pair belongs to, as named when it was queued.
    public var study: String
    public var leftID: String
    public var rightID: String
    public var probability: Double
    public var evidence: String
    public var decision: String?
    public var decidedBy: UUID?
    public var decidedAt: Date?
    public var createdAt: Date

    public init(
        id: UUID, study: String, leftID: String, rightID: String, probability: Double, evidence: String,
        decision: String? = nil, decidedBy: UUID? = nil, decidedAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.study = study
        self.leftID = leftID
        self.rightID = rightID
        self.probability = probability
        self.evidence = evidence
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.createdAt = createdAt
    }
}
