import Coordination
import Foundation
import Linkage
import SecurePlaceCore
import Storage
import TestSupport
import Testing

@Suite("Linkage cohort and linked outcome tables")
struct LinkedOutcomesTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func child(_ pseudonym: String, _ given: String, _ family: String, sex: Sex = .male)
        -> (Child, ChildIdentity)
    {
        let id = UUID()
        return (
            Child(id: id, pseudonym: pseudonym, sex: sex, localAuthorityCode: "E08000003", flags: []),
            ChildIdentity(
                childID: id, givenName: given, familyName: family, dateOfBirth: day("2010-06-15"),
                localAuthorityReference: "MCR-\(pseudonym)")
        )
    }

    static func referral(of child: Child, submitted: String?, state: ReferralState) -> Referral {
        Referral(
            id: UUID(), reference: "R-\(UUID().uuidString.prefix(8))", childID: child.id,
            localAuthorityCode: child.localAuthorityCode, ageAtReferral: 15, legalBasis: .childrenAct1989Section25,
            courtOrder: CourtOrder(status: .interimOrder, startsOn: nil, endsOn: nil), urgency: .planned,
            dateNeeded: day("2026-01-10"), summary: "Needs a secure bed", state: state,
            createdAt: day("2025-01-01").start, submittedAt: submitted.map { day($0).start.addingTimeInterval(36_000) })
    }

    static func member(_ pseudonym: String, referred: String, _ outcome: LinkageCohortMember.Outcome)
        -> LinkageCohortMember
    {
        let (child, identity) = child(pseudonym, "Sam", "Jones")
        return LinkageCohortMember(
            pseudonym: pseudonym, identity: identity, sex: child.sex, referredOn: day(referred), outcome: outcome)
    }

    @Test func theCohortHoldsEachChildOnceByTheFirstReferralInThePeriod() {
        let (a, aIdentity) = Self.child("C-AAAAAA", "Jordan", "Price")
        let (b, bIdentity) = Self.child("C-BBBBBB", "Kai", "Evans", sex: .female)
        let (c, cIdentity) = Self.child("C-CCCCCC", "Ash", "Hill")
        let referrals = [
            Self.referral(of: a, submitted: "2026-03-01", state: .placed),
            Self.referral(of: a, submitted: "2026-02-01", state: .closedUnplaced),
            Self.referral(of: b, submitted: "2026-05-01", state: .withdrawn),
            Self.referral(of: c, submitted: "2025-12-31", state: .placed),
            Self.referral(of: c, submitted: nil, state: .draft),
        ]
        let cohort = LinkageCohort.members(
            children: [a, b, c], identities: [aIdentity, bIdentity, cIdentity], referrals: referrals,
            from: Self.day("2026-01-01"), through: Self.day("2026-12-31"))
        #expect(cohort.map(\.pseudonym) == ["C-AAAAAA", "C-BBBBBB"])
        #expect(cohort[0].referredOn == Self.day("2026-02-01") && cohort[0].outcome == .unplaced)
        #expect(cohort[1].outcome == .other)
        let csv = LinkageCohort.csv(cohort)
        #expect(
            csv
                == "id,given_name,surname,date_of_birth,sex\nC-AAAAAA,Jordan,Price,2010-06-15,M\nC-BBBBBB,Kai,Evans,2010-06-15,F\n"
        )
        // The file is the layout the linker reads, with the pseudonym as the key.
        let records = try? LinkageFiles.records(file: "cohort.csv", text: csv)
        #expect(records?.map(\.id) == ["C-AAAAAA", "C-BBBBBB"])
    }

    @Test(arguments: TestDatabase.all)
    func theCohortIsReadFromTheDatabase(database: TestDatabase) async throws {
        let (a, aIdentity) = Self.child("C-DDDDDD", "Remi", "Cole")
        try await withTestStore(database) { store in
            try await store.save(children: [a], identities: [aIdentity])
            try await store.save(referrals: [Self.referral(of: a, submitted: "2026-04-02", state: .placed)])
            let cohort = try await LinkageCohort.members(
                in: store, from: Self.day("2026-04-01"), through: Self.day("2026-04-30"))
            #expect(cohort.map(\.identity.familyName) == ["Cole"])
            #expect(cohort.first?.outcome == .placed)
        }
    }

    /// 25 placed and 15 unplaced children; custody for 12 placed and 3 unplaced within the
    /// year, plus events that must not count.
    static func table() -> LinkedOutcomeTable {
        let placed = (0..<25).map { member("C-P\($0)", referred: "2026-01-15", .placed) }
        let unplaced = (0..<15).map { member("C-U\($0)", referred: "2026-01-15", .unplaced) }
        let open = member("C-OPEN", referred: "2026-01-15", .other)
        var links: [String: String] = [:]
        for member in placed + unplaced + [open] { links["J-\(member.pseudonym)"] = member.pseudonym }
        var events = (0..<12).map { OutcomeEvent(personID: "J-C-P\($0)", outcome: .custody, day: day("2026-06-01")) }
        events += (0..<3).map { OutcomeEvent(personID: "J-C-U\($0)", outcome: .custody, day: day("2027-01-14")) }
        events += [
            // The same child twice: counted once.
            OutcomeEvent(personID: "J-C-P0", outcome: .custody, day: day("2026-07-01")),
            // Before the referral, on its anniversary, not linked, not placed or unplaced.
            OutcomeEvent(personID: "J-C-P20", outcome: .custody, day: day("2026-01-14")),
            OutcomeEvent(personID: "J-C-P21", outcome: .custody, day: day("2027-01-15")),
            OutcomeEvent(personID: "J-unlinked", outcome: .custody, day: day("2026-06-01")),
            OutcomeEvent(personID: "J-C-OPEN", outcome: .custody, day: day("2026-06-01")),
            // A different outcome for the same child counts in its own row.
            OutcomeEvent(personID: "J-C-P0", outcome: .schoolExclusion, day: day("2026-03-01")),
        ]
        return LinkedOutcomeTable(
            cohort: placed + unplaced + [open], extracts: [LinkedExtract(pseudonymsByPersonID: links, events: events)])
    }

    @Test func eventsCountOncePerChildWithinTwelveMonthsOfReferral() {
        let table = Self.table()
        #expect(table.children == [.placed: 25, .unplaced: 15, .all: 40])
        #expect(table.withOutcome[.custody] == [.placed: 12, .unplaced: 3, .all: 15])
        #expect(table.withOutcome[.schoolExclusion] == [.placed: 1, .all: 1])
    }

    @Test func thePublishedTableHidesSmallCountsAndWhatWouldReveal() {
        let lines = Self.table().csv().split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(lines[1] == ["Children in the cohort", "25", "z", "15", "z", "40", "z"])
        // 3 unplaced in custody is hidden with its percentage, and so is the placed count
        // beside it (else 15 − 12 gives it away).
        #expect(lines[2] == ["Custody", "c", "c", "c", "c", "15", "37.5"])
        // Zero is shown; 1 is hidden wherever it appears, here as the count and the total.
        #expect(lines[3] == ["Hospital admission", "0", "0.0", "0", "0.0", "0", "0.0"])
        #expect(lines[4] == ["School exclusion", "c", "c", "0", "0.0", "c", "c"])
        let rounded = Self.table().csv(rule: .publicTables).split(separator: "\n")[1]
        #expect(rounded == "Children in the cohort,25,z,15,z,40,z")
    }

    @Test func eventFilesWithUnknownOutcomesOrDatesAreRefusedWithLineAndColumn() {
        #expect(
            throws: ImportError(
                file: "events.csv", line: 3, column: 2,
                problem: "'arrest' is not an outcome; use one of custody, hospital-admission, school-exclusion")
        ) {
            try LinkageFiles.outcomeEvents(
                file: "events.csv", text: "id,outcome,date\nP1,custody,2026-01-02\nP2,arrest,2026-01-02\n")
        }
        #expect(
            throws: ImportError(
                file: "events.csv", line: 2, column: 3, problem: "'02/01/2026' is not a date written YYYY-MM-DD")
        ) {
            try LinkageFiles.outcomeEvents(file: "events.csv", text: "id,outcome,date\nP1,custody,02/01/2026\n")
        }
        #expect(throws: ImportError.self) {
            try LinkageFiles.links(file: "links.csv", text: "left_id,right_id\nC-1,P1\nC-2,P1\n")
        }
    }
}
