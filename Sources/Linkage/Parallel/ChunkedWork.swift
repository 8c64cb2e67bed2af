import Foundation

/// Work over `0..<count` shared out in chunks over the cores, results kept in index order, so
/// a run gives the same answer on one core as on many. Linkage of large files is mostly such
/// loops: normalising records, computing block keys, comparing and scoring pairs.
enum ChunkedWork {
    static func map<Element: Sendable>(
        count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (Range<Int>) -> [Element]
    ) -> [Element] {
        guard count > 0 else { return [] }
        // A few chunks per worker even out uneven work; small inputs stay on one thread.
        let chunkCount = workers <= 1 || count < 2_000 ? 1 : workers * 4
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let results = ChunkResults<Element>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = min(start + chunkSize, count)
            results.store(start < end ? transform(start..<end) : [], at: chunk)
        }
        return results.joined()
    }
}

/// Each chunk's result, written by its own thread into its own slot.
private final class ChunkResults<Element: Sendable>: @unchecked Sendable {
    private var slots: [[Element]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ elements: [Element], at index: Int) {
        lock.lock()
        slots[index] = elements
        lock.unlock()
    }

    func joined() -> [Element] {
        lock.lock()
        defer { lock.unlock() }
        return Array(slots.joined())
    }
}
