import FluentKit
import SecurePlaceCore

/// Audits reads in groups. A read of a child's record is audited in a short transaction of its
/// own once the read is done, and answered only when that has committed. Every append waits
/// for the audit trail's one head (its row lock on PostgreSQL, the write lock on SQLite) and
/// for its commit to reach the disk; readers arriving while one group is being written join the
/// next group, which is written in one transaction, so a hundred readers at once wait for two
/// commits instead of queueing for a hundred.
actor AuditReadQueue {
    private struct Waiting {
        var entry: AuditEntry
        var store: Store
        var continuation: CheckedContinuation<Void, any Error>
    }

    private var waiting: [Waiting] = []
    private var isWriting = false

    /// Returns once `entry` is committed; throws when its group could not be written.
    func append(_ entry: AuditEntry, using store: Store) async throws {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append(Waiting(entry: entry, store: store, continuation: continuation))
            if !isWriting {
                isWriting = true
                Task { await writeGroups() }
            }
        }
    }

    private func writeGroups() async {
        while !waiting.isEmpty {
            let group = waiting
            waiting = []
            // Each group is written through one of its own readers' stores, whose request is
            // still waiting for this answer.
            do {
                try await group[0].store.transaction { try await $0.appendAudit(group.map(\.entry)) }
                for member in group { member.continuation.resume() }
            } catch {
                for member in group { member.continuation.resume(throwing: error) }
            }
        }
        isWriting = false
    }
}

extension Store {
    /// Audits a read after it is done, grouped with other reads at the same moment (see
    /// `AuditReadQueue`). Inside a transaction the entry joins it instead.
    public func appendReadAudit(_ entry: AuditEntry) async throws {
        guard !database.inTransaction,
            let queue = (database.context.configuration as? SecurePlaceDatabaseConfiguration)?.readAudits
        else {
            try await transaction { try await $0.appendAudit(entry) }
            return
        }
        try await queue.append(entry, using: self)
    }
}
