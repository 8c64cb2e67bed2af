import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing

@Suite("Storage")
struct StorageTests {
    static let manchester = LocalAuthority(
        code: "E08000003", name: "Manchester", region: .northWest,
        centroid: Coordinate(latitude: 53.48, longitude: -2.24))

    func saveReferenceData(_ store: Store) async throws {
        try await store.saveReferenceData(
            regionNames: Dictionary(uniqueKeysWithValues: Region.allCases.map { ($0, $0.name) }),
            localAuthorities: [Self.manchester])
    }

    @Test("reference data saves, and saving again updates rather than duplicates", arguments: TestDatabase.all)
    func referenceData(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await saveReferenceData(store)
            var renamed = Self.manchester
            renamed.name = "Manchester City Council"
            try await store.saveReferenceData(regionNames: [.northWest: "North West"], localAuthorities: [renamed])

            #expect(try await store.regionCount() == 10)
            #expect(try await store.localAuthorities() == [renamed])
        }
    }

    @Test(
        "homes, beds, children, referrals, responses, placements and notifications read back as written",
        arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await saveReferenceData(store)
            let home = makeHome()
            let bed = makeBed(at: home)
            let (child, identity) = makeChild()
            var referral = makeReferral(for: child, state: .closedUnplaced)
            referral.alternative = .deprivationOfLibertyUnregistered
            referral.closedAt = instant("2026-11-03T10:00:00Z")
            let offer = HomeResponse(
                id: UUID(), referralID: referral.id, homeID: home.id,
                answer: .offer(bedID: bed.id, availableFrom: CalendarDate(year: 2026, month: 11, day: 2)!),
                respondedAt: instant("2026-11-01T10:00:00Z"))
            let decline = HomeResponse(
                id: UUID(), referralID: referral.id, homeID: home.id,
                answer: .decline(reasons: [.riskToOtherChildren, .other], note: "Two children with similar histories"),
                respondedAt: instant("2026-11-01T11:00:00Z"))
            let placement = Placement(
                id: UUID(), referralID: referral.id, childID: child.id, homeID: home.id, bedID: bed.id,
                admittedAt: instant("2026-11-02T10:00:00Z"), dischargedAt: instant("2026-11-02T20:00:00Z"),
                endReason: .carePlan)
            let episode = PlacementEpisode(
                id: UUID(), childID: child.id, referralID: referral.id, type: .childrensHome,
                startedOn: CalendarDate(year: 2026, month: 11, day: 3)!)
            let notification = RegulatorNotification(
                id: UUID(), unplaced: referral, child: child, country: .england, responses: [decline],
                homeReferences: [home.id: home.reference])

            try await store.save(homes: [home])
            try await store.save(beds: [bed])
            try await store.save(children: [child], identities: [identity])
            try await store.save(referrals: [referral])
            try await store.save(responses: [offer, decline])
            try await store.save(placements: [placement], episodes: [episode])
            try await store.save(notifications: [notification])

            #expect(try await store.homes() == [home])
            #expect(try await store.beds(ofHome: home.id) == [bed])
            #expect(try await store.children() == [child])
            #expect(try await store.referrals() == [referral])
            #expect(try await store.responses() == [offer, decline])
            #expect(try await store.placements() == [placement])
            #expect(try await store.placementEpisodes() == [episode])
            let stored = try await store.notifications()
            #expect(stored == [notification])
            #expect(stored.first?.regulator == .ofsted)
            #expect(stored.first?.homesApproached.first?.declineReasons == [.riskToOtherChildren, .other])
        }
    }

    @Test(
        "a bed's history is kept: the board for a past day is rebuilt from its intervals", arguments: TestDatabase.all)
    func pastDayIsRebuilt(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await saveReferenceData(store)
            let home = makeHome()
            let first = makeBed(at: home, label: "room 1")
            let second = makeBed(at: home, .either, label: "room 2")
            try await store.save(homes: [home])
            try await store.save(beds: [first, second])
            try await store.save(bedStatusIntervals: [
                BedStatusInterval(bedID: first.id, status: .vacant, from: instant("2026-10-01T00:00:00Z")),
                BedStatusInterval(bedID: second.id, status: .vacant, from: instant("2026-10-01T00:00:00Z")),
            ])
            try await store.changeStatus(ofBed: first.id, to: .reserved, at: instant("2026-10-10T09:00:00Z"))
            try await store.changeStatus(ofBed: first.id, to: .occupied, at: instant("2026-10-10T15:00:00Z"))
            try await store.changeStatus(ofBed: second.id, to: .closed(.repair), at: instant("2026-10-20T08:00:00Z"))

            let ninth = try await store.bedBoard(
                at: CalendarDate(year: 2026, month: 10, day: 9)!.end.addingTimeInterval(-1))
            let tenthMorning = try await store.bedBoard(at: instant("2026-10-10T12:00:00Z"))
            let later = try await store.bedBoard(at: instant("2026-11-01T12:00:00Z"))

            #expect(ninth.national.all.vacant == 2)
            #expect(ninth.national.all.occupied == 0)
            #expect(tenthMorning.national.welfare.reserved == 1)
            #expect(later.national.welfare.occupied == 1)
            #expect(later.national.either.closedForRepair == 1)
            #expect(later.national.all.open == 1)
            let history = try await store.bedStatusHistory(ofBed: first.id)
            #expect(history.map(\.status) == [.vacant, .reserved, .occupied])
            #expect(history[0].to == history[1].from, "intervals join without a gap")
            #expect(history.last?.to == nil)
        }
    }

    @Test("a transaction that fails writes nothing", arguments: TestDatabase.all)
    func failedTransactionWritesNothing(database: TestDatabase) async throws {
        struct Interrupted: Error {}
        try await withTestStore(database) { store in
            try await saveReferenceData(store)
            await #expect(throws: Interrupted.self) {
                try await store.transaction { transaction in
                    try await transaction.save(homes: [makeHome()])
                    throw Interrupted()
                }
            }
            #expect(try await store.homes().isEmpty)
        }
    }

    @Test(
        "database URLs: the forms we accept, and one clear line for the ones we do not",
        arguments: [
            ("sqlite:///secureplace.sqlite", "sqlite:///secureplace.sqlite"),
            ("sqlite:////tmp/a.sqlite", "sqlite:////tmp/a.sqlite"),
            ("sqlite::memory:", "sqlite::memory:"),
            ("postgres://sp:secret@db.internal:5432/secureplace", "postgres://sp:****@db.internal:5432/secureplace"),
        ])
    func acceptedURLs(text: String, shown: String) throws {
        #expect(try DatabaseURL(parsing: text).description == shown, "passwords are never shown")
    }

    @Test(
        "refused database URLs say what is wrong",
        arguments: ["mysql://x/y", "sqlite://", "postgres:///name", "postgres://host", "localhost"])
    func refusedURLs(text: String) {
        let error = #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: text) }
        #expect(error?.description.hasPrefix("The database URL is not usable") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test("an unreachable PostgreSQL server is one line naming the database, without the password")
    func unreachableServer() async throws {
        let url = try DatabaseURL(parsing: "postgres://sp:secret@127.0.0.1:9/secureplace")
        let error = await #expect(throws: DatabaseProblem.self) {
            try await withStandaloneDatabase(url) { _ in }
        }
        #expect(
            error?.description.hasPrefix("Cannot use the database postgres://sp:****@127.0.0.1:9/secureplace") == true)
        #expect(error?.description.contains("secret") == false)
    }
}
