import Testing

@testable import CapacityPlanning

@Suite("Erlang loss and delay formulas")
struct LossFormulaTests {
    /// Values from published Erlang-B tables and, for the large cases, from exact rational
    /// arithmetic.
    @Test(arguments: [
        (beds: 1, load: 1.0, blocking: 0.5),
        (beds: 2, load: 1.0, blocking: 0.2),
        (beds: 5, load: 2.0, blocking: 0.036697),
        (beds: 10, load: 5.0, blocking: 0.018385),
        (beds: 50, load: 40.0, blocking: 0.018691),
        (beds: 1000, load: 950.0, blocking: 0.0036493),
        (beds: 100, load: 10_000.0, blocking: 0.990001),
    ])
    func blockingMatchesPublishedValues(beds: Int, load: Double, blocking: Double) throws {
        let computed = try ErlangB.blockingProbability(beds: beds, load: load)
        #expect(abs(computed - blocking) < 1e-6 * max(1, blocking * 10))
    }

    @Test func staysFiniteForThousandsOfBedsAndHugeLoads() throws {
        for beds in [5_000, 20_000] {
            for load in [Double(beds) * 0.5, Double(beds), Double(beds) * 50] {
                let blocking = try ErlangB.blockingProbability(beds: beds, load: load)
                #expect(blocking.isFinite && blocking >= 0 && blocking <= 1)
                // Far above capacity nearly everything beyond the beds is turned away.
                if load > Double(beds) * 10 { #expect(abs(blocking - (1 - Double(beds) / load)) < 1e-3) }
            }
        }
    }

    @Test func noBedsTurnsEveryoneAway() throws {
        #expect(try ErlangB.blockingProbability(beds: 0, load: 3) == 1)
        #expect(try ErlangB.blockingProbability(beds: 4, load: 0) == 0)
    }

    /// The table: 11 servers carry 5.16 erlangs at 1% blocking.
    @Test func fewestBedsMatchesTheTable() throws {
        #expect(try ErlangB.fewestBeds(forBlocking: 0.01, load: 5.0) == 11)
        #expect(try ErlangB.fewestBeds(forBlocking: 0.01, load: 5.2) == 12)
        #expect(try ErlangB.fewestBeds(forBlocking: 0.5, load: 1.0) == 1)
    }

    @Test(arguments: [0.3, 2.5, 17.0, 120.0, 900.0])
    func fewestBedsIsTheInverseOfBlocking(load: Double) throws {
        let beds = try ErlangB.fewestBeds(forBlocking: 0.05, load: load)
        #expect(try ErlangB.blockingProbability(beds: beds, load: load) <= 0.05)
        #expect(try ErlangB.blockingProbability(beds: beds - 1, load: load) > 0.05)
    }

    @Test func badInputNamesTheField() {
        #expect(throws: LossFormulaError.negativeBeds(-1)) { try ErlangB.blockingProbability(beds: -1, load: 1) }
        #expect(throws: LossFormulaError.invalidLoad(-2)) { try ErlangB.blockingProbability(beds: 1, load: -2) }
        #expect(throws: LossFormulaError.invalidTargetBlocking(1)) {
            try ErlangB.fewestBeds(forBlocking: 1, load: 1)
        }
        #expect(LossFormulaError.invalidLoad(.nan).field == "load")
    }

    /// Two servers at one erlang: a third of arrivals wait, for a third of a stay on average.
    @Test func erlangCForTwoBeds() throws {
        #expect(abs(try ErlangC.probabilityOfWaiting(beds: 2, load: 1) - 1.0 / 3) < 1e-12)
        #expect(abs(try ErlangC.meanWait(beds: 2, load: 1) - 1.0 / 3) < 1e-12)
        #expect(try ErlangC.probabilityOfWaiting(beds: 3, load: 3) == 1)
        #expect(try ErlangC.meanWait(beds: 3, load: 4) == .infinity)
    }
}
