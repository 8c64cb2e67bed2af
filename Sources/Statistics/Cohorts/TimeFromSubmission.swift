import Foundation

/// Days from submission to placement, with referrals not (yet) placed counted as censored at
/// their closure or at the date of the figures: the median of those placed alone would leave
/// out the children who waited longest.
public struct TimeToPlacement: Hashable, Sendable {
    public let estimate: KaplanMeier
    public let median: Double?
    public let lowerQuartile: Double?
    public let upperQuartile: Double?

    /// A closure unplaced ends the wait without the event: the child is counted as waiting
    /// until then (censored), which makes the median the time by which half would have been
    /// placed had nobody been closed; the share placed is shown beside it.
    public init(_ referrals: [CohortReferral], asOf: Date) {
        let day = 86_400.0
        let observations = referrals.map { referral in
            if let placed = referral.placedAt, referral.outcome == .placed {
                return KaplanMeier.Observation(
                    time: max(0, placed.timeIntervalSince(referral.submittedAt) / day), hadEvent: true)
            }
            let end = referral.closedAt ?? asOf
            return KaplanMeier.Observation(
                time: max(0, end.timeIntervalSince(referral.submittedAt) / day), hadEvent: false)
        }
        estimate = KaplanMeier(observations)
        median = estimate.time(byWhichShareHadEvent: 0.5)
        lowerQuartile = estimate.time(byWhichShareHadEvent: 0.25)
        upperQuartile = estimate.time(byWhichShareHadEvent: 0.75)
    }
}
