import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// The authority accepts one offer. In the same transaction the bed becomes reserved and
    /// every other offer is released. When two accept the same last bed at once, the second
    /// finds it reserved and gets `BedUnavailable`; nothing it did is kept.
    public func acceptOffer(_ responseID: UUID, by principal: Principal) async throws -> Referral {
        try await store.transaction { store in
            guard let offer = try await store.response(id: responseID), case .offer(let bedID, _) = offer.answer else {
                throw AccessDenied(decision: .hidden)
            }
            let context = try await context(offer.referralID, for: principal, .acceptOffer, in: store)
            guard offer.offerStatus == .open else {
                throw InputErrors([InputError(field: "offer", message: "This offer is no longer open.")])
            }
            let instant = now()
            var referral = context.referral
            guard try await store.lockBedStatus(bedID, at: instant) == .vacant else { throw BedUnavailable() }
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
