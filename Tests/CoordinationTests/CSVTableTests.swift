import Coordination
import SecurePlaceCore
import Testing

@Suite("Reading CSV")
struct CSVTableTests {
    func table(_ text: String) throws -> CSVTable {
        try CSVTable(file: "f.csv", text: text, requiredColumns: ["id"])
    }

    @Test func quotesCommasAndLineBreaksInsideAFieldAreKept() throws {
        let read = try table("id,note\n1,\"one, \"\"two\"\"\r\nthree\"\n2,Zoë Müller\n")
        #expect(read.rows.map { $0.map(\.text) } == [["1", "one, \"two\"\r\nthree"], ["2", "Zoë Müller"]])
        #expect(read.rows[1][0].line == 4, "the line break inside the quotes counts as a line")
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyKindOfLineBreakEndsARecordOnce(lineBreak: String) throws {
        let read = try table(["id,name", "1,a", "", "2,b"].joined(separator: lineBreak) + lineBreak)
        #expect(read.rows.map { $0.map(\.text) } == [["1", "a"], ["2", "b"]], "the blank line is skipped")
        #expect(read.rows.map { $0[1].line } == [2, 4])
        #expect(read.rows.map { $0[1].column } == [2, 2])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstColumn() throws {
        #expect(try table("\u{FEFF}id,name\n1,a\n").header == ["id", "name"])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsALetter() throws {
        #expect(try table("id,name\n1,O\"Brien\n").rows[0][1].text == "O\"Brien")
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        #expect(throws: ImportError(file: "f.csv", line: 3, column: 2, problem: "a quoted field is never closed")) {
            try table("id,name\n1,a\n2,\"b\n3,c\n")
        }
    }
}
