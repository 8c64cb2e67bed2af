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
            guard let child = try await store.child(id: context.referral.childID) else {
                throw AccessDenied(decision: .hidden)
            }
            let instant = now()
            var referral = context.referral
            referral.ageAtReferral = try await ageOnDateNeeded(referral, in: store)
            let homes = try await store.homes()
            let beds = try await store.beds()
            let statuses = Dictionary(
                try await store.bedStatusIntervals(at: instant).map { ($0.bedID, $0.status) },
                uniquingKeysWith: { first, _ in first })
            let already = Set(context.circulations.map(\.homeID))
            var eligible = Eligibility.homes(
                forChildOfSex: child.sex, age: referral.ageAtReferral, homes: homes, beds: beds,
                statusAt: statuses
            ).filter { !already.contains($0.id) }
            if let wave {
                let order = try await ranking(of: referral, in: store).ranked.map(\.home.id)
                let open = Set(eligible.map(\.id))
                let next = order.filter { open.contains($0) }.prefix(wave)
                eligible = next.compactMap { id in eligible.first { $0.id == id } }
            }
            guard !eligible.isEmpty else {
                throw InputErrors([
                    InputError(
                        field: "homes",
                        message: "No home it has not already gone to has a vacant bed for this child now.")
                ])
            }
            let circulations = eligible.map {
                Circulation(
                    referralID: referralID, homeID: $0.id, circulatedAt: instant,
                    respondBy: deadlines.respondBy(circulatedAt: instant, urgency: context.referral.urgency))
            }
            try await store.save(circulations: circulations)
            try await apply(.circulate, to: &referral, by: principal, in: store)
            return circulations
        }
    }
}
