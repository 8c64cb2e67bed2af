/// The whole linkage of two files: prepare, block, compare, estimate by EM, score, and
/// classify, with a one-to-one constraint when each side holds a person at most once.
public struct Linker: Sendable {
    public struct Configuration: Sendable, Codable, Hashable {
        public var fields: [LinkageField]
        public var blockingRules: [BlockingRule]
        /// Posterior match probabilities for the link and review thresholds.
        public var linkProbability: Double
        public var reviewProbability: Double
        public var oneToOne: Bool
        /// Fields whose exact agreements are weighed by how common the value is (names).
        public var termFrequencyFields: [String]
        public var estimation: Estimation

        /// How m, u and the prior are learned from the files.
        public enum Estimation: String, Sendable, Codable, Hashable {
            /// u from random pairs, m by EM rule by rule (`RuleByRuleEstimation`): the default.
            case ruleByRule = "rule-by-rule"
            /// m, u and the share of matching candidates all by EM over every candidate pair:
            /// the textbook method, good when the blocks hold few namesakes.
            case expectationMaximisation = "em"
        }

        public init(
            fields: [LinkageField], blockingRules: [BlockingRule], linkProbability: Double = 0.95,
            reviewProbability: Double = 0.5, oneToOne: Bool = true, termFrequencyFields: [String] = [],
            estimation: Estimation = .ruleByRule
        ) {
            self.fields = fields
            self.blockingRules = blockingRules
            self.linkProbability = linkProbability
            self.reviewProbability = reviewProbability
            self.oneToOne = oneToOne
            self.termFrequencyFields = termFrequencyFields
            self.estimation = estimation
        }

        private enum CodingKeys: String, CodingKey {
            case fields, blockingRules, linkProbability, reviewProbability, oneToOne, termFrequencyFields, estimation
        }

        /// Only the fields and blocking rules must be given; the rest have their defaults.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                fields: try container.decode([LinkageField].self, forKey: .fields),
                blockingRules: try container.decode([BlockingRule].self, forKey: .blockingRules),
                linkProbability: try container.decodeIfPresent(Double.self, forKey: .linkProbability) ?? 0.95,
                reviewProbability: try container.decodeIfPresent(Double.self, forKey: .reviewProbability) ?? 0.5,
                oneToOne: try container.decodeIfPresent(Bool.self, forKey: .oneToOne) ?? true,
                termFrequencyFields: try container.decodeIfPresent([String].self, forKey: .termFrequencyFields) ?? [],
                estimation: try container.decodeIfPresent(Estimation.self, forKey: .estimation) ?? .ruleByRule)
        }

        /// The configuration for files encoded by `secureplace link encode`: every shared column
        /// but the id compared by Dice similarity (the usual person fields first), blocked on
        /// the date, the postcode and sampled bits of each name with the date.
        public static func encoded(columns: Set<String>) -> Configuration {
            let usual = ["given_name", "surname", "date_of_birth", "sex", "postcode", "address"]
            let others = columns.subtracting(usual + ["id"]).sorted()
            let fields = (usual.filter(columns.contains) + others).map { LinkageField(name: $0, kind: .encoded) }
            // Identical encodings of the date or the postcode share a block, as the same values
            // do in plain linkage; and each name is paired with the date of birth in several bit
            // samples, so that a typo in a name still meets its match. (Blocks on a name alone
            // swamp EM with pairs that share only a common name when the vocabulary is small.)
            let names = ["surname", "given_name"].filter(columns.contains)
            var rules: [BlockingRule] = ["date_of_birth", "postcode"].filter(columns.contains).map {
                .exact(fields: [$0])
            }
            if columns.contains("date_of_birth") {
                for name in names {
                    rules += (0..<4).map {
                        BlockingRule.bitSample(fields: [name, "date_of_birth"], seed: $0, bits: 12)
                    }
                }
            }
            if rules.isEmpty, let first = fields.first {
                rules = (0..<4).map { BlockingRule.bitSample(fields: [first.name], seed: $0, bits: 24) }
            }
            return Configuration(fields: fields, blockingRules: rules)
        }

        /// The configuration used when none is given: the usual person fields among those
        /// present, and blocking rules over them.
        public static func standard(columns: Set<String>) -> Configuration {
            let bothNames = columns.contains("given_name") && columns.contains("surname")
            let candidates: [LinkageField] = [
                LinkageField(
                    name: "given_name", kind: .name,
                    comparison: .name(NameComparison(swappedWith: bothNames ? "surname" : nil, ))),
                LinkageField(
                    name: "surname", kind: .name,
                    comparison: .name(
                        NameComparison(swappedWith: bothNames ? "given_name" : nil, knownForms: false, initials: false))
                ),
                LinkageField(name: "date_of_birth", kind: .date), LinkageField(name: "sex", kind: .sex),
                LinkageField(name: "postcode", kind: .postcode), LinkageField(name: "address", kind: .text),
            ]
            let fields = candidates.filter { columns.contains($0.name) }
            let names = Set(fields.map(\.name))
            var rules: [BlockingRule] = []
            if names.contains("surname") && names.contains("date_of_birth") {
                rules.append(.prefixAndYear(nameField: "surname", length: 2, dateField: "date_of_birth"))
            }
            if names.contains("postcode") { rules.append(.postcodeSector(field: "postcode")) }
            if names.contains("given_name") && names.contains("date_of_birth") {
                rules.append(.phoneticAndYear(nameField: "given_name", dateField: "date_of_birth"))
            } else if names.contains("given_name") {
                rules.append(.phonetic(field: "given_name"))
            }
            if names.contains("date_of_birth") { rules.append(.exact(fields: ["date_of_birth"])) }
            if rules.isEmpty, let first = fields.first { rules.append(.exact(fields: [first.name])) }
            let adjusted = ["surname", "given_name"].filter(names.contains)
            return Configuration(fields: fields, blockingRules: rules, termFrequencyFields: adjusted)
        }
    }

    /// What EM and the files taught: the model, its thresholds and how common each name
    /// is. A linked set keeps it so that records added later are scored as the first run
    /// scored its pairs.
    public struct Estimate: Sendable, Codable {
        public var model: FellegiSunterModel
        public var iterations: Int
        public var thresholds: LinkThresholds
        public var termFrequencies: TermFrequencies
    }

    public struct Result: Sendable {
        public var estimate: Estimate
        public var candidates: CandidatePairs
        /// Every candidate pair at or above the review threshold, before the one-to-one
        /// constraint: what a linked set keeps to resolve again when records are added.
        public var scoredPairs: [ScoredPair]
        /// Pairs at or above the review threshold (after the one-to-one constraint when asked).
        public var pairs: [ScoredPair]
        public var left: [PreparedRecord]
        public var right: [PreparedRecord]
        public var vectors: ComparisonVectors

        public var model: FellegiSunterModel { estimate.model }
        public var iterations: Int { estimate.iterations }
        public var thresholds: LinkThresholds { estimate.thresholds }
        public var termFrequencies: TermFrequencies { estimate.termFrequencies }
        public var links: [ScoredPair] { pairs.filter { $0.decision == .link } }
        public var reviews: [ScoredPair] { pairs.filter { $0.decision == .review } }
    }

    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The stages of a run, in order, with the share of the work done when each starts.
    public enum Stage: String, Sendable, CaseIterable {
        case preparing = "Normalising records"
        case blocking = "Finding candidate pairs"
        case comparing = "Comparing fields"
        case estimating = "Estimating m and u by EM"
        case scoring = "Scoring and classifying pairs"
        case done = "Done"

        public var fractionDone: Double {
            switch self {
            case .preparing: 0
            case .blocking: 0.1
            case .comparing: 0.3
            case .estimating: 0.7
            case .scoring: 0.8
            case .done: 1
            }
        }
    }

    /// Links two files. With an `estimate` (from an earlier run) EM is skipped and pairs are
    /// scored by it: that is how an incremental linkage and the full run it must agree with
    /// score alike.
    public func link(
        _ leftRecords: [LinkageRecord], _ rightRecords: [LinkageRecord], estimate given: Estimate? = nil,
        progress: (Stage) -> Void = { _ in }
    ) -> Result {
        progress(.preparing)
        let preparer = RecordPreparer(fields: configuration.fields)
        let left = preparer.prepare(leftRecords)
        let right = preparer.prepare(rightRecords)
        progress(.blocking)
        let candidates = CandidatePairs(
            left: left, right: right, rules: configuration.blockingRules, fields: configuration.fields)
        return finish(
            candidates, left: left, right: right, estimate: given, oneToOne: configuration.oneToOne, progress: progress)
    }

    /// Finds the records of one file that are the same person, for a file that may hold
    /// someone more than once: each pair of two different records at most once, and no
    /// one-to-one constraint, as a person may be there three times.
    public func deduplicate(_ records: [LinkageRecord], progress: (Stage) -> Void = { _ in }) -> Result {
        progress(.preparing)
        let prepared = RecordPreparer(fields: configuration.fields).prepare(records)
        progress(.blocking)
        let candidates = CandidatePairs(
            deduplicating: prepared, rules: configuration.blockingRules, fields: configuration.fields)
        return finish(candidates, left: prepared, right: prepared, estimate: nil, oneToOne: false, progress: progress)
    }

    private func finish(
        _ candidates: CandidatePairs, left: [PreparedRecord], right: [PreparedRecord], estimate given: Estimate?,
        oneToOne: Bool, progress: (Stage) -> Void
    ) -> Result {
        progress(.comparing)
        let vectors = ComparisonVectors(pairs: candidates, left: left, right: right, fields: configuration.fields)
        progress(.estimating)
        let estimate = given ?? self.estimate(from: vectors, candidates: candidates, left: left, right: right)
        progress(.scoring)
        let scored = score(candidates, vectors: vectors, left: left, estimate: estimate)
        progress(.done)
        return Result(
            estimate: estimate, candidates: candidates, scoredPairs: scored,
            pairs: oneToOne ? OneToOne.resolve(scored) : scored, left: left, right: right, vectors: vectors)
    }

    func estimate(
        from vectors: ComparisonVectors, candidates: CandidatePairs, left: [PreparedRecord], right: [PreparedRecord]
    ) -> Estimate {
        let (model, iterations) =
            switch configuration.estimation {
            case .ruleByRule:
                RuleByRuleEstimation(fields: configuration.fields, rules: configuration.blockingRules)
                    .estimate(vectors: vectors, candidates: candidates, left: left, right: right)
            case .expectationMaximisation: FellegiSunterModel.estimate(vectors, fields: configuration.fields)
            }
        let thresholds = LinkThresholds.probabilities(
            link: configuration.linkProbability, review: configuration.reviewProbability, model: model)
        let frequencies = TermFrequencies(
            fieldIndices: configuration.termFrequencyFields.compactMap { name in
                configuration.fields.firstIndex { $0.name == name }
            }, left: left, right: right)
        return Estimate(model: model, iterations: iterations, thresholds: thresholds, termFrequencies: frequencies)
    }

    /// The candidate pairs at or above the review threshold, in candidate order. Each is
    /// dropped as soon as it is scored below: a national run has tens of millions.
    func score(
        _ candidates: CandidatePairs, vectors: ComparisonVectors, left: [PreparedRecord], estimate: Estimate
    ) -> [ScoredPair] {
        ChunkedWork.map(count: candidates.pairs.count) { range in
            range.compactMap { index in
                let pair = Self.scored(index, of: candidates, vectors: vectors, left: left, estimate: estimate)
                return pair.decision == .nonLink ? nil : pair
            }
        }
    }

    /// The candidate pair at `index` with its weight, probability and decision.
    static func scored(
        _ index: Int, of candidates: CandidatePairs, vectors: ComparisonVectors, left: [PreparedRecord],
        estimate: Estimate
    ) -> ScoredPair {
        let pair = candidates.pairs[index]
        let weight = estimate.termFrequencies.contributions(
            vectors.pattern(of: index), value: { left[Int(pair.left)].values[$0] }, model: estimate.model
        ).reduce(0) { $0 + ($1 ?? 0) }
        return ScoredPair(
            left: pair.left, right: pair.right, weight: weight, probability: estimate.model.probability(weight: weight),
            decision: estimate.thresholds.decision(for: weight))
    }
}
