import Foundation
import SecurePlaceCore

/// The placements a child has in the months after a referral. Both placed and unplaced
/// children move often (about three new placements in the year after referral); children
/// refused a secure bed go to custody about twice as often.
struct DemoOutcomes {
    /// How a placement ends. A move into custody has no reason code of its own in the return
    /// (domain.md §5): it is recorded as OTHER, and the next episode is in custody.
    private struct Ending {
        var reason: PlacementChangeReason
        var intoCustody = false
    }

    private static let endings: [(Ending, Double)] = [
        (.init(reason: .carePlan), 0.30), (.init(reason: .carerRequestsEndBehaviour), 0.20),
        (.init(reason: .authorityRequestsEnd), 0.12), (.init(reason: .childRequestsEnd), 0.08),
        (.init(reason: .allegation), 0.05), (.init(reason: .standardsOfCareConcern), 0.05),
        (.init(reason: .other, intoCustody: true), 0.05), (.init(reason: .carerRequestsEndOther), 0.05),
        (.init(reason: .provisionClosed), 0.03), (.init(reason: .other), 0.07),
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
            let ending =
                type == .secureChildrensHome ? Ending(reason: .carePlan) : generator.choose(weighted: Self.endings)
            let reason = ending.reason
            episodes.append(
                PlacementEpisode(
                    id: UUID(using: &generator), childID: child.id, referralID: referralID, type: type,
                    startedOn: CalendarDate(containing: start),
                    endedOn: ended ? CalendarDate(containing: stop) : nil, endReason: ended ? reason : nil))
            start = stop
            type = ending.intoCustody ? .youngOffenderInstitution : generator.choose(weighted: types)
            stop = start.addingTimeInterval(generator.nextExponential(mean: meanGap))
        }
        return episodes
    }
}
