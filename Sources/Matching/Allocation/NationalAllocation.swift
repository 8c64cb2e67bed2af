import Foundation
import SecurePlaceCore

/// A round of national allocation: the open referrals against the vacant suitable beds, solved
/// exactly for a documented objective, in this order of importance:
///
/// 1. the children placed, each counted by its priority (urgency, and the share of the 72 hours
///    it has already spent without a court order);
/// 2. then the expected acceptance: the sum over the pairs of each home's likelihood of offering;
/// 3. then the distance: the sum of the kilometres from each child's home authority.
///
/// A pair that is not eligible is never proposed, and a child may be left without a bed. The
/// three levels are whole numbers (priority in steps, acceptance in whole per cent, distance in
/// whole km), which makes the order exact: no amount of acceptance outweighs one step of
/// priority, and no amount of distance one per cent of acceptance. Values in, values out.
public enum NationalAllocation {
    /// One child waiting for a bed.
    public struct Child: Hashable, Sendable {
        public var id: UUID
        public var urgency: Urgency
        /// Hours already spent in secure accommodation without a court order in the last 28 days.
        public var hoursWithoutOrder: Double

        public init(id: UUID, urgency: Urgency, hoursWithoutOrder: Double = 0) {
            self.id = id
            self.urgency = urgency
            self.hoursWithoutOrder = hoursWithoutOrder
        }

        /// 1 to 6: planned 1, urgent 2, emergency 3, plus one for each full 24 of the 72 hours used.
        public var priority: Int {
            let urgencyLevel =
                switch urgency {
                case .planned: 1
                case .urgent: 2
                case .emergency: 3
                }
            return urgencyLevel + min(3, max(0, Int(hoursWithoutOrder / 24)))
        }
    }

    /// One vacant bed.
    public struct Bed: Hashable, Sendable {
        public var id: UUID
        public var homeID: UUID

        public init(id: UUID, homeID: UUID) {
            self.id = id
            self.homeID = homeID
        }
    }

    /// What makes an eligible pair better or worse.
    public struct PairFacts: Hashable, Sendable {
        /// The home's likelihood of offering to this child, 0 to 1.
        public var acceptance: Double
        public var distanceKilometres: Double

        public init(acceptance: Double, distanceKilometres: Double) {
            self.acceptance = acceptance
            self.distanceKilometres = distanceKilometres
        }

        var acceptancePercent: Int { Int((min(1, max(0, acceptance)) * 100).rounded()) }
        var wholeKilometres: Int { Int(max(0, distanceKilometres).rounded()) }
    }

    /// A proposed pair with the facts behind it and the child's next best beds.
    public struct ProposedPair: Hashable, Sendable {
        public var childID: UUID
        public var bedID: UUID
        public var facts: PairFacts
        /// The child's other eligible beds, best first (acceptance, then distance), at most three.
        public var runnersUp: [(bedID: UUID, facts: PairFacts)]

        public static func == (lhs: ProposedPair, rhs: ProposedPair) -> Bool {
            lhs.childID == rhs.childID && lhs.bedID == rhs.bedID && lhs.facts == rhs.facts
                && lhs.runnersUp.map(\.bedID) == rhs.runnersUp.map(\.bedID)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(childID)
            hasher.combine(bedID)
        }
    }

    public struct Proposal: Hashable, Sendable {
        public var pairs: [ProposedPair]
        /// Children with no bed in this round, in the order given.
        public var unassigned: [UUID]
        /// The objective's three levels for the proposal: priority placed, acceptance in per
        /// cent, kilometres.
        public var placedPriority: Int
        public var acceptancePercent: Int
        public var kilometres: Int
    }

    public enum AllocationError: Error, Hashable, Sendable, CustomStringConvertible {
        case nothingToAllocate
        /// Too many children, or distances too long, for every cost and sum to stay a whole
        /// number that a Double holds exactly.
        case tooLarge(children: Int, beds: Int)

        public var description: String {
            switch self {
            case .nothingToAllocate:
                "There is nothing to allocate: no open referral has an eligible vacant bed."
            case .tooLarge(let children, let beds):
                "\(children) children and \(beds) beds are more than one round can weigh exactly: allocate region by region."
            }
        }
    }

    /// The optimal proposal. `facts(child, bed)` is nil for a pair that is not eligible.
    public static func propose(
        children: [Child], beds: [Bed], facts: (Child, Bed) -> PairFacts?
    ) throws(AllocationError) -> Proposal {
        let eligible: [[PairFacts?]] = children.map { child in beds.map { facts(child, $0) } }
        guard eligible.contains(where: { $0.contains { $0 != nil } }) else { throw .nothingToAllocate }
        let columnOfRow = try solve(priorities: children.map(\.priority), eligible: eligible)
        var pairs: [ProposedPair] = []
        var unassigned: [UUID] = []
        var totals = (priority: 0, acceptance: 0, kilometres: 0)
        for (row, child) in children.enumerated() {
            guard let column = columnOfRow[row], let pair = eligible[row][column]
            else {
                unassigned.append(child.id)
                continue
            }
            let others = beds.indices.compactMap { index -> (bedID: UUID, facts: PairFacts)? in
                guard index != column, let facts = eligible[row][index] else { return nil }
                return (beds[index].id, facts)
            }
            .sorted {
                ($1.facts.acceptancePercent, $0.facts.wholeKilometres) < (
                    $0.facts.acceptancePercent, $1.facts.wholeKilometres
                )
            }
            pairs.append(
                ProposedPair(childID: child.id, bedID: beds[column].id, facts: pair, runnersUp: Array(others.prefix(3)))
            )
            totals.priority += child.priority
            totals.acceptance += pair.acceptancePercent
            totals.kilometres += pair.wholeKilometres
        }
        return Proposal(
            pairs: pairs, unassigned: unassigned, placedPriority: totals.priority, acceptancePercent: totals.acceptance,
            kilometres: totals.kilometres)
    }

    /// The same optimum by position, for callers with no identifiers (the capacity
    /// simulation's rounds): for each child, given by its priority, the index of its bed or nil.
    public static func assign(
        priorities: [Int], beds: Int, facts: (Int, Int) -> PairFacts?
    ) throws(AllocationError) -> [Int?] {
        let eligible = priorities.indices.map { row in (0..<beds).map { facts(row, $0) } }
        return try solve(priorities: priorities, eligible: eligible)
    }

    private static func solve(priorities: [Int], eligible: [[PairFacts?]]) throws(AllocationError) -> [Int?] {
        let children = priorities.count
        let beds = eligible.first?.count ?? 0
        guard children > 0, beds > 0 else { return Array(repeating: nil, count: children) }
        // Distance and acceptance totals are bounded by the round's size, so one unit of each
        // level is worth more than everything below it can add up to.
        let kilometreLimit = eligible.joined().compactMap { $0?.wholeKilometres }.max() ?? 0
        let acceptanceUnit = Double(children * kilometreLimit + 1)
        let priorityUnit = Double(children) * 100 * acceptanceUnit + acceptanceUnit
        let largestPriority = Double(priorities.max() ?? 0)
        let largestCost = largestPriority * priorityUnit + 100 * acceptanceUnit
        guard largestCost * Double(children + 1) < 9_007_199_254_740_992 else {
            throw .tooLarge(children: children, beds: beds)
        }
        // One spare column per child lets any child go without a bed, at no cost.
        let matrix = CostMatrix(rows: children, columns: beds + children) { row, column in
            guard column < beds else { return 0 }
            guard let pair = eligible[row][column] else { return .infinity }
            return -(Double(priorities[row]) * priorityUnit + Double(pair.acceptancePercent) * acceptanceUnit)
                + Double(pair.wholeKilometres)
        }
        let assignment: Assignment
        do { assignment = try AssignmentSolver.solve(matrix) } catch {
            // Every row has its free spare columns, so there is always a complete assignment.
            preconditionFailure("allocation matrix without a complete assignment: \(error)")
        }
        return assignment.columnOfRow.map { column in column.flatMap { $0 < beds ? $0 : nil } }
    }
}
