import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing

@Suite("Reference data")
struct ReferenceDataTests {
    static let regionsText =
        (["code,name,country"] + Region.allCases.map { "\($0.code),\($0.name),\($0.country.rawValue)" })
        .joined(separator: "\n")

    func load(regions: String = regionsText, authorities: String) throws -> ReferenceData {
        try ReferenceData(
            regions: CSVTable(file: "regions.csv", text: regions, expectedHeader: ReferenceData.regionsHeader),
            localAuthorities: CSVTable(
                file: "local-authorities.csv", text: authorities, expectedHeader: ReferenceData.localAuthoritiesHeader))
    }

    @Test("the bundled files hold England's 153 and Wales's 22 children's services authorities")
    func bundledFiles() throws {
        let data = try ReferenceData.bundled()
        #expect(data.regionNames.count == 10)
        #expect(data.localAuthorities.count { $0.country == .england } == 153)
        #expect(data.localAuthorities.count { $0.country == .wales } == 22)
        #expect(Set(data.localAuthorities.map(\.region)) == Set(Region.allCases))
    }

    @Test("quoted fields with commas and doubled quotes are read as written")
    func quotedFields() throws {
        let data = try load(
            authorities: """
                code,name,region_code,latitude,longitude
                E06000023,"Bristol, City of",E12000009,51.46,-2.59\r
                E06000058,"The ""BCP"" council",E12000009,50.74,-1.88
                """)
        #expect(data.localAuthorities.map(\.name) == ["Bristol, City of", "The \"BCP\" council"])
    }

    @Test(
        "a malformed file is refused with its file, line and column",
        arguments: [
            ("code,name,region,latitude,longitude\n", 1, 3, "the header must be"),
            (
                "code,name,region_code,latitude,longitude\nE08000003,Manchester,E12000002,53.48\n", 2, 5,
                "expected 5 fields, found 4"
            ),
            (
                "code,name,region_code,latitude,longitude\nE08000003,Manchester,E12000002,53.48,-2.24\nX1,Nowhere,E12000002,53,-2\n",
                3, 1, "is not an ONS code"
            ),
            (
                "code,name,region_code,latitude,longitude\nE08000003,Manchester,E12000099,53.48,-2.24\n", 2, 3,
                "is not a region code"
            ),
            (
                "code,name,region_code,latitude,longitude\nE08000003,Manchester,E12000002,north,-2.24\n", 2, 4,
                "latitude 'north'"
            ),
            (
                "code,name,region_code,latitude,longitude\nE08000003,Manchester,E12000002,53.48,-2.24\nE08000003,Manchester,E12000002,53.48,-2.24\n",
                3, 1, "appears twice"
            ),
            (
                "code,name,region_code,latitude,longitude\nW06000015,Cardiff,E12000002,51.48,-3.18\n", 2, 3,
                "is in Wales"
            ),
            (
                "code,name,region_code,latitude,longitude\nE08000003,\"Manchester,E12000002,53.48,-2.24\n", 2, 2,
                "never closed"
            ),
        ])
    func malformedFile(text: String, line: Int, column: Int, problem: String) throws {
        let error = #expect(throws: ImportError.self) { try load(authorities: text) }
        #expect(error?.file == "local-authorities.csv")
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.problem.contains(problem) == true, "\(error?.problem ?? "")")
    }

    @Test("a regions file missing a region is refused")
    func missingRegion() {
        let text = Self.regionsText.split(separator: "\n").dropLast().joined(separator: "\n")
        let error = #expect(throws: ImportError.self) {
            try load(regions: text, authorities: "code,name,region_code,latitude,longitude\n")
        }
        #expect(error?.problem.contains("W92000004") == true)
    }

    @Test("loading writes everything in one transaction", arguments: TestDatabase.all)
    func loadsIntoDatabase(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            #expect(try await store.localAuthorities().count == 175)
            #expect(try await store.regionCount() == 10)
        }
    }

    @Test("a file that fails part-way writes nothing", arguments: TestDatabase.all)
    func failureWritesNothing(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            var data = try ReferenceData.bundled()
            // A region code the database does not know breaks the foreign key on the last row.
            let regionsOnly = data.regionNames.filter { $0.key != .wales }
            data.regionNames = regionsOnly
            await #expect(throws: (any Error).self) { try await LoadReferenceData(store: store)(data) }
            #expect(try await store.localAuthorities().isEmpty)
            #expect(try await store.regionCount() == 0)
        }
    }
}
