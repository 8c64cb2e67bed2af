import Testing

@testable import CapacityPlanning

@Suite("Simulation behaviour")
struct SimulationBehaviourTests {
    typealias Make = SimulationFactories

    @Test func sameSeedSameAnswerAndAnotherSeedAnother() async {
        let model = Make.model(regions: [Make.region(perMonth: 6)], homes: [Make.home("A", at: 0, welfare: 8)])
        let first = await Simulator.runReplications(of: model, count: 4, seed: 11)
        let again = await Simulator.runReplications(of: model, count: 4, seed: 11)
        let other = await Simulator.runReplications(of: model, count: 4, seed: 12)
        #expect(first == again)
        #expect(first != other)
        #expect(Simulator.runReplication(of: model, seed: 11, replication: 2) == first[2])
    }

    @Test func waitingForABedPlacesMoreChildren() async {
        let homes = [Make.home("A", at: 0, welfare: 6)]
        var loss = Make.model(regions: [Make.region(perMonth: 2.5)], homes: homes, waitDays: 0)
        loss.measuredDays = 50 * 365
        var waiting = loss
        waiting.maximumWaitDays = 21
        let lost = await Simulator.simulate(loss, replications: 10, seed: 3)
        let waited = await Simulator.simulate(waiting, replications: 10, seed: 3)
        #expect(waited.placementRate.lower > lost.placementRate.upper)
        #expect(waited.meanDaysToPlacement.value > 0)
        #expect(lost.meanDaysToPlacement.value == 0)
    }

    @Test func aProfileNoHomeOffersToIsNeverPlaced() async {
        let profiles = [ProfileShare(Make.youngerGirl, 1), ProfileShare(Make.olderBoyWithOffending, 1)]
        let model = Make.model(
            regions: [Make.region(perMonth: 3, profiles: profiles)],
            homes: [Make.home("A", at: 0, welfare: 20) { $0.hasFlagAssociatedWithRefusal ? 0 : 1 }])
        let summary = await Simulator.simulate(model, replications: 4, seed: 5)
        let boys = summary.profiles.first { $0.profile == Make.olderBoyWithOffending }!
        let girls = summary.profiles.first { $0.profile == Make.youngerGirl }!
        #expect(boys.arrivalsPerReplication > 50)
        #expect(boys.placementRate.value == 0)
        #expect(girls.placementRate.value > 0.9)
    }

    @Test func childrenGoToTheNearestHomeThatOffers() async {
        let model = Make.model(
            regions: [Make.region(at: 0, perMonth: 0.5)],
            homes: [Make.home("Far", at: 3, welfare: 50), Make.home("Near", at: 0, welfare: 50)])
        let summary = await Simulator.simulate(model, replications: 3, seed: 9)
        #expect(summary.placementRate.value == 1)
        #expect(summary.meanDistanceKilometres.value < 1)
        #expect(summary.homes[0].occupancy.value == 0)
    }

    @Test func welfareChildrenNeverTakeJusticeBedsButDoTakeFlexibleOnes() async {
        let justiceOnly = Make.model(
            regions: [Make.region(perMonth: 2)], homes: [Make.home("A", at: 0, welfare: 0, justice: 10)])
        #expect(await Simulator.simulate(justiceOnly, replications: 3, seed: 1).placementRate.value == 0)
        let flexible = Make.model(
            regions: [Make.region(perMonth: 2)], homes: [Make.home("A", at: 0, welfare: 0, justice: 10, flexible: 10)])
        #expect(await Simulator.simulate(flexible, replications: 3, seed: 1).placementRate.value > 0.8)
        let justice = Make.model(
            regions: [Make.region(perMonth: 2, profiles: [ProfileShare(Make.justiceBoy, 1)])],
            homes: [Make.home("A", at: 0, welfare: 10, justice: 10)])
        let summary = await Simulator.simulate(justice, replications: 3, seed: 1)
        #expect(summary.placementRate.value > 0.8)
    }

    /// Carried load over beds: occupancy is a(1 − B)/c.
    @Test func occupancyMatchesTheCarriedLoad() async throws {
        let model = SimulationModel.lossSystem(
            beds: 10, load: 8, stay: .exponential(meanDays: 30), measuredDays: 30 * 2_000)
        let summary = await Simulator.simulate(model, replications: 10, seed: 4)
        let blocking = try ErlangB.blockingProbability(beds: 10, load: 8)
        let expected = 8 * (1 - blocking) / 10
        #expect(abs(summary.homes[0].occupancy.value - expected) < 0.01)
    }

    @Test func seasonalArrivalsKeepTheirAnnualRateAndPeakWhenAsked() async {
        var region = Make.region(perMonth: 30)
        region.seasonalAmplitude = 0.5
        region.peakDayOfYear = 91
        func arrivals(from start: Double, days: Double, replications: Int) async -> Int {
            let model = SimulationModel(
                regions: [region], homes: [Make.home("A", at: 0, welfare: 1_000)],
                welfareStay: .exponential(meanDays: 1), warmUpDays: start, measuredDays: days)
            return await Simulator.runReplications(of: model, count: replications, seed: 8).reduce(0) {
                $0 + $1.arrivals
            }
        }
        let expected = 30 * 12 * 20.0
        let twentyYears = Double(await arrivals(from: 0, days: 365.25 * 20, replications: 1))
        #expect(abs(twentyYears - expected) < 4 * expected.squareRoot())
        // Sixty days around the peak against sixty days around the trough, half a year later.
        let nearPeak = await arrivals(from: 61, days: 60, replications: 40)
        let nearTrough = await arrivals(from: 61 + 182.6, days: 60, replications: 40)
        #expect(Double(nearPeak) > 2.5 * Double(nearTrough))
    }
}
