import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// A coordinator sends the referral to every eligible home it has not yet gone to: homes
    /// registered for the child's sex and age with a vacant welfare bed now. Each home must
    /// answer by the deadline its urgency sets.
    public func circulate(_ referralID: UUID, by principal: Principal) async throws -> [Circulation] {
        try await store.transaction { store in
            let context = try await context(referralID, for: principal, .circulate, in: store)
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
            let eligible = Eligibility.homes(
                forChildOfSex: child.sex, age: referral.ageAtReferral, homes: homes, beds: beds,
                statusAt: statuses
            ).filter { !already.contains($0.id) }
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
