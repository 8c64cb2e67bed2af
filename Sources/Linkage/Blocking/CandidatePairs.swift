/// The pairs to compare: the union of every rule's pairs, each pair once, with what each
/// rule contributed.
public struct CandidatePairs: Sendable {
    public struct RuleCount: Sendable, Hashable {
        public var rule: BlockingRule
        public var pairs: Int
    }

    /// Indices into the left and right record lists, in order.
    public var pairs: [(left: Int32, right: Int32)]
    public var counts: [RuleCount]
    public var leftCount: Int
    public var rightCount: Int

    /// One minus the share of all left × right pairs that are compared.
    public var reductionRatio: Double {
        let all = Double(leftCount) * Double(rightCount)
        return all == 0 ? 1 : 1 - Double(pairs.count) / all
    }

    public init(
        left: [PreparedRecord], right: [PreparedRecord], rules: [BlockingRule], fields: [LinkageField]
    ) {
        leftCount = left.count
        rightCount = right.count
        var seen = Set<UInt64>()
        var pairs: [(left: Int32, right: Int32)] = []
        var counts: [RuleCount] = []
        for rule in rules {
            var blocks: [String: [Int32]] = [:]
            for (index, record) in left.enumerated() {
                if let key = rule.key(of: record, fields: fields) { blocks[key, default: []].append(Int32(index)) }
            }
            var produced = 0
            for (rightIndex, record) in right.enumerated() {
                guard let key = rule.key(of: record, fields: fields), let members = blocks[key] else { continue }
                produced += members.count
                for leftIndex in members {
                    let packed = UInt64(UInt32(leftIndex)) << 32 | UInt64(UInt32(rightIndex))
                    if seen.insert(packed).inserted { pairs.append((leftIndex, Int32(rightIndex))) }
                }
            }
            counts.append(RuleCount(rule: rule, pairs: produced))
        }
        pairs.sort { ($0.left, $0.right) < ($1.left, $1.right) }
        self.pairs = pairs
        self.counts = counts
    }
}
