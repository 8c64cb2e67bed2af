import Foundation
import SecurePlaceCore

/// What every page's layout needs: its title, whether the data is the synthetic demo, and
/// who is signed in (with the CSRF token the sign-out form carries).
struct PageChrome: Encodable {
    var title: String
    var isDemo: Bool
    /// Starts the browser tab title with "Error:" when the page shows a validation error.
    var hasError = false
    /// Such as "Coordinator, National Secure Welfare Coordination".
    var signedInAs: String?
    var csrfToken: String?
    /// The sections this person's role may use.
    var navigation: [NavigationLink] = []
    /// Reloads the page after this many seconds: progress of a long run without JavaScript.
    var refreshSeconds: Int?

    init(title: String, isDemo: Bool, hasError: Bool = false, signedIn: SignedInRequest? = nil) {
        self.title = title
        self.isDemo = isDemo
        self.hasError = hasError
        signedInAs = signedIn.map { "\($0.principal.role.name), \($0.principal.organisation.name)" }
        csrfToken = signedIn?.csrfToken
        navigation = signedIn.map { NavigationLink.links(for: $0.principal.role) } ?? []
    }
}

struct NavigationLink: Encodable {
    var href: String
    var text: String

    static func links(for role: Role) -> [NavigationLink] {
        var links = [NavigationLink(href: "/", text: "Bed board")]
        switch role {
        case .referrer, .authorityManager:
            links += [
                .init(href: "/referrals", text: "Referrals"), .init(href: "/referrals/new", text: "New referral"),
                .init(href: "/follow-ups", text: "Follow-ups"),
                .init(href: "/exclusions", text: "Homes not used"),
            ]
        case .homeManager:
            links += [
                .init(href: "/your-home", text: "Your home's beds"),
                .init(href: "/referrals", text: "Referrals to your home"),
            ]
        case .coordinator:
            links += [
                .init(href: "/referrals?queue=1", text: "Queue"), .init(href: "/referrals", text: "Referrals"),
                .init(href: "/follow-ups", text: "Follow-ups"),
                .init(href: "/notifications", text: "Regulator notifications"),
                .init(href: "/without-order", text: "Without a court order"),
                .init(href: "/at-risk", text: "At risk of no offer"),
                .init(href: "/allocation", text: "Allocation"),
                .init(href: "/matching/model", text: "Acceptance model"),
                .init(href: "/planning", text: "Capacity planning"),
                .init(href: "/alerts", text: "Alerts sent"),
            ]
        case .regulator:
            links += [
                .init(href: "/notifications", text: "Notifications"),
                .init(href: "/statistics/published", text: "Published statistics"),
            ]
        case .admin:
            links += [
                .init(href: "/admin/users", text: "Organisations and accounts"),
                .init(href: "/admin/alerts", text: "Failed e-mails"),
            ]
        case .analyst:
            links += [
                .init(href: "/planning", text: "Capacity planning"),
                .init(href: "/matching/model", text: "Acceptance model"),
                .init(href: "/linkage/reviews", text: "Linkage review"),
                .init(href: "/statistics", text: "Statistics"),
            ]
        }
        if !AlertKind.kinds(for: role).isEmpty { links.append(.init(href: "/settings", text: "Your alerts")) }
        return links
    }
}

/// Dates and times as people in England and Wales read them, in Europe/London.
enum DisplayFormat {
    static func dateTime(_ instant: Date) -> String {
        let day = CalendarDate(containing: instant)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = CalendarDate.timeZone
        formatter.dateFormat = "HH:mm"
        return "\(day.longForm), \(formatter.string(from: instant))"
    }

    static func sexesAndAges(sexes: [Sex], minimumAge: Int, maximumAge: Int) -> String {
        let who =
            switch Set(sexes) {
            case [.female]: "Girls"
            case [.male]: "Boys"
            default: "Girls and boys"
            }
        return "\(who), \(minimumAge) to \(maximumAge)"
    }
}
