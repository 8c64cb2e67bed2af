import Coordination
import Foundation
import Linkage
import Testing

@Suite("Linkage files")
struct LinkageFilesTests {
    @Test func recordsKeepEveryColumnButTheID() throws {
        let records = try LinkageFiles.records(
            file: "cohort.csv", text: "surname,id,date_of_birth\nSmith,C-1,2011-03-27\n\"O'Brien, Jr\",C-2,\n")
        #expect(records.map(\.id) == ["C-1", "C-2"])
        #expect(records[0].fields == ["surname": "Smith", "date_of_birth": "2011-03-27"])
        #expect(records[1].fields["surname"] == "O'Brien, Jr")
    }

    @Test(arguments: [
        ("surname\nSmith\n", 1, 2, "no 'id' column"),
        ("id,surname\nA,Smith\nA,Jones\n", 3, 1, "already used on line 2"),
        ("id,surname\n,Smith\n", 2, 1, "the id is empty"),
        ("id,surname\nA,Smith,extra\n", 2, 3, "expected 2 fields, found 3"),
        ("id,surname,id\nA,B,C\n", 1, 3, "appears twice"),
        ("id,surname\nA,\"Smith\n", 2, 2, "never closed"),
    ])
    func malformedFilesNameTheLineAndColumn(text: String, line: Int, column: Int, problem: String) {
        do {
            _ = try LinkageFiles.records(file: "extract.csv", text: text)
            Issue.record("accepted a malformed file")
        } catch {
            #expect(error.file == "extract.csv")
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.problem.contains(problem), "\(error.problem)")
        }
    }

    @Test func linksAreWrittenInTheDocumentedLayout() throws {
        // Forty people sharing a few surnames and two birth years, so blocking also pairs
        // people who are not the same and EM has both kinds to tell apart.
        let surnames = ["Smith", "Jones", "Taylor", "Brown", "Evans"]
        let left = (0..<40).map { index in
            LinkageRecord(
                id: index == 0 ? "L,0" : "L\(index)",
                fields: [
                    "surname": surnames[index % 5],
                    "given_name": ["Amy", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hal"][index / 5],
                    "date_of_birth": "201\(index % 2)-0\(1 + index % 9)-1\(index % 10)",
                ])
        }
        let right = left.map { record in
            LinkageRecord(
                id: record.id.replacingOccurrences(of: "L", with: "R").replacingOccurrences(of: ",", with: ""),
                fields: record.fields.mapValues { $0.uppercased() })
        }
        let configuration = Linker.Configuration.standard(columns: ["surname", "given_name", "date_of_birth"])
        let result = Linker(configuration: configuration).link(left, right)
        let lines = LinkageFiles.pairsCSV(result.links, of: result).split(separator: "\n")
        #expect(lines[0] == "left_id,right_id,match_weight,match_probability")
        #expect(lines.count == 41, "every person linked once")
        #expect(lines.contains { $0.hasPrefix("\"L,0\",R0,") }, "an id with a comma is quoted")
    }

    /// Weights and probabilities are written as "%.4f" and "%.6f" would write them.
    @Test func numbersAreWrittenAsPrintfWritesThem() {
        var state: UInt64 = 42
        func unit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<20_000 {
            let weight = unit() * 120 - 60
            let probability = unit()
            #expect(LinkageFiles.fixed(weight, places: 4) == String(format: "%.4f", weight))
            #expect(LinkageFiles.fixed(probability, places: 6) == String(format: "%.6f", probability))
        }
        for value in [0.0, -0.0, 1.0, 1e-9, -1e-9, 0.99999999, 123456.5] {
            #expect(LinkageFiles.fixed(value, places: 4) == String(format: "%.4f", value), "\(value)")
        }
    }
}
