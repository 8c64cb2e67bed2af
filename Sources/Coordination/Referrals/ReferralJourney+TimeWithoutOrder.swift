import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// The child's time in secure accommodation without a court order in the 28 days before
    /// `instant`: every placement under any of the child's referrals, less every period an
    /// order authorised (the orders recorded over time, and each referral's current one).
    func timeWithoutOrder(ofChild childID: UUID, at instant: Date, in store: Store) async throws -> TimeWithoutOrder {
        let stays = try await store.placements(ofChild: childID).map { (from: $0.admittedAt, to: $0.dischargedAt) }
        var orders = try await store.courtOrders(ofChild: childID).compactMap(\.order.authorisedPeriod)
        orders += try await store.referrals(ofChild: childID).compactMap(\.courtOrder.authorisedPeriod)
        return SeventyTwoHourRule.account(stays: stays, authorisedDuring: orders, at: instant)
    }
}
