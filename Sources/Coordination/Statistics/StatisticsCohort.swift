import Foundation
import SecurePlaceCore
import Statistics
import Storage

/// The referrals submitted in a period, as the statistics engine takes them: each child's
/// profile and the referral's course, never a name.
public struct StatisticsCohort: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Every referral submitted from `start` up to (not including) `end`.
    public func referrals(submittedFrom start: Date, before end: Date) async throws -> [CohortReferral] {
        try await referralsWithIDs(submittedFrom: start, before: end).map(\.referral)
    }

    /// The cohort with each referral's child, for joining other records to it.
    func referralsWithIDs(submittedFrom start: Date, before end: Date) async throws
        -> [(childID: UUID, referral: CohortReferral)]
    {
        let referrals = try await store.referrals().filter { referral in
            referral.submittedAt.map { $0 >= start && $0 < end } ?? false
        }
        let children = Dictionary(
            uniqueKeysWithValues: try await store.children(ids: Set(referrals.map(\.childID))).map { ($0.id, $0) })
        let authorities = Dictionary(uniqueKeysWithValues: try await store.localAuthorities().map { ($0.code, $0) })
        let homes = Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0) })
        let approaches = try await store.approachesByReferral()
        let firstOffers = try await store.firstOfferByReferral()
        let placements = Dictionary(
            try await store.placements().map { ($0.referralID, $0) }, uniquingKeysWith: { first, _ in first })
        return referrals.compactMap { referral in
            guard let submittedAt = referral.submittedAt, let child = children[referral.childID] else { return nil }
            let authority = authorities[referral.localAuthorityCode]
            let placement = placements[referral.id]
            let kilometres = placement.flatMap { placement in
                authority.flatMap { authority in
                    homes[placement.homeID].map { authority.centroid.kilometres(to: $0.location) }
                }
            }
            return (
                child.id,
                CohortReferral(
                    submittedAt: submittedAt, regionCode: authority?.region.code ?? "unknown",
                    localAuthorityCode: referral.localAuthorityCode, legalBasis: referral.legalBasis,
                    urgency: referral.urgency, sex: child.sex, ageAtReferral: referral.ageAtReferral,
                    flags: child.flags,
                    outcome: CohortReferral.Outcome(referral.state), firstOfferAt: firstOffers[referral.id],
                    placedAt: referral.state == .placed ? placement?.admittedAt : nil,
                    closedAt: referral.state == .placed ? nil : referral.closedAt,
                    homesApproached: approaches[referral.id]?.count ?? 0, kilometresFromHome: kilometres,
                    alternative: referral.alternative, approaches: approaches[referral.id] ?? [])
            )
        }
    }
}
