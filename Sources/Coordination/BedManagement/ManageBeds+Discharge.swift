import Foundation
import SecurePlaceCore
import Storage

extension ManageBeds {
    /// The home's manager says when a child is expected to leave (or clears it with nil), so
    /// that capacity over dates counts the bed free from the day after.
    public func expectDischarge(ofPlacement placementID: UUID, on text: String?, by principal: Principal) async throws
        -> Placement
    {
        try await store.transaction { store in
            guard var placement = try await store.placement(id: placementID),
                let home = try await store.home(id: placement.homeID)
            else { throw AccessDenied(decision: .hidden) }
            let decision = AccessPolicy.mayManageBeds(principal, ofHome: home.reference)
            // Another home's manager learns nothing of the placement; other roles are refused.
            guard decision == .allowed else {
                throw AccessDenied(decision: principal.role == .homeManager ? .hidden : .forbidden)
            }
            let instant = now()
            let today = CalendarDate(containing: instant)
            var errors: [InputError] = []
            let day = InputError.day(text, field: "expectedDischargeOn", into: &errors)
            if let day, day < today {
                errors.append(InputError(field: "expectedDischargeOn", message: "Enter today or a later day."))
            }
            if placement.dischargedAt != nil {
                errors.append(InputError(field: "expectedDischargeOn", message: "The child has already left."))
            }
            guard errors.isEmpty else { throw InputErrors(errors) }
            placement.expectedDischargeOn = day
            try await store.update(placement: placement)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "placement.expect-discharge", objectType: "placement",
                    objectID: placementID.uuidString, at: instant))
            return placement
        }
    }
}
