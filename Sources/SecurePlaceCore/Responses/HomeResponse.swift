import Foundation

/// A home's answer to a referral circulated to it.
public enum HomeAnswer: Hashable, Codable, Sendable {
    /// A named bed from a date.
    case offer(bedID: UUID, availableFrom: CalendarDate)
    case decline(reasons: Set<DeclineReason>, note: String)

    public var isOffer: Bool {
        if case .offer = self { return true }
        return false
    }

    /// Checks a decline has at least one reason and that "other" comes with a note.
    public func validated() throws(HomeAnswerError) -> HomeAnswer {
        guard case .decline(let reasons, let note) = self else { return self }
        if reasons.isEmpty { throw .noDeclineReason }
        if reasons.contains(.other) && note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .otherReasonWithoutNote
        }
        return self
    }
}

public enum HomeAnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    case noDeclineReason
    case otherReasonWithoutNote

    public var description: String {
        switch self {
        case .noDeclineReason: "Select at least one reason for declining."
        case .otherReasonWithoutNote: "Say in the note why the referral is declined when the reason is other."
        }
    }
}

/// One home's response to one referral, when it was given.
public struct HomeResponse: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var referralID: UUID
    public var homeID: UUID
    public var answer: HomeAnswer
    public var respondedAt: Date
    /// For an offer: whether it is still open, accepted or released. Nil for a decline.
    public var offerStatus: OfferStatus?

    public init(
        id: UUID, referralID: UUID, homeID: UUID, answer: HomeAnswer, respondedAt: Date, offerStatus: OfferStatus? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.homeID = homeID
        self.answer = answer
        self.respondedAt = respondedAt
        self.offerStatus = offerStatus ?? (answer.isOffer ? .open : nil)
    }

    public var isOffer: Bool { answer.isOffer }
}
