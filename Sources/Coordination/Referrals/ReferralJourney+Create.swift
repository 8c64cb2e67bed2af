import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// A referrer starts a referral for a child of their own authority. It is saved as a draft.
    /// A child the authority has referred before (the same case reference and date of birth)
    /// keeps one record, so that the 72 hours without an order and outcomes follow the child.
    public func create(_ form: ReferralForm, by principal: Principal) async throws -> Referral {
        guard let code = principal.localAuthorityCode,
            AccessPolicy.mayCreateReferral(principal, forAuthority: code) == .allowed
        else { throw AccessDenied(decision: .forbidden) }
        guard let authority = try await store.localAuthorities().first(where: { $0.code == code }) else {
            throw AccessDenied(decision: .forbidden)
        }
        let instant = now()
        let valid = try form.validated(for: authority, today: CalendarDate(containing: instant))
        // Two creators starting a year's numbers at once, or a child's first two referrals made
        // at once: the database refuses the second, which then tries again.
        for attempt in 1... {
            do {
                // Taken in a short transaction of its own, committed before the one that saves
                // the referral (see the store); on SQLite it queues for the write lock.
                let year = CalendarDate(containing: instant).year
                let reference = try await store.transaction { try await $0.takeReferralReference(year: year) }
                return try await save(valid, reference: reference, for: code, by: principal, at: instant)
            } catch  where attempt < 5 && Store.isUniqueViolation(error) {
                continue
            }
        }
        preconditionFailure("unreachable")
    }

    private func save(
        _ valid: ValidReferral, reference: String, for code: String, by principal: Principal, at instant: Date
    ) async throws
        -> Referral
    {
        try await store.transaction { store in
            let known = try await store.child(
                ofAuthority: code, localAuthorityReference: valid.localAuthorityReference,
                dateOfBirth: valid.dateOfBirth)
            let childID = known?.id ?? UUID()
            let child = Child(
                id: childID,
                pseudonym: known?.pseudonym ?? "C-" + String(tokens.make().uppercased().filter(\.isLetter).prefix(8)),
                sex: valid.sex, localAuthorityCode: code, flags: valid.flags)
            let identity = ChildIdentity(
                childID: childID, givenName: valid.givenName, familyName: valid.familyName,
                dateOfBirth: valid.dateOfBirth,
                localAuthorityReference: valid.localAuthorityReference)
            if known == nil {
                try await store.save(children: [child], identities: [identity])
            } else {
                try await store.update(child: child)
                try await store.update(identity: identity)
            }
            let referral = Referral(
                id: UUID(), reference: reference,
                childID: childID, localAuthorityCode: code, ageAtReferral: valid.age, legalBasis: valid.legalBasis,
                courtOrder: valid.courtOrder, urgency: valid.urgency, dateNeeded: valid.dateNeeded,
                roomNeeds: valid.roomNeeds, summary: valid.summary,
                createdAt: instant)
            try await store.save(referrals: [referral])
            if referral.courtOrder.status != .noneYet {
                try await store.save(courtOrders: [
                    RecordedCourtOrder(
                        id: UUID(), referralID: referral.id, childID: childID, order: referral.courtOrder,
                        recordedAt: instant, recordedBy: principal.userID)
                ])
            }
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "referral.create", objectType: "referral", objectID: referral.id.uuidString,
                    at: instant))
            return referral
        }
    }
}
