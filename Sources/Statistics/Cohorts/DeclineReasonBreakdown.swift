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

        /// The reason's place in `all`.
        var position: Int {
            switch self {
            case .given(let reason): reason.position
            case .noAnswerByDeadline: Self.all.count - 1
            }
        }

        public static func < (lhs: Reason, rhs: Reason) -> Bool { lhs.position < rhs.position }
    }

    /// The answers of a group of referrals (or of one home).
    public struct Tally: Hashable, Sendable {
        public var approaches = 0
        public var offers = 0
        /// Declines, counting a home silent past its deadline as one.
        public var declines = 0
        /// How many declines gave each reason, in the order of `Reason.all`.
        private var counts = Array(repeating: 0, count: Reason.all.count)

        /// How many declines gave each reason given at least once.
        public var citing: [Reason: Int] {
            Dictionary(uniqueKeysWithValues: zip(Reason.all, counts).filter { $0.1 > 0 })
        }

        public func count(_ reason: Reason) -> Int { counts[reason.position] }

        /// The share of declines that gave `reason` (a decline may give several).
        public func share(_ reason: Reason) -> Proportion { Proportion(count(reason), of: declines) }

        /// The reasons given, most often first.
        public var reasonsByFrequency: [(reason: Reason, count: Int)] {
            zip(Reason.all, counts).filter { $0.1 > 0 }.map { (reason: $0.0, count: $0.1) }.sorted {
                ($0.count, $1.reason) > ($1.count, $0.reason)
            }
        }

        /// Both tallies together.
        func adding(_ other: Tally) -> Tally {
            var sum = self
            sum.approaches += other.approaches
            sum.offers += other.offers
            sum.declines += other.declines
            for index in sum.counts.indices { sum.counts[index] += other.counts[index] }
            return sum
        }

        mutating func add(_ approach: HomeApproach, decidedBy end: Date) {
            approaches += 1
            switch approach.answer {
            case .offered: offers += 1
            case .declined(let reasons):
                declines += 1
                for reason in reasons { counts[Reason.given(reason).position] += 1 }
            case .notAnswered(let due):
                // Still within its time, or the referral was settled before it was due: not a no.
                guard due <= end else { return }
                declines += 1
                counts[Reason.noAnswerByDeadline.position] += 1
            }
        }
    }

    public var everyone = Tally()
    public var olderBoysWithRefusalFlags = Tally()
    public var otherChildren = Tally()
    public var byHome: [UUID: Tally] = [:]

    public init(_ referrals: [CohortReferral], asOf: Date) {
        // Homes are few: each is given a number once and tallied in an array.
        var homeNumber: [UUID: Int] = [:]
        var homeIDs: [UUID] = []
        var homes: [Tally] = []
        for referral in referrals {
            let end = min(referral.placedAt ?? referral.closedAt ?? asOf, asOf)
            for approach in referral.approaches {
                if referral.isOlderBoyWithRefusalFlag {
                    olderBoysWithRefusalFlags.add(approach, decidedBy: end)
                } else {
                    otherChildren.add(approach, decidedBy: end)
                }
                let number: Int
                if let known = homeNumber[approach.homeID] {
                    number = known
                } else {
                    number = homes.count
                    homeNumber[approach.homeID] = number
                    homeIDs.append(approach.homeID)
                    homes.append(Tally())
                }
                homes[number].add(approach, decidedBy: end)
            }
        }
        everyone = olderBoysWithRefusalFlags.adding(otherChildren)
        byHome = Dictionary(uniqueKeysWithValues: zip(homeIDs, homes))
    }
}
