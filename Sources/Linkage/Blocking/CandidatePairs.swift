import Foundation

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
    /// Records before these indices were linked before: their pairs with each other are not
    /// candidates again. Both are 0 in a full linkage.
    public var newLeftFrom: Int
    public var newRightFrom: Int
    /// Whether left and right are one file searched for duplicates: only pairs of two
    /// different records, each pair once (the left index below the right).
    public var deduplicating: Bool
    /// For each rule, each record's block as a number shared by both sides (-1: none), so
    /// that which rules put a pair together can be asked afterwards without a set per pair.
    var leftBlocks: [[Int32]]
    var rightBlocks: [[Int32]]

    /// Every pair of a left and a right record (of two different records in one file).
    public var allPairs: Double {
        deduplicating ? Double(leftCount) * Double(max(leftCount - 1, 0)) / 2 : Double(leftCount) * Double(rightCount)
    }

    /// One minus the share of the pairs that could be compared that are compared (in an
    /// incremental linkage, the pairs that involve at least one new record).
    public var reductionRatio: Double {
        let all = allPairs - Double(newLeftFrom) * Double(newRightFrom)
        return all == 0 ? 1 : 1 - Double(pairs.count) / all
    }

    /// The candidates among `left` × `right`; with `newLeftFrom` or `newRightFrom`, only pairs
    /// with a left record at or after `newLeftFrom` or a right record at or after
    /// `newRightFrom`, so that records added to a linked set meet every record without the
    /// old pairs being found again. A pair is a candidate by its own two records alone, so
    /// a full linkage of the whole files finds the old pairs plus exactly these.
    public init(
        left: [PreparedRecord], right: [PreparedRecord], rules: [BlockingRule], fields: [LinkageField],
        newLeftFrom: Int = 0, newRightFrom: Int = 0
    ) {
        self.init(
            left: left, right: right, rules: rules, fields: fields, newLeftFrom: newLeftFrom,
            newRightFrom: newRightFrom, deduplicating: false)
    }

    /// The candidates among the pairs of two different records of one file, each pair once.
    public init(deduplicating records: [PreparedRecord], rules: [BlockingRule], fields: [LinkageField]) {
        self.init(
            left: records, right: records, rules: rules, fields: fields, newLeftFrom: 0, newRightFrom: 0,
            deduplicating: true)
    }

    private init(
        left: [PreparedRecord], right: [PreparedRecord], rules: [BlockingRule], fields: [LinkageField],
        newLeftFrom: Int, newRightFrom: Int, deduplicating: Bool
    ) {
        precondition(newLeftFrom <= left.count && newRightFrom <= right.count, "new records lie within the lists")
        self.deduplicating = deduplicating
        leftCount = left.count
        rightCount = right.count
        self.newLeftFrom = newLeftFrom
        self.newRightFrom = newRightFrom
        var seen = Set<UInt64>()
        var pairs: [(left: Int32, right: Int32)] = []
        var counts: [RuleCount] = []
        var leftBlocks: [[Int32]] = []
        var rightBlocks: [[Int32]] = []
        for rule in rules {
            // Members are added in index order, so each block's new records are a suffix and,
            // in one file, the records before a given one a prefix.
            // Keys are computed on all cores; the blocks are built in index order.
            let leftKeys = ChunkedWork.map(count: left.count) { range in
                range.map { rule.key(of: left[$0], fields: fields) }
            }
            let rightKeys =
                deduplicating
                ? leftKeys
                : ChunkedWork.map(count: right.count) { range in
                    range.map { rule.key(of: right[$0], fields: fields) }
                }
            var blockNumbers: [String: Int32] = [:]
            var blocks: [[Int32]] = []
            var leftBlock = [Int32](repeating: -1, count: left.count)
            for (index, key) in leftKeys.enumerated() {
                guard let key else { continue }
                let number: Int32
                if let known = blockNumbers[key] {
                    number = known
                } else {
                    number = Int32(blocks.count)
                    blockNumbers[key] = number
                    blocks.append([])
                }
                leftBlock[index] = number
                blocks[Int(number)].append(Int32(index))
            }
            var rightBlock = [Int32](repeating: -1, count: right.count)
            var produced = 0
            for (rightIndex, key) in rightKeys.enumerated() {
                guard let key, let number = blockNumbers[key] else { continue }
                rightBlock[rightIndex] = number
                let members = blocks[Int(number)]
                let partners =
                    deduplicating
                    ? members[..<Self.firstIndex(in: members, atLeast: Int32(rightIndex))]
                    : rightIndex >= newRightFrom
                        ? members[...] : members[Self.firstIndex(in: members, atLeast: Int32(newLeftFrom))...]
                produced += partners.count
                for leftIndex in partners {
                    let packed = UInt64(UInt32(leftIndex)) << 32 | UInt64(UInt32(rightIndex))
                    if seen.insert(packed).inserted { pairs.append((leftIndex, Int32(rightIndex))) }
                }
            }
            leftBlocks.append(leftBlock)
            rightBlocks.append(rightBlock)
            counts.append(RuleCount(rule: rule, pairs: produced))
        }
        pairs.sort { ($0.left, $0.right) < ($1.left, $1.right) }
        self.pairs = pairs
        self.counts = counts
        self.leftBlocks = leftBlocks
        self.rightBlocks = rightBlocks
    }

    /// The rules (bit i: the i-th rule, for the first 64) that put the pair at `index` together.
    func rules(producing index: Int) -> UInt64 {
        let pair = pairs[index]
        var mask: UInt64 = 0
        for rule in 0..<min(leftBlocks.count, 64) {
            let block = leftBlocks[rule][Int(pair.left)]
            if block >= 0 && block == rightBlocks[rule][Int(pair.right)] { mask |= 1 << UInt64(rule) }
        }
        return mask
    }

    private static func firstIndex(in sorted: [Int32], atLeast value: Int32) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
