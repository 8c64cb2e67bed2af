import Foundation

/// The level of every field for every candidate pair, as one flat array (pair-major), with
/// -1 for a field missing on either side.
public struct ComparisonVectors: Sendable {
    public var fieldCount: Int
    public var levels: [Int8]

    public var pairCount: Int { fieldCount == 0 ? 0 : levels.count / fieldCount }

    public init(fieldCount: Int, levels: [Int8]) {
        self.fieldCount = fieldCount
        self.levels = levels
    }

    /// Compares every candidate pair, the pairs shared out over `workers` threads: comparing
    /// is most of a linkage's time, and each pair is independent of the others.
    public init(
        pairs: CandidatePairs, left: [PreparedRecord], right: [PreparedRecord], fields: [LinkageField],
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        fieldCount = fields.count
        let fieldCount = fields.count
        let candidates = pairs.pairs
        var levels = [Int8](repeating: -1, count: candidates.count * fieldCount)
        // A few chunks per worker even out uneven pairs; one worker means one chunk, in order.
        let chunkCount = workers <= 1 ? 1 : max(1, min(workers, candidates.count / 1_000 + 1)) * 4
        let chunkSize = (candidates.count + chunkCount - 1) / max(chunkCount, 1)
        let comparer = FieldComparer(fields: fields)
        levels.withUnsafeMutableBufferPointer { buffer in
            let output = SharedOutput(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = min(start + chunkSize, candidates.count)
                guard start < end else { return }
                for index in start..<end {
                    let a = left[Int(candidates[index].left)].values
                    let b = right[Int(candidates[index].right)].values
                    for f in 0..<fieldCount {
                        if let level = comparer.level(f, a, b) {
                            output.buffer[index * fieldCount + f] = Int8(level)
                        }
                    }
                }
            }
        }
        self.levels = levels
    }

    public func pattern(of pair: Int) -> ArraySlice<Int8> {
        levels[(pair * fieldCount)..<((pair + 1) * fieldCount)]
    }
}

/// The output buffer the comparison threads write into; each writes only its own pairs'
/// slots, so no two threads touch the same element.
private struct SharedOutput: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int8>
}
