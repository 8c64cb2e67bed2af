import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// The home can no longer take the child after its offer was accepted (an incident, a bed
    /// closed). The offer is marked as fallen through with the home's reasons, the bed is
    /// released (closed, when the reason is a closed bed), and the referral goes back to
    /// circulating, marked for the coordinators' attention, so that it can be circulated again
    /// or closed unplaced.
    public func recordFallThrough(
        _ offerID: UUID, reasons codes: [String], note: String?, by principal: Principal
    ) async throws -> Referral {
        try await store.transaction { store in
            guard let named = try await store.response(id: offerID), named.isOffer else {
                throw AccessDenied(decision: .hidden)
            }
            let context = try await context(named.referralID, for: principal, .recordFallThrough, in: store)
            guard let offer = context.responses.first(where: { $0.id == offerID }),
                case .offer(let bedID, _) = offer.answer
            else { throw AccessDenied(decision: .hidden) }
            var referral = context.referral
            guard offer.offerStatus == .accepted else {
                throw ReferralTransitionError(state: referral.state, event: .acceptedOfferFellThrough)
            }
            var reasons: Set<DeclineReason> = []
            for code in codes {
                guard let reason = DeclineReason(rawValue: code) else {
                    throw InputErrors([
                        InputError(field: "reasons", message: "'\(code)' is not one of the listed reasons.")
                    ])
                }
                reasons.insert(reason)
            }
            let text = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            do throws(HomeAnswerError) {
                _ = try HomeAnswer.decline(reasons: reasons, note: text).validated()
            } catch {
                throw InputErrors([
                    InputError(field: error == .noDeclineReason ? "reasons" : "note", message: error.description)
                ])
            }
            let instant = now()
            if try await store.lockBedStatus(bedID) == .reserved {
                let released: BedStatus =
                    reasons.contains(.bedClosedStaffing)
                    ? .closed(.staffing) : reasons.contains(.bedClosedRepair) ? .closed(.repair) : .vacant
                try await store.changeStatus(ofBed: bedID, to: released, at: instant)
            }
            try await store.record(FallThrough(reasons: reasons, note: text, at: instant), ofResponse: offer.id)
            referral.escalatedAt = instant
            try await apply(.acceptedOfferFellThrough, to: &referral, by: principal, in: store)
            return referral
        }
    }
}
