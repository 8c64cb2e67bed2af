import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage
import TestSupport
import Testing

/// Builds SSDA903 files the way an authority's system writes them.
enum LookedAfterReturnFactory {
    static let headerLine = LookedAfterReturnFiles.headerColumns.joined(separator: ",")
    static let episodesLine = LookedAfterReturnFiles.episodeColumns.joined(separator: ",")

    static func written(_ day: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }

    static func headerRow(reference: String, sex: Sex, born: CalendarDate, ethnicity: String = "WBRI") -> String {
        "\(reference),\(sex.ssda903Code),\(written(born)),\(ethnicity),,,"
    }

    static func episodeRow(
        reference: String, from start: CalendarDate, to end: CalendarDate? = nil, reason: String = "P",
        place: String = "K2", ceased: String? = nil, change: String = ""
    ) -> String {
        let ended = end.map(written) ?? ""
        let rec = ceased ?? (end == nil ? "" : "X1")
        return "\(reference),\(written(start)),\(reason),C2,N6,\(place),PR4,\(ended),\(rec),\(change),LS9 8,BD1,"
    }

    static func files(header: [String], episodes: [String], today: CalendarDate) throws -> LookedAfterReturnFiles {
        try LookedAfterReturnFiles(
            headerFile: "header.csv", headerText: ([headerLine] + header).joined(separator: "\n"),
            episodesFile: "episodes.csv", episodesText: ([episodesLine] + episodes).joined(separator: "\n"),
            today: today)
    }
}

@Suite("Importing an authority's children-looked-after return")
struct LookedAfterReturnImportTests {
    typealias Factory = LookedAfterReturnFactory
    static let today = CalendarDate(year: 2026, month: 3, day: 31)!
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test("a return with mistakes is refused with every problem's file, line and column")
    func everyProblemIsPointedAt() throws {
        let born = Self.day("2010-05-01")
        let header = [
            Factory.headerRow(reference: "A1", sex: .male, born: born),
            "A2,3,01/05/2010,WBRI,,,",  // SEX 3
            "A3,1,31/02/2010,XXXX,,,",  // no 31 February; unknown ethnicity
            Factory.headerRow(reference: "A1", sex: .female, born: born),  // A1 again
        ]
        let episodes = [
            Factory.episodeRow(reference: "A1", from: Self.day("2025-01-01"), to: Self.day("2025-03-01")),
            Factory.episodeRow(reference: "A1", from: Self.day("2025-02-01"), to: Self.day("2025-03-15")),  // overlaps
            Factory.episodeRow(
                reference: "A1", from: Self.day("2025-04-01"), to: Self.day("2025-05-01"), change: "CHRQ"),
            Factory.episodeRow(reference: "B9", from: Self.day("2025-04-01"), place: "K3"),  // not in the header
            "A2,01/06/2025,P,C2,N6,K2,PR4,01/05/2025,,,,,",  // ends before it starts, no REC
        ]
        let failure = try #require(throws: ImportFailure.self) {
            try Factory.files(header: header, episodes: episodes, today: Self.today)
        }
        let found = failure.errors.map(\.description)
        let expected = [
            "header.csv, line 3, column 2: SEX: '3' is not a known code",
            "header.csv, line 4, column 3: DOB: '31/02/2010' is not a date",
            "header.csv, line 4, column 4: ETHNIC: 'XXXX' is not a known code",
            "header.csv, line 5, column 1: CHILD: the child 'A1' is already on line 2",
            "episodes.csv, line 4, column 10: REASON_PLACE_CHANGE: 'CHRQ' is not a known code",
            "episodes.csv, line 5, column 1: CHILD: the child 'B9' is not in the header file",
            "episodes.csv, line 5, column 6: PLACE: 'K3' is not a known code",
            "episodes.csv, line 6, column 8: DEC: the episode ends (2025-05-01) before it starts (2025-06-01)",
            "episodes.csv, line 6, column 9: REC: an episode with an end date needs the reason it ceased",
            "episodes.csv, line 3, column 2: starts 2025-02-01, before the episode on line 2 ends (2025-03-01)",
        ]
        for text in expected {
            #expect(found.contains { $0.hasPrefix(text) }, "missing: \(text)\nfound:\n\(found.joined(separator: "\n"))")
        }
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
        // The message lists the codes that are allowed: CHILD for a child's own request, no CHRQ.
        let changeMessage = try #require(found.first { $0.contains("REASON_PLACE_CHANGE") })
        #expect(changeMessage.contains("CHILD") && !changeMessage.contains("CHRQ,"))
    }

    @Test("every code on the Department's lists is read, in capitals or not")
    func fullCodeListsAreAccepted() throws {
        let born = Self.day("2009-01-01")
        var start = Self.day("2020-01-01")
        var rows: [String] = []
        for (index, place) in PlacementType.allCases.enumerated() {
            let end = start.adding(days: 10)
            let ceased = ReasonEpisodeCeased.allCases[index % ReasonEpisodeCeased.allCases.count].rawValue
            let change = PlacementChangeReason.allCases[index % PlacementChangeReason.allCases.count].rawValue
            let reason = ReasonForNewEpisode.allCases[index % ReasonForNewEpisode.allCases.count].rawValue
            rows.append(
                Factory.episodeRow(
                    reference: "Z1", from: start, to: end, reason: reason.lowercased(), place: place.rawValue,
                    ceased: ceased, change: change))
            start = end
        }
        let files = try Factory.files(
            header: [Factory.headerRow(reference: "Z1", sex: .female, born: born, ethnicity: "mwbc")], episodes: rows,
            today: Self.today)
        #expect(Set(files.episodes.map(\.placement)) == Set(PlacementType.allCases))
        #expect(files.children.first?.ethnicity == .mixedWhiteAndBlackCaribbean)
        #expect(PlacementType.allCases.count == 27, "A3-A6, H5, K1, K2, P1-P3, R1-R3, R5, S1, T0-T4, U1-U6, Z1")
        #expect(ReasonEpisodeCeased.allCases.count == 22)
    }

    @Test(
        "a return is linked by the authority's reference or by date of birth and sex, and loading it twice changes nothing",
        arguments: TestDatabase.all)
    func linksAndKeepsEpisodes(database: TestDatabase) async throws {
        let dataset = try DemoDataTests.generate(seed: 3, months: 12)
        let decided = Set(
            dataset.referrals.filter { $0.submittedAt != nil && ($0.state == .placed || $0.state == .closedUnplaced) }
                .map(\.childID))
        let byAuthority = Dictionary(
            grouping: dataset.children.filter { decided.contains($0.id) }, by: \.localAuthorityCode)
        let (authority, children) = try #require(byAuthority.max { $0.value.count < $1.value.count })
        try #require(children.count >= 3)
        let identities = Dictionary(uniqueKeysWithValues: dataset.identities.map { ($0.childID, $0) })
        let first = try #require(identities[children[0].id])
        let second = try #require(identities[children[1].id])
        let third = try #require(identities[children[2].id])
        let start = Self.day("2025-06-01")
        let header = [
            Factory.headerRow(reference: first.localAuthorityReference, sex: children[0].sex, born: first.dateOfBirth),
            Factory.headerRow(
                reference: second.localAuthorityReference, sex: children[1].sex, born: second.dateOfBirth,
                ethnicity: "BCRB"),
            // The authority's system uses another reference for this child.
            Factory.headerRow(reference: "OTHER-REF", sex: children[2].sex, born: third.dateOfBirth),
            // A child the service was never asked about.
            Factory.headerRow(reference: "NEVER-REFERRED", sex: .female, born: Self.day("2001-01-01")),
        ]
        let episodes = [
            Factory.episodeRow(reference: first.localAuthorityReference, from: start, to: start.adding(days: 30)),
            Factory.episodeRow(
                reference: first.localAuthorityReference, from: start.adding(days: 30), reason: "U", place: "R5"),
            Factory.episodeRow(reference: second.localAuthorityReference, from: start),
            Factory.episodeRow(reference: "OTHER-REF", from: start),
            Factory.episodeRow(reference: "NEVER-REFERRED", from: start),
        ]
        let files = try Factory.files(header: header, episodes: episodes, today: Self.today)
        let instant = Date(timeIntervalSince1970: 1_775_000_000)
        try await withTestStore(database) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            try await LoadDemoData(store: store)(dataset)
            let report = try await ImportLookedAfterReturn(store: store)(files, authorityCode: authority, at: instant)
            #expect(report.childrenInFile == 4)
            #expect(report.linkedByReference == 2)
            #expect(
                report.linkedByBirthAndSex == (Self.uniqueByBirthAndSex(children[2], in: children, identities) ? 1 : 0))
            #expect(report.notLinked.contains("NEVER-REFERRED"))
            let kept = try await store.lookedAfterEpisodesByChild()
            #expect(kept[children[0].id]?.map(\.placement) == [.childrensHome, .youngOffenderInstitution])
            #expect(kept[children[0].id]?.last?.isCustodial == true)
            #expect(kept[children[1].id]?.count == 1)
            #expect(kept.values.allSatisfy { $0.allSatisfy { $0.childReference != "NEVER-REFERRED" } })
            #expect(try await store.ethnicityByChild()[children[1].id] == .blackCaribbean)
            // The statistics compare children by the ethnicity the return records.
            let cohort = try await StatisticsCohort(store: store).referrals(
                submittedFrom: dataset.start, before: dataset.end.addingTimeInterval(1))
            #expect(cohort.count { $0.ethnicity == .blackCaribbean } >= 1)
            #expect(cohort.count { $0.ethnicity != nil } <= 3)

            // The year after referral follows a child through the return once it is loaded, and
            // through the service's own records otherwise.
            let followed = try await StatisticsCohort(store: store).followedReferrals(
                submittedFrom: dataset.start, before: dataset.end.addingTimeInterval(1))
            #expect(followed.contains { $0.childID == children[0].id })
            for entry in followed where entry.childID == children[0].id {
                #expect(entry.followed.spells.map(\.type) == [.childrensHome, .youngOffenderInstitution])
            }
            let ownEpisodes = Dictionary(grouping: dataset.episodes, by: \.childID)
            let importedChildren = Set(kept.keys)
            let others = followed.filter { !importedChildren.contains($0.childID) }
            #expect(!others.isEmpty)
            for entry in others {
                let expected = Set((ownEpisodes[entry.childID] ?? []).map { "\($0.startedOn.iso)|\($0.type.rawValue)" })
                #expect(Set(entry.followed.spells.map { "\($0.startedOn.iso)|\($0.type.rawValue)" }) == expected)
            }

            let again = try await ImportLookedAfterReturn(store: store)(files, authorityCode: authority, at: instant)
            #expect(again.episodesAdded == 0)
            #expect(again.episodesReplaced == report.episodesAdded)
            #expect(try await store.lookedAfterEpisodesByChild() == kept)
            let audit = try await store.auditEvents(about: authority).filter {
                $0.entry.action == "looked-after-return.import"
            }
            #expect(audit.count == 2)
        }
    }

    @Test(
        "a reference the service holds with another date of birth is refused and nothing is written",
        arguments: TestDatabase.all)
    func disagreementIsRefused(database: TestDatabase) async throws {
        let dataset = try DemoDataTests.generate(seed: 3, months: 12)
        let child = try #require(dataset.children.first)
        let identity = try #require(dataset.identities.first { $0.childID == child.id })
        let header = [
            Factory.headerRow(reference: "FINE", sex: .male, born: Self.day("2011-01-01")),
            Factory.headerRow(
                reference: identity.localAuthorityReference, sex: child.sex, born: identity.dateOfBirth.adding(days: 1)),
        ]
        let episodes = [
            Factory.episodeRow(reference: "FINE", from: Self.day("2025-06-01")),
            Factory.episodeRow(reference: identity.localAuthorityReference, from: Self.day("2025-06-01")),
        ]
        let files = try Factory.files(header: header, episodes: episodes, today: Self.today)
        try await withTestStore(database) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            try await LoadDemoData(store: store)(dataset)
            let failure = try await #require(throws: ImportFailure.self) {
                try await ImportLookedAfterReturn(store: store)(
                    files, authorityCode: child.localAuthorityCode, at: Date())
            }
            #expect(failure.errors.map(\.description).first?.hasPrefix("header.csv, line 3, column 3: DOB:") == true)
            #expect(!failure.description.contains(identity.givenName), "no name in an error")
            #expect(try await store.lookedAfterEpisodesByChild().isEmpty)
            #expect(try await store.auditEvents(about: child.localAuthorityCode).isEmpty)
            await #expect(throws: UnknownCodeError.self) {
                try await ImportLookedAfterReturn(store: store)(files, authorityCode: "E99999999", at: Date())
            }
        }
    }

    static func uniqueByBirthAndSex(_ child: Child, in children: [Child], _ identities: [UUID: ChildIdentity]) -> Bool {
        children.filter {
            $0.sex == child.sex && identities[$0.id]?.dateOfBirth == identities[child.id]?.dateOfBirth
        }.count == 1
    }
}
