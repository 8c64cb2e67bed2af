import Foundation
import Testing

@testable import Linkage

@Suite("What the clerical review page shows")
struct ReviewItemTests {
    @Test func valuesAreMaskedToWhatJudgingTheComparisonNeeds() {
        #expect(ReviewItem.masked(.text("jordan"), kind: .name) == "J•••••")
        #expect(ReviewItem.masked(.date(LinkageDate(year: 2010, month: 6, day: 15)!), kind: .date) == "••/06/2010")
        #expect(ReviewItem.masked(.postcode(Postcode("M1 1AE")!), kind: .postcode) == "M1 1••")
        #expect(ReviewItem.masked(.text("female"), kind: .sex) == "female")
        #expect(ReviewItem.masked(.text("12 acacia avenue"), kind: .text) == "(16 characters)")
        #expect(ReviewItem.masked(nil, kind: .name) == "—")
    }

    /// The waterfall's steps add up: the prior plus every field's contribution is the pair's
    /// weight plus the prior, and each field names its comparison level.
    @Test func theContributionsAddUpToTheWeight() throws {
        let (left, right, _) = LinkerTests.files(people: 600, seed: 9)
        let configuration = Linker.Configuration.standard(
            columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        let result = Linker(configuration: configuration).link(left, right)
        let pair = try #require(result.links.first)
        let item = ReviewItem(pair, of: result)
        let total = item.fields.compactMap(\.contribution).reduce(0, +)
        #expect(abs(total - item.weight) < 1e-9)
        #expect(item.fields.map(\.field) == ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        #expect(item.fields.allSatisfy { !$0.agreement.isEmpty })
        #expect(item.fields.allSatisfy { !$0.left.contains(where: \.isLowercase) || $0.field == "sex" })
        #expect(abs(item.priorWeight - log2(result.model.matchProportion / (1 - result.model.matchProportion))) < 1e-12)
    }
}

@Suite("Work shared over the cores")
struct ChunkedWorkTests {
    @Test func resultsKeepTheirOrderWhateverTheNumberOfWorkers() {
        let one = ChunkedWork.map(count: 50_001, workers: 1) { range in range.map { $0 * 3 } }
        let many = ChunkedWork.map(count: 50_001, workers: 8) { range in range.map { $0 * 3 } }
        #expect(one == many)
        #expect(many.count == 50_001 && many.last == 150_000)
        #expect(ChunkedWork.map(count: 0) { range in range.map { $0 } }.isEmpty)
    }
}

@Suite("Explaining one pair (link --explain)")
struct PairExplanationTests {
    @Test func aPairIsExplainedByTheRunsOwnEstimateWhetherOrNotItWasCompared() throws {
        let (left, files, truth) = LinkerTests.files(people: 600, seed: 9)
        // The first right record twice: one-to-one keeps one of the two pairs it makes.
        let right = files + [LinkageRecord(id: "twin", fields: files[0].fields)]
        let configuration = Linker.Configuration.standard(
            columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        let result = Linker(configuration: configuration).link(left, right)

        // A linked pair: the same weight and probability the run gave it.
        let link = try #require(result.links.first)
        let linked = try #require(
            result.explanation(leftID: result.left[Int(link.left)].id, rightID: result.right[Int(link.right)].id))
        #expect(linked.outcome == .linked)
        #expect(abs(linked.item.weight - link.weight) < 1e-9)
        #expect(abs(linked.item.probability - link.probability) < 1e-12)

        // Two records no rule puts together: scored all the same, and said never compared.
        let compared = Set(result.candidates.pairs.map { "\($0.left)-\($0.right)" })
        let apart = try #require(
            (0..<result.right.count).first { !compared.contains("0-\($0)") })
        let never = try #require(result.explanation(leftID: result.left[0].id, rightID: result.right[apart].id))
        #expect(never.outcome == .neverCompared)
        #expect(never.item.fields.count == 5)
        #expect(abs(never.item.fields.compactMap(\.contribution).reduce(0, +) - never.item.weight) < 1e-9)

        // A pair above the review threshold that one-to-one set aside for a better one.
        let first = try #require(result.links.first { $0.right == 0 })
        let partner = result.left[Int(first.left)].id
        #expect(result.explanation(leftID: partner, rightID: files[0].id)?.outcome == .linked)
        #expect(result.explanation(leftID: partner, rightID: "twin")?.outcome == .keptOutByABetterPair)
        #expect(result.explanation(leftID: "nobody", rightID: result.right[0].id) == nil)
        #expect(!truth.isEmpty)
    }
}

@Suite("Every candidate's score (link --scores)")
struct CandidateScoreTests {
    @Test func everyCandidateIsScoredAsTheRunScoredTheOnesItKept() throws {
        let (left, right, _) = LinkerTests.files(people: 400, seed: 4)
        let result = Linker(
            configuration: .standard(columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        ).link(left, right)
        let every = result.everyCandidateScored
        #expect(every.count == result.candidates.pairs.count)
        #expect(every.contains { $0.decision == .nonLink })
        // The pairs the run kept above the review threshold are among them, with the same scores.
        let byPair = Dictionary(uniqueKeysWithValues: every.map { ("\($0.left)-\($0.right)", $0) })
        for kept in result.scoredPairs {
            let same = try #require(byPair["\(kept.left)-\(kept.right)"])
            #expect(same == kept)
        }
        #expect(every.filter { $0.decision != .nonLink }.count == result.scoredPairs.count)
    }
}
