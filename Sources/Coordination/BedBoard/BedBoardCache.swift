import Foundation
import SecurePlaceCore

/// The bed board built once and shared by every request that asks for the same day, so that
/// a coordinator's refresh at 2 a.m. is not slowed by two hundred others doing the same.
///
/// A day's entry carries the audit chain's head sequence read just before it was built: every
/// change to a bed is audited, so an unchanged sequence means an unchanged board. For
/// `freshFor` after that check the entry is served without asking the database at all; after
/// it, one cheap read of the sequence either confirms the entry or has it rebuilt. A change
/// made through this process calls `invalidate()`, so it shows on the next request; one made by
/// another instance shows within `freshFor`.
public actor BedBoardCache<Value: Sendable> {
    public struct Entry: Sendable {
        public var value: Value
        /// The audit head sequence the value was built at; it names the version in an ETag.
        public var version: Int
    }

    private struct Slot {
        var entry: Entry
        var checkedAt: ContinuousClock.Instant?
        var generation: Int
        var lastUsed: Int
    }

    private let freshFor: Duration
    private let capacity: Int
    private let clock: @Sendable () -> ContinuousClock.Instant
    private var slots: [CalendarDate: Slot] = [:]
    private var building: [CalendarDate: (generation: Int, task: Task<Entry, any Error>)] = [:]
    private var generation = 0
    private var uses = 0

    /// `clock` measures how long an entry has gone unchecked: elapsed time, not the service's
    /// clock, which tests hold still.
    public init(
        freshFor: Duration = .seconds(2), capacity: Int = 64,
        clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.freshFor = freshFor
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    /// The day's entry: the one held while it is fresh or its version still current, else one
    /// built by `build` from the version `currentVersion` gives. Requests that arrive while an
    /// entry is being built wait for that one build. A build that fails is not kept.
    public func entry(
        for day: CalendarDate,
        currentVersion: @escaping @Sendable () async throws -> Int,
        build: @escaping @Sendable (_ version: Int) async throws -> Value
    ) async throws -> Entry {
        uses += 1
        let now = clock()
        if var slot = slots[day], slot.generation == generation, let checkedAt = slot.checkedAt {
            if now - checkedAt < freshFor {
                slot.lastUsed = uses
                slots[day] = slot
                return slot.entry
            }
        }
        // A build begun before a change made here may have read the sequence before it: only
        // one begun since is worth waiting for.
        if let inFlight = building[day], inFlight.generation == generation { return try await inFlight.task.value }

        let startedAt = generation
        let held = slots[day]?.entry
        let task = Task<Entry, any Error> {
            let version = try await currentVersion()
            if let held, held.version == version { return held }
            return Entry(value: try await build(version), version: version)
        }
        building[day] = (startedAt, task)
        defer { if building[day]?.task == task { building[day] = nil } }
        let entry = try await task.value
        // A change made here while the build ran has moved the generation on: keep the entry
        // for its version, but look at the sequence again on the next request.
        store(entry, for: day, checkedAt: startedAt == generation ? now : nil, generation: generation)
        return entry
    }

    /// Every entry is checked against the audit head on its next use.
    public func invalidate() {
        generation += 1
    }

    private func store(_ entry: Entry, for day: CalendarDate, checkedAt: ContinuousClock.Instant?, generation: Int) {
        slots[day] = Slot(entry: entry, checkedAt: checkedAt, generation: generation, lastUsed: uses)
        while slots.count > capacity, let oldest = slots.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            slots[oldest.key] = nil
        }
    }
}
