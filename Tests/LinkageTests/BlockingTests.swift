import Testing

@testable import Linkage

@Suite("Blocking")
struct BlockingTests {
    @Test(arguments: [
        ("Robert", "R163"), ("Rupert", "R163"), ("Rubin", "R150"), ("Ashcraft", "A261"), ("Tymczak", "T522"),
        ("Pfister", "P236"), ("Smith", "S530"), ("Smyth", "S530"), ("Lee", "L000"),
    ])
    func soundex(name: String, code: String) {
        #expect(Soundex.code(name) == code)
    }

    static let fields = [
        LinkageField(name: "surname", kind: .name), LinkageField(name: "date_of_birth", kind: .date),
        LinkageField(name: "postcode", kind: .postcode),
    ]

    static func record(_ id: String, _ surname: String, _ born: String, _ postcode: String) -> PreparedRecord {
        RecordPreparer(fields: fields).prepare(
            LinkageRecord(id: id, fields: ["surname": surname, "date_of_birth": born, "postcode": postcode]))
    }

    @Test func pairsAreTheUnionOfTheRulesEachOnce() {
        let left = [
            Self.record("a", "Smith", "2010-01-01", "M1 1AE"), Self.record("b", "Jones", "2009-05-05", "CF10 1AA"),
            Self.record("c", "Okafor", "2011-07-07", ""),
        ]
        let right = [
            Self.record("x", "Smyth", "2010-01-01", "M1 1ZZ"), Self.record("y", "Jones", "2009-05-05", "LS1 4AP"),
            Self.record("z", "Patel", "2012-02-02", "B1 1AA"),
        ]
        let rules: [BlockingRule] = [
            .prefixAndYear(nameField: "surname", length: 2, dateField: "date_of_birth"),
            .postcodeSector(field: "postcode"), .phonetic(field: "surname"),
        ]
        let candidates = CandidatePairs(left: left, right: right, rules: rules, fields: Self.fields)
        // a–x by prefix+year, sector and Soundex (once); b–y by prefix+year and Soundex (once).
        #expect(candidates.pairs.map { "\(left[Int($0.left)].id)\(right[Int($0.right)].id)" } == ["ax", "by"])
        #expect(candidates.counts.map(\.pairs) == [2, 1, 2])
        #expect(abs(candidates.reductionRatio - (1 - 2.0 / 9)) < 1e-12)
        // Which rules put each pair together, as estimating m rule by rule needs to know.
        #expect(candidates.rules(producing: 0) == 0b111)
        #expect(candidates.rules(producing: 1) == 0b101)
    }

    @Test func inOneFileEachPairOfTwoRecordsIsACandidateOnce() {
        let records = [
            Self.record("a", "Smith", "2010-01-01", "M1 1AE"), Self.record("b", "Smyth", "2010-01-01", "M1 1ZZ"),
            Self.record("c", "Jones", "2009-05-05", "CF10 1AA"), Self.record("d", "Smith", "2010-03-03", "M1 1AE"),
        ]
        let rules: [BlockingRule] = [
            .prefixAndYear(nameField: "surname", length: 2, dateField: "date_of_birth"),
            .postcodeSector(field: "postcode"),
        ]
        let candidates = CandidatePairs(deduplicating: records, rules: rules, fields: Self.fields)
        // a, b and d share a block under both rules; c is alone; no record meets itself.
        #expect(
            candidates.pairs.map { "\(records[Int($0.left)].id)\(records[Int($0.right)].id)" } == ["ab", "ad", "bd"])
        #expect(candidates.counts.map(\.pairs) == [3, 3])
        #expect(candidates.allPairs == 6)
        #expect(abs(candidates.reductionRatio - 0.5) < 1e-12)
    }

    @Test func aRecordMissingTheBlockingFieldIsInNoBlockOfThatRule() {
        let left = [Self.record("c", "Okafor", "2011-07-07", "")]
        let right = [Self.record("w", "Okafor", "2011-07-07", "")]
        let sector = CandidatePairs(
            left: left, right: right, rules: [.postcodeSector(field: "postcode")], fields: Self.fields)
        #expect(sector.pairs.isEmpty)
        let name = CandidatePairs(left: left, right: right, rules: [.phonetic(field: "surname")], fields: Self.fields)
        #expect(name.pairs.count == 1)
    }
}
