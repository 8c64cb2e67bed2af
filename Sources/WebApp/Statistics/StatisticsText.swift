import Coordination
import Foundation
import SecurePlaceCore
import Statistics

/// The analysts' page's figures in words: shares with their intervals, ratios, days.
enum StatisticsText {
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func share(_ proportion: Proportion) -> String {
        guard let interval = proportion.wilsonInterval() else { return "none of 0" }
        return
            "\(proportion.count) of \(proportion.total), \(percent(interval.estimate)) (\(percent(interval.lower)) to \(percent(interval.upper)))"
    }

    static func ratio(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "not defined" }
        return String(format: "%.2f (%.2f to %.2f)", estimate.estimate, estimate.lower, estimate.upper)
    }

    static func points(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "not defined" }
        return String(
            format: "%+.1f points (%+.1f to %+.1f)", estimate.estimate * 100, estimate.lower * 100, estimate.upper * 100
        )
    }

    static func days(_ value: Double?) -> String { value.map { String(format: "%.1f days", $0) } ?? "not reached" }

    static func summary(_ figures: HeadlineFigures) -> [StatisticsPagesController.Option] {
        let counts = figures.outcomes.total.counts
        let time = figures.timeToPlacement
        return [
            .init(value: "Referrals submitted", text: String(figures.referrals)),
            .init(
                value: "Outcomes",
                text: CohortReferral.Outcome.allCases.map { "\($0.name.lowercased()) \(counts[$0] ?? 0)" }.joined(
                    separator: ", ")),
            .init(
                value: "Closed unplaced, of those placed or closed unplaced",
                text: share(figures.outcomes.total.unplaced)),
            .init(
                value: "Days from submission to the first offer",
                text:
                    "median \(days(figures.timeToFirstOffer.median)); quartiles \(days(figures.timeToFirstOffer.lowerQuartile)) and \(days(figures.timeToFirstOffer.upperQuartile))"
            ),
            .init(
                value: "Days from submission to placement",
                text:
                    "median \(days(time.median)); quartiles \(days(time.lowerQuartile)) and \(days(time.upperQuartile)) (Kaplan–Meier: referrals closed or still open count as waiting until then)"
            ),
            .init(
                value: "Homes approached",
                text:
                    "\(figures.homesApproachedPlaced.map { String(format: "%.1f", $0) } ?? "none") per placed child, \(figures.homesApproachedUnplaced.map { String(format: "%.1f", $0) } ?? "none") per child closed unplaced"
            ),
        ]
    }

    static func row(_ disparity: UnplacedDisparity) -> StatisticsPagesController.Row {
        .init(
            group: disparity.group, unplaced: share(disparity.unplaced), elsewhere: share(disparity.unplacedElsewhere),
            ratio: ratio(disparity.riskRatio), difference: points(disparity.riskDifference))
    }

    static func adjusted(_ adjusted: AdjustedUnplacedDisparity) -> String {
        switch adjusted.oddsRatio {
        case .success(let ratio):
            let terms =
                adjusted.adjustedFor.isEmpty
                ? "nothing to adjust for in this selection" : "\(adjusted.adjustedFor.count) terms"
            return "Adjusted for region and urgency by logistic regression (\(terms)): odds ratio \(Self.ratio(ratio))."
        case .failure(let problem):
            return "Not adjusted for region and urgency: \(problem.description)"
        }
    }

}
