import Benchmark
import Foundation
import Matching
import SecurePlaceCore

/// The national allocation's solver on seeded dense random matrices of the sizes the issue
/// names (a region's children against its beds, the nation's against every bed, a square
/// worst case); ranking one referral against 1,000 homes with the fitted model; and fitting
/// the acceptance model on 100,000 answers.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 50)

    for (rows, columns) in [(100, 15), (1_000, 254), (2_000, 2_000)] {
        Benchmark("Assignment, \(rows)×\(columns)") { benchmark in
            var generator = SeededRandomNumberGenerator(seed: UInt64(rows * 10_000 + columns))
            let matrix = CostMatrix(rows: rows, columns: columns) { _, _ in Double.random(in: 0..<1, using: &generator)
            }
            for _ in benchmark.scaledIterations {
                blackHole(try AssignmentSolver.solve(matrix))
            }
        }
    }

    // The world is built once, outside the measurement: each sample is one ranking.
    Benchmark(
        "Ranking one referral against 1,000 homes", configuration: .init(maxDuration: .seconds(5), maxIterations: 500)
    ) { benchmark, world in
        for _ in benchmark.scaledIterations {
            blackHole(world.rank())
        }
    } setup: {
        RankingWorld(homes: 1_000, seed: 7)
    }

    Benchmark(
        "Fitting the acceptance model, 100,000 answers",
        configuration: .init(maxDuration: .seconds(20), maxIterations: 10)
    ) { benchmark, answers in
        for _ in benchmark.scaledIterations {
            blackHole(try AcceptanceModel.fit(answers))
        }
    } setup: {
        let homes = SyntheticAnswers.homes(50, seed: 1)
        return SyntheticAnswers.generate(
            100_000, homes: homes, truth: SyntheticAnswers.standardTruth(homes: homes), seed: 2)
    }
}

/// A thousand homes across England and Wales, six beds each (about a third vacant), up to
/// four children in each, and a model fitted on their answers: what ranking one referral
/// costs when the service is that large, the model's likelihood for every home included.
struct RankingWorld {
    var child: HomeRanking.ChildFacts
    var homes: [HomeRanking.HomeFacts]
    var model: AcceptanceModel

    init(homes count: Int, seed: UInt64) {
        var generator = SeededRandomNumberGenerator(seed: seed)
        child = HomeRanking.ChildFacts(
            sex: .male, age: 16, flags: [.offendingHistory, .gangAssociation, .selfHarm],
            homeArea: Coordinate(latitude: 53.48, longitude: -2.24))
        homes = (0..<count).map { index in
            let home = SecureHome(
                id: UUID(using: &generator), reference: "SCH-\(index)", name: "Home \(index)", region: .northWest,
                localAuthorityCode: "E08000003",
                location: Coordinate(
                    latitude: 50.5 + generator.nextUnitInterval() * 4.5,
                    longitude: -4.5 + generator.nextUnitInterval() * 5),
                acceptedSexes: generator.chance(0.8) ? [.male, .female] : [.female], ages: 10...17,
                specialisms: Set(NeedFlag.allCases.filter { _ in generator.chance(0.2) }))
            var beds: [Bed: BedStatus] = [:]
            for room in 0..<6 {
                beds[Bed(id: UUID(using: &generator), homeID: home.id, label: "Room \(room)", kind: .welfare)] =
                    generator.chance(0.35) ? .vacant : .occupied
            }
            let residents = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                HomeRanking.Resident(
                    sex: generator.chance(0.5) ? .male : .female, age: Int.random(in: 12...17, using: &generator),
                    flags: generator.chance(0.3) ? [.criminalExploitation] : [])
            }
            return HomeRanking.HomeFacts(home: home, beds: beds, residents: residents)
        }
        let homeIDs = homes.map(\.home.id)
        model = try! AcceptanceModel.fit(
            SyntheticAnswers.generate(
                20_000, homes: homeIDs, truth: SyntheticAnswers.standardTruth(homes: homeIDs), seed: seed))
    }

    func rank() -> HomeRanking.Ranking {
        let facts = homes.map { facts in
            var facts = facts
            let inUse = facts.beds.values.count { $0 != .vacant }
            facts.offerLikelihood = model.probability(
                of: OfferQuestion(
                    home: facts.home, sex: child.sex, age: child.age, flags: child.flags, urgency: .urgent,
                    homeArea: child.homeArea, welfareBeds: facts.beds.count, welfareBedsInUse: inUse,
                    residents: facts.residents))
            return facts
        }
        return HomeRanking.rank(child, homes: facts)
    }
}
