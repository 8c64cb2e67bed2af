import Foundation
import Matching
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// Every home ranked for the referral's child, with the parts of each score, and every
    /// excluded home with the rules that exclude it: for the coordinators.
    ///
    /// Beds are as they will stand on the date needed: today's board, projected forward by the
    /// out-of-service records and the discharges homes expect; residents are the children placed
    /// and not yet discharged; past offers count each home's answers to children of the same sex
    /// and age band.
    public func ranking(_ referralID: UUID, by principal: Principal) async throws -> HomeRanking.Ranking {
        let context = try await context(referralID, for: principal, .viewRanking, in: store)
        return try await ranking(of: context.referral, in: store)
    }

    /// The ranking for a referral already loaded and allowed, read through `store` (so inside
    /// the caller's transaction when there is one).
    func ranking(of referral: Referral, in store: Store) async throws -> HomeRanking.Ranking {
        try await RankingFacts.load(from: store, at: now(), including: [referral]).rank(referral)
    }
}

/// What ranking needs from the database, read once so that many referrals can be ranked
/// against the same picture (an allocation round ranks every open referral).
struct RankingFacts {
    var homes: [SecureHome]
    var bedsByHome: [UUID: [Bed]]
    var statuses: [UUID: BedStatus]
    var today: CalendarDate
    var outages: [BedOutage]
    /// The day each occupied bed's child is expected to leave, when the home has said.
    var leaving: [UUID: CalendarDate]
    /// The referrals being ranked (with `openReferrals`, every open one) and those of the
    /// children placed now.
    var referrals: [UUID: Referral]
    var children: [UUID: Child]
    var centroids: [String: Coordinate]
    var residents: [UUID: [HomeRanking.Resident]]
    /// Every home's answers by the child's sex and age band, all referrals together.
    var answerTallies: [AnswerTallyKey: (offers: Int, answers: Int)]
    /// The answers to the referrals being ranked.
    var responses: [HomeResponse]
    /// The acceptance model in use, when one has been fitted.
    var model: AcceptanceModel?
    var profiles: [UUID: HomeMatchingProfile] = [:]
    /// Each authority's homes it does not use, with the reason.
    var authorityExclusions: [String: [UUID: String]] = [:]

    struct AnswerTallyKey: Hashable {
        var homeID: UUID
        var sex: Sex
        var ageBand: AgeBand
    }

    /// The picture at `instant` for ranking the referrals in `ranked` (as the caller holds
    /// them, so one being submitted in the caller's transaction is ranked as submitted) and,
    /// with `openReferrals`, every referral submitted or circulated: an allocation round's.
    static func load(
        from store: Store, at instant: Date, including ranked: [Referral] = [], openReferrals: Bool = false
    ) async throws -> RankingFacts {
        var referrals: [UUID: Referral] = [:]
        if openReferrals {
            for referral in try await store.referrals(inStates: [.submitted, .circulated]) {
                referrals[referral.id] = referral
            }
        }
        for referral in ranked { referrals[referral.id] = referral }
        let answered = Array(referrals.keys)
        let open = try await store.openPlacements()
        for resident in try await store.referrals(ids: Set(open.map(\.referralID)).subtracting(referrals.keys)) {
            referrals[resident.id] = resident
        }
        let children = Dictionary(
            uniqueKeysWithValues: try await store.children(ids: Set(referrals.values.map(\.childID))).map {
                ($0.id, $0)
            })
        var residents: [UUID: [HomeRanking.Resident]] = [:]
        for placement in open {
            guard let resident = children[placement.childID], let placed = referrals[placement.referralID] else {
                continue
            }
            residents[placement.homeID, default: []].append(
                HomeRanking.Resident(sex: resident.sex, age: placed.ageAtReferral, flags: resident.flags))
        }
        var tallies: [AnswerTallyKey: (offers: Int, answers: Int)] = [:]
        for tally in try await store.answerTallies() {
            let key = AnswerTallyKey(homeID: tally.homeID, sex: tally.sex, ageBand: AgeBand(age: tally.ageAtReferral))
            tallies[key, default: (0, 0)].offers += tally.offers
            tallies[key, default: (0, 0)].answers += tally.answers
        }
        return RankingFacts(
            homes: try await store.homes(), bedsByHome: Dictionary(grouping: try await store.beds(), by: \.homeID),
            statuses: Dictionary(
                try await store.bedStatusIntervals(at: instant).map { ($0.bedID, $0.status) },
                uniquingKeysWith: { first, _ in first }),
            today: CalendarDate(containing: instant),
            outages: try await store.outages(notEndedBefore: CalendarDate(containing: instant)),
            leaving: Dictionary(
                open.compactMap { placement in placement.expectedDischargeOn.map { (placement.bedID, $0) } },
                uniquingKeysWith: { first, _ in first }),
            referrals: referrals, children: children,
            centroids: Dictionary(
                uniqueKeysWithValues: try await store.localAuthorities().map { ($0.code, $0.centroid) }),
            residents: residents, answerTallies: tallies, responses: try await store.responses(toReferrals: answered),
            model: try await AcceptanceModels.latest(in: store)?.model,
            profiles: Dictionary(uniqueKeysWithValues: try await store.profiles().map { ($0.homeID, $0) }),
            authorityExclusions: Dictionary(grouping: try await store.authorityExclusions(), by: \.localAuthorityCode)
                .mapValues { Dictionary($0.map { ($0.homeID, $0.reason) }, uniquingKeysWith: { first, _ in first }) })
    }

    func rank(_ referral: Referral) throws -> HomeRanking.Ranking {
        guard let child = children[referral.childID], let centroid = centroids[referral.localAuthorityCode] else {
            throw AccessDenied(decision: .hidden)
        }
        // Every other child's answers: the referral's own are taken back out of the tallies.
        var answers: [UUID: (offers: Int, answers: Int)] = [:]
        for home in homes {
            answers[home.id] =
                answerTallies[AnswerTallyKey(homeID: home.id, sex: child.sex, ageBand: referral.ageBand)] ?? (0, 0)
        }
        if let stored = referrals[referral.id], let storedChild = children[stored.childID],
            storedChild.sex == child.sex, stored.ageBand == referral.ageBand
        {
            for response in responses where response.referralID == referral.id {
                answers[response.homeID, default: (0, 0)].answers -= 1
                if response.isOffer { answers[response.homeID, default: (0, 0)].offers -= 1 }
            }
        }
        let facts = homes.map { home in
            var facts = HomeRanking.HomeFacts(
                home: home,
                // A bed with no recorded status is not counted as vacant.
                beds: Dictionary(
                    uniqueKeysWithValues: (bedsByHome[home.id] ?? []).compactMap { bed in
                        status(of: bed, on: referral.dateNeeded).map { (bed, $0) }
                    }),
                residents: residents[home.id] ?? [], pastOffers: answers[home.id]?.offers ?? 0,
                pastAnswers: answers[home.id]?.answers ?? 0, profile: profiles[home.id],
                authorityExclusion: authorityExclusions[referral.localAuthorityCode]?[home.id])
            facts.offerLikelihood = model.map { $0.probability(of: question(referral, child, home, centroid)) }
            return facts
        }
        return HomeRanking.rank(
            HomeRanking.ChildFacts(
                sex: child.sex, age: referral.ageAtReferral, flags: child.flags, homeArea: centroid,
                roomNeeds: referral.roomNeeds),
            homes: facts)
    }

    /// The bed's status now or, for a later day, as projected for that day.
    func status(of bed: Bed, on day: CalendarDate) -> BedStatus? {
        guard let now = statuses[bed.id] else { return nil }
        guard day > today else { return now }
        return BedAvailability.status(
            of: BedAvailability.BedToday(bed: bed, status: now, expectedDischargeOn: leaving[bed.id]), on: day,
            today: today, outages: outages)
    }

    /// What the home would be asked about the child today, for the acceptance model.
    func question(_ referral: Referral, _ child: Child, _ home: SecureHome, _ centroid: Coordinate) -> OfferQuestion {
        let beds = (bedsByHome[home.id] ?? []).filter(\.kind.takesWelfarePlacements)
        let inUse = beds.count { statuses[$0.id] == .occupied || statuses[$0.id] == .reserved }
        return OfferQuestion(
            home: home, sex: child.sex, age: referral.ageAtReferral, flags: child.flags, urgency: referral.urgency,
            homeArea: centroid, welfareBeds: beds.count, welfareBedsInUse: inUse, residents: residents[home.id] ?? [])
    }

    /// The chance that none of the homes that can take the child offers, from the model in
    /// use; nil before any model has been fitted.
    func noOfferRisk(_ referral: Referral) throws -> NoOfferRisk? {
        guard let model, let child = children[referral.childID], let centroid = centroids[referral.localAuthorityCode]
        else { return nil }
        let eligible = try rank(referral).ranked.map(\.home)
        return NoOfferRisk.assess(eligible.map { question(referral, child, $0, centroid) }, with: model)
    }
}
