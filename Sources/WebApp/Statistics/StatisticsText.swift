import Coordination
import Foundation
import SecurePlaceCore
import Statistics

/// The analysts' page's figures in words (see FigureText), arranged for the page.
enum StatisticsText {
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
                text: FigureText.share(figures.outcomes.total.unplaced)),
            .init(
                value: "Days from submission to the first offer",
                text:
                    "median \(FigureText.days(figures.timeToFirstOffer.median)); quartiles \(FigureText.days(figures.timeToFirstOffer.lowerQuartile)) and \(FigureText.days(figures.timeToFirstOffer.upperQuartile))"
            ),
            .init(
                value: "Days from submission to placement",
                text:
                    "median \(FigureText.days(time.median)); quartiles \(FigureText.days(time.lowerQuartile)) and \(FigureText.days(time.upperQuartile)) (Kaplan–Meier: referrals closed or still open count as waiting until then)"
            ),
            .init(
                value: "Homes approached",
                text:
                    "\(figures.homesApproachedPlaced.map { String(format: "%.1f", $0) } ?? "none") per placed child, \(figures.homesApproachedUnplaced.map { String(format: "%.1f", $0) } ?? "none") per child closed unplaced"
            ),
            .init(
                value: "Distance from the child's authority to the home, placed children",
                text: (figures.kilometresPlaced.map {
                    "median \(Int($0.median.rounded())) km, quartiles \(Int($0.lower.rounded())) and \(Int($0.upper.rounded())) km; "
                } ?? "") + "within 100 km \(FigureText.share(figures.placedWithin100Kilometres))"),
            .init(
                value: "Placed children held for a time without a court order (the 72-hour rule)",
                text: FigureText.share(figures.heldWithoutOrder)),
            .init(
                value: "Held longer than 72 hours without an order",
                text: figures.heldBeyondSeventyTwoHours == 0
                    ? "none" : "\(figures.heldBeyondSeventyTwoHours): each one a breach of the regulations"),
        ]
    }

    /// The beds over the same days: every home, whatever the selection's region or route.
    static func beds(_ beds: BedDays, referrals: Int) -> [StatisticsPagesController.Option] {
        let lost = BedClosureReason.allCases.compactMap { reason in
            beds.closed[reason].map { "\(reason.name.lowercased()) \(Int($0.rounded()))" }
        }
        return [
            .init(
                value: "Beds open on average",
                text: beds.averageOpenBeds.map { String(format: "%.1f", $0) } ?? "none"),
            .init(value: "Occupancy of open beds", text: beds.occupancy.map(FigureText.percent) ?? "not applicable"),
            .init(
                value: "Bed-days lost to closures",
                text: "\(Int(beds.lost.rounded()))\(lost.isEmpty ? "" : " (\(lost.joined(separator: ", ")))")"),
            .init(
                value: "Referrals a year for each open bed",
                text: FigureText.rate(beds.referralsPerOpenBedAYear(referrals))),
        ]
    }

    static func row(_ disparity: UnplacedDisparity) -> StatisticsPagesController.Row {
        .init(
            group: disparity.group, unplaced: FigureText.share(disparity.unplaced),
            elsewhere: FigureText.share(disparity.unplacedElsewhere),
            ratio: FigureText.ratio(disparity.riskRatio), difference: FigureText.points(disparity.riskDifference))
    }

    static func adjusted(_ adjusted: AdjustedUnplacedDisparity) -> String {
        switch adjusted.oddsRatio {
        case .success(let ratio):
            let terms =
                adjusted.adjustedFor.isEmpty
                ? "nothing to adjust for in this selection" : "\(adjusted.adjustedFor.count) terms"
            return
                "Adjusted for region and urgency by logistic regression (\(terms)): odds ratio \(FigureText.ratio(ratio))."
        case .failure(let problem):
            return "Not adjusted for region and urgency: \(problem.description)"
        }
    }

    /// The year after referral, a row a measure, placed and unplaced side by side.
    static func yearAfter(_ figures: YearAfterReferral) -> [StatisticsPagesController.Comparison] {
        let groups = [figures.placed, figures.unplaced]
        func row(_ measure: String, _ text: (YearAfterReferral.Group) -> String) -> StatisticsPagesController.Comparison
        {
            .init(measure: measure, placed: text(groups[0]), unplaced: text(groups[1]))
        }
        return [
            row("Children followed for a whole year") { String($0.childrenFollowedAYear) },
            row("New placements per child (the secure placement itself not counted)") {
                "\(FigureText.rate($0.newPlacementsPerChild)); \($0.newPlacements) in all"
            },
            row("In custody in the year") { FigureText.share($0.custody) },
            row("In another secure children's home in the year") { FigureText.share($0.otherSecurePlacement) },
            row("Referred again within a year of the decision (Kaplan–Meier)") { group in
                group.reReferral.events == 0
                    ? "none of \(group.reReferral.observations)"
                    : "\(FigureText.percent(group.reReferredWithinAYear)); \(group.reReferral.events) of \(group.reReferral.observations)"
            },
        ]
    }

    static func months(_ byMonth: OutcomesByMonth) -> [StatisticsPagesController.MonthRow] {
        byMonth.months.map { month in
            .init(
                month: "\(OutcomesByMonthChart.monthLabel(month.first))", submitted: month.total,
                placed: month.count(.placed), unplaced: month.count(.closedUnplaced),
                withdrawn: month.count(.withdrawn), open: month.count(.open))
        }
    }

    /// Each reason given, the older boys' share of declines beside everyone else's.
    static func declineReasons(_ breakdown: DeclineReasonBreakdown) -> [StatisticsPagesController.Comparison] {
        DeclineReasonBreakdown.Reason.all.filter { breakdown.everyone.count($0) > 0 }.map { reason in
            .init(
                measure: reason.name, placed: FigureText.share(breakdown.olderBoysWithRefusalFlags.share(reason)),
                unplaced: FigureText.share(breakdown.otherChildren.share(reason)))
        }
    }

    static func homes(_ breakdown: DeclineReasonBreakdown, names: [UUID: String])
        -> [StatisticsPagesController.HomeRow]
    {
        breakdown.byHome.map { id, tally in
            StatisticsPagesController.HomeRow(
                home: names[id] ?? "Home no longer listed", asked: tally.approaches, offered: tally.offers,
                declined: tally.declines, noAnswer: tally.count(.noAnswerByDeadline),
                commonest: tally.reasonsByFrequency.first.map { "\($0.reason.name) (\($0.count))" } ?? "none")
        }.sorted { $0.home < $1.home }
    }
}
