import Foundation
import SecurePlaceCore

/// The placements a child has in the months after a referral. Both placed and unplaced
/// children move often (about three new placements in the year after referral); children
/// refused a secure bed go to custody about twice as often.
struct DemoOutcomes {
    private static let reasons: [(PlacementChangeReason, Double)] = [
        (.carePlan, 0.30), (.carerRequestsEndBehaviour, 0.20), (.authorityRequestsEnd, 0.12),
        (.childRequestsEnd, 0.08), (.allegation, 0.05), (.standardsOfCareConcern, 0.05), (.custody, 0.05),
        (.carerRequestsEndOther, 0.05), (.provisionClosed, 0.03), (.other, 0.07),
    ]

    static func episodes(
        child: Child, referralID: UUID, age: Int, firstType: PlacementType, firstStart: Date, firstEnd: Date?,
        wasPlaced: Bool, until end: Date, using generator: inout some RandomNumberGenerator
    ) -> [PlacementEpisode] {
        let day = 86_400.0
        let followUpEnd = firstStart.addingTimeInterval(2 * 365 * day)
        let custodyWeight = wasPlaced ? 0.05 : 0.10
        var types: [(PlacementType, Double)] = [
            (.childrensHome, 0.35), (.fosterWithOtherCarer, 0.22), (.fosterWithRelativeOrFriend, 0.05),
            (.withParents, 0.08), (.youngOffenderInstitution, custodyWeight), (.healthEstablishment, 0.05),
            (.other, 0.08),
        ]
        if age >= 16 { types.append((.independentLiving, 0.08)) }
        // Mean gap between moves, so that about three placements start in the first year.
        let meanGap = (wasPlaced ? 220.0 : 170.0) * day

        var episodes: [PlacementEpisode] = []
        var start = firstStart
        var type = firstType
        var stop = firstEnd ?? firstStart.addingTimeInterval(generator.nextExponential(mean: meanGap))
        while start <= end && start < followUpEnd {
            let ended = stop <= end
            let reason: PlacementChangeReason =
                type == .secureChildrensHome ? .carePlan : generator.choose(weighted: Self.reasons)
            episodes.append(
                PlacementEpisode(
                    id: UUID(using: &generator), childID: child.id, referralID: referralID, type: type,
                    startedOn: CalendarDate(containing: start),
                    endedOn: ended ? CalendarDate(containing: stop) : nil, endReason: ended ? reason : nil))
            start = stop
            type = reason == .custody ? .youngOffenderInstitution : generator.choose(weighted: types)
            stop = start.addingTimeInterval(generator.nextExponential(mean: meanGap))
        }
        return episodes
    }
}
