import Testing

@testable import Statistics

@Suite("Publication tables: tidy layout and protection across tables")
struct PublicationTests {
    static let year = TidyTable.Period(code: "202526", identifier: "Financial year")
    static let nation = TidyTable.Place(level: .national, countryCode: "K04000001", countryName: "England and Wales")

    static func region(_ code: String, _ name: String) -> TidyTable.Place {
        TidyTable.Place(
            level: .regional, countryCode: nation.countryCode, countryName: nation.countryName, regionCode: code,
            regionName: name)
    }

    /// Placed, closed unplaced and their percentage, by region and profile.
    static func outcomes(_ rows: [(TidyTable.Place, String, placed: Int, closed: Int)]) -> TidyTable {
        TidyTable(
            name: "referral_outcomes", title: "Outcomes", filters: [.filter("child_profile", "Profile")],
            indicators: [
                .count("decided", "Decided"), .count("placed", "Placed"), .count("closed_unplaced", "Closed unplaced"),
                .percent("unplaced_percent", "Unplaced %"),
            ],
            rows: rows.map { place, profile, placed, closed in
                TidyTable.Row(
                    period: year, place: place, filters: [profile],
                    values: [
                        .count(placed + closed), .count(placed), .count(closed),
                        .percent(numerator: "closed_unplaced", denominator: "decided"),
                    ])
            },
            identities: [.init("decided", is: ["placed", "closed_unplaced"])])
    }

    @Test func aSmallCountInOneRegionIsHiddenWithWhatWouldGiveItAway() {
        let north = Self.region("E12000001", "North East")
        let south = Self.region("E12000008", "South East")
        let table = Self.outcomes([
            (Self.nation, "Total", 40, 25), (north, "Total", 20, 12), (south, "Total", 20, 13),
            (Self.nation, "Boys", 10, 15), (north, "Boys", 6, 2), (south, "Boys", 4, 13),
            (Self.nation, "Others", 30, 10), (north, "Others", 14, 10), (south, "Others", 16, 0),
        ])
        let protected = ProtectedPublication(Publication(tables: [table]), rule: .standard)
        let shown = protected.values[0]
        // North East boys closed unplaced 2 and South East boys placed 4 are small.
        #expect(shown[4][2] == .suppressed)
        #expect(shown[5][1] == .suppressed)
        // Neither can be worked out from its row, its region's total or the nation's.
        #expect(shown[4][0] == .suppressed || shown[4][1] == .suppressed)
        #expect(shown[3][2] == .suppressed || shown[5][2] == .suppressed || shown[1][2] == .suppressed)
        // Percentages built on a hidden count are hidden; one over nothing is not applicable.
        #expect(shown[4][3] == .suppressed)
        for row in shown where row[3] != .suppressed {
            #expect(row[0] != .suppressed && row[2] != .suppressed, "a percentage shown only beside its counts")
        }
        #expect(shown[0][3] == .value("38.5"))
    }

    @Test func aPercentageOfNothingIsNotApplicableAndOneThatRoundsToZeroIsLow() {
        let table = Self.outcomes([(Self.nation, "Total", 0, 0), (Self.nation, "Boys", 19_995, 5)])
        let shown = ProtectedPublication(Publication(tables: [table]), rule: .standard).values[0]
        #expect(shown[0][3] == .notApplicable)
        #expect(shown[1][3] == .value("low"))
        #expect(shown[1][2] == .value("5"))
    }

    @Test func aCountHiddenInOneTableIsHiddenInTheTableLinkedToIt() {
        // 3 children closed unplaced in the outcomes table; the same 3 by where they went.
        let outcomes = Self.outcomes([(Self.nation, "Total", 40, 3)])
        let alternatives = TidyTable(
            name: "unplaced_alternatives", title: "Alternatives", filters: [.filter("alternative", "Alternative")],
            indicators: [.count("children_closed_unplaced", "Children")],
            rows: [
                TidyTable.Row(period: Self.year, place: Self.nation, filters: ["Total"], values: [.count(3)]),
                TidyTable.Row(period: Self.year, place: Self.nation, filters: ["Foster care"], values: [.count(3)]),
                TidyTable.Row(period: Self.year, place: Self.nation, filters: ["Hospital"], values: [.count(0)]),
            ])
        let publication = Publication(
            tables: [outcomes, alternatives],
            links: [
                .init(
                    "unplaced_alternatives", "children_closed_unplaced", equals: "referral_outcomes", "closed_unplaced")
            ])
        let shown = ProtectedPublication(publication, rule: .standard).values
        #expect(shown[0][0][2] == .suppressed)
        #expect(shown[1][0][0] == .suppressed, "the alternatives' total would give the 3 away")
        #expect(shown[1][1][0] == .suppressed)
    }

    @Test func theTidyFilesHaveTheDepartmentsColumns() {
        let table = Self.outcomes([(Self.nation, "Boys, 15 or over", 40, 25)])
        let values = ProtectedPublication(Publication(tables: [table]), rule: .standard).values[0]
        let data = TidyCSV.data(of: table, showing: values).split(separator: "\n")
        #expect(
            data[0]
                == "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,la_name,child_profile,decided,placed,closed_unplaced,unplaced_percent"
        )
        #expect(
            data[1]
                == "202526,Financial year,National,K04000001,England and Wales,,,,,\"Boys, 15 or over\",65,40,25,38.5")
        let metadata = TidyCSV.metadata(of: table).split(separator: "\n")
        #expect(
            metadata[0]
                == "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column"
        )
        #expect(metadata[5] == "unplaced_percent,Indicator,Unplaced %,,%,1,,")
    }
}
