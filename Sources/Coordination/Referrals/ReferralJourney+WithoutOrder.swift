import Foundation
import SecurePlaceCore
import Storage

/// A child in a secure bed that no court order covers today, with the child's time without
/// an order in the last 28 days across every stay, and what is left of the 72 hours.
public struct PlacementWithoutOrder: Sendable {
    public var referral: Referral
    public var placement: Placement
    public var time: TimeWithoutOrder

    public var timeLeft: TimeInterval { time.left }
    /// Less than the warning margin is left, or the limit has passed.
    public var needsAction: Bool { time.isCloseToLimit }
    public var isPastLimit: Bool { time.isExhausted }
}

extension ReferralJourney {
    /// Every child in a secure bed without a court order in force today, least time left
    /// first: the coordinators' warning list.
    public func placementsWithoutOrder(by principal: Principal) async throws -> [PlacementWithoutOrder] {
        let decision = AccessPolicy.mayViewPlacementsWithoutOrder(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        return try await placementsWithoutOrder(at: now())
    }

    func placementsWithoutOrder(at instant: Date) async throws -> [PlacementWithoutOrder] {
        let today = CalendarDate(containing: instant)
        var found: [PlacementWithoutOrder] = []
        for placement in try await store.placements() where placement.dischargedAt == nil {
            guard let referral = try await store.referral(id: placement.referralID),
                !referral.courtOrder.authorises(on: today)
            else { continue }
            let time = try await timeWithoutOrder(ofChild: placement.childID, at: instant, in: store)
            found.append(PlacementWithoutOrder(referral: referral, placement: placement, time: time))
        }
        return found.sorted { $0.timeLeft < $1.timeLeft }
    }
}
