import Foundation
import SecurePlaceCore
import Storage

/// A child in a secure bed before a court has authorised it, with what is left of the 72 hours.
public struct PlacementWithoutOrder: Sendable {
    public var referral: Referral
    public var placement: Placement
    public var timeLeft: TimeInterval

    /// Less than the warning margin is left, or the limit has passed.
    public var needsAction: Bool { timeLeft < SeventyTwoHourRule.warnWhenLeft }
}

extension ReferralJourney {
    /// Every child placed without a court order and still in the bed, least time left first:
    /// the coordinators' warning list.
    public func placementsWithoutOrder(by principal: Principal) async throws -> [PlacementWithoutOrder] {
        let decision = AccessPolicy.mayViewPlacementsWithoutOrder(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let instant = now()
        var found: [PlacementWithoutOrder] = []
        for placement in try await store.placements() where placement.dischargedAt == nil {
            guard let referral = try await store.referral(id: placement.referralID),
                !referral.courtOrder.status.isAuthorised
            else { continue }
            let left = SeventyTwoHourRule.timeLeft(periods: [(placement.admittedAt, nil)], at: instant)
            found.append(PlacementWithoutOrder(referral: referral, placement: placement, timeLeft: left))
        }
        return found.sorted { $0.timeLeft < $1.timeLeft }
    }
}
