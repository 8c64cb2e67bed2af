import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage
import TestSupport
import Testing

@Suite("The analysts' record-level extract")
struct CohortExtractTests {
    @Test(
        "an extract written from the service and read back gives the same tables, answers and year after referral",
        arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        let dataset = try DemoDataTests.generate(seed: 9, months: 24)
        try await withTestStore(database) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            try await LoadDemoData(store: store)(dataset)
            // Authorities record checks on some of the children: moves the service did not see,
            // and custody.
            let decided = try await store.referrals().filter { $0.state == .placed || $0.state == .closedUnplaced }
                .prefix(40)
            for (number, referral) in decided.enumerated() {
                let decidedOn = CalendarDate(containing: try #require(referral.closedAt ?? referral.submittedAt))
                try await store.save(
                    followUps: FollowUp.schedule(for: referral, endedOn: decidedOn, ids: { UUID() }).map { followUp in
                        var recorded = followUp
                        recorded.recordedAt = followUp.dueOn.start
                        recorded.outcome = FollowUp.Outcome(
                            currentPlacement: number % 5 == 0 ? .youngOffenderInstitution : .childrensHome,
                            placementMoves: number % 3, missingEpisodes: 0, inCustody: number % 5 == 0, note: "")
                        return recorded
                    })
            }
            let cohort = StatisticsCohort(store: store, now: { dataset.end })
            let start = dataset.start
            let end = dataset.end.addingTimeInterval(1)
            let extract = try await cohort.extract(submittedFrom: start, before: end)
            #expect(extract.members.contains { !$0.record.followUpChecks.isEmpty })
            let references = Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0.reference) })
            let text = (
                referrals: extract.referralsCSV(), answers: extract.answersCSV { references[$0]! },
                episodes: extract.episodesCSV(), checks: extract.checksCSV()
            )
            #expect(!text.referrals.contains(dataset.identities[0].familyName), "no names in an extract")
            let read = try CohortExtract(
                referrals: ("referrals.csv", Data(text.referrals.utf8)),
                answers: ("answers.csv", Data(text.answers.utf8)),
                episodes: ("episodes.csv", Data(text.episodes.utf8)), checks: ("checks.csv", Data(text.checks.utf8)))

            // The same files with every answer, episode and check in the opposite order: the
            // reader expects a referral's answers and a child's episodes together, in the
            // referrals' order, and must count the same when they are not.
            func reversedRows(_ text: String) -> String {
                let lines = text.split(separator: "\n").map(String.init)
                return ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n"
            }
            let readReversed = try CohortExtract(
                referrals: ("referrals.csv", Data(text.referrals.utf8)),
                answers: ("answers.csv", Data(reversedRows(text.answers).utf8)),
                episodes: ("episodes.csv", Data(reversedRows(text.episodes).utf8)),
                checks: ("checks.csv", Data(reversedRows(text.checks).utf8)), pieces: 2)

            let original = try await cohort.referrals(submittedFrom: start, before: end)
            let again = read.members.map(\.record)
            #expect(again.count == original.count)
            let authorities = try await store.localAuthorities()
            let asOf = dataset.end
            // Every published table but the beds (not in an extract): for the last full year,
            // and for the one before, whose referrals have all had their 12 months.
            for monthsBefore in [12, 24] {
                let year = PublicationTables.FinancialYear(
                    containing: CalendarDate(containing: dataset.end).adding(months: -monthsBefore))
                let inYear = { (member: CohortExtract.Member) in
                    member.submittedOn >= year.first && member.submittedOn < year.end
                }
                let fromExtract = PublicationTables.build(
                    read.members.filter(inYear).map(\.record), year: year, authorities: authorities, asOf: asOf,
                    followed: read.followed(where: inYear))
                let fromService = PublicationTables.build(
                    try await cohort.referrals(submittedFrom: year.first.start, before: year.end.start), year: year,
                    authorities: authorities, asOf: asOf,
                    followed: try await cohort.followedReferrals(
                        submittedFrom: year.first.start, before: year.end.start
                    )
                    .map(\.followed))
                let fromReversed = PublicationTables.build(
                    readReversed.members.filter(inYear).map(\.record), year: year, authorities: authorities,
                    asOf: asOf, followed: readReversed.followed(where: inYear))
                #expect(fromReversed.tables.map(\.exactValues) == fromExtract.tables.map(\.exactValues))
                // As published: an extract gives times to the second and distances to the metre.
                #expect(fromExtract.tables.map(\.name) == fromService.tables.map(\.name))
                #expect(fromExtract.tables.map(\.exactValues) == fromService.tables.map(\.exactValues))
                #expect(fromExtract.tables.contains { $0.name == "year_after_referral" } == (monthsBefore == 24))
            }
            let declines = (DeclineReasonBreakdown(original, asOf: asOf), DeclineReasonBreakdown(again, asOf: asOf))
            #expect(declines.0.everyone == declines.1.everyone)
            #expect(declines.0.olderBoysWithRefusalFlags == declines.1.olderBoysWithRefusalFlags)
            #expect(declines.0.byHome.count == declines.1.byHome.count)
            #expect(
                Set(declines.0.byHome.values.map(\.approaches).sorted())
                    == Set(declines.1.byHome.values.map(\.approaches).sorted()))

            let day = CalendarDate(containing: asOf)
            let followed = try await cohort.followedReferrals(submittedFrom: start, before: end).map(\.followed)
            let yearAfter = (YearAfterReferral(followed, asOf: day), YearAfterReferral(read.followed(), asOf: day))
            for (first, second) in [
                (yearAfter.0.placed, yearAfter.1.placed), (yearAfter.0.unplaced, yearAfter.1.unplaced),
            ] {
                #expect(first.childrenFollowedAYear == second.childrenFollowedAYear)
                #expect(first.newPlacements == second.newPlacements)
                #expect(first.custody == second.custody)
                #expect(first.reReferral.events == second.reReferral.events)
            }
            #expect(yearAfter.0.placed.childrenFollowedAYear > 0)
        }
    }

    @Test("a mistake in an extract is pointed at by file, line and column")
    func mistakes() {
        let header = CohortExtract.referralColumns.joined(separator: ",")
        let row =
            "R-1,C-1,2025-04-02T10:00:00Z,2025-04-02,E12000002,E08000003,s25-children-act-1989,urgent,male,15,gang-association,placed,,2025-04-05T09:00:00Z,,,0,12.5"
        func read(_ referrals: String, answers: String = "referral,home,answer,reasons,respond_by\n") -> ImportError? {
            do {
                _ = try CohortExtract(
                    referrals: ("referrals.csv", Data(referrals.utf8)), answers: ("answers.csv", Data(answers.utf8)),
                    episodes: ("episodes.csv", Data((CohortExtract.episodeColumns.joined(separator: ",") + "\n").utf8))
                )
                return nil
            } catch { return error }
        }
        #expect(read("\(header)\n\(row)\n") == nil)
        #expect(
            read("\(header)\n\(row.replacingOccurrences(of: "2025-04-02T10:00:00Z", with: "2 April"))\n")?.description
                == "referrals.csv, line 2, column 3: '2 April' is not a time written YYYY-MM-DDTHH:MM:SSZ")
        #expect(
            read("\(header)\n\(row.replacingOccurrences(of: "gang-association", with: "gangs"))\n")?.description
                == "referrals.csv, line 2, column 11: 'gangs' is not a known flag")
        #expect(
            read("\(header)\n\(row)\n", answers: "referral,home,answer,reasons,respond_by\nR-2,SC1,offered,,\n")?
                .description == "answers.csv, line 2, column 1: no referral 'R-2' in referrals.csv")
        #expect(
            read("\(header)\n\(row),extra\n")?.description
                == "referrals.csv, line 2, column 19: expected 18 fields, found 19")
        // The ethnicity a return records may be given, or left out by an extract made elsewhere.
        #expect(
            read("\(header),ethnicity\n\(row),AIND\n\(row.replacingOccurrences(of: "R-1,", with: "R-2,")),\n") == nil)
        #expect(
            read("\(header),ethnicity\n\(row),Indian\n")?.description
                == "referrals.csv, line 2, column 19: 'Indian' is not a known ethnicity")
        do {
            let extract = try CohortExtract(
                referrals: ("referrals.csv", Data("\(header),ethnicity\n\(row),AIND\n".utf8)),
                answers: ("answers.csv", Data("referral,home,answer,reasons,respond_by\n".utf8)),
                episodes: ("episodes.csv", Data((CohortExtract.episodeColumns.joined(separator: ",") + "\n").utf8)))
            #expect(extract.members.map(\.record.ethnicity) == [.indian])
            #expect(extract.referralsCSV().hasSuffix(",AIND\n"))
        } catch {
            Issue.record("\(error)")
        }

        // Read in four pieces at once, a mistake late in the file still names its own line.
        var rows = (1...120).map { row.replacingOccurrences(of: "R-1,", with: "R-\($0),") }
        rows[88] = rows[88].replacingOccurrences(of: ",urgent,", with: ",soon,")
        let text = ([header] + rows).joined(separator: "\n") + "\n"
        do {
            _ = try CohortExtract(
                referrals: ("referrals.csv", Data(text.utf8)),
                answers: ("answers.csv", Data("referral,home,answer,reasons,respond_by\n".utf8)),
                episodes: ("episodes.csv", Data((CohortExtract.episodeColumns.joined(separator: ",") + "\n").utf8)),
                pieces: 4)
            Issue.record("the mistake was not found")
        } catch {
            #expect(error.description == "referrals.csv, line 90, column 8: 'soon' is not a known urgency")
        }
    }
}
