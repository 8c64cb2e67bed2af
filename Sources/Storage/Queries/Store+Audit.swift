import Crypto
import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

extension Store {
    /// SHA-256 in lower-case hex: the hash the audit chain is sealed with.
    public static let sha256: AuditChain.HashFunction = { data in
        // Every signed-in request hashes its token: String(format:) per byte was a tenth of a
        // cached bed board's cost.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Appends an entry to the audit chain. Call it inside the transaction of the change it
    /// records, so the change and its audit event land together or not at all.
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) async throws -> AuditEvent {
        try await appendAudit([entry])[0]
    }

    /// Appends several entries in order, sealing each to the one before, in few statements.
    @discardableResult
    public func appendAudit(_ entries: [AuditEntry]) async throws -> [AuditEvent] {
        // Touch the head row first: on PostgreSQL this takes its row lock, on SQLite the write
        // lock, so appends from concurrent transactions queue instead of forking the chain.
        try await (database as! any SQLDatabase).update(AuditChainHeadRecord.schema)
            .set(SQLIdentifier("sequence"), to: SQLIdentifier("sequence"))
            .where(SQLIdentifier("id"), .equal, 1)
            .run()
        guard let head = try await AuditChainHeadRecord.find(1, on: database) else {
            throw UnknownCodeError(list: "audit chain head", code: "missing")
        }
        var events: [AuditEvent] = []
        var sequence = head.sequence
        var previousHash = head.hash
        for entry in entries {
            let event = AuditChain.seal(entry, afterSequence: sequence, previousHash: previousHash, hash: Self.sha256)
            events.append(event)
            sequence = event.sequence
            previousHash = event.hash
        }
        try await insert(events.map(AuditEventRecord.init))
        head.sequence = sequence
        head.hash = previousHash
        try await head.save(on: database)
        return events
    }

    /// The sequence of the last event appended: one row, read without waiting for a writer.
    /// Every change is audited, so while it stands still nothing has changed.
    public func auditHeadSequence() async throws -> Int {
        let row = try await (database as! any SQLDatabase).select()
            .column(SQLIdentifier("sequence"))
            .from(AuditChainHeadRecord.schema)
            .where(SQLIdentifier("id"), .equal, 1)
            .first()
        return try row?.decode(column: "sequence", as: Int.self) ?? 0
    }

    public func auditEvents() async throws -> [AuditEvent] {
        try await AuditEventRecord.query(on: database).sort(\.$id).all().map { try $0.value() }
    }

    /// The first place the stored chain is broken, or nil when it is intact.
    public func verifyAuditChain() async throws -> AuditChainBreak? {
        AuditChain.verify(try await auditEvents(), hash: Self.sha256)
    }
}

extension Store {
    /// The audit events about one object, oldest first: a referral's timeline.
    public func auditEvents(about objectID: String) async throws -> [AuditEvent] {
        try await AuditEventRecord.query(on: database).filter(\.$objectID == objectID).sort(\.$id).all()
            .map { try $0.value() }
    }
}
