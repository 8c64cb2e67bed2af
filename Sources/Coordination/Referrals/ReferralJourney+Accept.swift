import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// The authority accepts one offer. In the same transaction the bed becomes reserved and
    /// every other offer is released.
    ///
    /// The referral's lock comes first, then the bed's. Of two accepts for one referral (two
    /// tabs, a double click), the second waits for the first and then finds the referral no
    /// longer offered: `ReferralTransitionError`, with the referral's state. When two
    /// referrals accept offers of the same last bed, the second finds it reserved and gets
    /// `BedUnavailable`. Either way nothing the loser did is kept.
    public func acceptOffer(_ responseID: UUID, by principal: Principal) async throws -> Referral {
        try await store.transaction { store in
            guard let named = try await store.response(id: responseID), named.isOffer else {
                throw AccessDenied(decision: .hidden)
            }
            let context = try await context(named.referralID, for: principal, .acceptOffer, in: store)
            // Read again under the referral's lock: another accept may have released it.
            guard let offer = context.responses.first(where: { $0.id == responseID }),
                case .offer(let bedID, _) = offer.answer
            else { throw AccessDenied(decision: .hidden) }
            _ = try context.referral.state.after(.acceptOffer)
            guard offer.offerStatus == .open else {
                throw InputErrors([InputError(field: "offer", message: "This offer is no longer open.")])
            }
            let instant = now()
            var referral = context.referral
            if case .offer(_, let availableFrom) = offer.answer {
                try await checkLawful(
                    referral, admissionOn: max(availableFrom, CalendarDate(containing: instant)), in: store)
            }
            guard try await store.lockBedStatus(bedID) == .vacant else { throw BedUnavailable() }
            try await apply(.acceptOffer, to: &referral, by: principal, in: store)
            try await store.changeStatus(ofBed: bedID, to: .reserved, at: instant)
            for other in context.responses where other.id != offer.id && other.offerStatus == .open {
                try await store.setOfferStatus(.released, ofResponse: other.id)
            }
            try await store.setOfferStatus(.accepted, ofResponse: offer.id)
            return referral
        }
    }
}
