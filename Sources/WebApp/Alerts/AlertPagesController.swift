import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// Each person's choice of e-mail alerts, the coordinators' record of alerts sent, and the
/// administrators' list of failed deliveries.
struct AlertPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("settings", use: settings)
        routes.post("settings", use: saveSettings)
        routes.get("alerts", use: sentAlerts)
        routes.get("admin", "alerts", use: failedAlerts)
        routes.post("admin", "alerts", ":alertID", "retry", use: retry)
    }

    struct SettingsPage: Encodable {
        struct Row: Encodable {
            var code: String
            var title: String
            var isOn: Bool
        }

        var chrome: PageChrome
        var email: String
        var rows: [Row]
        var notice: String?
    }

    @Sendable func settings(request: Request) async throws -> View {
        let principal = try request.principal
        let choices = try await AlertSettings(store: Store(request.db), now: { request.now }).choices(of: principal)
        let email = try await Store(request.db).emailAddress(ofUser: principal.userID) ?? ""
        return try await request.view.render(
            "settings",
            SettingsPage(
                chrome: PageChrome(
                    title: "Your e-mail alerts", isDemo: try await Store(request.db).holdsDemoData(),
                    signedIn: request.signedIn),
                email: email,
                rows: choices.map { SettingsPage.Row(code: $0.kind.rawValue, title: $0.kind.title, isOn: $0.isOn) },
                notice: (try? request.query.get(String.self, at: "notice")) == "saved"
                    ? "Your choices were saved." : nil))
    }

    @Sendable func saveSettings(request: Request) async throws -> Response {
        struct Body: Content { var alerts: [String]? }
        let body = try request.content.decode(Body.self)
        try await AlertSettings(store: Store(request.db), now: { request.now })
            .save(on: body.alerts ?? [], by: try request.principal)
        return request.redirect(to: "/settings?notice=saved", redirectType: .normal)
    }

    struct AlertsPage: Encodable {
        struct Row: Encodable {
            var id: UUID
            var createdAt: String
            var kind: String
            var recipient: String
            var subject: String
            var status: String
            var attempts: Int
            var sentAt: String?
            var lastError: String?
            var nextAttempt: String?
        }

        var chrome: PageChrome
        var heading: String
        var rows: [Row]
        var total: String
        var statuses: [Choice]
        var showsFilter: Bool
        var canRetry: Bool
        var notice: String?
        var paging: Paging
    }

    @Sendable func sentAlerts(request: Request) async throws -> View {
        let status = (try? request.query.get(String.self, at: "status")).flatMap(AlertDelivery.Status.init(rawValue:))
        return try await renderAlerts(
            request, statuses: status.map { [$0] } ?? [], title: "Alerts sent", forDeliveryManagement: false,
            query: status.map { "status=\($0.rawValue)&" } ?? "")
    }

    @Sendable func failedAlerts(request: Request) async throws -> View {
        try await renderAlerts(
            request, statuses: [.failed], title: "Failed e-mail deliveries", forDeliveryManagement: true, query: "")
    }

    @Sendable func retry(request: Request) async throws -> Response {
        try await AlertSettings(store: Store(request.db), now: { request.now })
            .retry(try request.uuidParameter("alertID"), by: try request.principal)
        return request.redirect(to: "/admin/alerts?notice=retried", redirectType: .normal)
    }

    private func renderAlerts(
        _ request: Request, statuses: Set<AlertDelivery.Status>, title: String, forDeliveryManagement: Bool,
        query: String
    ) async throws -> View {
        let principal = try request.principal
        let found = try await AlertSettings(store: Store(request.db), now: { request.now }).alerts(
            withStatus: statuses, page: request.pageNumber, size: Paging.pageSize,
            forDeliveryManagement: forDeliveryManagement,
            by: principal)
        let rows = found.alerts.map { alert in
            AlertsPage.Row(
                id: alert.id, createdAt: DisplayFormat.dateTime(alert.createdAt), kind: alert.kind.title,
                recipient: alert.recipientAddress, subject: alert.subject,
                status: alert.delivery.status.rawValue, attempts: alert.delivery.attempts,
                sentAt: alert.delivery.sentAt.map(DisplayFormat.dateTime), lastError: alert.delivery.lastError,
                nextAttempt: alert.delivery.status == .pending
                    ? alert.delivery.nextAttemptAt.map(DisplayFormat.dateTime) : nil)
        }
        let choices =
            [Choice(value: "", label: "All", selected: statuses.isEmpty)]
            + AlertDelivery.Status.allCases.map {
                Choice(value: $0.rawValue, label: $0.rawValue.capitalized, selected: statuses == [$0])
            }
        return try await request.view.render(
            "alerts",
            AlertsPage(
                chrome: PageChrome(
                    title: title, isDemo: try await Store(request.db).holdsDemoData(), signedIn: request.signedIn),
                heading: title, rows: rows, total: found.total == 1 ? "1 e-mail" : "\(found.total) e-mails",
                statuses: choices, showsFilter: !forDeliveryManagement,
                canRetry: forDeliveryManagement,
                notice: (try? request.query.get(String.self, at: "notice")) == "retried"
                    ? "The e-mail is back in the outbox and will be sent within a minute." : nil,
                paging: Paging(request: request, total: found.total, query: query)))
    }
}
