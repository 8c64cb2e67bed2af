import Foundation
import SecurePlaceCore
import Storage

/// A home manager keeps the home's beds current: takes a bed out of service (now, or planned
/// for later) with a record of why and until when, revises that record, reopens the bed, says
/// when a child is expected to leave, and confirms each day that the board is as it is.
public struct ManageBeds: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// Only the home's own managers change its beds.
    func home(forBed bedID: UUID, by principal: Principal, in store: Store) async throws -> (SecureHome, Bed) {
        guard let bed = try await store.bed(id: bedID), let home = try await store.home(id: bed.homeID) else {
            throw AccessDenied(decision: .hidden)
        }
        let decision = AccessPolicy.mayManageBeds(principal, ofHome: home.reference)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        return (home, bed)
    }

    /// Takes a vacant bed out of service from today, with a record of why and until when.
    @discardableResult
    public func close(bed bedID: UUID, _ form: OutageForm, by principal: Principal) async throws -> BedOutage {
        try await store.transaction { store in
            let (home, _) = try await home(forBed: bedID, by: principal, in: store)
            let instant = now()
            let today = CalendarDate(containing: instant)
            var input = try form.validated(today: today)
            if let starts = input.startsOn, starts != today {
                throw InputErrors([
                    InputError(
                        field: "startsOn",
                        message: starts < today
                            ? "A bed closed now is out of service from today." : "Plan a later start instead.")
                ])
            }
            input.startsOn = today
            guard try await store.lockBedStatus(bedID) == .vacant else {
                throw InputErrors(
                    [InputError(field: "reason", message: "Only a vacant bed can be closed.")], isConflict: true)
            }
            // A planned outage starting today becomes this one.
            var outage =
                try await store.openOutage(ofBed: bedID, on: today)
                ?? BedOutage(
                    id: UUID(), bedID: bedID, homeID: home.id, reason: input.reason, startsOn: today,
                    revisions: [])
            outage.reason = input.reason
            outage.expectedEndOn = input.expectedEndOn ?? outage.expectedEndOn
            if !input.note.isEmpty { outage.note = input.note }
            outage.revisions.append(
                .init(at: instant, by: principal.userID, change: "Closed: \(Self.describe(outage))"))
            try await store.save(outage: outage)
            try await store.changeStatus(ofBed: bedID, to: .closed(input.reason), at: instant)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "bed.close", objectType: "bed", objectID: bedID.uuidString, at: instant))
            return outage
        }
    }

    /// Records a bed that will go out of service on a later day (a refurbishment, say): the
    /// capacity over dates counts it from its start; the manager closes the bed on the day.
    @discardableResult
    public func planOutage(of bedID: UUID, _ form: OutageForm, by principal: Principal) async throws -> BedOutage {
        try await store.transaction { store in
            let (home, _) = try await home(forBed: bedID, by: principal, in: store)
            let instant = now()
            let today = CalendarDate(containing: instant)
            let input = try form.validated(today: today)
            guard let starts = input.startsOn, starts > today else {
                throw InputErrors([
                    InputError(field: "startsOn", message: "Enter a first day after today, or close the bed now.")
                ])
            }
            var outage = BedOutage(
                id: UUID(), bedID: bedID, homeID: home.id, reason: input.reason, startsOn: starts,
                expectedEndOn: input.expectedEndOn, note: input.note)
            outage.revisions = [.init(at: instant, by: principal.userID, change: "Planned: \(Self.describe(outage))")]
            try await store.save(outage: outage)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "bed-outage.plan", objectType: "bed-outage", objectID: outage.id.uuidString,
                    at: instant))
            return outage
        }
    }

    /// Changes an outage's reason, expected end or note (a field left out keeps its value);
    /// each change is kept as a revision.
    @discardableResult
    public func revise(outage outageID: UUID, _ form: OutageForm, by principal: Principal) async throws -> BedOutage {
        try await store.transaction { store in
            guard var outage = try await store.outage(id: outageID) else { throw AccessDenied(decision: .hidden) }
            _ = try await home(forBed: outage.bedID, by: principal, in: store)
            let instant = now()
            let today = CalendarDate(containing: instant)
            var changed = form
            changed.startsOn = changed.startsOn ?? outage.startsOn.iso
            changed.reason = changed.reason ?? outage.reason.rawValue
            let input = try changed.validated(today: today)
            guard outage.endedOn == nil else {
                throw InputErrors(
                    [InputError(field: "outage", message: "The bed is back in service: this record is closed.")],
                    isConflict: true)
            }
            var changes: [String] = []
            if input.reason != outage.reason {
                changes.append("reason \(outage.reason.rawValue) → \(input.reason.rawValue)")
                outage.reason = input.reason
            }
            if let starts = input.startsOn, starts != outage.startsOn {
                guard outage.startsOn > today, starts > today else {
                    throw InputErrors([
                        InputError(
                            field: "startsOn",
                            message: "Only a planned outage's first day can change, to a later day than today.")
                    ])
                }
                changes.append("first day \(outage.startsOn.iso) → \(starts.iso)")
                outage.startsOn = starts
            }
            // A field left out keeps its value; an empty expected end clears it.
            if form.expectedEndOn != nil, input.expectedEndOn != outage.expectedEndOn {
                changes.append(
                    "expected end \(outage.expectedEndOn?.iso ?? "not known") → \(input.expectedEndOn?.iso ?? "not known")"
                )
                outage.expectedEndOn = input.expectedEndOn
            }
            if form.note != nil, input.note != outage.note {
                changes.append("note changed")
                outage.note = input.note
            }
            guard !changes.isEmpty else {
                throw InputErrors([InputError(field: "expectedEndOn", message: "Nothing was changed.")])
            }
            outage.revisions.append(.init(at: instant, by: principal.userID, change: changes.joined(separator: "; ")))
            try await store.save(outage: outage)
            if outage.covers(today, today: today),
                case .closed = try await store.lockBedStatus(outage.bedID)
            {
                try await store.changeStatus(ofBed: outage.bedID, to: .closed(outage.reason), at: instant)
            }
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "bed-outage.revise", objectType: "bed-outage", objectID: outageID.uuidString,
                    at: instant))
            return outage
        }
    }

    /// Puts a closed bed back in service from now; its record ends yesterday.
    public func reopen(bed bedID: UUID, by principal: Principal) async throws {
        try await store.transaction { store in
            _ = try await home(forBed: bedID, by: principal, in: store)
            let instant = now()
            guard case .closed = try await store.lockBedStatus(bedID) else {
                throw InputErrors(
                    [InputError(field: "bed", message: "Only a closed bed can be reopened.")], isConflict: true)
            }
            let today = CalendarDate(containing: instant)
            if var outage = try await store.openOutage(ofBed: bedID, on: today) {
                outage.endedOn = today.adding(days: -1)
                outage.revisions.append(.init(at: instant, by: principal.userID, change: "Back in service"))
                try await store.save(outage: outage)
            }
            try await store.changeStatus(ofBed: bedID, to: .vacant, at: instant)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "bed.reopen", objectType: "bed", objectID: bedID.uuidString, at: instant))
        }
    }

    static func describe(_ outage: BedOutage) -> String {
        "\(outage.reason.name.replacingOccurrences(of: "Closed ", with: "")) from \(outage.startsOn.iso)"
            + (outage.expectedEndOn.map { ", expected back after \($0.iso)" } ?? ", no expected end")
            + (outage.note.isEmpty ? "" : ": \(outage.note)")
    }

    /// The manager confirms the board shows the home's beds as they are today.
    public func confirm(home homeID: UUID, by principal: Principal) async throws {
        try await store.transaction { store in
            guard let home = try await store.home(id: homeID) else { throw AccessDenied(decision: .hidden) }
            let decision = AccessPolicy.mayManageBeds(principal, ofHome: home.reference)
            guard decision == .allowed else { throw AccessDenied(decision: decision) }
            let instant = now()
            try await store.confirmBeds(ofHome: homeID, at: instant)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "home.confirm-beds", objectType: "home", objectID: homeID.uuidString,
                    at: instant))
        }
    }
}
