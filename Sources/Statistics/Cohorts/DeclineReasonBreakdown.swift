import Foundation
import SecurePlaceCore

/// Why homes said no: how often each reason was given, for the older boys the study found
/// refused most and for everyone else, and home by home. A home that let its deadline pass
/// without answering declined too, with "no answer by the deadline" as its reason.
public struct DeclineReasonBreakdown: Hashable, Sendable {
    public enum Reason: Hashable, Sendable, Comparable {
        case given(DeclineReason)
        case noAnswerByDeadline

        public static let all: [Reason] = DeclineReason.allCases.map(Reason.given) + [.noAnswerByDeadline]

        public var name: String {
            switch self {
            case .given(let reason): reason.name
            case .noAnswerByDeadline: "No answer by the deadline"
            }
        }

        public static func < (lhs: Reason, rhs: Reason) -> Bool {
            all.firstIndex(of: lhs)! < all.firstIndex(of: rhs)!
        }
    }

    /// The answers of a group of referrals (or of one home).
    public struct Tally: Hashable, Sendable {
        public var approaches = 0
        public var offers = 0
        /// Declines, counting a home silent past its deadline as one.
        public var declines = 0
        public var citing: [Reason: Int] = [:]

        /// The share of declines that gave `reason` (a decline may give several).
        public func share(_ reason: Reason) -> Proportion { Proportion(citing[reason] ?? 0, of: declines) }

        /// The reasons given, most often first.
        public var reasonsByFrequency: [(reason: Reason, count: Int)] {
            citing.map { (reason: $0.key, count: $0.value) }.sorted {
                ($0.count, $1.reason) > ($1.count, $0.reason)
            }
        }

        mutating func add(_ approach: HomeApproach, decidedBy end: Date) {
            switch approach.answer {
            case .offered:
                approaches += 1
                offers += 1
            case .declined(let reasons):
                approaches += 1
                declines += 1
                for reason in reasons { citing[.given(reason), default: 0] += 1 }
            case .notAnswered(let due):
                approaches += 1
                // Still within its time, or the referral was settled before it was due: not a no.
                guard due <= end else { return }
                declines += 1
                citing[.noAnswerByDeadline, default: 0] += 1
            }
        }
    }

    public var everyone = Tally()
    public var olderBoysWithRefusalFlags = Tally()
    public var otherChildren = Tally()
    public var byHome: [UUID: Tally] = [:]

    public init(_ referrals: [CohortReferral], asOf: Date) {
        for referral in referrals {
            let end = min(referral.placedAt ?? referral.closedAt ?? asOf, asOf)
            for approach in referral.approaches {
                everyone.add(approach, decidedBy: end)
                if referral.isOlderBoyWithRefusalFlag {
                    olderBoysWithRefusalFlags.add(approach, decidedBy: end)
                } else {
                    otherChildren.add(approach, decidedBy: end)
                }
                byHome[approach.homeID, default: Tally()].add(approach, decidedBy: end)
            }
        }
    }
}
