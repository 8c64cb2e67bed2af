import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// The home records the child's arrival: the reserved bed becomes occupied and the
    /// referral placed. A child under 13 needs ministerial approval recorded first.
    ///
    /// A placement is named by its accepted offer: `placementID` is that offer's id, and the
    /// placement keeps it, so the same id serves for admission and discharge.
    public func admit(_ placementID: UUID, ministerialApprovalOn approvalText: String? = nil, by principal: Principal)
        async throws -> Placement
    {
        try await store.transaction { store in
            guard let named = try await store.response(id: placementID), named.isOffer else {
                throw AccessDenied(decision: .hidden)
            }
            let referralID = named.referralID
            let context = try await context(referralID, for: principal, .recordAdmission, in: store)
            // Read again under the referral's lock: a withdrawal may have released it.
            guard let accepted = context.responses.first(where: { $0.id == placementID }) else {
                throw AccessDenied(decision: .hidden)
            }
            var referral = context.referral
            _ = try referral.state.after(.admit)
            let instant = now()
            let today = CalendarDate(containing: instant)
            if let approvalText, !approvalText.isEmpty {
                guard let day = CalendarDate(iso: approvalText) else {
                    throw InputErrors([
                        InputError(field: "ministerialApprovalOn", message: "Enter a real date in the form YYYY-MM-DD.")
                    ])
                }
                guard day <= today else {
                    throw InputErrors([
                        InputError(
                            field: "ministerialApprovalOn",
                            message: "The approval date cannot be in the future: record it once it has been given.")
                    ])
                }
                referral.ministerialApprovalOn = day
                referral.ministerialApprovalRecordedBy = principal.userID
            }
            if referral.needsMinisterialApproval {
                let approver = try await ministerialApprover(for: referral.localAuthorityCode, in: store)
                throw InputErrors([
                    InputError(
                        field: "ministerialApprovalOn",
                        message:
                            "The child is under 13: record the date \(approver) approved the placement before admission."
                    )
                ])
            }
            guard accepted.offerStatus == .accepted, case .offer(let bedID, _) = accepted.answer else {
                throw ReferralTransitionError(state: referral.state, event: .admit)
            }
            try await checkLawful(referral, admissionOn: today, in: store)
            try await checkTimeWithoutOrder(referral, at: instant, in: store)
            referral.closedAt = instant
            try await apply(.admit, to: &referral, by: principal, in: store)
            try await store.changeStatus(ofBed: bedID, to: .occupied, at: instant)
            let placement = Placement(
                id: placementID, referralID: referralID, childID: referral.childID, homeID: accepted.homeID,
                bedID: bedID,
                admittedAt: instant)
            try await store.save(
                placements: [placement],
                episodes: [
                    PlacementEpisode(
                        id: UUID(), childID: referral.childID, referralID: referralID, type: .secureChildrensHome,
                        startedOn: CalendarDate(containing: instant))
                ])
            try await scheduleFollowUps(for: referral, in: store)
            return placement
        }
    }

    /// The home records the child leaving: the bed is vacant again and the placement ends
    /// with its reason.
    /// `movedTo` is where the child went next (an SSDA903 placement code), when known: it
    /// starts the next placement episode, so outcomes count the move.
    public func discharge(_ placementID: UUID, reason code: String?, movedTo: String? = nil, by principal: Principal)
        async throws -> Placement
    {
        try await store.transaction { store in
            guard let named = try await store.placement(id: placementID) else {
                throw AccessDenied(decision: .hidden)
            }
            _ = try await context(named.referralID, for: principal, .recordDischarge, in: store)
            // Read again under the referral's lock, so that two discharges cannot both pass.
            guard var placement = try await store.placement(id: placementID) else {
                throw AccessDenied(decision: .hidden)
            }
            guard let reason = code.flatMap(PlacementChangeReason.init(rawValue:)) else {
                throw InputErrors([
                    InputError(
                        field: "reason",
                        message: "Give the reason the placement ended, as an SSDA903 code such as CARPL.")
                ])
            }
            guard placement.dischargedAt == nil else {
                throw InputErrors([InputError(field: "placement", message: "The child has already been discharged.")])
            }
            var next: PlacementType?
            if let movedTo, !movedTo.isEmpty {
                guard let type = PlacementType(rawValue: movedTo) else {
                    throw InputErrors([
                        InputError(field: "movedTo", message: "Select where the child went, or leave it empty.")
                    ])
                }
                next = type
            }
            let instant = now()
            let day = CalendarDate(containing: instant)
            try await store.endOpenEpisode(ofReferral: placement.referralID, on: day, reason: reason)
            if let next {
                try await store.save(
                    placements: [],
                    episodes: [
                        PlacementEpisode(
                            id: UUID(), childID: placement.childID, referralID: placement.referralID, type: next,
                            startedOn: day)
                    ])
            }
            placement.dischargedAt = instant
            placement.endReason = reason
            try await store.update(placement: placement)
            try await store.changeStatus(ofBed: placement.bedID, to: .vacant, at: instant)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "placement.discharge", objectType: "placement",
                    objectID: placementID.uuidString, at: instant))
            return placement
        }
    }
}
