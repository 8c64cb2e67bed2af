import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// No secure bed was found: the authority records where the child went instead. The
    /// regulator is notified in the same transaction, with every home's decline reasons.
    /// What happened is always recorded, never refused: an unlawful setting is marked for the
    /// regulator's urgent attention instead.
    public func closeUnplaced(
        _ referralID: UUID, alternative code: String?, location: String?, by principal: Principal
    ) async throws -> RegulatorNotification {
        try await store.transaction { store in
            let context = try await context(referralID, for: principal, .closeUnplaced, in: store)
            var errors: [InputError] = []
            let alternative = code.flatMap(AlternativeAccommodation.init(rawValue:))
            if alternative == nil {
                errors.append(InputError(field: "alternative", message: "Select where the child is going instead."))
            }
            let location = (location ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if location.isEmpty {
                errors.append(
                    InputError(field: "location", message: "Say where the child is (the setting, not an address)."))
            }
            guard errors.isEmpty, let alternative else { throw InputErrors(errors) }
            guard let child = try await store.child(id: context.referral.childID),
                let authority = try await store.localAuthorities().first(where: {
                    $0.code == context.referral.localAuthorityCode
                })
            else { throw AccessDenied(decision: .hidden) }

            var referral = context.referral
            _ = try referral.state.after(.closeUnplaced)
            let today = CalendarDate(containing: now())
            let ageToday = try await store.childIdentity(childID: child.id)?.age(on: today)
            referral.alternative = alternative
            referral.unplacedLocation = location
            referral.closedAt = now()
            try await releaseOffers(of: context, in: store, freeing: true)
            try await apply(.closeUnplaced, to: &referral, by: principal, in: store)
            let notification = RegulatorNotification(
                id: UUID(), unplaced: referral, child: child, country: authority.country, responses: context.responses,
                homeReferences: context.homeReferences, circulatedTo: context.circulations.map(\.homeID),
                ageWhenClosed: ageToday)
            try await store.save(notifications: [notification])
            try await alerts?.queue(
                .closedUnplaced, about: referral, event: referral.id.uuidString, to: nil, at: now(), in: store)
            try await alerts?.queue(
                .regulatorNotice, about: referral, event: notification.id.uuidString,
                to: notification.regulator.rawValue, at: now(), in: store)
            try await scheduleFollowUps(for: referral, in: store)
            try await store.save(
                placements: [],
                episodes: [
                    PlacementEpisode(
                        id: UUID(), childID: child.id, referralID: referralID, type: alternative.placementType,
                        startedOn: CalendarDate(containing: now()))
                ])
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "notification.create", objectType: "regulator-notification",
                    objectID: notification.id.uuidString, at: now()))
            return notification
        }
    }
}
