import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// What an authority records at a follow-up check.
    public struct FollowUpForm: Codable, Sendable {
        public var currentPlacement: String?
        public var placementMoves: Int?
        public var missingEpisodes: Int?
        public var inCustody: Bool?
        public var note: String?

        public init(
            currentPlacement: String?, placementMoves: Int?, missingEpisodes: Int?, inCustody: Bool?, note: String?
        ) {
            self.currentPlacement = currentPlacement
            self.placementMoves = placementMoves
            self.missingEpisodes = missingEpisodes
            self.inCustody = inCustody
            self.note = note
        }
    }

    /// Follow-ups not yet recorded: an authority's own, or all for the coordinators.
    public func followUps(by principal: Principal) async throws -> [FollowUp] {
        let decision = AccessPolicy.mayListFollowUps(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        return try await store.openFollowUps(
            ofAuthority: principal.role == .coordinator ? nil : principal.localAuthorityCode
        )
        .filter { AccessPolicy.mayReadFollowUps(principal, ofAuthority: $0.localAuthorityCode) == .allowed }
    }

    /// One follow-up, for its authority's staff.
    public func followUp(_ id: UUID, by principal: Principal) async throws -> FollowUp {
        guard let followUp = try await store.followUp(id: id),
            AccessPolicy.mayRecordFollowUp(principal, ofAuthority: followUp.localAuthorityCode) == .allowed
        else { throw AccessDenied(decision: .hidden) }
        return followUp
    }

    /// The authority records what it found at a check.
    public func record(_ form: FollowUpForm, forFollowUp id: UUID, by principal: Principal) async throws -> FollowUp {
        try await store.transaction { store in
            guard let followUp = try await store.followUp(id: id),
                AccessPolicy.mayRecordFollowUp(principal, ofAuthority: followUp.localAuthorityCode) == .allowed
            else { throw AccessDenied(decision: .hidden) }
            var errors: [InputError] = []
            let placement = form.currentPlacement.flatMap(PlacementType.init(rawValue:))
            if placement == nil {
                errors.append(
                    InputError(
                        field: "currentPlacement",
                        message: "Select where the child is living now (an SSDA903 placement code)."))
            }
            for (value, field) in [(form.placementMoves, "placementMoves"), (form.missingEpisodes, "missingEpisodes")] {
                if let value, !(0...100).contains(value) {
                    errors.append(InputError(field: field, message: "Enter a number from 0 to 100."))
                }
            }
            guard errors.isEmpty, let placement else { throw InputErrors(errors) }
            let outcome = FollowUp.Outcome(
                currentPlacement: placement, placementMoves: form.placementMoves ?? 0,
                missingEpisodes: form.missingEpisodes ?? 0,
                inCustody: form.inCustody ?? false, note: form.note ?? "")
            try await store.record(outcome, forFollowUp: id, at: now())
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "follow-up.record", objectType: "follow-up", objectID: id.uuidString,
                    at: now()))
            var recorded = followUp
            recorded.outcome = outcome
            recorded.recordedAt = now()
            return recorded
        }
    }

    /// Puts the child on the follow-up list when the referral ends placed or unplaced.
    func scheduleFollowUps(for referral: Referral, in store: Store) async throws {
        try await store.save(
            followUps: FollowUp.schedule(for: referral, endedOn: CalendarDate(containing: now()), ids: { UUID() }))
    }
}
