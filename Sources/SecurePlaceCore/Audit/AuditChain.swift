import Foundation

/// The tamper-evident audit trail: each event's hash covers its own fields and the hash of
/// the event before it, so changing, removing or reordering any event breaks every hash
/// after it. The hash function (SHA-256, hex) is passed in so Core stays free of crypto.
public enum AuditChain {
    public typealias HashFunction = @Sendable (Data) -> String

    /// The "previous hash" of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact bytes an event's hash covers. Times are whole milliseconds so that every
    /// database gives back the same value it was given.
    public static func canonicalText(sequence: Int, entry: AuditEntry, previousHash: String) -> Data {
        let milliseconds = Int64((entry.occurredAt.timeIntervalSince1970 * 1000).rounded())
        let fields = [
            String(sequence), String(milliseconds), entry.userID?.uuidString ?? "-",
            entry.organisationID?.uuidString ?? "-", entry.action, entry.objectType, entry.objectID, previousHash,
        ]
        return Data(fields.joined(separator: "\u{1F}").utf8)
    }

    /// Seals an entry after `previous` (nil for the first event).
    public static func seal(_ entry: AuditEntry, after previous: AuditEvent?, hash: HashFunction) -> AuditEvent {
        seal(entry, afterSequence: previous?.sequence ?? 0, previousHash: previous?.hash ?? genesisHash, hash: hash)
    }

    /// Seals an entry as the event after the one with `previousSequence` and `previousHash`
    /// (0 and `genesisHash` for the first event).
    public static func seal(
        _ entry: AuditEntry, afterSequence previousSequence: Int, previousHash: String, hash: HashFunction
    ) -> AuditEvent {
        var entry = entry
        entry.occurredAt = Date(
            timeIntervalSince1970: (entry.occurredAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        let sequence = previousSequence + 1
        return AuditEvent(
            sequence: sequence, entry: entry, previousHash: previousHash,
            hash: hash(canonicalText(sequence: sequence, entry: entry, previousHash: previousHash)))
    }

    /// Walks the events in sequence order and names the first one that breaks the chain.
    public static func verify(_ events: [AuditEvent], hash: HashFunction) -> AuditChainBreak? {
        var expectedPrevious = genesisHash
        var expectedSequence = 1
        for event in events.sorted(by: { $0.sequence < $1.sequence }) {
            if event.sequence != expectedSequence {
                return event.sequence > expectedSequence
                    ? .missing(sequence: expectedSequence) : .outOfOrder(sequence: event.sequence)
            }
            if event.previousHash != expectedPrevious {
                return .outOfOrder(sequence: event.sequence)
            }
            let recomputed = hash(
                canonicalText(sequence: event.sequence, entry: event.entry, previousHash: event.previousHash))
            if recomputed != event.hash {
                return .changed(sequence: event.sequence)
            }
            expectedPrevious = event.hash
            expectedSequence += 1
        }
        return nil
    }
}

/// Where the chain breaks first.
public enum AuditChainBreak: Hashable, Sendable, CustomStringConvertible {
    /// The event's fields no longer match its hash.
    case changed(sequence: Int)
    /// An event is missing from the sequence.
    case missing(sequence: Int)
    /// The event does not follow the one before it (inserted or moved).
    case outOfOrder(sequence: Int)

    public var description: String {
        switch self {
        case .changed(let sequence): "Audit event \(sequence) was changed after it was written."
        case .missing(let sequence): "Audit event \(sequence) is missing: it was removed."
        case .outOfOrder(let sequence):
            "Audit event \(sequence) does not follow the event before it: it was inserted or moved."
        }
    }
}
