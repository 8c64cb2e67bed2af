import Foundation
import Testing

@testable import Linkage

@Suite("Term-frequency adjustment")
struct TermFrequencyTests {
    @Test func agreeingOnARareSurnameWeighsMoreThanOnACommonOne() {
        let fields = [LinkageField(name: "surname", kind: .name, comparison: .jaroWinkler(thresholds: [0.92, 0.8]))]
        let preparer = RecordPreparer(fields: fields)
        let surnames = Array(repeating: "Smith", count: 18) + ["Okonkwo-Reid", "Smith"]
        let records = surnames.enumerated().map { index, surname in
            preparer.prepare(LinkageRecord(id: "\(index)", fields: ["surname": surname]))
        }
        let model = FellegiSunterModel(
            fields: fields, m: [[0.05, 0.05, 0.1, 0.8]], u: [[0.7, 0.1, 0.1, 0.1]], matchProportion: 0.1)
        let frequencies = TermFrequencies(fieldIndices: [0], left: records, right: records)
        let exact: [Int8] = [3]
        let common = frequencies.contributions(exact[...], value: { _ in records[0].values[0] }, model: model)[0]!
        let rare = frequencies.contributions(exact[...], value: { _ in records[18].values[0] }, model: model)[0]!
        #expect(abs(common - log2(0.8 / 0.95)) < 1e-9, "Smith is 19 of 20 values")
        #expect(abs(rare - log2(0.8 / 0.05)) < 1e-9)
        #expect(rare > common)
        // A level short of exact keeps the field's average u.
        let similar: [Int8] = [2]
        #expect(frequencies.contributions(similar[...], value: { _ in records[18].values[0] }, model: model)[0]! == 0)
    }
}
