import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// Referrals placed and closed unplaced by the child's profile, and the children closed
    /// unplaced by where they went instead.
    static func referralOutcomes(_ cohort: [CohortReferral], frame: Frame, index: CohortIndex) -> Publication {
        // The few facts the tables count, read from each referral once.
        var outcomeOf: [CohortReferral.Outcome] = []
        var isOlderBoy: [Bool] = []
        var alternativeOf: [AlternativeAccommodation] = []
        outcomeOf.reserveCapacity(cohort.count)
        isOlderBoy.reserveCapacity(cohort.count)
        alternativeOf.reserveCapacity(cohort.count)
        for referral in cohort {
            outcomeOf.append(referral.outcome)
            isOlderBoy.append(referral.isOlderBoyWithRefusalFlag)
            alternativeOf.append(referral.alternative ?? .otherOrNotKnown)
        }
        var outcomes = TidyTable(
            name: "referral_outcomes",
            title: "Referrals for a secure children's home place that were placed or closed unplaced",
            filters: [.filter("child_profile", "Child's profile")],
            indicators: decidedIndicators, identities: [decidedIdentity])
        // Each profile by whether it takes the older boys, the others, or both.
        let profiles: [(String, Bool?)] = [(TidyTable.total, nil), (olderBoys, true), (otherChildren, false)]
        var alternatives = TidyTable(
            name: "unplaced_alternatives", title: "Children closed unplaced, by where they went instead",
            filters: [.filter("alternative", "Where the child went instead")],
            indicators: [.count("children_closed_unplaced", "Children closed unplaced")])
        for (p, period) in frame.periods.enumerated() {
            // Quarters nationally, and authorities for every child only: by quarter, or by
            // profile in an authority, nearly every count is small, and what hides them would
            // hide the larger figures too.
            for place in frame.places(in: p) + (p == 0 ? frame.localAuthorities : []) {
                let here = index.members(place, p)
                for (profile, includes) in place.level == .localAuthority ? [profiles[0]] : profiles {
                    var placed = 0
                    var closedUnplaced = 0
                    for index in here where includes.map({ isOlderBoy[index] == $0 }) ?? true {
                        switch outcomeOf[index] {
                        case .placed: placed += 1
                        case .closedUnplaced: closedUnplaced += 1
                        case .withdrawn, .open: break
                        }
                    }
                    outcomes.rows.append(
                        TidyTable.Row(
                            period: period, place: place, filters: [profile],
                            values: decidedValues(placed: placed, closedUnplaced: closedUnplaced)))
                }
                guard place.level != .localAuthority else { continue }
                var went: [AlternativeAccommodation: Int] = [:]
                var unplaced = 0
                for index in here where outcomeOf[index] == .closedUnplaced {
                    unplaced += 1
                    went[alternativeOf[index], default: 0] += 1
                }
                alternatives.rows.append(
                    TidyTable.Row(period: period, place: place, filters: [TidyTable.total], values: [.count(unplaced)]))
                for alternative in AlternativeAccommodation.allCases {
                    let went = went[alternative] ?? 0
                    alternatives.rows.append(
                        TidyTable.Row(period: period, place: place, filters: [alternative.name], values: [.count(went)])
                    )
                }
            }
        }
        return Publication(
            tables: [outcomes, alternatives],
            links: [
                .init(
                    "unplaced_alternatives", "children_closed_unplaced", equals: "referral_outcomes", "closed_unplaced")
            ])
    }

    /// Placed or closed unplaced, placed, closed unplaced, and the share closed unplaced: the
    /// indicators of every table of outcomes.
    static let decidedIndicators: [TidyTable.Column] = [
        .count("decided", "Placed or closed unplaced"), .count("placed", "Placed"),
        .count("closed_unplaced", "Closed unplaced"),
        .percent("unplaced_percent", "Closed unplaced, % of placed or closed unplaced"),
    ]
    static let decidedIdentity = TidyTable.Identity("decided", is: ["placed", "closed_unplaced"])

    static func decidedValues(placed: Int, closedUnplaced: Int) -> [TidyTable.Value] {
        [
            .count(placed + closedUnplaced), .count(placed), .count(closedUnplaced),
            .percent(numerator: "closed_unplaced", denominator: "decided"),
        ]
    }
}
