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
        let spells = try await spellsByChild(Set(cohort.map(\.childID)))
        let everyReferral = try await store.referrals()
        let submissionsByChild = Dictionary(
            grouping: everyReferral.compactMap { referral in
                referral.submittedAt.map { (childID: referral.childID, at: $0) }
            }, by: \.childID
        ).mapValues { $0.map(\.at).sorted() }

        return cohort.compactMap { entry in
            let referral = entry.referral
            guard let decidedAt = referral.decidedAt else { return nil }
            let next = submissionsByChild[entry.childID]?.first { $0 > decidedAt }
            return referral.followed(
                referredOn: CalendarDate(containing: referral.submittedAt), spells: spells[entry.childID] ?? [],
                nextReferralOn: next.map(CalendarDate.init(containing:))
            ).map { (entry.childID, referral, $0) }
        }
    }

    /// The analysts' record-level extract of the referrals submitted from `start` up to `end`:
    /// pseudonyms, never names; every home's answer; every placement of each child.
    public func extract(submittedFrom start: Date, before end: Date) async throws -> CohortExtract {
        let cohort = try await referralsWithIDs(submittedFrom: start, before: end)
        let spells = try await spellsByChild(Set(cohort.map(\.childID)))
        var spellsByPseudonym: [String: [FollowedReferral.Spell]] = [:]
        for entry in cohort { spellsByPseudonym[entry.childPseudonym] = spells[entry.childID] ?? [] }
        return CohortExtract(
            members: cohort.map { entry in
                CohortExtract.Member(
                    referral: entry.reference, child: entry.childPseudonym,
                    submittedOn: CalendarDate(containing: entry.referral.submittedAt), record: entry.referral)
            }, spellsByChild: spellsByPseudonym)
    }

    /// Each child's placements: from their authority's imported return where one is loaded,
    /// otherwise from the service's own records, never both, so that no move is counted twice.
    func spellsByChild(_ children: Set<UUID>) async throws -> [UUID: [FollowedReferral.Spell]] {
        let imported = try await store.lookedAfterEpisodesByChild()
        let ownEpisodes = Dictionary(grouping: try await store.placementEpisodes(), by: \.childID)
        var result: [UUID: [FollowedReferral.Spell]] = [:]
        for child in children {
            if let episodes = imported[child] {
                result[child] = episodes.map { episode in
                    FollowedReferral.Spell(
                        startedOn: episode.startedOn, type: episode.placement, endedOn: episode.endedOn,
                        endedInCustodySentence: episode.reasonCeased == .sentencedToCustody,
                        beginsPlacement: episode.reasonForNewEpisode.beginsPlacement)
                }
            } else {
                // A child referred more than once has each referral's episodes; the same
                // placement is counted once.
                var seen = Set<String>()
                result[child] = (ownEpisodes[child] ?? []).sorted { $0.startedOn < $1.startedOn }.compactMap {
                    episode in
                    guard seen.insert("\(episode.startedOn.iso)|\(episode.type.rawValue)").inserted else { return nil }
                    return FollowedReferral.Spell(
                        startedOn: episode.startedOn, type: episode.type, endedOn: episode.endedOn)
                }
            }
        }
        return result
    }
}
