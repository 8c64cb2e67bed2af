import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// Homes' answers to the referrals of each period and place, and the reasons the homes that
    /// said no gave, for the older boys the study found refused most and for everyone else.
    static func homeAnswers(_ cohort: [CohortReferral], frame: Frame, index: CohortIndex, asOf: Date) -> [TidyTable] {
        var answers = TidyTable(
            name: "home_answers", title: "Homes asked to take a child, and their answers",
            filters: [.filter("child_profile", "Child's profile")],
            indicators: [
                .count("homes_asked", "Homes asked (one for each home and referral)"),
                .count("offers", "Offers of a bed"),
                .count("declines", "Declines, counting a home silent past its deadline"),
                .count("not_answered", "Not answered: still within its time, or the referral settled first"),
            ],
            identities: [.init("homes_asked", is: ["offers", "declines", "not_answered"])])
        var reasons = TidyTable(
            name: "decline_reasons", title: "Declines giving each reason",
            filters: [
                .filter("child_profile", "Child's profile"),
                .filter(
                    "decline_reason", "Reason given",
                    hint: "A decline may give several reasons; the rows do not add up to the declines"),
            ],
            indicators: [.count("declines_giving_reason", "Declines giving the reason")])
        for (p, period) in frame.periods.enumerated() {
            for place in frame.places(in: p) {
                let breakdown = DeclineReasonBreakdown(index.members(place, p).map { cohort[$0] }, asOf: asOf)
                for (profile, tally) in [
                    (TidyTable.total, breakdown.everyone), (olderBoys, breakdown.olderBoysWithRefusalFlags),
                    (otherChildren, breakdown.otherChildren),
                ] {
                    answers.rows.append(
                        TidyTable.Row(
                            period: period, place: place, filters: [profile],
                            values: [
                                .count(tally.approaches), .count(tally.offers), .count(tally.declines),
                                .count(tally.approaches - tally.offers - tally.declines),
                            ]))
                    guard place.level == .national else { continue }
                    for reason in DeclineReasonBreakdown.Reason.all {
                        reasons.rows.append(
                            TidyTable.Row(
                                period: period, place: place, filters: [profile, reason.name],
                                values: [.count(tally.count(reason))]))
                    }
                }
            }
        }
        return [answers, reasons]
    }
}
