import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// The coordinators' warning list: children held without a court order, by time left of the
/// 72 hours the law allows.
struct WithoutOrderPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("without-order", use: page)
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var referralID: UUID
            var reference: String
            var admitted: String
            var timeLeft: String
            var used: String
            var needsAction: Bool
            var isPastLimit: Bool
        }

        var chrome: PageChrome
        var rows: [Row]
    }

    @Sendable func page(request: Request) async throws -> View {
        let rows = try await request.journey.placementsWithoutOrder(by: try request.principal).map {
            Page.Row(
                referralID: $0.referral.id, reference: $0.referral.reference,
                admitted: DisplayFormat.dateTime($0.placement.admittedAt),
                timeLeft: $0.timeLeft < 0
                    ? String(format: "Over by %.1f hours", -$0.timeLeft / 3600)
                    : String(format: "%.1f hours", $0.timeLeft / 3600),
                used: $0.time.explanation, needsAction: $0.needsAction, isPastLimit: $0.isPastLimit)
        }
        let chrome = PageChrome(
            title: "Held without a court order", isDemo: try await Store(request.db).holdsDemoData(),
            signedIn: request.signedIn)
        return try await request.view.render("without-order", Page(chrome: chrome, rows: rows))
    }
}
