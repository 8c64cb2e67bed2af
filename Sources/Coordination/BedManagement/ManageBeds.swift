import Foundation
import SecurePlaceCore
import Storage

/// A home manager keeps the home's beds current: closes a bed for staffing or repair,
/// reopens it, and confirms each day that the board shows the home as it is.
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

    public func close(bed bedID: UUID, reason code: String?, by principal: Principal) async throws {
        try await store.transaction { store in
            _ = try await home(forBed: bedID, by: principal, in: store)
            guard let reason = code.flatMap(BedClosureReason.init(rawValue:)) else {
                throw InputErrors([
                    InputError(field: "reason", message: "Say why the bed is closed: staffing or repair.")
                ])
            }
            let instant = now()
            guard try await store.lockBedStatus(bedID, at: instant) == .vacant else {
                throw InputErrors([InputError(field: "reason", message: "Only a vacant bed can be closed.")])
            }
            try await store.changeStatus(ofBed: bedID, to: .closed(reason), at: instant)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "bed.close", objectType: "bed", objectID: bedID.uuidString, at: instant))
        }
    }

    public func reopen(bed bedID: UUID, by principal: Principal) async throws {
        try await store.transaction { store in
            _ = try await home(forBed: bedID, by: principal, in: store)
            let instant = now()
            guard case .closed = try await store.lockBedStatus(bedID, at: instant) else {
                throw InputErrors([InputError(field: "bed", message: "Only a closed bed can be reopened.")])
            }
            try await store.changeStatus(ofBed: bedID, to: .vacant, at: instant)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "bed.reopen", objectType: "bed", objectID: bedID.uuidString, at: instant))
        }
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
