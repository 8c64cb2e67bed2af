import Foundation

/// Referrals by outcome for each value of a grouping (region, legal route, urgency, profile),
/// with the share left unplaced among those decided.
public struct OutcomeBreakdown: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var group: String
        public var counts: [CohortReferral.Outcome: Int]
        public var total: Int
        /// Closed unplaced among placed or closed unplaced.
        public var unplaced: Proportion
        public var unplacedInterval: IntervalEstimate?
    }

    public let rows: [Row]
    public let total: Row

    /// Rows in the order of `groups` (each group named once, even if nobody is in it, so that
    /// every period's table has the same rows).
    public init(_ referrals: [CohortReferral], groups: [String], groupOf: (CohortReferral) -> String) {
        let members = Dictionary(grouping: referrals, by: groupOf)
        rows = groups.map { Self.row($0, members[$0] ?? []) }
        total = Self.row("Total", referrals)
    }

    private static func row(_ group: String, _ referrals: [CohortReferral]) -> Row {
        let counts = Dictionary(grouping: referrals, by: \.outcome).mapValues(\.count)
        let decided = referrals.filter(\.isDecided)
        let unplaced = Proportion(counts[.closedUnplaced] ?? 0, of: decided.count)
        return Row(
            group: group, counts: counts, total: referrals.count, unplaced: unplaced,
            unplacedInterval: unplaced.wilsonInterval())
    }
}
