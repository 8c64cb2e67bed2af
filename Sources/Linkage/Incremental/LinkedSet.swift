/// Two files already linked, kept so that new records (this month's referrals, a partner's
/// new extract) can be linked against them without linking everything again.
///
/// The set keeps the estimate of the first run (m, u, thresholds, name frequencies) and
/// every pair that reached the review threshold before the one-to-one constraint. Adding
/// records compares only the pairs that involve a new record, scores them by the kept
/// estimate and resolves one-to-one over the kept and new pairs together, so the links are
/// those a full run of the whole files with the same estimate gives. Re-estimating the model
/// is a deliberate full run, not something adding records does behind the analyst's back.
public struct LinkedSet: Sendable, Codable {
    public var configuration: Linker.Configuration
    public var estimate: Linker.Estimate
    public var left: [LinkageRecord]
    public var right: [LinkageRecord]
    /// Pairs at or above the review threshold, before one-to-one, ordered by left then right.
    public var scoredPairs: [ScoredPair]

    public init(
        configuration: Linker.Configuration, records: (left: [LinkageRecord], right: [LinkageRecord]),
        result: Linker.Result
    ) {
        self.configuration = configuration
        estimate = result.estimate
        left = records.left
        right = records.right
        scoredPairs = result.scoredPairs
    }

    public enum AddingError: Error, Hashable, Sendable, CustomStringConvertible {
        /// A new record's id is already in the set, on the side named.
        case idAlreadyLinked(id: String, side: String)

        public var description: String {
            switch self {
            case .idAlreadyLinked(let id, let side):
                "the \(side) record '\(id)' is already in the linked set: new records need new ids"
            }
        }
    }

    /// Adds records to either side and links them; returns the result over the whole set
    /// (its candidates and comparisons are those of the new pairs only).
    public mutating func add(
        left newLeft: [LinkageRecord], right newRight: [LinkageRecord],
        progress: (Linker.Stage) -> Void = { _ in }
    ) throws(AddingError) -> Linker.Result {
        for (side, old, new) in [("left", left, newLeft), ("right", right, newRight)] {
            let known = Set(old.map(\.id))
            if let repeated = new.first(where: { known.contains($0.id) }) {
                throw .idAlreadyLinked(id: repeated.id, side: side)
            }
        }
        let linker = Linker(configuration: configuration)
        progress(.preparing)
        let preparer = RecordPreparer(fields: configuration.fields)
        let allLeft = preparer.prepare(left + newLeft)
        let allRight = preparer.prepare(right + newRight)
        progress(.blocking)
        let candidates = CandidatePairs(
            left: allLeft, right: allRight, rules: configuration.blockingRules, fields: configuration.fields,
            newLeftFrom: left.count, newRightFrom: right.count)
        progress(.comparing)
        let vectors = ComparisonVectors(
            pairs: candidates, left: allLeft, right: allRight, fields: configuration.fields)
        progress(.scoring)
        let added = linker.score(candidates, vectors: vectors, left: allLeft, estimate: estimate)
        // Old and new pairs in the order a full run would hold them, so ties resolve alike.
        let scored = (scoredPairs + added).sorted { ($0.left, $0.right) < ($1.left, $1.right) }
        left += newLeft
        right += newRight
        scoredPairs = scored
        progress(.done)
        return Linker.Result(
            estimate: estimate, candidates: candidates, scoredPairs: scored,
            pairs: configuration.oneToOne ? OneToOne.resolve(scored) : scored, left: allLeft, right: allRight,
            vectors: vectors)
    }
}
