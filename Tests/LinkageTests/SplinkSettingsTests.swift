import Foundation
import Testing

@testable import Linkage

/// The round trip through Splink itself is Tests/CommandLine/test_splink_export.py.
@Suite("Splink settings export")
struct SplinkSettingsTests {
    @Test func everyLevelIsWrittenHighestFirstWithItsMAndU() throws {
        let (left, right, _) = LinkerTests.files(people: 400, seed: 3)
        let configuration = Linker.Configuration.standard(
            columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        let result = Linker(configuration: configuration).link(left, right)
        let settings = try SplinkSettings(configuration: configuration, estimate: result.estimate, deduplicating: false)
        #expect(settings.link_type == "link_only")
        #expect(settings.probability_two_random_records_match == result.model.matchProportion)
        #expect(settings.blocking_rules_to_generate_predictions.count == configuration.blockingRules.count)
        for (index, comparison) in settings.comparisons.enumerated() {
            let levels = comparison.comparison_levels
            #expect(levels.first?.is_null_level == true)
            #expect(levels.last?.sql_condition == "ELSE")
            #expect(levels.dropFirst().map(\.m_probability) == result.model.m[index].reversed().map { $0 })
            #expect(levels.dropFirst().map(\.u_probability) == result.model.u[index].reversed().map { $0 })
        }
        let surname = settings.comparisons[1]
        #expect(surname.comparison_levels[1].tf_adjustment_column == "surname", "exact names weighed by frequency")
    }

    @Test func anEncodedLinkageCannotBeExported() {
        let configuration = Linker.Configuration.encoded(columns: ["id", "surname", "date_of_birth"])
        let estimate = Linker.Estimate(
            model: FellegiSunterModel(
                fields: configuration.fields, m: configuration.fields.map { _ in [0.1, 0.1, 0.1, 0.7] },
                u: configuration.fields.map { _ in [0.7, 0.1, 0.1, 0.1] }, matchProportion: 0.001),
            iterations: 0, thresholds: LinkThresholds(link: 10, review: 5),
            termFrequencies: TermFrequencies(fieldIndices: [], left: [], right: []))
        #expect(throws: SplinkSettings.ExportError.encodedField("surname")) {
            try SplinkSettings(configuration: configuration, estimate: estimate, deduplicating: false)
        }
    }
}
