/// A four-ary min-heap of timed events, kept as plain values in one contiguous array. The
/// simulation spends most of its time here: four children per node halve the depth of a
/// binary heap and sit in one cache line, and removal moves a hole down to a leaf before
/// placing the last event, which needs about half the comparisons of a classic sift-down.
struct EventQueue {
    struct Event {
        var time: Double
        /// What happens, packed as `kind | subject << 2` so an event is sixteen bytes.
        var payload: Int
    }

    enum Kind: Int {
        case arrival = 0
        case departure = 1
        case waitEnds = 2
    }

    private var heap: ContiguousArray<Event> = []

    init(capacity: Int) {
        heap.reserveCapacity(capacity)
    }

    var isEmpty: Bool { heap.isEmpty }

    mutating func schedule(_ kind: Kind, subject: Int, at time: Double) {
        heap.append(Event(time: time, payload: kind.rawValue | subject << 2))
        heap.withUnsafeMutableBufferPointer { events in
            Self.siftUp(events, from: events.count - 1)
        }
    }

    /// Removes and returns the earliest event.
    mutating func next() -> (time: Double, kind: Kind, subject: Int)? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return Self.unpack(last) }
        let first = heap[0]
        heap.withUnsafeMutableBufferPointer { events in
            let count = events.count
            var hole = 0
            while true {
                let firstChild = 4 * hole + 1
                guard firstChild < count else { break }
                var smallest = firstChild
                var smallestTime = events[firstChild].time
                let end = min(firstChild + 4, count)
                var child = firstChild + 1
                while child < end {
                    let time = events[child].time
                    if time < smallestTime {
                        smallest = child
                        smallestTime = time
                    }
                    child += 1
                }
                events[hole] = events[smallest]
                hole = smallest
            }
            events[hole] = last
            Self.siftUp(events, from: hole)
        }
        return Self.unpack(first)
    }

    private static func siftUp(_ events: UnsafeMutableBufferPointer<Event>, from start: Int) {
        var index = start
        let event = events[index]
        while index > 0 {
            let parent = (index - 1) >> 2
            guard event.time < events[parent].time else { break }
            events[index] = events[parent]
            index = parent
        }
        events[index] = event
    }

    private static func unpack(_ event: Event) -> (time: Double, kind: Kind, subject: Int) {
        (event.time, Kind(rawValue: event.payload & 3) ?? .arrival, event.payload >> 2)
    }
}
