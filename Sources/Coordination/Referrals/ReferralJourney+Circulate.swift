import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// A coordinator sends the referral to every eligible home it has not yet gone to: homes
    /// registered for the child's sex and age with a vacant welfare bed now. Each home must
    /// answer by the deadline its urgency sets.
    ///
    /// With `wave`, only to that many of those homes, the best ranked first (see
    /// `HomeRanking`); circulating again widens to the next ones.
    public func circulate(_ referralID: UUID, wave: Int? = nil, by principal: Principal) async throws
        -> [Circulation]
    {
        try await store.transaction { store in
            let context = try await context(referralID, for: principal, .circulate, in: store)
            if let wave, !(1...50).contains(wave) {
                throw InputErrors([InputError(field: "wave", message: "Circulate to between 1 and 50 homes at a time.")]
                )
            }
            // A referral that cannot be circulated now says so before homes are looked at.
            _ = try context.referral.state.after(.circulate)
            var referral = context.referral
            let circulations = try await circulateNext(&referral, wave: wave, asked: context.circulations, in: store)
            // A well-formed request that the beds of the moment cannot satisfy: 409, as for any
            // other conflict with the state of things; the form shows it beside the field.
            guard !circulations.isEmpty else {
                throw InputErrors(
                    [
                        InputError(
                            field: "homes",
                            message: "No home it has not already gone to has a vacant bed for this child now.")
                    ], isConflict: true)
            }
            // Waves widen by themselves from now on; a broadcast stops them.
            try await store.setWaveSize(wave, ofReferral: referralID, at: now())
            try await apply(.circulate, to: &referral, by: principal, in: store)
            return circulations
        }
    }

    /// Asks the next homes: every home the ranking holds eligible with a vacant welfare bed now,
    /// not already asked, or with `wave` only that many of them, the best ranked first. Saves
    /// their circulations and returns them (none when no home is left).
    func circulateNext(_ referral: inout Referral, wave: Int?, asked: [Circulation], in store: Store) async throws
        -> [Circulation]
    {
        guard let child = try await store.child(id: referral.childID) else { throw AccessDenied(decision: .hidden) }
        let instant = now()
        referral.ageAtReferral = try await ageOnDateNeeded(referral, in: store)
        let statuses = Dictionary(
            try await store.bedStatusIntervals(at: instant).map { ($0.bedID, $0.status) },
            uniquingKeysWith: { first, _ in first })
        let already = Set(asked.map(\.homeID))
        let open = Set(
            Eligibility.homes(
                forChildOfSex: child.sex, age: referral.ageAtReferral, homes: try await store.homes(),
                beds: try await store.beds(), statusAt: statuses
            ).map(\.id)
        ).subtracting(already)
        // The ranking's hard rules (a home's stated exclusions, the authority's own) hold for a
        // broadcast too; its order matters only for waves.
        let ranked = try await ranking(of: referral, in: store).ranked.map(\.home.id).filter { open.contains($0) }
        let chosen = wave.map { Array(ranked.prefix($0)) } ?? ranked
        let circulations = chosen.map {
            Circulation(
                referralID: referral.id, homeID: $0, circulatedAt: instant,
                respondBy: deadlines.respondBy(circulatedAt: instant, urgency: referral.urgency))
        }
        try await store.save(circulations: circulations)
        try await alertHomes(asked: circulations, about: referral, in: store)
        return circulations
    }

    /// Tells each home's managers that the referral has been sent to it, in the transaction
    /// that sends it.
    func alertHomes(asked circulations: [Circulation], about referral: Referral, in store: Store) async throws {
        guard let alerts, !circulations.isEmpty else { return }
        let homes = Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0) })
        for circulation in circulations {
            guard let home = homes[circulation.homeID] else { continue }
            try await alerts.queue(
                .referralCirculated, about: referral, event: "\(referral.id.uuidString)/\(home.id.uuidString)",
                to: home.reference, homeName: home.name, dueAt: circulation.respondBy, at: circulation.circulatedAt,
                in: store)
        }
    }
}
