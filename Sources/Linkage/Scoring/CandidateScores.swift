import Foundation

extension Linker.Result {
    /// Every candidate pair with its weight and probability, in candidate order, whatever its
    /// decision: what a reliability table needs to see whether the probabilities mean what
    /// they say.
    public var everyCandidateScored: [ScoredPair] {
        ChunkedWork.map(count: candidates.pairs.count) { range in
            range.map { Linker.scored($0, of: candidates, vectors: vectors, left: left, estimate: estimate) }
        }
    }
}
