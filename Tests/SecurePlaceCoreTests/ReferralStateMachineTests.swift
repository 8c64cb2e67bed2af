import SecurePlaceCore
import Testing

@Suite("Referral state machine")
struct ReferralStateMachineTests {
    /// Every legal transition of PRODUCT.md capability 1, written out once by hand.
    static let legal: [ReferralState: [ReferralEvent: ReferralState]] = [
        .draft: [.requestApproval: .awaitingApproval, .submit: .submitted, .withdraw: .withdrawn],
        .awaitingApproval: [.approve: .submitted, .returnForChanges: .draft, .withdraw: .withdrawn],
        .submitted: [.circulate: .circulated, .closeUnplaced: .closedUnplaced, .withdraw: .withdrawn],
        .circulated: [
            .circulate: .circulated, .receiveDecline: .circulated, .receiveOffer: .offered,
            .closeUnplaced: .closedUnplaced, .withdraw: .withdrawn,
        ],
        .offered: [
            .circulate: .offered, .receiveDecline: .offered, .receiveOffer: .offered, .acceptOffer: .offerAccepted,
            .closeUnplaced: .closedUnplaced, .withdraw: .withdrawn, .offersLapsed: .circulated,
        ],
        .offerAccepted: [.admit: .placed, .acceptedOfferFellThrough: .circulated, .withdraw: .withdrawn],
        .placed: [:],
        .closedUnplaced: [:],
        .withdrawn: [:],
    ]

    static let everyPair: [(ReferralState, ReferralEvent)] = ReferralState.allCases.flatMap { state in
        ReferralEvent.allCases.map { (state, $0) }
    }

    @Test(
        "each state and event either moves to the listed state or is refused with a typed error", arguments: everyPair)
    func transition(state: ReferralState, event: ReferralEvent) {
        if let expected = Self.legal[state]![event] {
            #expect(throws: Never.self) { try state.after(event) }
            #expect((try? state.after(event)) == expected)
        } else {
            #expect(throws: ReferralTransitionError(state: state, event: event)) { try state.after(event) }
        }
    }

    @Test("final states accept no event")
    func finalStates() {
        for state in ReferralState.allCases where state.isFinal {
            #expect(Self.legal[state]!.isEmpty)
        }
    }

    @Test("a refused event leaves the referral unchanged and says why in words")
    func refusedEventLeavesReferral() throws {
        var referral = makeReferral(state: .placed)
        #expect(throws: ReferralTransitionError.self) { try referral.apply(.circulate) }
        #expect(referral.state == .placed)
        let error = ReferralTransitionError(state: .placed, event: .circulate)
        #expect(error.description == "A referral that is placed cannot circulate.")
    }

    @Test("a referral can go from draft to placed through approval, circulation, offer and admission")
    func happyPath() throws {
        var referral = makeReferral(state: .draft)
        for event in [
            ReferralEvent.requestApproval, .approve, .circulate, .receiveDecline, .receiveOffer, .acceptOffer, .admit,
        ] {
            try referral.apply(event)
        }
        #expect(referral.state == .placed)
    }
}
