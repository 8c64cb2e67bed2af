import Foundation
import Matching
import SecurePlaceCore
import Testing

@Suite("National allocation")
struct NationalAllocationTests {
    typealias Facts = NationalAllocation.PairFacts

    /// A seeded round: some pairs ineligible, acceptance and distance drawn.
    static func round(children: Int, beds: Int, seed: UInt64) -> (
        [NationalAllocation.Child], [NationalAllocation.Bed], [UUID: [UUID: Facts]]
    ) {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let kids = (0..<children).map { _ in
            NationalAllocation.Child(
                id: UUID(), urgency: Urgency.allCases.randomElement(using: &generator)!,
                hoursWithoutOrder: [0, 0, 30, 60].randomElement(using: &generator)!)
        }
        let homes = (0..<3).map { _ in UUID() }
        let rooms = (0..<beds).map { _ in
            NationalAllocation.Bed(id: UUID(), homeID: homes.randomElement(using: &generator)!)
        }
        var facts: [UUID: [UUID: Facts]] = [:]
        for kid in kids {
            for room in rooms where Double.random(in: 0..<1, using: &generator) < 0.7 {
                facts[kid.id, default: [:]][room.id] = Facts(
                    acceptance: Double(Int.random(in: 0...10, using: &generator)) / 10,
                    distanceKilometres: Double(Int.random(in: 0...400, using: &generator)))
            }
        }
        return (kids, rooms, facts)
    }

    /// The best lexicographic objective by trying every way of giving each child a bed or none.
    static func bruteForce(
        _ kids: [NationalAllocation.Child], _ rooms: [NationalAllocation.Bed], _ facts: [UUID: [UUID: Facts]]
    ) -> (Int, Int, Int) {
        var best = (0, 0, 0)
        var used = Set<UUID>()
        func better(_ a: (Int, Int, Int), than b: (Int, Int, Int)) -> Bool {
            (a.0, a.1, -a.2) > (b.0, b.1, -b.2)
        }
        func visit(_ index: Int, _ total: (Int, Int, Int)) {
            guard index < kids.count else {
                if better(total, than: best) { best = total }
                return
            }
            visit(index + 1, total)
            for room in rooms where !used.contains(room.id) {
                guard let pair = facts[kids[index].id]?[room.id] else { continue }
                used.insert(room.id)
                visit(
                    index + 1,
                    (
                        total.0 + kids[index].priority, total.1 + Int((pair.acceptance * 100).rounded()),
                        total.2 + Int(pair.distanceKilometres)
                    ))
                used.remove(room.id)
            }
        }
        visit(0, (0, 0, 0))
        return best
    }

    @Test(
        "the proposal is the lexicographic optimum brute force finds: priority placed, then acceptance, then distance",
        arguments: 0..<40)
    func optimal(seed: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: UInt64(500 + seed))
        let (kids, rooms, facts) = Self.round(
            children: Int.random(in: 1...5, using: &generator), beds: Int.random(in: 1...5, using: &generator),
            seed: UInt64(seed))
        guard facts.values.contains(where: { !$0.isEmpty }) else { return }
        let proposal = try NationalAllocation.propose(children: kids, beds: rooms) { facts[$0.id]?[$1.id] }
        let expected = Self.bruteForce(kids, rooms, facts)
        #expect((proposal.placedPriority, proposal.acceptancePercent, proposal.kilometres) == expected)
        #expect(Set(proposal.pairs.map(\.bedID)).count == proposal.pairs.count, "no bed twice")
        #expect(proposal.pairs.allSatisfy { facts[$0.childID]?[$0.bedID] != nil }, "only eligible pairs")
        #expect(proposal.pairs.count + proposal.unassigned.count == kids.count)
    }

    @Test(
        "an emergency child held near the limit gets the one bed, even from further away and less likely to be accepted"
    )
    func priorityComesFirst() throws {
        let bed = NationalAllocation.Bed(id: UUID(), homeID: UUID())
        let planned = NationalAllocation.Child(id: UUID(), urgency: .planned)
        let emergency = NationalAllocation.Child(id: UUID(), urgency: .emergency, hoursWithoutOrder: 60)
        #expect(emergency.priority == 5 && planned.priority == 1)
        let proposal = try NationalAllocation.propose(children: [planned, emergency], beds: [bed]) { child, _ in
            child == planned
                ? Facts(acceptance: 1, distanceKilometres: 5) : Facts(acceptance: 0.1, distanceKilometres: 300)
        }
        #expect(proposal.pairs.map(\.childID) == [emergency.id])
        #expect(proposal.unassigned == [planned.id])
    }

    @Test("between equals, the likelier offer wins, then the nearer bed; runners-up come best first")
    func acceptanceThenDistance() throws {
        let child = NationalAllocation.Child(id: UUID(), urgency: .urgent)
        let beds = (0..<3).map { _ in NationalAllocation.Bed(id: UUID(), homeID: UUID()) }
        let facts = [
            beds[0].id: Facts(acceptance: 0.5, distanceKilometres: 10),
            beds[1].id: Facts(acceptance: 0.8, distanceKilometres: 200),
            beds[2].id: Facts(acceptance: 0.8, distanceKilometres: 90),
        ]
        let proposal = try NationalAllocation.propose(children: [child], beds: beds) { facts[$1.id] }
        #expect(proposal.pairs.first?.bedID == beds[2].id)
        #expect(proposal.pairs.first?.runnersUp.map(\.bedID) == [beds[1].id, beds[0].id])
    }

    @Test("a round with nothing eligible says so")
    func nothingToAllocate() {
        let child = NationalAllocation.Child(id: UUID(), urgency: .urgent)
        let bed = NationalAllocation.Bed(id: UUID(), homeID: UUID())
        #expect(throws: NationalAllocation.AllocationError.nothingToAllocate) {
            try NationalAllocation.propose(children: [child], beds: [bed]) { _, _ in nil }
        }
        #expect(throws: NationalAllocation.AllocationError.nothingToAllocate) {
            try NationalAllocation.propose(children: [], beds: [bed]) { _, _ in nil }
        }
    }

    @Test("a national round of 300 children and 254 beds is solved, and every bed goes to at most one child")
    func nationalSize() throws {
        let (kids, rooms, facts) = Self.round(children: 300, beds: 254, seed: 9)
        let proposal = try NationalAllocation.propose(children: kids, beds: rooms) { facts[$0.id]?[$1.id] }
        #expect(proposal.pairs.count == 254, "with 70% of pairs eligible every bed finds a child")
        #expect(Set(proposal.pairs.map(\.bedID)).count == 254)
    }
}
