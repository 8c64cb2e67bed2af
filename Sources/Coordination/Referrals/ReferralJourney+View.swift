import Foundation
import SecurePlaceCore
import Storage

/// A referral as one person may see it: the child's identity only when their role allows,
/// where it stands, every home it went to and each answer, and what happens next.
public struct ReferralView: Sendable {
    public struct HomeLine: Sendable {
        public var homeID: UUID
        public var homeName: String
        public var circulatedAt: Date
        public var respondBy: Date
        public var response: HomeResponse?
        public var isOverdue: Bool
    }

    public var referral: Referral
    public var child: Child
    /// Nil when the viewer may not see who the child is.
    public var identity: ChildIdentity?
    public var homes: [HomeLine]
    public var placement: Placement?
    /// For a child in, or about to enter, a secure bed that no court order covers today: what
    /// is left of the 72 hours in any 28 days (negative once overrun), across every stay.
    public var timeLeftWithoutOrder: TimeInterval? { timeWithoutOrder?.left }
    public var timeWithoutOrder: TimeWithoutOrder?
    /// What the authority must do about the court order, when it must do something.
    public var orderAdvice: String?
    public var nextStep: String
    /// The risk of no offer assessed at submission, for the coordinators only.
    public var noOfferRisk: AssessedNoOfferRisk?
    /// What the viewer may do now: allowed by the access policy and by the state machine.
    public var allowedActions: Set<ReferralAction>
}

/// One line of a referral's timeline: what happened, who did it, when.
public struct TimelineEntry: Sendable, Equatable {
    public var action: String
    public var by: String
    public var at: Date
}

extension ReferralJourney {
    public func view(_ referralID: UUID, by principal: Principal) async throws -> ReferralView {
        // Read as one consistent picture without queueing behind the service's writers; the
        // read of the child's identity is then audited before anyone is shown it.
        let view = try await store.readTransaction { store in try await readView(referralID, by: principal, in: store) }
        if view.identity != nil {
            try await store.appendReadAudit(
                AuditEntry(
                    by: principal, action: "child-identity.read", objectType: "referral",
                    objectID: referralID.uuidString, at: now()))
        }
        return view
    }

    private func readView(_ referralID: UUID, by principal: Principal, in store: Store) async throws -> ReferralView {
        let context = try await context(referralID, for: principal, .view, in: store)
        guard let child = try await store.child(id: context.referral.childID) else {
            throw AccessDenied(decision: .hidden)
        }
        var identity: ChildIdentity?
        if AccessPolicy.decide(principal, .viewIdentity, on: context.facts) == .allowed {
            identity = try await store.childIdentity(childID: child.id)
        }
        let names = Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0.name) })
        let instant = now()
        // A home sees its own answer; the other homes' answers and reasons are for the
        // authority, the coordinators and the regulator.
        let ownHome = principal.homeReference
        let visible = context.circulations.filter { circulation in
            principal.role != .homeManager || context.homeReferences[circulation.homeID] == ownHome
        }
        let lines = visible.map { circulation in
            let response = context.responses.first { $0.homeID == circulation.homeID }
            return ReferralView.HomeLine(
                homeID: circulation.homeID, homeName: names[circulation.homeID] ?? "Unknown home",
                circulatedAt: circulation.circulatedAt, respondBy: circulation.respondBy, response: response,
                isOverdue: response == nil && circulation.respondBy < instant && !context.referral.state.isFinal)
        }
        let placement = try await store.placement(ofReferral: referralID)
        var withoutOrder: TimeWithoutOrder?
        let heldOrAboutToBe =
            context.referral.state == .offerAccepted || (placement != nil && placement?.dischargedAt == nil)
        if heldOrAboutToBe, !context.referral.courtOrder.authorises(on: CalendarDate(containing: instant)) {
            withoutOrder = try await timeWithoutOrder(ofChild: child.id, at: instant, in: store)
        }
        return ReferralView(
            referral: context.referral, child: child, identity: identity, homes: lines, placement: placement,
            timeWithoutOrder: withoutOrder,
            orderAdvice: withoutOrder.map { Self.orderAdvice($0, placed: placement != nil) },
            nextStep: Self.nextStep(context.referral, lines, responses: context.responses),
            noOfferRisk: AccessPolicy.mayViewChildrenAtRisk(principal) == .allowed
                ? try await store.noOfferRisk(ofReferral: referralID).map(Self.decode) : nil,
            allowedActions: try await Self.allowedActions(principal, context, placement: placement, in: store))
    }

    static func allowedActions(_ principal: Principal, _ context: Context, placement: Placement?, in store: Store)
        async throws
        -> Set<ReferralAction>
    {
        let events: [ReferralAction: ReferralEvent] = [
            .requestApproval: .requestApproval, .approve: .approve, .submit: .submit, .circulate: .circulate,
            .respond: .receiveOffer, .acceptOffer: .acceptOffer, .recordAdmission: .admit,
            .closeUnplaced: .closeUnplaced,
            .withdraw: .withdraw,
        ]
        var allowed: Set<ReferralAction> = []
        for (action, event) in events
        where AccessPolicy.decide(principal, action, on: context.facts) == .allowed
            && (try? context.referral.state.after(event)) != nil
        {
            allowed.insert(action)
        }
        if allowed.contains(.respond), let reference = principal.homeReference,
            let home = try await store.home(reference: reference),
            context.responses.contains(where: { $0.homeID == home.id })
        {
            allowed.remove(.respond)
        }
        if AccessPolicy.decide(principal, .escalate, on: context.facts) == .allowed, !context.referral.state.isFinal,
            context.referral.escalatedAt == nil
        {
            allowed.insert(.escalate)
        }
        if allowed.contains(.submit),
            (try? await Self.directSubmissionAllowed(context.referral, principal, store)) == false
        {
            allowed.remove(.submit)
        }
        if AccessPolicy.decide(principal, .recordCourtOrder, on: context.facts) == .allowed,
            context.referral.state != .withdrawn, context.referral.state != .closedUnplaced
        {
            allowed.insert(.recordCourtOrder)
        }
        if AccessPolicy.decide(principal, .viewRanking, on: context.facts) == .allowed, !context.referral.state.isFinal,
            context.referral.state != .draft, context.referral.state != .awaitingApproval
        {
            allowed.insert(.viewRanking)
        }
        if AccessPolicy.decide(principal, .recordFallThrough, on: context.facts) == .allowed,
            context.referral.state == .offerAccepted
        {
            allowed.insert(.recordFallThrough)
        }
        if let placement, placement.dischargedAt == nil,
            AccessPolicy.decide(principal, .recordDischarge, on: context.facts) == .allowed
        {
            allowed.insert(.recordDischarge)
        }
        return allowed
    }

    static func directSubmissionAllowed(_ referral: Referral, _ principal: Principal, _ store: Store) async throws
        -> Bool
    {
        if principal.role != .referrer { return true }
        return try await store.submissionRule(forAuthority: referral.localAuthorityCode) == .direct
    }

    static func orderAdvice(_ time: TimeWithoutOrder, placed: Bool) -> String {
        if time.isExhausted {
            return placed
                ? "The 72 hours allowed without a court order have been used. The authority must obtain an order now and record it here; without one the child cannot lawfully be kept in secure accommodation."
                : "The 72 hours allowed without a court order have been used: the child cannot be admitted until the authority records an order."
        }
        let hours = Int((time.left / 3600).rounded(.down))
        if time.isCloseToLimit {
            return
                "Only \(hours) hours are left without a court order: the authority must apply to the court now and record the order when it is made."
        }
        return
            "No court order covers today: the child may be held for \(hours) more hours without one. Record the order when the court makes it."
    }

    static func nextStep(_ referral: Referral, _ homes: [ReferralView.HomeLine], responses: [HomeResponse]) -> String {
        let waiting = homes.count { $0.response == nil }
        if referral.state == .circulated,
            let fallen = responses.filter({ $0.fellThrough != nil }).max(by: { $0.fellThrough!.at < $1.fellThrough!.at }
            ),
            let reasons = fallen.fellThrough?.reasons.sorted().map(\.name)
        {
            return
                "The accepted offer fell through (\(reasons.joined(separator: "; "))): the coordinators circulate the referral again, or the authority closes it unplaced."
        }
        switch referral.state {
        case .draft: return "The referrer completes the referral and sends it for approval or submits it."
        case .awaitingApproval: return "A manager of the authority approves it or returns it for changes."
        case .submitted: return "The coordinators circulate it to the homes that can take the child."
        case .circulated:
            return waiting > 0
                ? "Waiting for \(waiting) of \(homes.count) homes to answer."
                : "Every home has declined: the coordinators circulate it again or the authority closes it unplaced."
        case .offered: return "The authority accepts an offer."
        case .offerAccepted: return "The home records the child's admission."
        case .placed: return "The child is placed. Follow-ups continue for 12 months."
        case .closedUnplaced: return "The regulator has been notified; follow-ups continue for 12 months."
        case .withdrawn: return "Withdrawn: \(referral.withdrawalReason ?? "")"
        }
    }

    /// The referrals the principal may see, newest first, a page at a time.
    /// With `queue`, only open referrals, the longest waiting first: the coordinators' queue.
    public func list(
        by principal: Principal, state stateCode: String? = nil, queue: Bool = false, page: Int = 1, pageSize: Int = 25
    ) async throws -> (referrals: [Referral], total: Int) {
        let decision = AccessPolicy.mayListReferrals(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        var state: ReferralState?
        if let stateCode, !stateCode.isEmpty {
            guard let parsed = ReferralState(rawValue: stateCode) else {
                throw InputErrors([InputError(field: "state", message: "'\(stateCode)' is not a referral state.")])
            }
            state = parsed
        }
        let offset = PageNumber.offset(ofPage: page, size: pageSize)
        switch principal.role {
        case .referrer, .authorityManager:
            return try await store.referrals(
                ofAuthority: principal.localAuthorityCode, state: state, offset: offset, limit: pageSize)
        case .homeManager:
            guard let reference = principal.homeReference, let home = try await store.home(reference: reference) else {
                return ([], 0)
            }
            return try await store.referrals(
                circulatedToHome: home.id, state: state, openOnlyOldestFirst: queue, offset: offset, limit: pageSize)
        case .coordinator:
            return try await store.referrals(state: state, openOnlyOldestFirst: queue, offset: offset, limit: pageSize)
        case .regulator, .analyst, .admin:
            throw AccessDenied(decision: .forbidden)
        }
    }

    /// Each event of the referral's life, who did it and when. Reads of identity are not
    /// listed here; they are in the audit trail.
    public func timeline(_ referralID: UUID, by principal: Principal) async throws -> [TimelineEntry] {
        _ = try await context(referralID, for: principal, .view, in: store)
        let users = Dictionary(uniqueKeysWithValues: try await store.users().map { ($0.id, $0.displayName) })
        return try await store.auditEvents(about: referralID.uuidString)
            .filter { $0.entry.action.hasPrefix("referral.") }
            .map { event in
                TimelineEntry(
                    action: String(event.entry.action.dropFirst("referral.".count)),
                    by: event.entry.userID.flatMap { users[$0] } ?? "SecurePlace", at: event.entry.occurredAt)
            }
    }

    /// Regulator notifications: a regulator sees its own; coordinators see all.
    public func notifications(by principal: Principal) async throws -> [RegulatorNotification] {
        let decision = AccessPolicy.mayListNotifications(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        return try await store.notifications().filter {
            AccessPolicy.mayReadNotification(principal, for: $0.regulator) == .allowed
        }
    }
}
