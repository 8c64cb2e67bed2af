import Foundation
import SecurePlaceCore
import Statistics

/// The headline figures as the command prints them, in words or as JSON.
struct HeadlineReport: Encodable {
    struct Share: Encodable {
        var count: Int
        var of: Int
        var share: Double?
        var interval: IntervalEstimate?

        init(_ proportion: Proportion) {
            count = proportion.count
            of = proportion.total
            share = proportion.value
            interval = proportion.wilsonInterval()
        }
    }

    struct Comparison: Encodable {
        var group: String
        var unplaced: Share
        var unplacedElsewhere: Share
        var riskRatio: IntervalEstimate?
        var riskDifference: IntervalEstimate?
    }

    var from: String
    var through: String
    var asOf: Date
    var referrals: Int
    var outcomes: [String: Int]
    var unplaced: Share
    var medianDaysToPlacement: Double?
    var quartileDaysToPlacement: [Double?]
    var medianDaysToFirstOffer: Double?
    var quartileDaysToFirstOffer: [Double?]
    var homesApproachedPerPlacedChild: Double?
    var homesApproachedPerUnplacedChild: Double?
    var olderBoysWithRefusalFlags: Comparison
    var olderBoysAdjustedOddsRatio: IntervalEstimate?
    var olderBoysAdjustmentProblem: String?
    var adjustedFor: [String]
    var byProfile: [Comparison]
    var heldWithoutOrder: Share
    var kilometresPlaced: [Double]?
    var placedWithin100Kilometres: Share
    var heldBeyondSeventyTwoHours: Int
    var beds: BedReport?
    var yearAfterReferral: YearAfterReferralReport?

    init(_ figures: HeadlineFigures, from: CalendarDate, through: CalendarDate, asOf: Date) {
        func comparison(_ disparity: UnplacedDisparity) -> Comparison {
            Comparison(
                group: disparity.group, unplaced: Share(disparity.unplaced),
                unplacedElsewhere: Share(disparity.unplacedElsewhere), riskRatio: disparity.riskRatio,
                riskDifference: disparity.riskDifference)
        }
        self.from = from.iso
        self.through = through.iso
        self.asOf = asOf
        referrals = figures.referrals
        outcomes = Dictionary(
            uniqueKeysWithValues: CohortReferral.Outcome.allCases.map {
                ($0.rawValue, figures.outcomes.total.counts[$0] ?? 0)
            })
        unplaced = Share(figures.outcomes.total.unplaced)
        medianDaysToPlacement = figures.timeToPlacement.median
        quartileDaysToPlacement = [figures.timeToPlacement.lowerQuartile, figures.timeToPlacement.upperQuartile]
        medianDaysToFirstOffer = figures.timeToFirstOffer.median
        quartileDaysToFirstOffer = [figures.timeToFirstOffer.lowerQuartile, figures.timeToFirstOffer.upperQuartile]
        homesApproachedPerPlacedChild = figures.homesApproachedPlaced
        homesApproachedPerUnplacedChild = figures.homesApproachedUnplaced
        olderBoysWithRefusalFlags = comparison(figures.olderBoysWithRefusalFlags)
        switch figures.olderBoysAdjusted.oddsRatio {
        case .success(let ratio): olderBoysAdjustedOddsRatio = ratio
        case .failure(let problem): olderBoysAdjustmentProblem = problem.description
        }
        adjustedFor = figures.olderBoysAdjusted.adjustedFor
        byProfile = figures.disparities.map(comparison)
        heldWithoutOrder = Share(figures.heldWithoutOrder)
        kilometresPlaced = figures.kilometresPlaced.map { [$0.lower, $0.median, $0.upper] }
        placedWithin100Kilometres = Share(figures.placedWithin100Kilometres)
        heldBeyondSeventyTwoHours = figures.heldBeyondSeventyTwoHours
    }

    var lines: [String] {
        var lines = [
            "Referrals submitted \(from) to \(through), as at \(asOf.formatted(.iso8601.year().month().day())).",
            "Exact and unsuppressed, for the service's own analysts: not for publication. Intervals are 95%.",
            "",
            "Referrals: \(referrals) (placed \(outcomes["placed"] ?? 0), closed unplaced \(outcomes["closed-unplaced"] ?? 0), "
                + "withdrawn \(outcomes["withdrawn"] ?? 0), still open \(outcomes["open"] ?? 0))",
            "Left unplaced, of those placed or closed unplaced: \(Self.describe(unplaced))",
            "Days from submission to the first offer (Kaplan–Meier; closed and open referrals censored): median "
                + "\(FigureText.days(medianDaysToFirstOffer)), quartiles \(FigureText.days(quartileDaysToFirstOffer[0])) and "
                + "\(FigureText.days(quartileDaysToFirstOffer[1]))",
            "Days from submission to placement (Kaplan–Meier; closed and open referrals censored): median "
                + "\(FigureText.days(medianDaysToPlacement)), quartiles \(FigureText.days(quartileDaysToPlacement[0])) and "
                + "\(FigureText.days(quartileDaysToPlacement[1]))",
            "Homes approached: \(Self.decimal(homesApproachedPerPlacedChild)) per placed child, "
                + "\(Self.decimal(homesApproachedPerUnplacedChild)) per child closed unplaced",
            "Distance from the child's authority to the home, placed children: "
                + (kilometresPlaced.map {
                    "median \(Int($0[1].rounded())) km, quartiles \(Int($0[0].rounded())) and \(Int($0[2].rounded())) km; "
                }
                    ?? "")
                + "within 100 km \(Self.describe(placedWithin100Kilometres))",
            "Placed children held for a time without a court order (the 72-hour rule): \(Self.describe(heldWithoutOrder)); "
                + "held longer than 72 hours without one: \(heldBeyondSeventyTwoHours)",
        ]
        if let beds { lines += beds.lines }
        lines += ["", "\(olderBoysWithRefusalFlags.group):"]
        lines += Self.describe(olderBoysWithRefusalFlags).map { "  " + $0 }
        if let ratio = olderBoysAdjustedOddsRatio {
            lines.append(
                "  odds ratio adjusted for region and urgency \(FigureText.ratio(ratio)) (\(adjustedFor.count) terms besides the group)"
            )
        } else if let problem = olderBoysAdjustmentProblem {
            lines.append("  not adjusted: \(problem)")
        }
        lines.append("")
        lines.append("Each profile against everyone else:")
        for comparison in byProfile where comparison.unplaced.of > 0 {
            lines.append("  \(comparison.group): \(Self.describe(comparison).joined(separator: "; "))")
        }
        if let yearAfterReferral {
            lines.append("")
            lines += yearAfterReferral.lines
        }
        return lines
    }

    static func describe(_ comparison: Comparison) -> [String] {
        [
            "unplaced \(describe(comparison.unplaced)) against \(describe(comparison.unplacedElsewhere)) of everyone else",
            "risk ratio \(FigureText.ratio(comparison.riskRatio)), difference \(FigureText.points(comparison.riskDifference))",
        ]
    }

    static func describe(_ share: Share) -> String { FigureText.share(Proportion(share.count, of: share.of)) }

    static func decimal(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "none" }
}
