import Foundation

/// What happened, to what, by whom: recorded in the same transaction as every change and
/// every read of a child's identifiable record.
public struct AuditEntry: Hashable, Codable, Sendable {
    /// Nil when the service itself acted (an operator's command, a background job).
    public var userID: UUID?
    public var organisationID: UUID?
    /// Such as `referral.create`, `child-identity.read`, `user.disable`.
    public var action: String
    public var objectType: String
    public var objectID: String
    public var occurredAt: Date

    public init(
        userID: UUID?, organisationID: UUID?, action: String, objectType: String, objectID: String, occurredAt: Date
    ) {
        self.userID = userID
        self.organisationID = organisationID
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.occurredAt = occurredAt
    }

    public init(by principal: Principal?, action: String, objectType: String, objectID: String, at instant: Date) {
        self.init(
            userID: principal?.userID, organisationID: principal?.organisation.id, action: action,
            objectType: objectType, objectID: objectID, occurredAt: instant)
    }
}

/// An entry sealed into the hash chain: its place, the previous event's hash and its own.
public struct AuditEvent: Hashable, Codable, Sendable {
    public var sequence: Int
    public var entry: AuditEntry
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, entry: AuditEntry, previousHash: String, hash: String) {
        self.sequence = sequence
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
    }
}
