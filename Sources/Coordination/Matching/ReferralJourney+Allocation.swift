import Foundation
import Matching
import SecurePlaceCore
import Storage

/// A national allocation round as a coordinator sees it: the proposed pairs with their
/// reasons and runners-up, and the children it leaves without a bed.
public struct AllocationRound: Sendable {
    public struct Option: Sendable {
        public var home: SecureHome
        public var bed: Bed
        public var acceptance: Double
        public var distanceKilometres: Double
    }

    public struct Pair: Sendable {
        public var referral: Referral
        public var childPseudonym: String
        public var priority: Int
        public var chosen: Option
        public var runnersUp: [Option]
    }

    public var pairs: [Pair]
    public var unassigned: [Referral]
    public var proposal: NationalAllocation.Proposal
}

/// A confirmed pair that no longer holds: nothing was asked for any pair of the round.
public struct StaleAllocation: Error, Sendable, CustomStringConvertible {
    public var stale: [(referralID: UUID, bedID: UUID, reason: String)]

    public var description: String {
        "The proposal is out of date, so no home was asked: "
            + stale.map(\.reason).joined(separator: " ") + " Run the round again."
    }
}

extension ReferralJourney {
    /// The open referrals (submitted or circulated) against the vacant welfare beds, solved
    /// exactly (see `NationalAllocation`): a pair is eligible when the bed's home passes the
    /// child's hard rules, the bed's room has what the child's room needs, and the home has
    /// not already been asked about this referral.
    public func proposeAllocation(by principal: Principal) async throws -> AllocationRound {
        let decision = AccessPolicy.mayRunAllocation(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let instant = now()
        let facts = try await RankingFacts.load(from: store, at: instant, openReferrals: true)
        let open = facts.referrals.values.filter { $0.state == .submitted || $0.state == .circulated }
            .sorted { ($0.submittedAt ?? $0.createdAt, $0.reference) < ($1.submittedAt ?? $1.createdAt, $1.reference) }
        let homesByID = Dictionary(uniqueKeysWithValues: facts.homes.map { ($0.id, $0) })
        let beds = facts.bedsByHome.values.joined().filter {
            $0.kind.takesWelfarePlacements && facts.statuses[$0.id] == .vacant
        }
        .sorted { ($0.homeID.uuidString, $0.label) < ($1.homeID.uuidString, $1.label) }
        var children: [NationalAllocation.Child] = []
        var eligible: [UUID: [UUID: NationalAllocation.PairFacts]] = [:]
        for referral in open {
            let hours = try await timeWithoutOrder(ofChild: referral.childID, at: instant, in: store).used / 3600
            children.append(
                NationalAllocation.Child(id: referral.id, urgency: referral.urgency, hoursWithoutOrder: hours))
            // A home already asked (answered or still deciding) is not proposed again.
            let answered = Set(facts.responses.filter { $0.referralID == referral.id }.map(\.homeID))
                .union(try await store.circulations(ofReferral: referral.id).map(\.homeID))
            let ranked = Dictionary(uniqueKeysWithValues: try facts.rank(referral).ranked.map { ($0.home.id, $0) })
            for bed in beds where !answered.contains(bed.homeID) {
                guard let home = ranked[bed.homeID] else { continue }
                // The home may have a room for the child's needs, but this bed must be in it.
                guard referral.roomNeeds.isSubset(of: facts.profiles[bed.homeID]?.rooms[bed.id] ?? []) else { continue }
                eligible[referral.id, default: [:]][bed.id] = NationalAllocation.PairFacts(
                    acceptance: home.offerLikelihood, distanceKilometres: home.distanceKilometres)
            }
        }
        let proposal: NationalAllocation.Proposal
        do {
            proposal = try NationalAllocation.propose(
                children: children,
                beds: beds.map {
                    NationalAllocation.Bed(id: $0.id, homeID: $0.homeID)
                }
            ) { child, bed in eligible[child.id]?[bed.id] }
        } catch {
            throw InputErrors([InputError(field: "allocation", message: error.description)])
        }
        let bedsByID = Dictionary(uniqueKeysWithValues: beds.map { ($0.id, $0) })
        let referralsByID = Dictionary(uniqueKeysWithValues: open.map { ($0.id, $0) })
        func option(_ bedID: UUID, _ pair: NationalAllocation.PairFacts) -> AllocationRound.Option? {
            guard let bed = bedsByID[bedID], let home = homesByID[bed.homeID] else { return nil }
            return .init(home: home, bed: bed, acceptance: pair.acceptance, distanceKilometres: pair.distanceKilometres)
        }
        let pairs = proposal.pairs.compactMap { pair -> AllocationRound.Pair? in
            guard let referral = referralsByID[pair.childID], let chosen = option(pair.bedID, pair.facts) else {
                return nil
            }
            return .init(
                referral: referral, childPseudonym: facts.children[referral.childID]?.pseudonym ?? "",
                priority: children.first { $0.id == referral.id }?.priority ?? 0, chosen: chosen,
                runnersUp: pair.runnersUp.compactMap { option($0.bedID, $0.facts) })
        }
        return AllocationRound(
            pairs: pairs, unassigned: proposal.unassigned.compactMap { referralsByID[$0] }, proposal: proposal)
    }

    /// The coordinator confirms some or all pairs of a round: each chosen home is asked for an
    /// offer (the referral is circulated to it alone, with its deadline). All or nothing: when
    /// any pair no longer holds (the referral moved on, the bed was taken, the home already
    /// asked), nobody is asked and `StaleAllocation` names each such pair.
    public func confirmAllocation(_ chosen: [(referralID: UUID, bedID: UUID)], by principal: Principal) async throws
        -> [Circulation]
    {
        let decision = AccessPolicy.mayRunAllocation(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        guard !chosen.isEmpty else {
            throw InputErrors([InputError(field: "pairs", message: "Choose at least one pair to confirm.")])
        }
        return try await store.transaction { store in
            let instant = now()
            var stale: [(referralID: UUID, bedID: UUID, reason: String)] = []
            var circulations: [Circulation] = []
            var bedsTaken = Set<UUID>()
            for (referralID, bedID) in chosen {
                let context = try await context(referralID, for: principal, .circulate, in: store)
                let reference = context.referral.reference
                guard let bed = try await store.bed(id: bedID) else {
                    stale.append((referralID, bedID, "The bed proposed for \(reference) no longer exists."))
                    continue
                }
                guard (try? context.referral.state.after(.circulate)) != nil,
                    [.submitted, .circulated].contains(context.referral.state)
                else {
                    stale.append(
                        (referralID, bedID, "\(reference) is now \(context.referral.state.name.lowercased())."))
                    continue
                }
                guard try await store.lockBedStatus(bedID) == .vacant, bedsTaken.insert(bedID).inserted
                else {
                    stale.append((referralID, bedID, "\(bed.label) proposed for \(reference) is no longer vacant."))
                    continue
                }
                guard !context.circulations.contains(where: { $0.homeID == bed.homeID }) else {
                    stale.append((referralID, bedID, "\(reference) has already gone to that home."))
                    continue
                }
                var referral = context.referral
                let circulation = Circulation(
                    referralID: referralID, homeID: bed.homeID, circulatedAt: instant,
                    respondBy: deadlines.respondBy(circulatedAt: instant, urgency: referral.urgency))
                try await store.save(circulations: [circulation])
                try await apply(.circulate, to: &referral, by: principal, in: store)
                try await alertHomes(asked: [circulation], about: referral, in: store)
                circulations.append(circulation)
            }
            guard stale.isEmpty else { throw StaleAllocation(stale: stale) }
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "allocation.confirm", objectType: "allocation",
                    objectID: circulations.map(\.referralID.uuidString).joined(separator: ","), at: instant))
            return circulations
        }
    }
}
