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
        routes.get("follow-ups", ":followUpID", use: followUpForm)
        routes.post("follow-ups", ":followUpID", use: recordFollowUp)
    }

    struct FollowUpFormPage: Encodable {
        var chrome: PageChrome
        var id: UUID
        var referralID: UUID
        var interval: String
        var dueOn: String
        var placements: [Choice]
        var errors: [FieldErrorView]
        var messages: [String: String]
        var values: ReferralJourney.FollowUpForm
    }

    @Sendable func followUpForm(request: Request) async throws -> View {
        try await renderFollowUp(
            request,
            values: .init(currentPlacement: nil, placementMoves: nil, missingEpisodes: nil, inCustody: nil, note: nil),
            errors: nil)
    }

    @Sendable func recordFollowUp(request: Request) async throws -> Response {
        struct Body: Content {
            var currentPlacement: String?
            var placementMoves: String?
            var missingEpisodes: String?
            var inCustody: String?
            var note: String?
        }
        let body = try request.content.decode(Body.self)
        var errors: [InputError] = []
        func count(_ text: String?, _ field: String) -> Int? {
            let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return 0 }
            guard let value = Int(trimmed) else {
                errors.append(InputError(field: field, message: "Enter a whole number, such as 0 or 2."))
                return nil
            }
            return value
        }
        let form = ReferralJourney.FollowUpForm(
            currentPlacement: body.currentPlacement, placementMoves: count(body.placementMoves, "placementMoves"),
            missingEpisodes: count(body.missingEpisodes, "missingEpisodes"), inCustody: body.inCustody == "yes",
            note: body.note)
        do {
            if !errors.isEmpty { throw InputErrors(errors) }
            _ = try await request.journey.record(
                form, forFollowUp: try request.uuidParameter("followUpID"), by: try request.principal)
            return request.redirect(to: "/follow-ups?notice=recorded", redirectType: .normal)
        } catch let errors as InputErrors {
            return try await renderFollowUp(request, values: form, errors: errors).encodeResponse(for: request)
        }
    }

    private func renderFollowUp(_ request: Request, values: ReferralJourney.FollowUpForm, errors: InputErrors?)
        async throws -> View
    {
        let followUp = try await request.journey.followUp(
            try request.uuidParameter("followUpID"), by: try request.principal)
        let errorViews = [FieldErrorView](errors)
        return try await request.view.render(
            "follow-up",
            FollowUpFormPage(
                chrome: PageChrome(
                    title: "Record a follow-up", isDemo: try await Store(request.db).holdsDemoData(),
                    hasError: errors != nil,
                    signedIn: request.signedIn),
                id: followUp.id, referralID: followUp.referralID, interval: followUp.interval.name,
                dueOn: followUp.dueOn.longForm,
                placements: PlacementType.allCases.map {
                    Choice(
                        value: $0.code, label: "\($0.name) (\($0.code))", selected: values.currentPlacement == $0.code)
                },
                errors: errorViews, messages: errorViews.byField, values: values))
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
            var urgentAttention: String?
            var dates: String
            var acknowledged: String?
        }

        var chrome: PageChrome
        var rows: [Row]
        var canAcknowledge: Bool
        var notice: String?
        var paging: Paging
        var statuses: [Choice]
    }

    @Sendable func inbox(request: Request) async throws -> View {
        let principal = try request.principal
        let status = (try? request.query.get(String.self, at: "status")) ?? "all"
        let notifications = try await request.journey.notifications(by: principal).filter {
            switch status {
            case "unacknowledged": $0.acknowledgedAt == nil
            case "urgent": $0.needsUrgentAttention
            default: true
            }
        }
        let paging = Paging(
            request: request, total: notifications.count,
            query: "status=\(["unacknowledged", "urgent"].contains(status) ? status : "all")&")
        let authorities = Dictionary(
            uniqueKeysWithValues: try await Store(request.db).localAuthorities().map { ($0.code, $0.name) })
        let rows = paging.slice(notifications.reversed()).map { notification in
            InboxPage.Row(
                id: notification.id, closed: DisplayFormat.dateTime(notification.closedAt),
                pseudonym: notification.childPseudonym,
                who: "\(notification.sex.name), \(notification.ageBand.name)",
                authority: authorities[notification.localAuthorityCode] ?? notification.localAuthorityCode,
                legalBasis: notification.legalBasis.name,
                homes: notification.homesApproached.map { home in
                    home.answered == false
                        ? "\(home.homeReference): did not answer"
                        : "\(home.homeReference): \(home.declineReasons.map(\.name).joined(separator: "; "))"
                },
                alternative: notification.alternative.name,
                urgentAttention: notification.urgentAttention,
                dates: Self.dates(of: notification),
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
            InboxPage(
                chrome: chrome, rows: Array(rows), canAcknowledge: principal.role == .regulator, notice: notice,
                paging: paging,
                statuses: [
                    Choice(value: "all", label: "All", selected: !["unacknowledged", "urgent"].contains(status)),
                    Choice(
                        value: "unacknowledged", label: "Not yet acknowledged", selected: status == "unacknowledged"),
                    Choice(value: "urgent", label: "For urgent attention", selected: status == "urgent"),
                ]))
    }

    /// Submitted, needed, closed and the order's dates, on one line.
    static func dates(of notification: RegulatorNotification) -> String {
        var parts = ["Submitted \(DisplayFormat.dateTime(notification.referredAt))"]
        if let needed = notification.dateNeeded { parts.append("needed \(needed.longForm)") }
        parts.append("closed \(DisplayFormat.dateTime(notification.closedAt))")
        if let order = notification.courtOrder {
            var text = order.status.name
            if let starts = order.startsOn, let ends = order.endsOn {
                text += " \(starts.longForm) to \(ends.longForm)"
            }
            parts.append(text)
        }
        return parts.joined(separator: "; ")
    }

    @Sendable func csv(request: Request) async throws -> Response {
        let text = try await request.journey.notificationsCSV(
            by: try request.principal, isDemo: try await Store(request.db).holdsDemoData())
        return .csvDownload(text, filename: "regulator-notifications.csv")
    }

    @Sendable func acknowledge(request: Request) async throws -> Response {
        try await request.journey.acknowledge(
            notification: try request.uuidParameter("notificationID"), by: try request.principal)
        return request.redirect(to: "/notifications?notice=acknowledged", redirectType: .normal)
    }

    struct FollowUpsPage: Encodable {
        struct Row: Encodable {
            var id: UUID
            var referralID: UUID
            var interval: String
            var dueOn: String
            var overdue: Bool
        }

        var chrome: PageChrome
        var rows: [Row]
        var canRecord: Bool
        var notice: String?
        var paging: Paging
        var overdueOnly: Bool
    }

    @Sendable func followUps(request: Request) async throws -> View {
        let today = CalendarDate(containing: request.now)
        let overdueOnly = (try? request.query.get(String.self, at: "due")) == "overdue"
        let all = try await request.journey.followUps(by: try request.principal).filter {
            !overdueOnly || $0.dueOn < today
        }
        let paging = Paging(request: request, total: all.count, query: overdueOnly ? "due=overdue&" : "")
        let rows = paging.slice(all).map {
            FollowUpsPage.Row(
                id: $0.id, referralID: $0.referralID, interval: $0.interval.name, dueOn: $0.dueOn.longForm,
                overdue: $0.dueOn < today)
        }
        let chrome = PageChrome(
            title: "Follow-ups", isDemo: try await Store(request.db).holdsDemoData(), signedIn: request.signedIn)
        let principal = try request.principal
        return try await request.view.render(
            "follow-ups",
            FollowUpsPage(
                chrome: chrome, rows: rows, canRecord: principal.localAuthorityCode != nil,
                notice: (try? request.query.get(String.self, at: "notice")) == "recorded"
                    ? "The follow-up was recorded." : nil,
                paging: paging, overdueOnly: overdueOnly))
    }
}
