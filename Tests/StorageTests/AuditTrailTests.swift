import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore
import Storage
import TestSupport
import Testing

@Suite("Audit trail")
struct AuditTrailTests {
    static func entry(_ index: Int) -> AuditEntry {
        AuditEntry(
            userID: UUID(), organisationID: UUID(), action: "referral.create", objectType: "referral",
            objectID: "R-\(index)", occurredAt: Date(timeIntervalSince1970: 1_790_000_000.1234 + Double(index)))
    }

    func appendFive(_ store: Store) async throws {
        for index in 1...5 {
            try await store.transaction { try await $0.appendAudit(Self.entry(index)) }
        }
    }

    @Test("events written and read back verify, hashed with SHA-256", arguments: TestDatabase.all)
    func intact(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await appendFive(store)
            let events = try await store.auditEvents()
            #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(events[0].previousHash == AuditChain.genesisHash)
            #expect(events[0].hash.count == 64)
            #expect(try await store.verifyAuditChain() == nil)
        }
    }

    @Test("the hash is SHA-256 in lower-case hex (FIPS 180-2's example for \"abc\")")
    func sha256KnownAnswer() {
        #expect(Store.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Store.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test(
        "reads audited at the same moment are each written once, in one unbroken chain, before their readers go on",
        arguments: TestDatabase.all)
    func readsAuditedTogether(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await appendFive(store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 6...45 {
                    group.addTask {
                        try await store.appendReadAudit(Self.entry(index))
                        // Answered only once written: this reader's event is there already.
                        let mine = try await store.auditEvents(about: "R-\(index)")
                        #expect(mine.count == 1)
                    }
                }
                try await group.waitForAll()
            }
            let events = try await store.auditEvents()
            #expect(events.map(\.sequence) == Array(1...45))
            #expect(Set(events.map(\.entry.objectID)) == Set((1...45).map { "R-\($0)" }))
            #expect(try await store.verifyAuditChain() == nil)
        }
    }

    @Test("editing a row directly in the database is caught and named", arguments: TestDatabase.all)
    func editedRow(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await appendFive(store)
            try await (store.database as! any SQLDatabase)
                .raw("UPDATE audit_events SET object_id = 'R-forged' WHERE sequence = 3").run()
            #expect(try await store.verifyAuditChain() == .changed(sequence: 3))
        }
    }

    @Test("deleting a row directly in the database is caught and named", arguments: TestDatabase.all)
    func deletedRow(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await appendFive(store)
            try await (store.database as! any SQLDatabase).raw("DELETE FROM audit_events WHERE sequence = 2").run()
            #expect(try await store.verifyAuditChain() == .missing(sequence: 2))
        }
    }

    @Test("an audit event rolls back with the change it records", arguments: TestDatabase.all)
    func rollsBack(database: TestDatabase) async throws {
        struct Refused: Error {}
        try await withTestStore(database) { store in
            await #expect(throws: Refused.self) {
                try await store.transaction { transaction in
                    try await transaction.appendAudit(Self.entry(1))
                    throw Refused()
                }
            }
            #expect(try await store.auditEvents().isEmpty)
            try await store.transaction { try await $0.appendAudit(Self.entry(2)) }
            #expect(try await store.auditEvents().map(\.sequence) == [1])
        }
    }

    @Test("concurrent transactions append one after another and never fork the chain", arguments: TestDatabase.all)
    func concurrentAppends(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...20 {
                    group.addTask {
                        _ = try await store.transaction { try await $0.appendAudit(Self.entry(index)) }
                    }
                }
                try await group.waitForAll()
            }
            let events = try await store.auditEvents()
            #expect(events.map(\.sequence) == Array(1...20))
            #expect(Set(events.map(\.entry.objectID)).count == 20)
            #expect(try await store.verifyAuditChain() == nil)
        }
    }
}
