import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// What happened in the 12 months after referral to the children placed and to those left
    /// unplaced, nationally. Published only for a year whose referrals have all had their 12
    /// months, so every decided referral is followed and the rows add up to the outcomes table.
    static func yearAfterReferral(_ followed: [FollowedReferral], frame: Frame) -> TidyTable {
        var table = TidyTable(
            name: "year_after_referral", title: "Children in the 12 months after referral, placed or left unplaced",
            filters: [.filter("outcome", "Outcome of the referral"), .filter("child_profile", "Child's profile")],
            indicators: [
                .count("children_followed", "Children followed for 12 months from referral"),
                .count("in_custody", "Sentenced to custody or begun in a young offender institution"),
                .count("not_in_custody", "Not in custody"),
                .count("in_another_secure_home", "Placed in another secure children's home"),
                .count("not_in_another_secure_home", "Not placed in another secure children's home"),
                .count("new_placements", "Placements begun (the referral's own secure placement not counted)"),
            ],
            identities: [
                .init("children_followed", is: ["in_custody", "not_in_custody"]),
                .init("children_followed", is: ["in_another_secure_home", "not_in_another_secure_home"]),
            ])
        let years = followed.map { ($0, $0.firstYear) }
        for (outcome, wasPlaced) in [(TidyTable.total, nil), ("Placed", true), ("Closed unplaced", false)] {
            for (profile, isOlderBoy) in [(TidyTable.total, nil), (olderBoys, true), (otherChildren, false)] {
                let members = years.filter { referral, _ in
                    (wasPlaced.map { referral.wasPlaced == $0 } ?? true)
                        && (isOlderBoy.map { referral.isOlderBoyWithRefusalFlag == $0 } ?? true)
                }
                let custody = members.count { $0.1.hadCustody }
                let otherSecure = members.count { $0.1.hadOtherSecurePlacement }
                table.rows.append(
                    TidyTable.Row(
                        period: frame.periods[0], place: frame.nation, filters: [outcome, profile],
                        values: [
                            .count(members.count), .count(custody), .count(members.count - custody),
                            .count(otherSecure), .count(members.count - otherSecure),
                            .count(members.reduce(0) { $0 + $1.1.newPlacements }),
                        ]))
            }
        }
        return table
    }
}
