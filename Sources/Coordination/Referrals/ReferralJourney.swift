import Foundation
import SecurePlaceCore
import Storage

/// The referral journey's use cases. Each runs as one transaction with its audit event,
/// and asks the access policy before it reads or changes anything.
public struct ReferralJourney: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date
    public let deadlines: ResponseDeadlines
    public let tokens: SecretTokens
    /// Where the e-mails that changes cause are queued; nil writes none (the demo's history).
    public let alerts: AlertOutbox?

    public init(
        store: Store, now: @escaping @Sendable () -> Date = { Date() }, deadlines: ResponseDeadlines = .standard,
        tokens: SecretTokens = .system, alerts: AlertOutbox? = .localDefault
    ) {
        self.store = store
        self.now = now
        self.deadlines = deadlines
        self.tokens = tokens
        self.alerts = alerts
    }

    /// Everything access depends on, with the referral.
    struct Context {
        var referral: Referral
        var circulations: [Circulation]
        var responses: [HomeResponse]
        var homeReferences: [UUID: String]
        var facts: ReferralAccessFacts
    }

    /// Loads a referral and checks the principal may do `action` to it: `AccessDenied` when
    /// not (hidden: as if it did not exist).
    ///
    /// Any action but viewing changes the referral, so it first takes the referral's row lock:
    /// of two changes at once (two accepts of different offers, an accept and a withdrawal)
    /// the second waits, then reads the referral as the first left it and is refused by the
    /// state machine or the offer's status.
    func context(_ referralID: UUID, for principal: Principal, _ action: ReferralAction, in store: Store) async throws
        -> Context
    {
        let found =
            action.changesReferral && store.database.inTransaction
            ? try await store.lockReferral(id: referralID) : try await store.referral(id: referralID)
        guard let referral = found else { throw AccessDenied(decision: .hidden) }
        let circulations = try await store.circulations(ofReferral: referralID)
        let responses = try await store.responses(toReferral: referralID)
        let homeReferences = Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0.reference) })
        let placedWith: String? =
            if let placement = try await store.placement(ofReferral: referralID) {
                homeReferences[placement.homeID]
            } else {
                responses.first { $0.offerStatus == .accepted }.flatMap { homeReferences[$0.homeID] }
            }
        let facts = ReferralAccessFacts(
            localAuthorityCode: referral.localAuthorityCode,
            circulatedTo: Set(circulations.compactMap { homeReferences[$0.homeID] }),
            offeredBy: Set(responses.filter(\.isLiveOffer).compactMap { homeReferences[$0.homeID] }),
            placedWith: placedWith
        )
        let decision = AccessPolicy.decide(principal, action, on: facts)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        return Context(
            referral: referral, circulations: circulations, responses: responses, homeReferences: homeReferences,
            facts: facts)
    }

    /// Moves the referral through the state machine, saves it and audits the change.
    func apply(_ event: ReferralEvent, to referral: inout Referral, by principal: Principal, in store: Store)
        async throws
    {
        try referral.apply(event)
        try await store.update(referral: referral)
        try await store.appendAudit(
            AuditEntry(
                by: principal, action: "referral.\(event.rawValue)", objectType: "referral",
                objectID: referral.id.uuidString, at: now()))
    }
}
