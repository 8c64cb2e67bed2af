import Foundation
import Linkage
import SecurePlaceCore
import Storage

/// The clerical review queue: uncertain pairs a linkage run puts aside, worked through by
/// analysts, every read and decision audited.
public struct LinkageReviews: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    public struct Pair: Sendable, Hashable {
        public var id: UUID
        public var study: String
        public var item: ReviewItem
        public var decision: ReviewDecision?
        public var decidedAt: Date?
    }

    public struct Listing: Sendable {
        public var pairs: [Pair]
        public var total: Int
        public var undecided: Int
        public var studies: [String]
    }

    public static let pageSize = 25

    /// Queues a run's review pairs under a study name (from the command line: no principal).
    /// Pairs already queued in the study keep their decisions. Returns how many were new.
    public func queue(_ result: Linker.Result, study: String) async throws -> Int {
        let instant = now()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let reviews = try result.reviews.map { pair in
            let item = ReviewItem(pair, of: result)
            return StoredLinkageReview(
                id: UUID(), study: study, leftID: item.leftID, rightID: item.rightID, probability: item.probability,
                evidence: String(decoding: try encoder.encode(item), as: UTF8.self), createdAt: instant)
        }
        return try await store.transaction { store in
            let added = try await store.queue(linkageReviews: reviews)
            _ = try await store.appendAudit(
                AuditEntry(
                    by: nil, action: "linkage-review.queue", objectType: "linkage-study",
                    objectID: "\(study) (\(added) pairs)", at: instant))
            return added
        }
    }

    public func list(study: String?, decided: Bool, page: Int, by principal: Principal) async throws -> Listing {
        try allow(principal)
        let stored = try await store.linkageReviews(
            study: study, decided: decided, offset: PageNumber.offset(ofPage: page, size: Self.pageSize),
            limit: Self.pageSize)
        return Listing(
            pairs: try stored.map(Self.pair),
            total: try await store.countLinkageReviews(study: study, decided: decided),
            undecided: try await store.countLinkageReviews(study: study, decided: false),
            studies: try await store.linkageStudies())
    }

    public func pair(_ id: UUID, by principal: Principal) async throws -> Pair {
        try allow(principal)
        guard let stored = try await store.linkageReview(id: id) else { throw AccessDenied(decision: .hidden) }
        _ = try await store.appendAudit(
            AuditEntry(
                by: principal, action: "linkage-review.read", objectType: "linkage-review", objectID: id.uuidString,
                at: now()))
        return try Self.pair(stored)
    }

    /// Records the decision (a later one replaces an earlier, both audited) and returns the
    /// pair's study with its next undecided pair, if any.
    public func decide(_ id: UUID, _ decision: ReviewDecision, by principal: Principal) async throws
        -> (study: String, next: UUID?)
    {
        try allow(principal)
        guard let stored = try await store.linkageReview(id: id) else { throw AccessDenied(decision: .hidden) }
        let instant = now()
        try await store.transaction { store in
            try await store.record(
                linkageReviewDecision: decision.rawValue, on: id, by: principal.userID, at: instant)
            _ = try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "linkage-review.\(decision.rawValue)", objectType: "linkage-review",
                    objectID: id.uuidString, at: instant))
        }
        let next = try await store.linkageReviews(study: stored.study, decided: false, offset: 0, limit: 1).first?.id
        return (stored.study, next)
    }

    /// A study's decided pairs: `left_id,right_id,match_probability,decision,decided_at`
    /// (`secureplace link reviewed` applies them to a run's links).
    public func decisionsCSV(study: String, by principal: Principal) async throws -> String {
        try allow(principal)
        var lines = ["left_id,right_id,match_probability,decision,decided_at"]
        var offset = 0
        while true {
            let batch = try await store.linkageReviews(study: study, decided: true, offset: offset, limit: 1_000)
            for review in batch {
                lines.append(
                    [
                        review.leftID, review.rightID, String(format: "%.6f", review.probability),
                        review.decision ?? "",
                        review.decidedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
                    ].map(CSVField.escape).joined(separator: ","))
            }
            guard batch.count == 1_000 else { break }
            offset += 1_000
        }
        _ = try await store.appendAudit(
            AuditEntry(
                by: principal, action: "linkage-review.export", objectType: "linkage-study", objectID: study, at: now())
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// A run's links with the study's decisions applied (from the command line: no
    /// principal; audited). Nil when nothing was ever queued under the study.
    public func reviewedLinks(study: String, run: [ReviewedLinks.Link]) async throws -> ReviewedLinks? {
        guard try await store.linkageStudies().contains(study) else { return nil }
        var decisions: [ReviewedLinks.Decision] = []
        for decided in [true, false] {
            var offset = 0
            while true {
                let batch = try await store.linkageReviews(study: study, decided: decided, offset: offset, limit: 1_000)
                for review in batch {
                    let weight = try? JSONDecoder().decode(ReviewItem.self, from: Data(review.evidence.utf8)).weight
                    decisions.append(
                        ReviewedLinks.Decision(
                            pair: ReviewedLinks.Link(
                                leftID: review.leftID, rightID: review.rightID, weight: weight,
                                probability: review.probability),
                            decision: review.decision.flatMap(ReviewDecision.init(rawValue:))))
                }
                guard batch.count == 1_000 else { break }
                offset += 1_000
            }
        }
        let reviewed = ReviewedLinks(run: run, decisions: decisions)
        _ = try await store.appendAudit(
            AuditEntry(
                by: nil, action: "linkage-review.apply", objectType: "linkage-study",
                objectID: "\(study) (\(reviewed.added) added, \(reviewed.removed) removed)", at: now()))
        return reviewed
    }

    private func allow(_ principal: Principal) throws {
        let decision = AccessPolicy.mayReviewLinkage(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
    }

    private static func pair(_ stored: StoredLinkageReview) throws -> Pair {
        Pair(
            id: stored.id, study: stored.study,
            item: try JSONDecoder().decode(ReviewItem.self, from: Data(stored.evidence.utf8)),
            decision: stored.decision.flatMap(ReviewDecision.init(rawValue:)), decidedAt: stored.decidedAt)
    }
}
