import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

/// Two changes to one referral at the same moment (a double click, two tabs, two people),
/// many rounds, through the real app: each transaction has its own database connection, so
/// on PostgreSQL the two really run at once.
@Suite("Races on one referral")
struct JourneyRaceTests {
    static let rounds = 12

    enum Race: String, CaseIterable, CustomStringConvertible {
        case twoAccepts = "two accepts of different offers"
        case twoAdmissions = "two admissions"
        case withdrawalAndAccept = "a withdrawal and an accept"
        case closeUnplacedAndAccept = "a close-unplaced and an accept"

        var description: String { rawValue }
    }

    @Test(
        "of two changes at once, the one that loses is refused and leaves no bed held", arguments: TestDatabase.all,
        Race.allCases)
    func race(database: TestDatabase, race: Race) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let people = try await RacePeople(app: app)
            for round in 1...Self.rounds {
                let (id, offerA, offerB) = try await people.referralWithTwoOffers(world: world, round: round)
                switch race {
                case .twoAccepts:
                    let answers = try await app.sendAtOnce([
                        (.POST, "/api/v1/offers/\(offerA)/accept", people.referrer, nil),
                        (.POST, "/api/v1/offers/\(offerB)/accept", people.referrer, nil),
                    ])
                    #expect(answers.map(\.status).sorted { $0.code < $1.code } == [.ok, .conflict], "round \(round)")
                    let loser = answers.first { $0.status == .conflict }
                    #expect(loser?.state == "offer-accepted", "the 409 says where the referral is")
                    try await expectBeds(in: app, reserved: 1, occupied: 0, round: round)
                    // Withdrawing releases the one reserved bed.
                    try await app.send(
                        .POST, "/api/v1/referrals/\(id)/withdraw", as: people.referrer, body: ["reason": "Round over"])
                    try await expectBeds(in: app, reserved: 0, occupied: 0, round: round)
                case .twoAdmissions:
                    #expect(
                        try await app.send(.POST, "/api/v1/offers/\(offerA)/accept", as: people.referrer).status == .ok)
                    let answers = try await app.sendAtOnce([
                        (.POST, "/api/v1/placements/\(offerA)/admit", people.homeA, nil),
                        (.POST, "/api/v1/placements/\(offerA)/admit", people.homeA, nil),
                    ])
                    #expect(answers.map(\.status).sorted { $0.code < $1.code } == [.ok, .conflict], "round \(round)")
                    try await expectBeds(in: app, reserved: 0, occupied: 1, round: round)
                    let placements = try await Store(app.db).placements().filter { $0.id.uuidString == offerA }
                    #expect(placements.count == 1, "one child, one placement")
                    try await app.send(
                        .POST, "/api/v1/placements/\(offerA)/discharge", as: people.homeA, body: ["reason": "CARPL"])
                    try await expectBeds(in: app, reserved: 0, occupied: 0, round: round)
                case .withdrawalAndAccept:
                    let answers = try await app.sendAtOnce([
                        (.POST, "/api/v1/referrals/\(id)/withdraw", people.referrer, ["reason": "Placed at home"]),
                        (.POST, "/api/v1/offers/\(offerA)/accept", people.referrer, nil),
                    ])
                    #expect(answers[0].status == .ok, "a withdrawal always goes through (round \(round))")
                    #expect([.ok, .conflict].contains(answers[1].status), "round \(round)")
                    #expect(try await state(of: id, in: app, as: people.referrer) == "withdrawn")
                    try await expectBeds(in: app, reserved: 0, occupied: 0, round: round)
                case .closeUnplacedAndAccept:
                    let answers = try await app.sendAtOnce([
                        (
                            .POST, "/api/v1/referrals/\(id)/close-unplaced", people.referrer,
                            ["alternative": "foster-care", "location": "Emergency foster carer"]
                        ),
                        (.POST, "/api/v1/offers/\(offerA)/accept", people.referrer, nil),
                    ])
                    let statuses = answers.map(\.status)
                    #expect(statuses.count { $0 == .conflict } == 1, "exactly one wins (round \(round)): \(statuses)")
                    let final = try await state(of: id, in: app, as: people.referrer)
                    if answers[1].status == .ok {
                        #expect(final == "offer-accepted")
                        try await expectBeds(in: app, reserved: 1, occupied: 0, round: round)
                        try await app.send(
                            .POST, "/api/v1/referrals/\(id)/withdraw", as: people.referrer,
                            body: ["reason": "Round over"])
                    } else {
                        #expect(final == "closed-unplaced")
                        #expect(try await Store(app.db).notifications().count { $0.referralID.uuidString == id } == 1)
                    }
                    try await expectBeds(in: app, reserved: 0, occupied: 0, round: round)
                }
            }
            #expect(try await Store(app.db).verifyAuditChain() == nil, "every change audited, in one unbroken chain")
        }
    }

    /// Every instance takes numbers from the same counter; reading the highest number and
    /// adding one gave several referrals made at once the same number, and after five tries a 500.
    @Test("ten referrals made at once get ten different references", arguments: TestDatabase.all)
    func referencesAtOnce(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            _ = try await SmallWorld.build(in: app)
            let referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
            let answers = try await withThrowingTaskGroup(of: (HTTPStatus, String?).self) { group in
                for index in 1...10 {
                    group.addTask {
                        // Ten children, as ten social workers would refer.
                        var form = SmallWorld.form(givenName: "Child \(index)")
                        form["localAuthorityReference"] = "MCR-\(index)"
                        let created = try await app.send(.POST, "/api/v1/referrals", as: referrer, body: form)
                        return (created.status, created.json["reference"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.map(\.0) == Array(repeating: .created, count: 10))
            let references = answers.compactMap(\.1)
            #expect(Set(references).count == 10, "\(references.sorted())")
            #expect(references.min() == "R-2026-00001" && references.max() == "R-2026-00010", "numbers in a row")
        }
    }

    private func state(of id: String, in app: Application, as headers: HTTPHeaders) async throws -> String? {
        try await app.send(.GET, "/api/v1/referrals/\(id)", as: headers).json["state"] as? String
    }

    /// The bed board, national welfare and either beds: what is held, and that no bed is held twice.
    private func expectBeds(
        in app: Application, reserved: Int, occupied: Int, round: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let board = try await Store(app.db).bedBoard(at: demoDataset.end)
        #expect(
            board.national.all.reserved == reserved, "reserved beds, round \(round)", sourceLocation: sourceLocation)
        #expect(
            board.national.all.occupied == occupied, "occupied beds, round \(round)", sourceLocation: sourceLocation)
    }
}

/// The people in a race: the authority's referrer, the coordinator and both homes' managers.
struct RacePeople {
    var app: Application
    var referrer: HTTPHeaders
    var coordinator: HTTPHeaders
    var homeA: HTTPHeaders
    var homeB: HTTPHeaders

    init(app: Application) async throws {
        self.app = app
        referrer = try await app.bearerHeaders(for: "referrer@manchester.example")
        coordinator = try await app.bearerHeaders(for: "coordinator@secureplace.example")
        homeA = try await app.bearerHeaders(for: "manager@sch-a.example")
        homeB = try await app.bearerHeaders(for: "manager@sch-b.example")
    }

    /// A referral submitted, circulated to both homes, and offered a bed by each.
    func referralWithTwoOffers(world: SmallWorld, round: Int) async throws -> (String, String, String) {
        let created = try await app.send(
            .POST, "/api/v1/referrals", as: referrer, body: SmallWorld.form(givenName: "Child \(round)"))
        let id = try #require(created.json["id"] as? String)
        #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: referrer).status == .ok)
        #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/circulate", as: coordinator).array.count == 2)
        let offerA = try await app.send(
            .POST, "/api/v1/referrals/\(id)/responses", as: homeA,
            body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedA.id))
        let offerB = try await app.send(
            .POST, "/api/v1/referrals/\(id)/responses", as: homeB,
            body: ReferralJourney.ResponseForm(answer: "offer", bedID: world.bedB.id))
        return (id, try #require(offerA.json["id"] as? String), try #require(offerB.json["id"] as? String))
    }
}

/// One answer in a race: its status and, for a refusal, the referral's state it names.
struct RaceAnswer: Sendable {
    var status: HTTPStatus
    var state: String?
}

extension Application {
    /// Sends the requests at the same moment and returns the answers in the order given.
    func sendAtOnce(_ requests: [(HTTPMethod, String, HTTPHeaders, [String: String]?)]) async throws -> [RaceAnswer] {
        try await withThrowingTaskGroup(of: (Int, RaceAnswer).self) { group in
            for (index, (method, path, headers, body)) in requests.enumerated() {
                group.addTask {
                    let answer = try await self.send(method, path, as: headers, body: body)
                    return (index, RaceAnswer(status: answer.status, state: answer.json["state"] as? String))
                }
            }
            var answers: [(Int, RaceAnswer)] = []
            for try await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
