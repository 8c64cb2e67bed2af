import Foundation
import Testing

@testable import Linkage

/// Estimating as Splink does: u from random pairs, m rule by rule without the rule's own
/// fields, the prior from the expected number of matches.
@Suite("Estimating the model rule by rule")
struct RuleByRuleEstimationTests {
    static let fields = [
        LinkageField(name: "given_name", kind: .name), LinkageField(name: "surname", kind: .name),
        LinkageField(name: "date_of_birth", kind: .date), LinkageField(name: "sex", kind: .sex),
        LinkageField(name: "postcode", kind: .postcode),
    ]

    /// Rules like those of a large file, where most candidates share both names: with a small
    /// vocabulary nearly all of them are namesakes, not matches.
    static let namesakeRules: [BlockingRule] = [
        .exact(fields: ["surname", "given_name"]), .exact(fields: ["surname", "date_of_birth"]),
        .exact(fields: ["given_name", "date_of_birth"]), .exact(fields: ["postcode", "date_of_birth"]),
    ]

    struct Run {
        var left: [PreparedRecord]
        var right: [PreparedRecord]
        var truth: Set<String>
        var candidates: CandidatePairs
        var vectors: ComparisonVectors
    }

    /// People drawn from few names, so that many share both.
    static func files(people: Int, seed: UInt64) -> (left: [LinkageRecord], right: [LinkageRecord], truth: Set<String>)
    {
        LinkerTests.files(
            people: people, seed: seed, givenNames: Array(LinkerTests.givenNames.prefix(8)),
            surnames: Array(LinkerTests.surnames.prefix(16)))
    }

    static func run(people: Int, seed: UInt64, rules: [BlockingRule]) -> Run {
        let (leftRecords, rightRecords, truth) = files(people: people, seed: seed)
        let preparer = RecordPreparer(fields: fields)
        let left = preparer.prepare(leftRecords)
        let right = preparer.prepare(rightRecords)
        let candidates = CandidatePairs(left: left, right: right, rules: rules, fields: fields)
        let vectors = ComparisonVectors(pairs: candidates, left: left, right: right, fields: fields)
        return Run(left: left, right: right, truth: truth, candidates: candidates, vectors: vectors)
    }

    @Test func namesakesInTheSameBlockDoNotTeachThatAgreeingNamesSayLittle() {
        let run = Self.run(people: 6_000, seed: 21, rules: Self.namesakeRules)
        let sharingBothNames = run.candidates.counts[0].pairs
        #expect(sharingBothNames > 10 * run.truth.count, "the test needs blocks full of namesakes")
        let (model, _) = RuleByRuleEstimation(fields: Self.fields, rules: Self.namesakeRules, randomPairs: 200_000)
            .estimate(vectors: run.vectors, candidates: run.candidates, left: run.left, right: run.right)
        // u of an exact surname agreement is the chance two random people share a surname.
        func shares(_ records: [PreparedRecord], field: Int) -> [FieldValue: Double] {
            var counts: [FieldValue: Double] = [:]
            for record in records { if let value = record.values[field] { counts[value, default: 0] += 1 } }
            let total = counts.values.reduce(0, +)
            return counts.mapValues { $0 / total }
        }
        let leftShares = shares(run.left, field: 1)
        let rightShares = shares(run.right, field: 1)
        let chance = leftShares.reduce(0) { $0 + $1.value * (rightShares[$1.key] ?? 0) }
        let exact = Self.fields[1].comparison.levelCount - 1
        #expect(abs(model.u[1][exact] - chance) / chance < 0.1, "u \(model.u[1][exact]) against \(chance)")
        // m is what the files were made with: given names kept, one surname in five altered.
        #expect(model.m[0].last! > 0.95)
        #expect(abs(model.m[1][exact] - 0.8) < 0.05, "m \(model.m[1][exact])")
        // Matches in these files always share sex; EM over the namesake block sees that.
        #expect(model.m[3].last! > 0.98)
        // The prior: the expected number of matches among all pairs is about the true number.
        let expected = model.matchProportion * Double(run.left.count) * Double(run.right.count)
        #expect(abs(expected - Double(run.truth.count)) / Double(run.truth.count) < 0.1, "expected \(expected)")
    }

    @Test func linksPeopleWhenMostCandidatesAreNamesakes() {
        let (left, right, truth) = Self.files(people: 6_000, seed: 22)
        let configuration = Linker.Configuration(
            fields: Self.fields, blockingRules: Self.namesakeRules, termFrequencyFields: ["surname", "given_name"])
        let result = Linker(configuration: configuration).link(left, right)
        let linked = Set(result.links.map { "\(result.left[Int($0.left)].id)|\(result.right[Int($0.right)].id)" })
        let truePositives = Double(linked.intersection(truth).count)
        #expect(truePositives / Double(linked.count) > 0.98, "precision")
        #expect(truePositives / Double(truth.count) > 0.95, "recall")
    }

    /// The textbook method stays available (`"estimation": "em"`), and the test above is the
    /// reason it is not the default: on the same files it links namesakes.
    @Test func theTextbookEMIsStillThereAndLinksNamesakes() throws {
        let (left, right, truth) = Self.files(people: 6_000, seed: 22)
        let json = #"{"fields": [{"name": "given_name", "kind": "name"}], "blockingRules": [], "estimation": "em"}"#
        #expect(
            try JSONDecoder().decode(Linker.Configuration.self, from: Data(json.utf8)).estimation
                == .expectationMaximisation)
        let configuration = Linker.Configuration(
            fields: Self.fields, blockingRules: Self.namesakeRules, termFrequencyFields: ["surname", "given_name"],
            estimation: .expectationMaximisation)
        let result = Linker(configuration: configuration).link(left, right)
        #expect(result.model == FellegiSunterModel.estimate(result.vectors, fields: Self.fields).model)
        let linked = Set(result.links.map { "\(result.left[Int($0.left)].id)|\(result.right[Int($0.right)].id)" })
        #expect(Double(linked.intersection(truth).count) / Double(linked.count) < 0.9, "precision")
    }

    /// A field every rule blocks on is learned by EM over all the candidates instead.
    @Test func aFieldEveryRuleUsesStillGetsItsM() {
        let rules: [BlockingRule] = [.exact(fields: ["date_of_birth"])]
        let run = Self.run(people: 1_000, seed: 23, rules: rules)
        let (model, _) = RuleByRuleEstimation(fields: Self.fields, rules: rules)
            .estimate(vectors: run.vectors, candidates: run.candidates, left: run.left, right: run.right)
        #expect(model.m[2].last! > 0.5)
        #expect(model.m.allSatisfy { row in row.allSatisfy(\.isFinite) && abs(row.reduce(0, +) - 1) < 1e-9 })
    }
}
