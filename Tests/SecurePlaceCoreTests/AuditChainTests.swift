import Foundation
import SecurePlaceCore
import Testing

@Suite("Audit chain")
struct AuditChainTests {
    /// A stand-in hash that is still a real function of every byte, so the chain logic is
    /// tested apart from SHA-256 (which Storage supplies).
    static let hash: AuditChain.HashFunction = { data in
        var value: UInt64 = 1_469_598_103_934_665_603
        for byte in data { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
        return String(value, radix: 16)
    }

    static func chain(_ count: Int) -> [AuditEvent] {
        var events: [AuditEvent] = []
        for index in 0..<count {
            let entry = AuditEntry(
                userID: UUID(), organisationID: nil, action: "referral.create", objectType: "referral",
                objectID: "R-\(index)", occurredAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(index) + 0.0004))
            events.append(AuditChain.seal(entry, after: events.last, hash: hash))
        }
        return events
    }

    @Test("an untouched chain verifies")
    func intact() {
        #expect(AuditChain.verify(Self.chain(5), hash: Self.hash) == nil)
        #expect(AuditChain.verify([], hash: Self.hash) == nil)
    }

    @Test("a changed event is named")
    func changed() {
        var events = Self.chain(5)
        events[2].entry.objectID = "R-other"
        #expect(AuditChain.verify(events, hash: Self.hash) == .changed(sequence: 3))
    }

    @Test("a removed event is named")
    func removed() {
        var events = Self.chain(5)
        events.remove(at: 1)
        #expect(AuditChain.verify(events, hash: Self.hash) == .missing(sequence: 2))
    }

    @Test("an event re-sealed and inserted out of order is named")
    func inserted() {
        var events = Self.chain(5)
        let forged = AuditChain.seal(events[4].entry, after: events[1], hash: Self.hash)
        events[2] = forged
        #expect(AuditChain.verify(events, hash: Self.hash) == .outOfOrder(sequence: 4))
    }

    @Test("times are kept to the millisecond so a stored and reloaded event still verifies")
    func millisecondTimes() {
        let event = Self.chain(1)[0]
        #expect(event.entry.occurredAt.timeIntervalSince1970 == 1_790_000_000)
    }
}
