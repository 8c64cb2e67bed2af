import FluentKit
import Foundation

extension Store {
    /// Queues pairs for review; a pair already queued in the same study keeps its decision.
    /// Returns how many were new.
    public func queue(linkageReviews reviews: [StoredLinkageReview]) async throws -> Int {
        var added = 0
        for review in reviews {
            let existing = try await LinkageReviewRecord.query(on: database)
                .filter(\.$study == review.study).filter(\.$leftID == review.leftID)
                .filter(\.$rightID == review.rightID).first()
            guard existing == nil else { continue }
            try await LinkageReviewRecord(review).create(on: database)
            added += 1
        }
        return added
    }

    public func linkageReview(id: UUID) async throws -> StoredLinkageReview? {
        try await LinkageReviewRecord.find(id, on: database)?.value()
    }

    /// A page of a study's pairs (every study when nil), undecided or decided: the least
    /// certain first, so the queue is worked from the hardest calls.
    public func linkageReviews(study: String?, decided: Bool, offset: Int, limit: Int) async throws
        -> [StoredLinkageReview]
    {
        try await linkageReviewQuery(study: study, decided: decided)
            .sort(\.$probability).sort(\.$leftID).sort(\.$rightID)
            .offset(offset).limit(limit).all().map { try $0.value() }
    }

    public func countLinkageReviews(study: String?, decided: Bool) async throws -> Int {
        try await linkageReviewQuery(study: study, decided: decided).count()
    }

    private func linkageReviewQuery(study: String?, decided: Bool) -> QueryBuilder<LinkageReviewRecord> {
        let query = LinkageReviewRecord.query(on: database)
        if let study { query.filter(\.$study == study) }
        return decided ? query.filter(\.$decision != nil) : query.filter(\.$decision == nil)
    }

    /// The studies with pairs queued, by name.
    public func linkageStudies() async throws -> [String] {
        Array(Set(try await LinkageReviewRecord.query(on: database).all(\.$study))).sorted()
    }

    public func record(linkageReviewDecision decision: String, on id: UUID, by userID: UUID, at instant: Date)
        async throws
    {
        try await LinkageReviewRecord.query(on: database).filter(\.$id == id)
            .set(\.$decision, to: decision).set(\.$decidedBy, to: userID).set(\.$decidedAt, to: instant).update()
    }
}
