import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing

/// A transaction reads its clock before it waits for a bed's lock, so after the wait its
/// instant is older than the change it waited for. Two instances accepting the same last
/// bed gave it twice when the status was read at that instant.
@Suite("A bed's lock and the clock")
struct BedLockTests {
    @Test("under the lock a bed's status is its latest, whatever the caller's clock says", arguments: TestDatabase.all)
    func latestStatusUnderLock(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            let home = makeHome()
            let bed = makeBed(at: home)
            try await StorageTests().saveReferenceData(store)
            try await store.save(homes: [home])
            try await store.save(beds: [bed])
            let opened = instant("2026-11-20T09:00:00Z")
            let reserved = opened.addingTimeInterval(3600)
            // Read before the other transaction's change, used after it.
            let staleClock = reserved.addingTimeInterval(-0.25)
            try await store.changeStatus(ofBed: bed.id, to: .vacant, at: opened)
            try await store.transaction { store in
                #expect(try await store.lockBedStatus(bed.id) == .vacant)
                try await store.changeStatus(ofBed: bed.id, to: .reserved, at: reserved)
            }
            try await store.transaction { store in
                #expect(try await store.lockBedStatus(bed.id) == .reserved, "the bed is not free to give again")
                try await store.changeStatus(ofBed: bed.id, to: .vacant, at: staleClock)
            }
            let history = try await store.bedStatusHistory(ofBed: bed.id)
            #expect(history.map(\.status) == [.vacant, .reserved, .vacant])
            for interval in history {
                #expect(interval.to.map { $0 >= interval.from } ?? true, "no interval ends before it starts")
            }
            #expect(history.last?.from == reserved, "a change never starts before the one it ends")
        }
    }
}
