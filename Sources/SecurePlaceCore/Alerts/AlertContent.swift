import Foundation

/// What one alert says about one referral. It holds the child's pseudonym and never the
/// name or date of birth: an e-mail leaves the service and may be read on any screen.
public struct AlertContent: Hashable, Sendable {
    public var kind: AlertKind
    public var referralID: UUID
    public var referralReference: String
    public var childPseudonym: String
    /// The home that offered, or that was asked.
    public var homeName: String?
    /// When the home's answer is due, or when its offer lapses.
    public var dueAt: Date?
    /// What is left of the 72 hours.
    public var timeLeft: TimeInterval?

    public init(
        kind: AlertKind, referralID: UUID, referralReference: String, childPseudonym: String,
        homeName: String? = nil, dueAt: Date? = nil, timeLeft: TimeInterval? = nil
    ) {
        self.kind = kind
        self.referralID = referralID
        self.referralReference = referralReference
        self.childPseudonym = childPseudonym
        self.homeName = homeName
        self.dueAt = dueAt
        self.timeLeft = timeLeft
    }

    public var subject: String {
        let child = "\(referralReference) (\(childPseudonym))"
        return switch kind {
        case .offerMade: "Offer of a bed for referral \(child)"
        case .offerAboutToLapse: "Offer about to lapse: referral \(child)"
        case .referralEscalated: "Referral \(child) escalated: a home has not answered"
        case .referralCirculated: "New referral for your home: \(child)"
        case .answerDueSoon: "Answer due within the hour: referral \(child)"
        case .referralOverdue: "Overdue: referral \(child)"
        case .nearingSeventyTwoHours: "72-hour limit near: referral \(child)"
        case .closedUnplaced: "Closed unplaced: referral \(child)"
        case .regulatorNotice: "Notice of a child placed elsewhere: referral \(child)"
        }
    }

    /// The plain-text body, with a link to the referral (or the notices) under `baseURL`.
    public func body(baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let link =
            kind == .regulatorNotice ? "\(base)/notifications" : "\(base)/referrals/\(referralID.uuidString)"
        let home = homeName ?? "A home"
        let what: String =
            switch kind {
            case .offerMade:
                "\(home) has offered a bed for the child \(childPseudonym). Accept it on the referral's page before it lapses."
            case .offerAboutToLapse:
                "\(home)'s offer of a bed for the child \(childPseudonym) lapses at "
                    + (dueAt.map(Self.londonTime) ?? "the end of its time") + " unless you accept it before then."
            case .referralEscalated:
                "A home has not answered the referral for the child \(childPseudonym) by its deadline. The coordinators have been told and are following it up."
            case .referralCirculated:
                "The referral for the child \(childPseudonym) has been sent to \(home)."
                    + (dueAt.map { " Please answer by \(Self.londonTime($0))." } ?? "")
            case .answerDueSoon:
                "\(home)'s answer to the referral for the child \(childPseudonym) is due by "
                    + (dueAt.map(Self.londonTime) ?? "the deadline") + ". Offer a bed or decline with reasons."
            case .referralOverdue:
                "A home has not answered the referral for the child \(childPseudonym) by its deadline."
            case .nearingSeventyTwoHours:
                "The child \(childPseudonym) is held without a court order and has "
                    + (timeLeft.map(Self.hoursAndMinutes) ?? "little") + " of the 72 hours left in the last 28 days."
            case .closedUnplaced:
                "The referral for the child \(childPseudonym) was closed without a secure bed. The regulator has been notified and follow-ups are scheduled."
            case .regulatorNotice:
                "A child (\(childPseudonym)) referred for a secure bed was placed elsewhere. The notice, with every home's reasons, is waiting for you."
            }
        return """
            \(what)

            Open it: \(link)

            You receive this because of your role in SecurePlace. Choose which alerts you receive: \(base)/settings
            """
    }

    /// "14:05 on 6 December 2026", in the time people in England and Wales read.
    static func londonTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = CalendarDate.timeZone
        formatter.dateFormat = "HH:mm 'on' d MMMM yyyy"
        return formatter.string(from: date)
    }

    static func hoursAndMinutes(_ interval: TimeInterval) -> String {
        let minutes = max(0, Int(interval / 60))
        return "\(minutes / 60) hours \(minutes % 60) minutes"
    }
}
