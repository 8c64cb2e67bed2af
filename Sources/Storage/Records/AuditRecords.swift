import FluentKit
import Foundation
import SecurePlaceCore

final class AuditEventRecord: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "sequence", generatedBy: .user) var id: Int?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "action") var action: String
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ event: AuditEvent) {
        id = event.sequence
        occurredAt = event.entry.occurredAt
        userID = event.entry.userID
        organisationID = event.entry.organisationID
        action = event.entry.action
        objectType = event.entry.objectType
        objectID = event.entry.objectID
        previousHash = event.previousHash
        hash = event.hash
    }

    func value() throws -> AuditEvent {
        AuditEvent(
            sequence: try requireID(),
            entry: AuditEntry(
                userID: userID, organisationID: organisationID, action: action, objectType: objectType,
                objectID: objectID, occurredAt: occurredAt),
            previousHash: previousHash, hash: hash)
    }
}

/// One row holding the last sequence and hash. Every append updates it first, which takes a
/// write lock, so concurrent transactions append one after another and never fork the chain.
final class AuditChainHeadRecord: Model, @unchecked Sendable {
    static let schema = "audit_chain_head"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "hash") var hash: String

    init() {}

    init(sequence: Int, hash: String) {
        id = 1
        self.sequence = sequence
        self.hash = hash
    }
}
