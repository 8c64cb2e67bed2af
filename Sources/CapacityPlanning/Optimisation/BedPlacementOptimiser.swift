/// Chooses where extra welfare beds do most good by greedy marginal gains: at each step
/// every possible place for the next beds is simulated on the same children (common random
/// numbers), and the best is kept. With common random numbers the differences between
/// candidates are measured far more sharply than the levels, so a few dozen replications
/// tell the candidates apart; a test checks the greedy answer against exhaustive search.
public struct BedPlacementOptimiser: Sendable {
    public struct Progress: Sendable {
        public var step: Int
        public var steps: Int
        public var bedsAdded: Int
        public var message: String

        public var bedsToAdd: Int

        public var fractionDone: Double { bedsToAdd == 0 ? 1 : Double(bedsAdded) / Double(bedsToAdd) }
    }

    public var model: SimulationModel
    public var objective: PlanningObjective
    public var replications: Int
    public var seed: UInt64
    /// Sites where a new home could open; a site that has been chosen becomes a home.
    public var newHomeSites: [NewHomeSite]
    public var bedsPerStep: Int
    /// The beds a new home opens with: a secure home of one bed is not a real option, and
    /// comparing a new home against single beds elsewhere is done per bed added.
    public var newHomeBeds: Int

    public init(
        model: SimulationModel, objective: PlanningObjective, replications: Int = 20, seed: UInt64 = 1,
        newHomeSites: [NewHomeSite] = [], bedsPerStep: Int = 1, newHomeBeds: Int = 6
    ) {
        self.model = objective.applied(to: model)
        self.objective = objective
        self.replications = max(2, replications)
        self.seed = seed
        self.newHomeSites = newHomeSites
        self.bedsPerStep = max(1, bedsPerStep)
        self.newHomeBeds = max(1, newHomeBeds)
    }

    /// Adds `beds` beds anywhere, maximising the national objective.
    public func optimise(
        addingBeds beds: Int, progress: @Sendable (Progress) -> Void = { _ in }
    ) async -> OptimisationReport {
        await plan(addingBeds: beds, region: nil, until: nil, progress: progress).report
    }

    /// Adds beds only in `region` until the share of its children placed within the
    /// objective's distance reaches `targetShare`, or `limit` beds have been added.
    public func bedsNeeded(
        in region: String, targetShare: Double, limit: Int = 100, progress: @Sendable (Progress) -> Void = { _ in }
    ) async -> BedsNeededReport? {
        guard let regionIndex = model.regions.firstIndex(where: { $0.name == region }) else { return nil }
        let result = await plan(
            addingBeds: limit, region: regionIndex, until: targetShare, progress: progress)
        return BedsNeededReport(
            region: region, targetShare: targetShare,
            withinKilometres: model.distanceThresholdKilometres, shareNow: result.regionObjectiveBefore,
            bedsNeeded: result.reachedTarget ? result.report.bedsAdded : nil, limit: limit, plan: result.report)
    }

    private struct Evaluation {
        var option: BedOption
        var beds: Int
        var model: SimulationModel
        var home: Int
        var tallies: [ReplicationTally]
        var values: [Double]
        var mean: Double { values.reduce(0, +) / Double(values.count) }
        /// Paired gains over the current plan, per bed added.
        func gainPerBed(over current: [Double]) -> [Double] {
            zip(values, current).map { ($0 - $1) / Double(beds) }
        }
    }

    private func plan(
        addingBeds beds: Int, region: Int?, until target: Double?, progress: @Sendable (Progress) -> Void
    ) async -> (report: OptimisationReport, reachedTarget: Bool, regionObjectiveBefore: Estimate) {
        let totalSteps = (beds + bedsPerStep - 1) / bedsPerStep
        let regionName = region.map { model.regions[$0].name }
        var current = model
        var sites = newHomeSites.filter { regionName == nil || $0.region == regionName }
        var currentTallies = await Simulator.runReplications(of: current, count: replications, seed: seed)
        let initialTallies = currentTallies
        func values(_ tallies: [ReplicationTally]) -> [Double] {
            tallies.map { objective.value(in: $0, region: region) }
        }
        let regionBefore = Estimate.mean(of: values(initialTallies))
        var steps: [OptimisationReport.Step] = []
        var added = 0
        var reached = target.map { regionBefore.value >= $0 } ?? false
        while added < beds && !reached {
            let step = min(bedsPerStep, beds - added)
            var options = current.homes.indices
                .filter { regionName == nil || current.homes[$0].region == regionName }
                .map { BedOption.existingHome(index: $0) }
            options += sites.map { BedOption.newHome($0) }
            guard !options.isEmpty else { break }
            progress(
                Progress(
                    step: steps.count, steps: totalSteps, bedsAdded: added,
                    message: "Step \(steps.count + 1): trying \(options.count) places for the next bed(s)",
                    bedsToAdd: beds))
            let before = values(currentTallies)
            var evaluations: [Evaluation] = []
            for option in options {
                let count: Int
                if case .newHome = option { count = max(step, newHomeBeds) } else { count = step }
                guard added + count <= beds else { continue }
                let (changed, home) = option.adding(count, to: current)
                let tallies = await Simulator.runReplications(of: changed, count: replications, seed: seed)
                evaluations.append(
                    Evaluation(
                        option: option, beds: count, model: changed, home: home, tallies: tallies,
                        values: values(tallies)))
            }
            guard !evaluations.isEmpty else { break }
            // Best gain per bed; ties go to the earlier option, so existing homes win over a new site.
            func perBed(_ evaluation: Evaluation) -> Double {
                let gains = evaluation.gainPerBed(over: before)
                return gains.reduce(0, +) / Double(gains.count)
            }
            let ranked = evaluations.enumerated()
                .sorted { (perBed($0.element), -$0.offset) > (perBed($1.element), -$1.offset) }
                .map(\.element)
            let best = ranked[0]
            let runnerUp = ranked.count > 1 ? ranked[1] : nil
            current = best.model
            currentTallies = best.tallies
            added += best.beds
            if case .newHome(let site) = best.option { sites.removeAll { $0 == site } }
            let chosen = current.homes[best.home]
            steps.append(
                OptimisationReport.Step(
                    bedsAdded: added, home: chosen.name, region: chosen.region,
                    isNewHome: best.home >= model.homes.count,
                    objective: Estimate.mean(of: best.values),
                    placementRate: Estimate.mean(
                        of: best.tallies.map { PlanningObjective.placementRate.value(in: $0, region: region) }),
                    gain: Estimate.mean(of: zip(best.values, before).map { $0 - $1 }),
                    runnerUp: runnerUp.map { name(of: $0.option, in: current) },
                    marginOverRunnerUp: runnerUp.map {
                        Estimate.mean(
                            of: zip(best.gainPerBed(over: before), $0.gainPerBed(over: before)).map { $0 - $1 })
                    }))
            if let target { reached = Estimate.mean(of: best.values).value >= target }
        }
        progress(
            Progress(
                step: steps.count, steps: steps.count, bedsAdded: beds, message: "Done: \(added) bed(s) placed",
                bedsToAdd: beds))
        let beforeValues = values(initialTallies)
        let afterValues = values(currentTallies)
        let report = OptimisationReport(
            objective: objective, replications: replications,
            before: SimulationSummary(model: model, tallies: initialTallies),
            after: SimulationSummary(model: current, tallies: currentTallies),
            objectiveBefore: Estimate.mean(of: beforeValues), objectiveAfter: Estimate.mean(of: afterValues),
            improvement: Estimate.mean(of: zip(afterValues, beforeValues).map { $0 - $1 }), steps: steps)
        return (report, reached, regionBefore)
    }

    private func name(of option: BedOption, in model: SimulationModel) -> String {
        switch option {
        case .existingHome(let index): model.homes[index].name
        case .newHome(let site): site.name
        }
    }
}
