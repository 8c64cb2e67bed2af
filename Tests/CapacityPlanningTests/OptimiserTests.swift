import Synchronization
import Testing

@testable import CapacityPlanning

@Suite("Where the next beds should go")
struct OptimiserTests {
    typealias Make = SimulationFactories

    /// Two busy regions, one quiet; three homes, one in each, all short of beds.
    static func strainedModel() -> SimulationModel {
        Make.model(
            regions: [
                Make.region("West", at: 0, perMonth: 4), Make.region("Middle", at: 3, perMonth: 2),
                Make.region("East", at: 6, perMonth: 0.3),
            ],
            homes: [
                Make.home("West home", at: 0, in: "West", welfare: 6),
                Make.home("Middle home", at: 3, in: "Middle", welfare: 3),
                Make.home("East home", at: 6, in: "East", welfare: 4),
            ], stayDays: 60, waitDays: 7)
    }

    /// Children placed within 100 km: where the beds go matters, and exhaustive search over
    /// every way of adding three beds to three homes is small enough to run.
    @Test func greedyFindsWhatExhaustiveSearchFinds() async {
        let model = PlanningObjective.placedWithinKilometres(100).applied(to: Self.strainedModel())
        let optimiser = BedPlacementOptimiser(
            model: model, objective: .placedWithinKilometres(100), replications: 12, seed: 5)
        let report = await optimiser.optimise(addingBeds: 3)
        var best = (value: -1.0, allocation: [0, 0, 0])
        for west in 0...3 {
            for middle in 0...(3 - west) {
                var changed = model
                changed.homes[0].welfareBeds += west
                changed.homes[1].welfareBeds += middle
                changed.homes[2].welfareBeds += 3 - west - middle
                let tallies = await Simulator.runReplications(of: changed, count: 12, seed: 5)
                let value = tallies.map(\.shareWithinThreshold).reduce(0, +) / 12
                if value > best.value { best = (value, [west, middle, 3 - west - middle]) }
            }
        }
        let greedy = model.homes.map { home in report.recommendations.first { $0.home == home.name }?.beds ?? 0 }
        #expect(greedy == best.allocation)
        #expect(abs(report.objectiveAfter.value - best.value) < 1e-12)
        #expect(report.improvement.lower > 0)
    }

    @Test func bedsGoWhereChildrenAreTurnedAway() async {
        let report = await BedPlacementOptimiser(
            model: Self.strainedModel(), objective: .placementRate, replications: 10, seed: 2
        ).optimise(addingBeds: 4)
        #expect(report.bedsAdded == 4)
        #expect(!report.recommendations.contains { $0.home == "East home" })
        #expect(report.objectiveAfter.value > report.objectiveBefore.value)
        let west = report.regions.first { $0.name == "West" }!
        #expect(west.after.value >= west.before.value)
        #expect(report.steps.map(\.bedsAdded) == [1, 2, 3, 4])
    }

    /// A region with no home near it: only a new home there places its children close by.
    @Test func aDistanceObjectiveOpensAHomeWhereThereIsNone() async {
        var model = Self.strainedModel()
        model.regions.append(Make.region("Far East", at: 12, perMonth: 4))
        let site = NewHomeSite(
            name: "New Far East home", region: "Far East", location: Make.place(12),
            offerProbabilities: Array(repeating: 1, count: ChildProfile.count))
        let report = await BedPlacementOptimiser(
            model: model, objective: .placedWithinKilometres(100), replications: 10, seed: 3, newHomeSites: [site],
            bedsPerStep: 2
        ).optimise(addingBeds: 6)
        let newHome = report.recommendations.first { $0.home == "New Far East home" }
        #expect(newHome?.isNewHome == true)
        #expect(newHome?.region == "Far East")
        // A new home opens with six beds, never one.
        #expect(newHome?.beds == 6)
        let farEast = report.after.regions.first { $0.name == "Far East" }!
        #expect(farEast.shareWithinThreshold.value > 0.2)
        #expect(report.before.regions.first { $0.name == "Far East" }!.shareWithinThreshold.value == 0)
    }

    @Test func bedsNeededForARegionalTarget() async throws {
        let optimiser = BedPlacementOptimiser(
            model: Self.strainedModel(), objective: .placedWithinKilometres(50), replications: 10, seed: 4)
        let report = try #require(await optimiser.bedsNeeded(in: "West", targetShare: 0.95, limit: 30))
        let needed = try #require(report.bedsNeeded)
        #expect(report.shareNow.value < 0.95)
        #expect(needed > 0 && needed <= 30)
        #expect(report.plan.objectiveAfter.value >= 0.95)
        #expect(report.plan.recommendations.allSatisfy { $0.region == "West" })
        // One bed fewer does not reach the target, or the search would have stopped there.
        if report.plan.steps.count > 1 {
            #expect(report.plan.steps[report.plan.steps.count - 2].objective.value < 0.95)
        }
    }

    @Test func anUnreachableTargetSaysSo() async throws {
        var model = Self.strainedModel()
        model.regions.append(Make.region("Far East", at: 12, perMonth: 2))
        let optimiser = BedPlacementOptimiser(model: model, objective: .placedWithinKilometres(50), replications: 4)
        let report = try #require(await optimiser.bedsNeeded(in: "Far East", targetShare: 0.95, limit: 5))
        #expect(report.bedsNeeded == nil)
        #expect(await optimiser.bedsNeeded(in: "Atlantis", targetShare: 0.9) == nil)
    }

    @Test func progressIsReportedForEveryStep() async {
        let seen = Mutex<[Int]>([])
        _ = await BedPlacementOptimiser(model: Self.strainedModel(), objective: .placementRate, replications: 3)
            .optimise(addingBeds: 3) { progress in seen.withLock { $0.append(progress.step) } }
        #expect(seen.withLock { $0 } == [0, 1, 2, 3])
    }

    @Test(arguments: [
        ("placement-rate", PlanningObjective.placementRate), ("placed-within-km=100", .placedWithinKilometres(100)),
        ("placed-within-km=12.5", .placedWithinKilometres(12.5)),
    ])
    func objectivesReadFromTheCommandLine(argument: String, objective: PlanningObjective) {
        #expect(PlanningObjective(argument: argument) == objective)
        #expect(PlanningObjective(argument: objective.argument) == objective)
    }

    @Test(arguments: ["placed-within-km=-5", "placed-within-km=", "fastest", "placed-within-km=inf"])
    func badObjectivesAreRefused(argument: String) {
        #expect(PlanningObjective(argument: argument) == nil)
    }
}
