import Foundation
import SecurePlaceCore
import Statistics
import Storage

extension StatisticsCohort {
    /// Each decided referral submitted from `start` up to `end`, with what happened to the child
    /// afterwards. A child whose authority's return has been imported is followed through the
    /// return's episodes; any other child through the service's own (the follow-ups and
    /// placements recorded here), never both, so that no move is counted twice.
    public func followedReferrals(submittedFrom start: Date, before end: Date) async throws
        -> [(childID: UUID, referral: CohortReferral, followed: FollowedReferral)]
    {
        let cohort = try await referralsWithIDs(submittedFrom: start, before: end)
        let everyReferral = try await store.referrals()
        let submissionsByChild = Dictionary(
            grouping: everyReferral.compactMap { referral in
                referral.submittedAt.map { (childID: referral.childID, at: $0) }
            }, by: \.childID
        ).mapValues { $0.map(\.at).sorted() }
        let imported = try await store.lookedAfterEpisodesByChild()
        let ownEpisodes = Dictionary(grouping: try await store.placementEpisodes(), by: \.childID)

        return cohort.compactMap { entry in
            let referral = entry.referral
            let decidedAt: Date? =
                switch referral.outcome {
                case .placed: referral.placedAt
                case .closedUnplaced: referral.closedAt
                case .withdrawn, .open: nil
                }
            guard let decidedAt else { return nil }
            let spells: [FollowedReferral.Spell]
            if let episodes = imported[entry.childID] {
                spells = episodes.map { episode in
                    FollowedReferral.Spell(
                        startedOn: episode.startedOn, type: episode.placement, endedOn: episode.endedOn,
                        endedInCustodySentence: episode.reasonCeased == .sentencedToCustody,
                        beginsPlacement: episode.reasonForNewEpisode.beginsPlacement)
                }
            } else {
                // A child referred more than once has each referral's episodes; the same
                // placement is counted once.
                var seen = Set<String>()
                spells = (ownEpisodes[entry.childID] ?? []).sorted { $0.startedOn < $1.startedOn }.compactMap {
                    episode in
                    guard seen.insert("\(episode.startedOn.iso)|\(episode.type.rawValue)").inserted else { return nil }
                    return FollowedReferral.Spell(
                        startedOn: episode.startedOn, type: episode.type, endedOn: episode.endedOn)
                }
            }
            let next = submissionsByChild[entry.childID]?.first { $0 > decidedAt }
            return (
                entry.childID, referral,
                FollowedReferral(
                    wasPlaced: referral.outcome == .placed, referredOn: CalendarDate(containing: referral.submittedAt),
                    decidedOn: CalendarDate(containing: decidedAt),
                    securePlacementStartedOn: referral.placedAt.map(CalendarDate.init(containing:)), spells: spells,
                    nextReferralOn: next.map(CalendarDate.init(containing:)),
                    isOlderBoyWithRefusalFlag: referral.isOlderBoyWithRefusalFlag)
            )
        }
    }
}
