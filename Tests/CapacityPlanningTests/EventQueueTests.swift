import SecurePlaceCore
import Testing

@testable import CapacityPlanning

@Suite("The simulation's event queue")
struct EventQueueTests {
    /// Schedules and removes in a random interleaving, as a replication does (every new event
    /// at or after the one just handled), and checks each removal against a sorted list (kept
    /// latest first, so the earliest is taken from its end).
    @Test(arguments: [1, 7, 9, 64, 12_000])
    func eventsComeOutEarliestFirstWhateverTheQueueHolds(pending: Int) {
        let queue = EventQueue(capacity: 16)
        var generator = SeededRandomNumberGenerator(seed: UInt64(pending))
        var expected: [(time: Double, subject: Int)] = []
        func insertionPoint(for time: Double) -> Int {
            var low = 0
            var high = expected.count
            while low < high {
                let middle = (low + high) / 2
                if expected[middle].time > time { low = middle + 1 } else { high = middle }
            }
            return low
        }
        var now = 0.0
        var subject = 0
        func schedule(after delay: Double) {
            let kind: EventQueue.Kind = [.departure, .waitEnds, .waveEnds, .allocationRound][subject % 4]
            queue.schedule(kind, subject: subject, at: now + delay)
            expected.insert((now + delay, subject), at: insertionPoint(for: now + delay))
            subject += 1
        }
        for _ in 0..<pending { schedule(after: generator.nextUnitInterval() * 300) }
        for _ in 0..<20_000 {
            if generator.nextUnitInterval() < 0.5 {
                // Whole days give ties, which may come out in either order.
                schedule(after: generator.nextUnitInterval() < 0.2 ? 1 : generator.nextUnitInterval() * 300)
            }
            guard let event = queue.next() else { break }
            #expect(event.time == expected.last?.time)
            // Among events at the same time, any may come first.
            guard let index = expected.lastIndex(where: { $0.subject == event.subject }),
                expected[index].time == event.time
            else {
                Issue.record("subject \(event.subject) came out at the wrong time, twice, or was never scheduled")
                return
            }
            #expect(event.kind.rawValue == event.subject % 4)
            expected.remove(at: index)
            now = event.time
        }
        #expect(queue.count == expected.count)
        while let event = queue.next() {
            #expect(event.time >= now)
            now = event.time
        }
        #expect(queue.isEmpty && queue.earliestTime == .infinity)
    }
}
