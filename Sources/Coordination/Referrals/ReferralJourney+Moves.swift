import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// A referrer asks their manager to approve the referral.
    public func requestApproval(_ referralID: UUID, by principal: Principal) async throws -> Referral {
        try await move(referralID, .requestApproval, action: .requestApproval, by: principal)
    }

    /// A manager of the same authority approves: the referral is submitted.
    public func approve(_ referralID: UUID, by principal: Principal) async throws -> Referral {
        try await move(referralID, .approve, action: .approve, by: principal) { $0.submittedAt = now() }
    }

    /// The referrer submits directly (where the authority allows it).
    public func submit(_ referralID: UUID, by principal: Principal) async throws -> Referral {
        try await move(referralID, .submit, action: .submit, by: principal) {
            $0.submittedAt = now()
        } before: { context, store in
            try await checkDirectSubmission(of: context.referral, by: principal, in: store)
        }
    }

    /// Withdrawn with its reason; any open offer is released and any reserved bed freed.
    public func withdraw(_ referralID: UUID, reason: String, by principal: Principal) async throws -> Referral {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await move(referralID, .withdraw, action: .withdraw, by: principal) { referral in
            guard !reason.isEmpty else {
                throw InputErrors([InputError(field: "reason", message: "Say why the referral is withdrawn.")])
            }
            referral.withdrawalReason = reason
            referral.closedAt = now()
        } before: { context, store in
            // Beds before the audit trail's head, as every other change takes them, so that two
            // transactions never wait on each other; a refusal below rolls this back.
            try await releaseOffers(of: context, in: store, freeing: true)
        }
    }

    func move(
        _ referralID: UUID, _ event: ReferralEvent, action: ReferralAction, by principal: Principal,
        change: @escaping @Sendable (inout Referral) throws -> Void = { _ in },
        before: @escaping @Sendable (Context, Store) async throws -> Void = { _, _ in }
    ) async throws -> Referral {
        let submits = event == .submit || event == .approve
        // The no-offer risk reads the whole bed board and every home's history. Assessed
        // before the write transaction, writers elsewhere do not queue behind those reads; it
        // is used only if the referral is still exactly as it was read (the board may have
        // moved on by a moment, as it may by the time anyone reads the estimate).
        let assessedBefore = submits ? await noOfferRiskBefore(referralID, event, action, by: principal, change) : nil
        return try await store.transaction { store in
            let context = try await context(referralID, for: principal, action, in: store)
            try await before(context, store)
            var referral = context.referral
            // Checked after access, so someone who may not act learns nothing from a 400.
            try change(&referral)
            if submits {
                referral.ageAtReferral = try await ageOnDateNeeded(referral, in: store)
                var submitted = referral
                try submitted.apply(event)
                if let assessedBefore, assessedBefore.referral.isSameSubmission(as: submitted) {
                    if let risk = assessedBefore.risk { try await store.save(noOfferRisk: risk) }
                } else {
                    // Before the audit trail's head is taken: every change in the service
                    // queues on it, so nothing slow happens while it is held.
                    try await assessNoOfferRisk(of: submitted, in: store)
                }
            }
            try await apply(event, to: &referral, by: principal, in: store)
            return referral
        }
    }

    /// The referral as it would be submitted and its no-offer risk, read outside any
    /// transaction; nil where anything stands in the way (the transaction then says what).
    private func noOfferRiskBefore(
        _ referralID: UUID, _ event: ReferralEvent, _ action: ReferralAction, by principal: Principal,
        _ change: @Sendable (inout Referral) throws -> Void
    ) async -> (referral: Referral, risk: StoredNoOfferRisk?)? {
        do {
            var referral = try await context(referralID, for: principal, action, in: store).referral
            try change(&referral)
            referral.ageAtReferral = try await ageOnDateNeeded(referral, in: store)
            try referral.apply(event)
            return (referral, try await noOfferRisk(of: referral, in: store))
        } catch {
            return nil
        }
    }

    /// Marks every open or accepted offer released; with `freeing`, a bed reserved for the
    /// referral goes back to vacant.
    func releaseOffers(of context: Context, in store: Store, freeing: Bool) async throws {
        for response in context.responses where response.offerStatus == .open || response.offerStatus == .accepted {
            try await store.setOfferStatus(.released, ofResponse: response.id)
            if freeing, response.offerStatus == .accepted, case .offer(let bedID, _) = response.answer,
                try await store.lockBedStatus(bedID) == .reserved
            {
                try await store.changeStatus(ofBed: bedID, to: .vacant, at: now())
            }
        }
    }
}

extension ReferralJourney {
    /// A coordinator marks an open referral as escalated by hand (the background job does the
    /// same when homes miss their deadline), so it stands out in every list.
    public func escalate(_ referralID: UUID, by principal: Principal) async throws -> Referral {
        try await store.transaction { store in
            let context = try await context(referralID, for: principal, .escalate, in: store)
            var referral = context.referral
            guard !referral.state.isFinal else {
                throw ReferralTransitionError(state: referral.state, event: .circulate)
            }
            referral.escalatedAt = referral.escalatedAt ?? now()
            try await store.update(referral: referral)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "referral.escalate", objectType: "referral", objectID: referralID.uuidString,
                    at: now()))
            return referral
        }
    }
}

extension Referral {
    /// The same referral at the same step, whenever the submission's clock read.
    fileprivate func isSameSubmission(as other: Referral) -> Bool {
        var other = other
        other.submittedAt = submittedAt
        return self == other
    }
}
