import Coordination
import Foundation
import SecurePlaceCore
import Synchronization
import Testing

/// A clock the test moves by hand, and counters of what the cache asked for.
final class BoardCacheProbe: Sendable {
    let elapsed = Mutex<Duration>(.zero)
    let version = Mutex(1)
    let versionReads = Atomic(0)
    let builds = Atomic(0)
    let start = ContinuousClock.now

    var clock: @Sendable () -> ContinuousClock.Instant { { self.start + self.elapsed.withLock { $0 } } }

    func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }

    func currentVersion() async throws -> Int {
        versionReads.add(1, ordering: .relaxed)
        return version.withLock { $0 }
    }

    func build(_ version: Int) async throws -> String {
        builds.add(1, ordering: .relaxed)
        return "board at \(version)"
    }
}

@Suite("The bed board cache")
struct BedBoardCacheTests {
    let today = CalendarDate(year: 2026, month: 11, day: 20)!

    func entry(_ cache: BedBoardCache<String>, _ probe: BoardCacheProbe, day: CalendarDate? = nil) async throws
        -> BedBoardCache<String>.Entry
    {
        try await cache.entry(
            for: day ?? today, currentVersion: { try await probe.currentVersion() },
            build: { try await probe.build($0) })
    }

    @Test("while fresh, the board is served without asking the database; after, one read confirms it")
    func freshness() async throws {
        let probe = BoardCacheProbe()
        let cache = BedBoardCache<String>(freshFor: .seconds(2), clock: probe.clock)
        #expect(try await entry(cache, probe).value == "board at 1")
        probe.advance(.milliseconds(1_900))
        #expect(try await entry(cache, probe).version == 1)
        #expect(probe.versionReads.load(ordering: .relaxed) == 1)
        probe.advance(.milliseconds(200))
        #expect(try await entry(cache, probe).value == "board at 1")
        #expect(probe.versionReads.load(ordering: .relaxed) == 2, "checked once the two seconds ran out")
        #expect(probe.builds.load(ordering: .relaxed) == 1, "an unchanged sequence is not rebuilt")
    }

    @Test("a change elsewhere shows once freshness runs out; a change here shows at once")
    func changes() async throws {
        let probe = BoardCacheProbe()
        let cache = BedBoardCache<String>(freshFor: .seconds(2), clock: probe.clock)
        _ = try await entry(cache, probe)
        probe.version.withLock { $0 = 2 }
        #expect(try await entry(cache, probe).version == 1, "another instance's change, within the window")
        probe.advance(.seconds(2))
        #expect(try await entry(cache, probe).value == "board at 2")

        probe.version.withLock { $0 = 3 }
        await cache.invalidate()
        #expect(try await entry(cache, probe).value == "board at 3", "this instance's change")
        #expect(probe.builds.load(ordering: .relaxed) == 3)
    }

    @Test("many requests for a day that is not held wait for one build")
    func sharedBuild() async throws {
        let probe = BoardCacheProbe()
        let cache = BedBoardCache<String>(clock: probe.clock)
        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await entry(cache, probe).value } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: "board at 1", count: 50))
        #expect(probe.builds.load(ordering: .relaxed) == 1)
    }

    @Test("each day has its own entry, a failed build is not kept, and the least used day goes first")
    func daysFailuresAndCapacity() async throws {
        struct Unavailable: Error {}
        let probe = BoardCacheProbe()
        let cache = BedBoardCache<String>(capacity: 2, clock: probe.clock)
        let days = (0..<3).map { today.adding(days: -$0) }
        await #expect(throws: Unavailable.self) {
            try await cache.entry(for: days[0], currentVersion: { 1 }, build: { _ in throw Unavailable() })
        }
        #expect(try await entry(cache, probe, day: days[0]).value == "board at 1", "the failure was not kept")
        _ = try await entry(cache, probe, day: days[1])
        _ = try await entry(cache, probe, day: days[0])
        _ = try await entry(cache, probe, day: days[2])
        #expect(probe.builds.load(ordering: .relaxed) == 3)
        _ = try await entry(cache, probe, day: days[0])
        #expect(probe.builds.load(ordering: .relaxed) == 3, "the day used last is still held")
        _ = try await entry(cache, probe, day: days[1])
        #expect(probe.builds.load(ordering: .relaxed) == 4, "the day used least was let go")
    }
}
