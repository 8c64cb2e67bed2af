import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// Every referral submitted, and how many have been decided (placed or closed unplaced)
    /// and how many withdrawn or still open, nationally for the year and each quarter and by
    /// region for the year. Withdrawn and still open are one count: each is small on its own,
    /// and hiding it would hide the decided counts beside it.
    static func referralsSubmitted(_ cohort: [CohortReferral], frame: Frame, index: CohortIndex) -> TidyTable {
        var table = TidyTable(
            name: "referrals", title: "Referrals submitted for a secure children's home place",
            filters: [],
            indicators: [
                .count("referrals", "Referrals submitted"), .count("decided", "Placed or closed unplaced"),
                .count("withdrawn_or_open", "Withdrawn, or still open at the date of the figures"),
            ],
            identities: [.init("referrals", is: ["decided", "withdrawn_or_open"])])
        for (p, period) in frame.periods.enumerated() {
            for place in frame.places(in: p) {
                let here = index.members(place, p)
                let decided = here.count { cohort[$0].isDecided }
                table.rows.append(
                    TidyTable.Row(
                        period: period, place: place, filters: [],
                        values: [.count(here.count), .count(decided), .count(here.count - decided)]))
            }
        }
        return table
    }
}
