/// Where a referral stands in its lifecycle (PRODUCT.md, capability 1).
///
/// Overdue is not a state: it is a referral whose homes have not answered by their deadline,
/// whatever state it is in.
public enum ReferralState: String, Codable, Sendable, CaseIterable {
    case draft
    case awaitingApproval = "awaiting-approval"
    case submitted
    case circulated
    /// At least one home has offered a bed.
    case offered
    /// The authority has accepted an offer; the bed is reserved until admission.
    case offerAccepted = "offer-accepted"
    /// The child has been admitted.
    case placed
    case closedUnplaced = "closed-unplaced"
    case withdrawn

    public var name: String {
        switch self {
        case .draft: "Draft"
        case .awaitingApproval: "Awaiting approval"
        case .submitted: "Submitted"
        case .circulated: "Circulated"
        case .offered: "Offered"
        case .offerAccepted: "Offer accepted"
        case .placed: "Placed"
        case .closedUnplaced: "Unplaced"
        case .withdrawn: "Withdrawn"
        }
    }

    /// No event moves a referral out of these states.
    public var isFinal: Bool { self == .placed || self == .closedUnplaced || self == .withdrawn }
}

/// Something that happens to a referral.
public enum ReferralEvent: String, Codable, Sendable, CaseIterable {
    case requestApproval = "request-approval"
    case approve
    case returnForChanges = "return-for-changes"
    case submit
    case circulate
    case receiveOffer = "receive-offer"
    case receiveDecline = "receive-decline"
    case acceptOffer = "accept-offer"
    /// An accepted offer could not go ahead (the bed was lost before admission).
    case acceptedOfferFellThrough = "accepted-offer-fell-through"
    case admit
    case closeUnplaced = "close-unplaced"
    case withdraw
    /// Every open offer has lapsed unaccepted: the referral is back with the homes still to answer.
    case offersLapsed = "offers-lapsed"

    public var name: String {
        switch self {
        case .requestApproval: "send for approval"
        case .approve: "approve"
        case .returnForChanges: "return for changes"
        case .submit: "submit"
        case .circulate: "circulate"
        case .receiveOffer: "receive an offer"
        case .receiveDecline: "receive a decline"
        case .acceptOffer: "accept an offer"
        case .acceptedOfferFellThrough: "release an accepted offer"
        case .admit: "admit the child"
        case .closeUnplaced: "close as unplaced"
        case .withdraw: "withdraw"
        case .offersLapsed: "let its offers lapse"
        }
    }
}

/// An event that the referral's current state does not allow.
public struct ReferralTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var state: ReferralState
    public var event: ReferralEvent

    public init(state: ReferralState, event: ReferralEvent) {
        self.state = state
        self.event = event
    }

    public var description: String {
        "A referral that is \(state.name.lowercased()) cannot \(event.name)."
    }
}

extension ReferralState {
    /// The one state machine every referral change goes through: the state after `event`,
    /// or an error saying why the event is not allowed now.
    public func after(_ event: ReferralEvent) throws(ReferralTransitionError) -> ReferralState {
        switch (self, event) {
        case (.draft, .requestApproval): return .awaitingApproval
        case (.draft, .submit): return .submitted
        case (.awaitingApproval, .approve): return .submitted
        case (.awaitingApproval, .returnForChanges): return .draft
        case (.submitted, .circulate), (.circulated, .circulate): return .circulated
        case (.offered, .circulate): return .offered
        case (.circulated, .receiveDecline): return .circulated
        case (.offered, .receiveDecline): return .offered
        case (.circulated, .receiveOffer), (.offered, .receiveOffer): return .offered
        case (.offered, .acceptOffer): return .offerAccepted
        case (.offerAccepted, .acceptedOfferFellThrough): return .circulated
        case (.offered, .offersLapsed): return .circulated
        case (.offerAccepted, .admit): return .placed
        case (.submitted, .closeUnplaced), (.circulated, .closeUnplaced), (.offered, .closeUnplaced):
            return .closedUnplaced
        case (let state, .withdraw) where !state.isFinal: return .withdrawn
        default: throw ReferralTransitionError(state: self, event: event)
        }
    }
}
