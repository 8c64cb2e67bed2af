import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// The authority's page for recording a court order after the referral was made: the orders
/// so far, and a form for the new one that re-renders with each message beside its field.
struct CourtOrderPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("referrals", ":referralID", "court-order", use: show)
        routes.post("referrals", ":referralID", "court-order", use: record)
    }

    struct Page: Encodable {
        struct Line: Encodable {
            var status: String
            var runs: String
            var recordedAt: String
        }

        var chrome: PageChrome
        var id: UUID
        var reference: String
        var orders: [Line]
        var statuses: [Choice]
        var values: ReferralJourney.CourtOrderForm
        var renewal: Bool
        var errors: [FieldErrorView]
        var messages: [String: String]
        var notice: String?
    }

    @Sendable func show(request: Request) async throws -> View {
        try await render(request, values: .init(orderStatus: nil), errors: nil)
    }

    @Sendable func record(request: Request) async throws -> Response {
        let form = try request.content.decode(ReferralJourney.CourtOrderForm.self)
        do {
            let referral = try await request.journey.recordCourtOrder(
                try request.referralID, form, by: try request.principal)
            return request.redirect(to: "/referrals/\(referral.id)/court-order?notice=recorded", redirectType: .normal)
        } catch let errors as InputErrors {
            return try await render(request, values: form, errors: errors).encodeResponse(for: request)
        }
    }

    private func render(_ request: Request, values: ReferralJourney.CourtOrderForm, errors: InputErrors?) async throws
        -> View
    {
        let principal = try request.principal
        let id = try request.referralID
        let view = try await request.journey.view(id, by: principal)
        guard view.allowedActions.contains(.recordCourtOrder) else { throw AccessDenied(decision: .forbidden) }
        let orders = try await request.journey.courtOrders(of: id, by: principal).reversed().map { recorded in
            let order = recorded.order
            var runs = "No dates"
            if let starts = order.startsOn {
                runs = "From \(starts.longForm)" + (order.endsOn.map { " to \($0.longForm)" } ?? "")
            }
            return Page.Line(
                status: order.status.name + (order.isRenewal ? " (renewal)" : ""), runs: runs,
                recordedAt: DisplayFormat.dateTime(recorded.recordedAt))
        }
        let errorViews = [FieldErrorView](errors)
        let current = values.orderStatus ?? view.referral.courtOrder.status.rawValue
        let page = Page(
            chrome: PageChrome(
                title: "Record a court order", isDemo: try await Store(request.db).holdsDemoData(),
                hasError: errors != nil, signedIn: request.signedIn),
            id: id, reference: view.referral.reference, orders: Array(orders),
            statuses: CourtOrderStatus.allCases.map {
                Choice(value: $0.code, label: $0.name, selected: $0.code == current)
            },
            values: values, renewal: values.isRenewal, errors: errorViews, messages: errorViews.byField,
            notice: (try? request.query.get(String.self, at: "notice")) == "recorded"
                ? "The court order was recorded." : nil)
        return try await request.view.render("court-order", page)
    }
}
