import Foundation
import Testing

@testable import Linkage

@Suite("Linking new records against a linked set")
struct IncrementalLinkageTests {
    static let configuration = Linker.Configuration.standard(
        columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])

    static func idPairs(_ pairs: [ScoredPair], of result: Linker.Result) -> [String] {
        pairs.map { "\(result.left[Int($0.left)].id)|\(result.right[Int($0.right)].id)|\($0.weight)" }.sorted()
    }

    /// This month's referrals and a partner's new extract, added to a set linked last month,
    /// give exactly the links (and review pairs, with their weights) of a full run over the
    /// whole files scored by the same estimate; and only the new pairs are compared.
    @Test func addingRecordsGivesTheLinksOfAFullRun() throws {
        let (left, right, truth) = LinkerTests.files(people: 2_400, seed: 23)
        let (oldLeft, newLeft) = (Array(left.prefix(2_000)), Array(left.dropFirst(2_000)))
        let (oldRight, newRight) = (Array(right.prefix(1_500)), Array(right.dropFirst(1_500)))
        let linker = Linker(configuration: Self.configuration)
        let first = linker.link(oldLeft, oldRight)
        var set = LinkedSet(configuration: Self.configuration, records: (oldLeft, oldRight), result: first)

        let incremental = try set.add(left: newLeft, right: newRight)
        let full = linker.link(left, right, estimate: first.estimate)

        #expect(!newRight.isEmpty && incremental.links.count > first.links.count)
        #expect(Self.idPairs(incremental.pairs, of: incremental) == Self.idPairs(full.pairs, of: full))
        #expect(incremental.candidates.pairs.count + first.candidates.pairs.count == full.candidates.pairs.count)
        // The new records were linked too, not just carried along.
        let linked = Set(
            incremental.links.map { "\(incremental.left[Int($0.left)].id)|\(incremental.right[Int($0.right)].id)" })
        let recall = Double(linked.intersection(truth).count) / Double(truth.count)
        #expect(recall > 0.95, "recall \(recall)")
        #expect(set.left.count == left.count && set.right.count == right.count)
    }

    /// A new record that outbids an old link for the same person takes it over, as it would
    /// in a full run.
    @Test func aStrongerNewPairReplacesAnOldLinkAsAFullRunWould() throws {
        let (left, right, _) = LinkerTests.files(people: 800, seed: 4)
        let linker = Linker(configuration: Self.configuration)
        let first = linker.link(left, right)
        var set = LinkedSet(configuration: Self.configuration, records: (left, right), result: first)
        // A second, exact copy of a left record whose link is not an exact agreement.
        let weakest = try #require(first.links.min { $0.weight < $1.weight })
        let copy = LinkageRecord(id: "copy", fields: right[Int(weakest.right)].fields)
        let added = try set.add(left: [copy], right: [])
        let full = linker.link(left + [copy], right, estimate: first.estimate)
        #expect(Self.idPairs(added.pairs, of: added) == Self.idPairs(full.pairs, of: full))
        let copyLinks = added.links.filter { added.left[Int($0.left)].id == "copy" }
        #expect(copyLinks.count == 1)
    }

    @Test func aLinkedSetSurvivesBeingSavedAndRead() throws {
        let (left, right, _) = LinkerTests.files(people: 300, seed: 8)
        let first = Linker(configuration: Self.configuration).link(left, right)
        let set = LinkedSet(configuration: Self.configuration, records: (left, right), result: first)
        let read = try JSONDecoder().decode(LinkedSet.self, from: JSONEncoder().encode(set))
        #expect(read.scoredPairs == set.scoredPairs)
        #expect(read.estimate.termFrequencies.shares == set.estimate.termFrequencies.shares)
        #expect(read.left == set.left)
    }

    @Test func aNewRecordWithAnIdAlreadyLinkedIsRefused() {
        let (left, right, _) = LinkerTests.files(people: 50, seed: 2)
        let first = Linker(configuration: Self.configuration).link(left, right)
        var set = LinkedSet(configuration: Self.configuration, records: (left, right), result: first)
        #expect(throws: LinkedSet.AddingError.idAlreadyLinked(id: right[3].id, side: "right")) {
            try set.add(left: [], right: [LinkageRecord(id: right[3].id, fields: [:])])
        }
    }
}
