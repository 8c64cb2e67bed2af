/// What the service tells people by e-mail, and whom. Every kind is on by default; each
/// person may switch any of theirs off on their settings page.
public enum AlertKind: String, Codable, Sendable, CaseIterable {
    /// A home has offered a bed for one of the authority's referrals.
    case offerMade = "offer-made"
    /// An open offer for one of the authority's referrals lapses within the hour unless accepted.
    case offerAboutToLapse = "offer-about-to-lapse"
    /// One of the authority's referrals has gone past a home's deadline and was escalated.
    case referralEscalated = "referral-escalated"
    /// A referral has been sent to the manager's home.
    case referralCirculated = "referral-circulated"
    /// The manager's home has less than an hour left to answer a referral.
    case answerDueSoon = "answer-due-soon"
    /// A referral has gone past a home's deadline (coordinators).
    case referralOverdue = "referral-overdue"
    /// A child held without a court order is close to the 72-hour limit.
    case nearingSeventyTwoHours = "nearing-72-hours"
    /// A child's referral was closed with no secure bed.
    case closedUnplaced = "closed-unplaced"
    /// A notice of a child placed elsewhere has arrived for the regulator.
    case regulatorNotice = "regulator-notice"

    /// The roles told of it; the organisation is narrowed by the event (the referral's
    /// authority, the home asked, the child's regulator).
    public var audience: Set<Role> {
        switch self {
        case .offerMade, .offerAboutToLapse, .referralEscalated: [.referrer, .authorityManager]
        case .referralCirculated, .answerDueSoon: [.homeManager]
        case .referralOverdue, .nearingSeventyTwoHours, .closedUnplaced: [.coordinator]
        case .regulatorNotice: [.regulator]
        }
    }

    /// As a person chooses it on the settings page.
    public var title: String {
        switch self {
        case .offerMade: "A home offers a bed for one of our referrals"
        case .offerAboutToLapse: "A home's offer for one of our referrals is about to lapse"
        case .referralEscalated: "One of our referrals is escalated because a home has not answered"
        case .referralCirculated: "A referral is sent to my home"
        case .answerDueSoon: "My home's answer to a referral is due within the hour"
        case .referralOverdue: "A referral is overdue: a home has not answered in time"
        case .nearingSeventyTwoHours: "A child is close to the 72-hour limit without a court order"
        case .closedUnplaced: "A referral is closed with the child not placed"
        case .regulatorNotice: "A notice of a child placed elsewhere arrives"
        }
    }

    /// The kinds a role may receive, in the order the settings page lists them.
    public static func kinds(for role: Role) -> [AlertKind] {
        allCases.filter { $0.audience.contains(role) }
    }
}
