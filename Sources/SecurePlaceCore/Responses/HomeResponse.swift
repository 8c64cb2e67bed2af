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
    /// For an offer: whether it is still open, accepted, released or fell through. Nil for a decline.
    public var offerStatus: OfferStatus?
    /// Why an accepted offer could not go ahead, when it fell through.
    public var fellThrough: FallThrough?

    public init(
        id: UUID, referralID: UUID, homeID: UUID, answer: HomeAnswer, respondedAt: Date,
        offerStatus: OfferStatus? = nil,
        fellThrough: FallThrough? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.homeID = homeID
        self.answer = answer
        self.respondedAt = respondedAt
        self.offerStatus = offerStatus ?? (answer.isOffer ? .open : nil)
        self.fellThrough = fellThrough
    }

    public var isOffer: Bool { answer.isOffer }

    /// An offer the home still stands behind: open, accepted, or (once admitted) the placement's.
    public var isLiveOffer: Bool { offerStatus == .open || offerStatus == .accepted }
}

/// A home's reasons for no longer taking a child after its offer was accepted, from the
/// decline reasons' list (domain.md §4), with a note.
public struct FallThrough: Hashable, Codable, Sendable {
    public var reasons: Set<DeclineReason>
    public var note: String
    public var at: Date

    public init(reasons: Set<DeclineReason>, note: String, at: Date) {
        self.reasons = reasons
        self.note = note
        self.at = at
    }
}
