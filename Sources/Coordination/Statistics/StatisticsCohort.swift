import Foundation
import SecurePlaceCore
import Statistics
import Storage

/// The referrals submitted in a period, as the statistics engine takes them: each child's
/// profile and the referral's course, never a name.
public struct StatisticsCohort: Sendable {
    let store: Store
    /// The moment the figures are made: time without an order is counted up to it.
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// Every referral submitted from `start` up to (not including) `end`.
    public func referrals(submittedFrom start: Date, before end: Date) async throws -> [CohortReferral] {
        try await referralsWithIDs(submittedFrom: start, before: end).map(\.referral)
    }

    /// A cohort member with the keys that join it to other records: the child, and the
    /// referral's reference and child's pseudonym for an extract.
    struct Entry {
        var childID: UUID
        var childPseudonym: String
        var reference: String
        var referral: CohortReferral
    }

    /// The cohort with each referral's child, for joining other records to it.
    func referralsWithIDs(submittedFrom start: Date, before end: Date) async throws -> [Entry] {
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
        let authorisations = try await courtOrderPeriodsByChild(referrals: referrals)
        let ethnicities = try await store.ethnicityByChild()
        let followUps = try await store.recordedFollowUpsByReferral()
        let followedThroughReturns = try await store.childrenWithReturnEpisodes()
        let asOf = now()
        return referrals.compactMap { referral in
            guard let submittedAt = referral.submittedAt, let child = children[referral.childID] else { return nil }
            let authority = authorities[referral.localAuthorityCode]
            let placement = placements[referral.id]
            let kilometres = placement.flatMap { placement in
                authority.flatMap { authority in
                    homes[placement.homeID].map { authority.centroid.kilometres(to: $0.location) }
                }
            }
            return Entry(
                childID: child.id, childPseudonym: child.pseudonym, reference: referral.reference,
                referral: CohortReferral(
                    submittedAt: submittedAt, regionCode: authority?.region.code ?? "unknown",
                    localAuthorityCode: referral.localAuthorityCode, legalBasis: referral.legalBasis,
                    urgency: referral.urgency, sex: child.sex, ageAtReferral: referral.ageAtReferral,
                    flags: child.flags,
                    outcome: CohortReferral.Outcome(referral.state), firstOfferAt: firstOffers[referral.id],
                    placedAt: referral.state == .placed ? placement?.admittedAt : nil,
                    closedAt: referral.state == .placed ? nil : referral.closedAt,
                    homesApproached: approaches[referral.id]?.count ?? 0, kilometresFromHome: kilometres,
                    alternative: referral.alternative, approaches: approaches[referral.id] ?? [],
                    hoursWithoutOrder: referral.state == .placed
                        ? placement.map {
                            Self.hoursWithoutOrder($0, authorisedDuring: authorisations[child.id] ?? [], asOf: asOf)
                        }
                        : nil,
                    ethnicity: ethnicities[child.id],
                    followUpChecks: followedThroughReturns.contains(child.id)
                        ? [] : (followUps[referral.id] ?? []).compactMap(Self.check))
            )
        }
    }

    /// What a recorded follow-up found, as the statistics take it.
    static func check(_ followUp: FollowUp) -> FollowUpCheck? {
        followUp.outcome.map { outcome in
            FollowUpCheck(
                dueOn: followUp.dueOn, placement: outcome.currentPlacement, movesSinceLastCheck: outcome.placementMoves,
                inCustody: outcome.inCustody)
        }
    }

    /// Bed-days by state from the first day to the last (or to now, if sooner).
    public func beds(from first: CalendarDate, through last: CalendarDate) async throws -> BedDays {
        let end = min(last.end, now())
        guard end > first.start else { return BedDays([], from: first.start, to: first.start) }
        return BedDays(
            try await store.bedStatusIntervals(overlappingFrom: first.start, to: end), from: first.start, to: end)
    }

    /// The periods a court authorised for each child: every order recorded over time and each
    /// referral's current one, as the 72-hour rule counts them.
    private func courtOrderPeriodsByChild(referrals: [Referral]) async throws -> [UUID: [(from: Date, to: Date?)]] {
        var periods: [UUID: [(from: Date, to: Date?)]] = [:]
        for recorded in try await store.courtOrders() {
            if let period = recorded.order.authorisedPeriod { periods[recorded.childID, default: []].append(period) }
        }
        for referral in referrals {
            if let period = referral.courtOrder.authorisedPeriod {
                periods[referral.childID, default: []].append(period)
            }
        }
        return periods
    }

    /// Hours of the placement's first 28 days, up to `asOf`, not covered by an order.
    static func hoursWithoutOrder(
        _ placement: Placement, authorisedDuring orders: [(from: Date, to: Date?)], asOf: Date
    ) -> Double {
        let windowEnd = placement.admittedAt.addingTimeInterval(SeventyTwoHourRule.window)
        let until = max(placement.admittedAt, min(placement.dischargedAt ?? windowEnd, windowEnd, asOf))
        let account = SeventyTwoHourRule.account(
            stays: [(from: placement.admittedAt, to: until)], authorisedDuring: orders, at: until)
        return account.used / 3_600
    }
}
