import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// A court order as the authority types it in: where it stands, its dates, and whether it
    /// renews an earlier order.
    public struct CourtOrderForm: Codable, Sendable {
        public var orderStatus: String?
        public var orderStartsOn: String?
        public var orderEndsOn: String?
        /// "true" (or a ticked box's "on") for a further order under reg 12.
        public var renewal: String?

        public init(
            orderStatus: String?, orderStartsOn: String? = nil, orderEndsOn: String? = nil, renewal: String? = nil
        ) {
            self.orderStatus = orderStatus
            self.orderStartsOn = orderStartsOn
            self.orderEndsOn = orderEndsOn
            self.renewal = renewal
        }

        public var isRenewal: Bool { CourtOrderForm.isTicked(renewal) }

        /// A checkbox's or a JSON field's "yes": `true`, `on` (a ticked box) or `yes`.
        static func isTicked(_ text: String?) -> Bool { ["true", "on", "yes"].contains((text ?? "").lowercased()) }
    }

    /// The authority records an application, an interim order or a full order at any time
    /// while the referral is open or the child is placed. The order's history is kept; from the
    /// order's start the 72-hour clock stops.
    public func recordCourtOrder(_ referralID: UUID, _ form: CourtOrderForm, by principal: Principal) async throws
        -> Referral
    {
        try await store.transaction { store in
            let context = try await context(referralID, for: principal, .recordCourtOrder, in: store)
            var referral = context.referral
            guard referral.state != .withdrawn, referral.state != .closedUnplaced else {
                throw InputErrors([
                    InputError(
                        field: "orderStatus", message: "The referral is closed: there is no placement to authorise.")
                ])
            }
            let instant = now()
            let today = CalendarDate(containing: instant)
            let order = try Self.validatedOrder(form)
            guard
                let authority = try await store.localAuthorities().first(where: {
                    $0.code == referral.localAuthorityCode
                })
            else { throw AccessDenied(decision: .hidden) }
            let problems = CourtOrderRules.problems(
                route: referral.legalBasis, order: order, country: authority.country,
                dateNeeded: max(referral.dateNeeded, today), today: today)
            guard problems.isEmpty else {
                throw InputErrors(problems.map { InputError(field: $0.field, message: $0.message) })
            }
            referral.courtOrder = order
            try await store.update(referral: referral)
            try await store.save(courtOrders: [
                RecordedCourtOrder(
                    id: UUID(), referralID: referral.id, childID: referral.childID, order: order, recordedAt: instant,
                    recordedBy: principal.userID)
            ])
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "referral.court-order", objectType: "referral",
                    objectID: referral.id.uuidString, at: instant))
            return referral
        }
    }

    /// The orders recorded for a referral, oldest first, for whoever may see the referral.
    public func courtOrders(of referralID: UUID, by principal: Principal) async throws -> [RecordedCourtOrder] {
        _ = try await context(referralID, for: principal, .view, in: store)
        return try await store.courtOrders(ofReferral: referralID)
    }

    static func validatedOrder(_ form: CourtOrderForm) throws(InputErrors) -> CourtOrder {
        var errors: [InputError] = []
        let status = CourtOrderStatus(rawValue: form.orderStatus ?? "")
        if status == nil {
            errors.append(InputError(field: "orderStatus", message: "Select where the court order stands."))
        }
        let starts = InputError.day(form.orderStartsOn, field: "orderStartsOn", into: &errors)
        let ends = InputError.day(form.orderEndsOn, field: "orderEndsOn", into: &errors)
        guard errors.isEmpty, let status else { throw InputErrors(errors) }
        return CourtOrder(status: status, startsOn: starts, endsOn: ends, isRenewal: form.isRenewal)
    }
}
