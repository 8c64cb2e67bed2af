import Testing

@testable import Linkage

@Suite("String measures and comparison levels")
struct ComparisonTests {
    /// Values from Winkler's papers and the usual worked examples; below a Jaro similarity of
    /// 0.7 a shared prefix adds nothing (as DuckDB computes it, for the Splink export).
    @Test(arguments: [
        ("martha", "marhta", 0.9611), ("dwayne", "duane", 0.84), ("dixon", "dicksonx", 0.8133),
        ("same", "same", 1.0), ("abc", "xyz", 0.0), ("abcdefghij", "abcdwxyzuv", 0.6),
    ])
    func jaroWinkler(first: String, second: String, expected: Double) {
        #expect(abs(StringSimilarity.jaroWinkler(first, second) - expected) < 1e-3)
    }

    @Test func boundedLevenshteinStopsEarly() {
        #expect(StringSimilarity.levenshtein("kitten", "sitting", bound: 3) == 3)
        #expect(StringSimilarity.levenshtein("kitten", "sitting", bound: 2) == nil)
        #expect(StringSimilarity.levenshtein("smith", "smyth", bound: 1) == 1)
        #expect(StringSimilarity.levenshtein("", "ab", bound: 2) == 2)
        #expect(StringSimilarity.levenshtein("a", "abcdef", bound: 2) == nil)
    }

    @Test func nameLevels() {
        let comparison = Comparison.jaroWinkler(thresholds: [0.92, 0.8])
        #expect(comparison.levelCount == 4)
        #expect(comparison.level(.text("smith"), .text("smith")) == 3)
        #expect(comparison.level(.text("martha"), .text("marhta")) == 2)
        #expect(comparison.level(.text("dwayne"), .text("duane")) == 1)
        #expect(comparison.level(.text("smith"), .text("okafor")) == 0)
        #expect(comparison.level(nil, .text("smith")) == nil)
        #expect(comparison.levelNames.count == comparison.levelCount)
    }

    @Test func editLevels() {
        let comparison = Comparison.levenshtein(maximumEdits: [1, 2])
        #expect(comparison.level(.text("smith"), .text("smyth")) == 2)
        #expect(comparison.level(.text("smith"), .text("smythe")) == 1)
        #expect(comparison.level(.text("smith"), .text("jones")) == 0)
    }

    @Test func dateLevels() throws {
        let date = { (text: String) in FieldValue.date(LinkageDate.parse(text)!) }
        #expect(Comparison.date.level(date("2011-03-27"), date("2011-03-27")) == 3)
        #expect(Comparison.date.level(date("2011-03-04"), date("2011-04-03")) == 2)
        #expect(Comparison.date.level(date("2011-03-27"), date("2012-03-27")) == 1)
        #expect(Comparison.date.level(date("2011-03-27"), date("2009-05-27")) == 0)
    }

    @Test func postcodeLevels() {
        let code = { (text: String) in FieldValue.postcode(Postcode(text)!) }
        #expect(Comparison.postcode.level(code("M1 1AE"), code("m11ae")) == 3)
        #expect(Comparison.postcode.level(code("M1 1AE"), code("M1 1BB")) == 2)
        #expect(Comparison.postcode.level(code("M1 1AE"), code("M1 7ZZ")) == 1)
        #expect(Comparison.postcode.level(code("M1 1AE"), code("CF10 1AA")) == 0)
    }
}
