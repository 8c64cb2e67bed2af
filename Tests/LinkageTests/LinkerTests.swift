import Foundation
import Testing

@testable import Linkage

@Suite("Linking two files end to end")
struct LinkerTests {
    static let givenNames = [
        "olivia", "amelia", "isla", "ava", "mia", "ivy", "lily", "isabella", "rosie", "sophia", "grace", "freya",
        "noah", "oliver", "george", "arthur", "muhammad", "leo", "harry", "oscar", "archie", "henry", "theo", "jack",
    ]
    static let surnames = [
        "smith", "jones", "williams", "taylor", "brown", "davies", "evans", "wilson", "thomas", "johnson", "roberts",
        "robinson", "thompson", "wright", "walker", "white", "edwards", "hughes", "green", "hall", "lewis", "harris",
        "clarke", "patel", "jackson", "wood", "turner", "martin", "cooper", "hill", "ward", "morris", "moore",
        "clark", "lee", "king", "baker", "harrison", "morgan", "allen", "james", "scott", "phillips", "watson",
        "davis", "parker", "price", "bennett", "young", "griffiths", "mitchell", "kelly", "cook", "carter",
        "richardson", "bailey", "collins", "bell", "shaw", "murphy", "miller", "cox", "richards", "khan",
    ]

    /// People with a true identity, and the same people as another service recorded them:
    /// a typo in a name, day and month swapped, a house move within the sector, sex missing.
    static func files(
        people: Int, seed: UInt64, givenNames: [String] = givenNames, surnames: [String] = surnames
    ) -> (left: [LinkageRecord], right: [LinkageRecord], truth: Set<String>) {
        var random = FellegiSunterTests.SplitMix(state: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.unit() * Double(values.count))] }
        var left: [LinkageRecord] = []
        var right: [LinkageRecord] = []
        var truth = Set<String>()
        for person in 0..<people {
            let given = pick(givenNames)
            let surname = pick(surnames)
            let year = 2005 + Int(random.unit() * 8)
            let month = 1 + Int(random.unit() * 12)
            let day = 1 + Int(random.unit() * 28)
            let district = "M\(1 + Int(random.unit() * 40))"
            let sector = Int(random.unit() * 9)
            let postcode = "\(district) \(sector)A\(pick(["A", "B", "D", "E", "F"]))"
            let sex = person % 2 == 0 ? "F" : "M"
            left.append(
                LinkageRecord(
                    id: "L\(person)",
                    fields: [
                        "given_name": given.capitalized, "surname": surname.uppercased(),
                        "date_of_birth": String(format: "%04d-%02d-%02d", year, month, day), "sex": sex,
                        "postcode": postcode,
                    ]))
            guard random.unit() < 0.8 else { continue }
            var recordedSurname = surname
            if random.unit() < 0.2 {
                var letters = Array(surname)
                letters[Int(random.unit() * Double(letters.count))] = "x"
                recordedSurname = String(letters)
            }
            var born = String(format: "%02d/%02d/%04d", day, month, year)
            if random.unit() < 0.1 && day <= 12 { born = String(format: "%02d/%02d/%04d", month, day, year) }
            let movedPostcode = random.unit() < 0.2 ? "\(district) \(sector)ZZ" : postcode
            right.append(
                LinkageRecord(
                    id: "R\(person)",
                    fields: [
                        "given_name": given, "surname": recordedSurname, "date_of_birth": born,
                        "sex": random.unit() < 0.1 ? "unknown" : sex, "postcode": movedPostcode,
                    ]))
            truth.insert("L\(person)|R\(person)")
        }
        return (left, right, truth)
    }

    @Test func linksTheSamePeopleDespiteTyposSwapsAndMoves() {
        let (left, right, truth) = Self.files(people: 2_000, seed: 11)
        let configuration = Linker.Configuration.standard(
            columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        let result = Linker(configuration: configuration).link(left, right)
        let linked = Set(result.links.map { "\(result.left[Int($0.left)].id)|\(result.right[Int($0.right)].id)" })
        let truePositives = linked.intersection(truth).count
        let precision = Double(truePositives) / Double(max(linked.count, 1))
        let recall = Double(truePositives) / Double(truth.count)
        #expect(precision > 0.97, "precision \(precision)")
        #expect(recall > 0.95, "recall \(recall)")
        #expect(result.candidates.reductionRatio > 0.95)
        // One-to-one: no record on either side is linked twice.
        #expect(Set(result.pairs.map(\.left)).count == result.pairs.count)
        #expect(Set(result.pairs.map(\.right)).count == result.pairs.count)
    }

    /// Both files run together into one: the duplicates to find are the people in both.
    @Test func findsTheSamePeopleTwiceInOneFile() {
        let (left, right, truth) = Self.files(people: 2_000, seed: 12)
        let configuration = Linker.Configuration.standard(
            columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        let result = Linker(configuration: configuration).deduplicate(left + right)
        #expect(result.pairs.allSatisfy { $0.left < $0.right }, "each pair once, never a record with itself")
        let found = Set(result.links.map { "\(result.left[Int($0.left)].id)|\(result.right[Int($0.right)].id)" })
        let truePositives = Double(found.intersection(truth).count)
        #expect(truePositives / Double(found.count) > 0.97, "precision")
        #expect(truePositives / Double(truth.count) > 0.95, "recall")
        #expect(
            result.candidates.allPairs == Double(left.count + right.count) * Double(left.count + right.count - 1) / 2)
    }

    /// Comparing on every core gives exactly what one thread gives.
    @Test func comparingInParallelChangesNothing() {
        let (left, right, _) = Self.files(people: 1_500, seed: 5)
        let configuration = Linker.Configuration.standard(
            columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        let preparer = RecordPreparer(fields: configuration.fields)
        let preparedLeft = left.map(preparer.prepare)
        let preparedRight = right.map(preparer.prepare)
        let pairs = CandidatePairs(
            left: preparedLeft, right: preparedRight, rules: configuration.blockingRules, fields: configuration.fields)
        let serial = ComparisonVectors(
            pairs: pairs, left: preparedLeft, right: preparedRight, fields: configuration.fields, workers: 1)
        let parallel = ComparisonVectors(
            pairs: pairs, left: preparedLeft, right: preparedRight, fields: configuration.fields, workers: 8)
        #expect(pairs.pairs.count > 10_000)
        #expect(serial.levels == parallel.levels)
    }

    @Test func theStandardConfigurationUsesTheColumnsItFinds() {
        let configuration = Linker.Configuration.standard(columns: ["id", "surname", "date_of_birth", "nhs_number"])
        #expect(configuration.fields.map(\.name) == ["surname", "date_of_birth"])
        #expect(configuration.blockingRules.count == 2)
        #expect(configuration.termFrequencyFields == ["surname"])
        #expect(configuration.estimation == .ruleByRule)
    }

    @Test func oneToOneKeepsTheStrongestPairForEachRecord() {
        let pairs = [
            ScoredPair(left: 0, right: 0, weight: 5, probability: 0.9, decision: .link),
            ScoredPair(left: 0, right: 1, weight: 9, probability: 0.99, decision: .link),
            ScoredPair(left: 1, right: 1, weight: 7, probability: 0.97, decision: .link),
            ScoredPair(left: 1, right: 2, weight: 3, probability: 0.6, decision: .review),
        ]
        let kept = OneToOne.resolve(pairs)
        #expect(kept.map { [$0.left, $0.right] } == [[0, 1], [1, 2]])
    }
}
