import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// The regulator's inbox of unplaced children, the CSV export, and authorities' follow-ups.
struct NotificationPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("notifications", use: inbox)
        routes.get("notifications.csv", use: csv)
        routes.post("notifications", ":notificationID", "acknowledge", use: acknowledge)
        routes.get("follow-ups", use: followUps)
    }

    struct InboxPage: Encodable {
        struct Row: Encodable {
            var id: UUID
            var closed: String
            var pseudonym: String
            var who: String
            var authority: String
            var legalBasis: String
            var homes: [String]
            var alternative: String
            var acknowledged: String?
        }

        var chrome: PageChrome
        var rows: [Row]
        var canAcknowledge: Bool
        var notice: String?
    }

    @Sendable func inbox(request: Request) async throws -> View {
        let principal = try request.principal
        let notifications = try await request.journey.notifications(by: principal)
        let authorities = Dictionary(
            uniqueKeysWithValues: try await Store(request.db).localAuthorities().map { ($0.code, $0.name) })
        let rows = notifications.reversed().map { notification in
            InboxPage.Row(
                id: notification.id, closed: DisplayFormat.dateTime(notification.closedAt),
                pseudonym: notification.childPseudonym,
                who: "\(notification.sex.name), \(notification.ageBand.name)",
                authority: authorities[notification.localAuthorityCode] ?? notification.localAuthorityCode,
                legalBasis: notification.legalBasis.name,
                homes: notification.homesApproached.map { home in
                    "\(home.homeReference): \(home.declineReasons.map(\.name).joined(separator: "; "))"
                },
                alternative: notification.alternative.name,
                acknowledged: notification.acknowledgedAt.map(DisplayFormat.dateTime))
        }
        let chrome = PageChrome(
            title: "Notifications of unplaced children", isDemo: try await Store(request.db).holdsDemoData(),
            signedIn: request.signedIn)
        let notice =
            (try? request.query.get(String.self, at: "notice")) == "acknowledged"
            ? "The notification was acknowledged." : nil
        return try await request.view.render(
            "notifications",
            InboxPage(chrome: chrome, rows: Array(rows), canAcknowledge: principal.role == .regulator, notice: notice))
    }

    @Sendable func csv(request: Request) async throws -> Response {
        let text = try await request.journey.notificationsCSV(
            by: try request.principal, isDemo: try await Store(request.db).holdsDemoData())
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "regulator-notifications.csv")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    @Sendable func acknowledge(request: Request) async throws -> Response {
        try await request.journey.acknowledge(
            notification: try request.uuidParameter("notificationID"), by: try request.principal)
        return request.redirect(to: "/notifications?notice=acknowledged", redirectType: .normal)
    }

    struct FollowUpsPage: Encodable {
        struct Row: Encodable {
            var referralID: UUID
            var interval: String
            var dueOn: String
            var overdue: Bool
        }

        var chrome: PageChrome
        var rows: [Row]
    }

    @Sendable func followUps(request: Request) async throws -> View {
        let today = CalendarDate(containing: request.now)
        let rows = try await request.journey.followUps(by: try request.principal).map {
            FollowUpsPage.Row(
                referralID: $0.referralID, interval: $0.interval.name, dueOn: $0.dueOn.longForm,
                overdue: $0.dueOn < today)
        }
        let chrome = PageChrome(
            title: "Follow-ups", isDemo: try await Store(request.db).holdsDemoData(), signedIn: request.signedIn)
        return try await request.view.render("follow-ups", FollowUpsPage(chrome: chrome, rows: rows))
    }
}
