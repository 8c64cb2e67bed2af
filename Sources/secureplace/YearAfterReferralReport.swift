import Coordination
import Foundation
import SecurePlaceCore
import Statistics

/// The year after referral as the summary command prints it, in words or as JSON.
struct YearAfterReferralReport: Encodable {
    struct Group: Encodable {
        var childrenFollowedAYear: Int
        var newPlacements: Int
        var newPlacementsPerChild: IntervalEstimate?
        var custody: HeadlineReport.Share
        var otherSecurePlacement: HeadlineReport.Share
        var decidedReferrals: Int
        var referredAgain: Int
        var reReferredWithinAYear: IntervalEstimate

        init(_ group: YearAfterReferral.Group) {
            childrenFollowedAYear = group.childrenFollowedAYear
            newPlacements = group.newPlacements
            newPlacementsPerChild = group.newPlacementsPerChild
            custody = HeadlineReport.Share(group.custody)
            otherSecurePlacement = HeadlineReport.Share(group.otherSecurePlacement)
            decidedReferrals = group.reReferral.observations
            referredAgain = group.reReferral.events
            reReferredWithinAYear = group.reReferredWithinAYear
        }
    }

    var placed: Group
    var unplaced: Group
    var olderBoysWithRefusalFlags: Group

    init(_ figures: YearAfterReferral) {
        placed = Group(figures.placed)
        unplaced = Group(figures.unplaced)
        olderBoysWithRefusalFlags = Group(figures.olderBoysWithRefusalFlags)
    }

    var lines: [String] {
        let groups = [
            ("placed", placed), ("left unplaced", unplaced), (PublicationTables.olderBoys, olderBoysWithRefusalFlags),
        ]
        var lines = [
            "The 12 months after referral (children whose referral was at least a year ago; followed through their "
                + "authority's imported SSDA903 return where one is loaded, otherwise the service's own records):"
        ]
        for (name, group) in groups {
            lines.append("  \(name) (\(group.childrenFollowedAYear) children):")
            lines.append(
                "    new placements per child \(FigureText.rate(group.newPlacementsPerChild)) (\(group.newPlacements) in all)"
            )
            lines.append("    in custody \(HeadlineReport.describe(group.custody))")
            lines.append("    in another secure children's home \(HeadlineReport.describe(group.otherSecurePlacement))")
            // With no re-referral the estimate is 0 with no width to it: say so in words.
            lines.append(
                group.referredAgain == 0
                    ? "    referred again: none of \(group.decidedReferrals) decided referrals"
                    : "    referred again within a year of the decision (Kaplan–Meier, \(group.decidedReferrals) decided, "
                        + "\(group.referredAgain) referred again) \(FigureText.percent(group.reReferredWithinAYear))")
        }
        return lines
    }
}
