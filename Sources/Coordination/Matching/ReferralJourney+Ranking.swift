import Foundation
import Matching
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// Every home ranked for the referral's child, with the parts of each score, and every
    /// excluded home with the rules that exclude it: for the coordinators.
    ///
    /// Beds are as they stand now (the calendar of future availability is still to come);
    /// residents are the children placed and not yet discharged; past offers count each home's
    /// answers to children of the same sex and age band.
    public func ranking(_ referralID: UUID, by principal: Principal) async throws -> HomeRanking.Ranking {
        let context = try await context(referralID, for: principal, .viewRanking, in: store)
        return try await ranking(of: context.referral, in: store)
    }

    /// The ranking for a referral already loaded and allowed, read through `store` (so inside
    /// the caller's transaction when there is one).
    func ranking(of referral: Referral, in store: Store) async throws -> HomeRanking.Ranking {
        let referralID = referral.id
        guard let child = try await store.child(id: referral.childID),
            let authority = try await store.localAuthorities().first(where: { $0.code == referral.localAuthorityCode })
        else { throw AccessDenied(decision: .hidden) }
        let statuses = Dictionary(
            try await store.bedStatusIntervals(at: now()).map { ($0.bedID, $0.status) },
            uniquingKeysWith: { first, _ in first })
        let bedsByHome = Dictionary(grouping: try await store.beds(), by: \.homeID)
        let referrals = Dictionary(uniqueKeysWithValues: try await store.referrals().map { ($0.id, $0) })
        let children = Dictionary(uniqueKeysWithValues: try await store.children().map { ($0.id, $0) })
        var residents: [UUID: [HomeRanking.Resident]] = [:]
        for placement in try await store.placements() where placement.dischargedAt == nil {
            guard let resident = children[placement.childID], let placed = referrals[placement.referralID] else {
                continue
            }
            residents[placement.homeID, default: []].append(
                HomeRanking.Resident(sex: resident.sex, age: placed.ageAtReferral, flags: resident.flags))
        }
        var answers: [UUID: (offers: Int, answers: Int)] = [:]
        for response in try await store.responses() where response.referralID != referralID {
            guard let answered = referrals[response.referralID], let other = children[answered.childID],
                other.sex == child.sex, answered.ageBand == referral.ageBand
            else { continue }
            answers[response.homeID, default: (0, 0)].answers += 1
            if response.isOffer { answers[response.homeID, default: (0, 0)].offers += 1 }
        }
        let homes = try await store.homes().map { home in
            HomeRanking.HomeFacts(
                home: home,
                // A bed with no recorded status is not counted as vacant.
                beds: Dictionary(
                    uniqueKeysWithValues: (bedsByHome[home.id] ?? []).compactMap { bed in
                        statuses[bed.id].map { (bed, $0) }
                    }),
                residents: residents[home.id] ?? [], pastOffers: answers[home.id]?.offers ?? 0,
                pastAnswers: answers[home.id]?.answers ?? 0)
        }
        let facts = HomeRanking.ChildFacts(
            sex: child.sex, age: referral.ageAtReferral, flags: child.flags, homeArea: authority.centroid)
        return HomeRanking.rank(facts, homes: homes)
    }
}
