import CapacityPlanning
import Foundation
import SecurePlaceCore
import Storage

/// Reads the service's history as the facts the capacity model is calibrated from. It sees
/// no names: only regions, authority centroids, child profiles, dates and answers.
public struct ReadPlanningHistory: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    static func declinedOnlyForLackOfBeds(_ response: HomeResponse) -> Bool {
        guard case .decline(let reasons, _) = response.answer else { return false }
        return reasons.allSatisfy(\.isAboutBeds)
    }

    /// History from the first submitted referral (or the last `months` months) to now.
    public func callAsFunction(months: Int? = nil) async throws -> PlanningHistory {
        let end = now()
        let authorities = Dictionary(uniqueKeysWithValues: try await store.localAuthorities().map { ($0.code, $0) })
        let children = Dictionary(uniqueKeysWithValues: try await store.children().map { ($0.id, $0) })
        let referrals = try await store.referrals().filter { $0.submittedAt != nil }
        let earliest = referrals.compactMap(\.submittedAt).min() ?? end
        let start =
            months.map { Calendar(identifier: .gregorian).date(byAdding: .month, value: -$0, to: end)! }
            .map { max($0, earliest) } ?? earliest
        func days(_ instant: Date) -> Double { instant.timeIntervalSince(start) / 86_400 }

        var profiles: [UUID: ChildProfile] = [:]
        var facts: [PlanningHistory.Referral] = []
        for referral in referrals {
            guard let child = children[referral.childID], let authority = authorities[referral.localAuthorityCode]
            else { continue }
            let profile = ChildProfile(
                route: .welfare, sex: child.sex, ageBand: referral.ageBand,
                hasFlagAssociatedWithRefusal: !child.flags.isDisjoint(with: NeedFlag.associatedWithRefusal))
            profiles[referral.id] = profile
            guard let submitted = referral.submittedAt, submitted >= start else { continue }
            facts.append(
                .init(
                    region: authority.region.name, origin: authority.centroid, profile: profile,
                    day: days(submitted)))
        }

        let homes = try await store.homes()
        let homeNames = Dictionary(uniqueKeysWithValues: homes.map { ($0.id, $0.name) })
        let allResponses = try await store.responses()
        // How far circulation reaches shows in referrals no home offered to: a placed child's
        // referral stops being circulated once an offer is accepted.
        let unplaced = Set(referrals.filter { $0.state == .closedUnplaced }.map(\.id))
        var approached: [UUID: Int] = [:]
        for response in allResponses where unplaced.contains(response.referralID) && response.respondedAt >= start {
            guard !Self.declinedOnlyForLackOfBeds(response) else { continue }
            approached[response.referralID, default: 0] += 1
        }
        let responses: [PlanningHistory.Response] = allResponses.compactMap { response in
            guard response.respondedAt >= start, let profile = profiles[response.referralID],
                let home = homeNames[response.homeID]
            else { return nil }
            return .init(
                home: home, profile: profile, offered: response.isOffer,
                declinedOnlyForLackOfBeds: Self.declinedOnlyForLackOfBeds(response))
        }
        let stays: [PlanningHistory.Stay] = try await store.placements().compactMap { placement in
            guard (placement.dischargedAt ?? end) >= start else { return nil }
            let until = placement.dischargedAt ?? end
            return .init(
                days: until.timeIntervalSince(placement.admittedAt) / 86_400, hasEnded: placement.dischargedAt != nil)
        }
        return PlanningHistory(
            observedDays: days(end), regions: Region.allCases.map(\.name), referrals: facts, stays: stays,
            responses: responses, homes: try await homeFacts(homes, from: start, to: end),
            homesApproachedPerReferral: Array(approached.values))
    }

    /// Each home's beds open on an average day: registered beds less the time they spent closed.
    private func homeFacts(_ homes: [SecureHome], from start: Date, to end: Date) async throws -> [PlanningHistory.Home]
    {
        let beds = try await store.beds()
        let period = max(end.timeIntervalSince(start), 1)
        var closedShare: [UUID: Double] = [:]
        for interval in try await store.bedStatusIntervals(overlappingFrom: start, to: end) {
            guard case .closed = interval.status else { continue }
            let overlap = min(interval.to ?? end, end).timeIntervalSince(max(interval.from, start))
            closedShare[interval.bedID, default: 0] += max(overlap, 0) / period
        }
        return homes.map { home in
            let own = beds.filter { $0.homeID == home.id }
            func open(_ kind: BedKind) -> Double {
                own.filter { $0.kind == kind }.reduce(0) { $0 + max(0, 1 - (closedShare[$1.id] ?? 0)) }
            }
            return PlanningHistory.Home(
                name: home.name, region: home.region.name, location: home.location, openWelfareBeds: open(.welfare),
                openJusticeBeds: open(.justice), openFlexibleBeds: open(.either), registeredBeds: own.count,
                acceptedSexes: home.acceptedSexes, ages: home.ages)
        }
    }
}
