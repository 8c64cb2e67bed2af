import Foundation

/// Days from submission to an event (the first offer, the placement), with referrals that
/// have not had it counted as censored at their closure or at the date of the figures: the
/// median of those who had it alone would leave out the children who waited longest.
public struct TimeFromSubmission: Hashable, Sendable {
    public let estimate: KaplanMeier
    public let median: Double?
    public let lowerQuartile: Double?
    public let upperQuartile: Double?

    /// A closure without the event ends the wait: the child is counted as waiting until then
    /// (censored), which makes the median the time by which half would have had it had nobody
    /// been closed; the share who had it is shown beside it.
    public init(_ referrals: [CohortReferral], to event: (CohortReferral) -> Date?, asOf: Date) {
        let day = 86_400.0
        let observations = referrals.map { referral in
            if let happened = event(referral), happened <= asOf {
                return KaplanMeier.Observation(
                    time: max(0, happened.timeIntervalSince(referral.submittedAt) / day), hadEvent: true)
            }
            let end = min(referral.closedAt ?? asOf, asOf)
            return KaplanMeier.Observation(
                time: max(0, end.timeIntervalSince(referral.submittedAt) / day), hadEvent: false)
        }
        estimate = KaplanMeier(observations)
        median = estimate.time(byWhichShareHadEvent: 0.5)
        lowerQuartile = estimate.time(byWhichShareHadEvent: 0.25)
        upperQuartile = estimate.time(byWhichShareHadEvent: 0.75)
    }

    /// To admission, for referrals that ended placed.
    public static func toPlacement(_ referrals: [CohortReferral], asOf: Date) -> TimeFromSubmission {
        TimeFromSubmission(referrals, to: { $0.outcome == .placed ? $0.placedAt : nil }, asOf: asOf)
    }

    /// To the first offer from any home.
    public static func toFirstOffer(_ referrals: [CohortReferral], asOf: Date) -> TimeFromSubmission {
        TimeFromSubmission(referrals, to: \.firstOfferAt, asOf: asOf)
    }
}
