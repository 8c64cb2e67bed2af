import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Beds over dates: out-of-service records, expected discharges, capacity, matching on the date needed")
struct CapacityRouteTests {
    static let today = CalendarDate(containing: demoDataset.end)
    static func day(_ offset: Int) -> String { today.adding(days: offset).iso }

    static func capacity(_ app: Application, _ home: UUID, days: Int, as headers: HTTPHeaders) async throws
        -> [[String: Any]]
    {
        try await app.send(.GET, "/api/v1/homes/\(home)/capacity?from=\(day(0))&to=\(day(days - 1))", as: headers)
            .array
    }

    @Test(
        "a manager records a bed out of service now and another for later, revises one, reopens; capacity and the CSV follow",
        arguments: TestDatabase.all)
    func outagesAndCapacity(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            let closed = try await app.send(
                .POST, "/api/v1/beds/\(world.bedA.id)/close", as: manager,
                body: ["reason": "incident", "expectedEndOn": Self.day(3), "note": "Window broken"])
            #expect(closed.status == .noContent)
            var outages = try await app.send(.GET, "/api/v1/homes/\(world.homeA.id)/outages", as: manager).array
            #expect(outages.count == 1)
            #expect(outages.first?["reason"] as? String == "incident")
            #expect(outages.first?["expectedEndOn"] as? String == Self.day(3))
            #expect(outages.first?["bedDaysLost"] as? Int == 1)
            let outageID = try #require(outages.first?["id"] as? String)
            var days = try await Self.capacity(app, world.homeA.id, days: 6, as: manager)
            #expect(days.map { $0["outOfService"] as? Int } == [1, 1, 1, 1, 0, 0])
            #expect(days.map { $0["vacantForWelfare"] as? Int } == [0, 0, 0, 0, 1, 1])
            let board = try await Store(app.db).bedBoard(at: demoDataset.end)
            #expect(board.national.all.closedForOtherReasons == 1)

            let revised = try await app.send(
                .POST, "/api/v1/outages/\(outageID)", as: manager, body: ["expectedEndOn": Self.day(1)])
            #expect(revised.status == .ok)
            #expect((revised.json["revisions"] as? [[String: Any]])?.count == 2)
            let change = (revised.json["revisions"] as? [[String: Any]])?.last?["change"] as? String
            #expect(change == "expected end \(Self.day(3)) → \(Self.day(1))")
            days = try await Self.capacity(app, world.homeA.id, days: 4, as: manager)
            #expect(days.map { $0["outOfService"] as? Int } == [1, 1, 0, 0])
            let noted = try await app.send(
                .POST, "/api/v1/outages/\(outageID)", as: manager, body: ["note": "Glazier booked"])
            #expect(noted.json["expectedEndOn"] as? String == Self.day(1), "a field left out keeps its value")
            #expect(noted.json["note"] as? String == "Glazier booked")

            let planned = try await app.send(
                .POST, "/api/v1/beds/\(world.bedA.id)/outages", as: manager,
                body: ["reason": "refurbishment", "startsOn": Self.day(10), "expectedEndOn": Self.day(12)])
            #expect(planned.status == .created)
            #expect(planned.json["bedDaysLost"] as? Int == 0)
            days = try await Self.capacity(app, world.homeA.id, days: 14, as: manager)
            #expect(days.map { $0["outOfService"] as? Int } == [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0])

            #expect(try await app.send(.POST, "/api/v1/beds/\(world.bedA.id)/reopen", as: manager).status == .noContent)
            outages = try await app.send(.GET, "/api/v1/homes/\(world.homeA.id)/outages", as: manager).array
            let ended = outages.first { $0["id"] as? String == outageID }
            #expect(ended?["endedOn"] as? String == Self.day(-1) && ended?["bedDaysLost"] as? Int == 0)
            days = try await Self.capacity(app, world.homeA.id, days: 1, as: manager)
            #expect(days.first?["outOfService"] as? Int == 0, "back in service today")

            let actions = try await Store(app.db).auditEvents().map(\.entry.action)
            #expect(["bed.close", "bed-outage.revise", "bed-outage.plan", "bed.reopen"].allSatisfy(actions.contains))

            let (coordinator, _) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            var csv = ""
            try await app.testing().test(.GET, "/outages.csv", headers: coordinator) { response in
                #expect(response.status == .ok)
                csv = response.body.string
            }
            let lines = csv.split(separator: "\n").map(String.init)
            #expect(lines.first == BedOutageExport.header.joined(separator: ","))
            #expect(lines.count == 3)
            #expect(
                lines.contains {
                    $0.hasPrefix("SCH-A,Alder House,Room 1,incident,\(Self.day(0)),\(Self.day(1)),\(Self.day(-1)),0,4,")
                })
            let (home, _) = try await app.sessionHeaders(for: "manager@sch-a.example")
            try await app.testing().test(.GET, "/outages.csv", headers: home) { #expect($0.status == .forbidden) }
            let other = try await app.bearerHeaders(for: "manager@sch-b.example")
            let plannedID = try #require(planned.json["id"] as? String)
            #expect(
                try await app.send(.POST, "/api/v1/outages/\(plannedID)", as: other, body: ["note": "x"]).status
                    == .forbidden)
        }
    }

    @Test("bad input names its field; nothing is recorded")
    func badInput() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            func field(_ method: HTTPMethod, _ path: String, _ body: [String: String]? = nil) async throws -> String? {
                let answer = try await app.send(method, path, as: manager, body: body)
                #expect(answer.status == .badRequest, "\(path) \(body ?? [:])")
                return (answer.json["errors"] as? [[String: String]])?.first?["field"]
            }
            let close = "/api/v1/beds/\(world.bedA.id)/close"
            #expect(try await field(.POST, close, ["reason": "holiday"]) == "reason")
            #expect(
                try await field(.POST, close, ["reason": "repair", "expectedEndOn": "2026-02-30"]) == "expectedEndOn")
            #expect(
                try await field(.POST, close, ["reason": "repair", "expectedEndOn": Self.day(-1)]) == "expectedEndOn")
            #expect(try await field(.POST, close, ["reason": "repair", "startsOn": Self.day(-2)]) == "startsOn")
            let plan = "/api/v1/beds/\(world.bedA.id)/outages"
            #expect(try await field(.POST, plan, ["reason": "repair", "startsOn": Self.day(0)]) == "startsOn")
            #expect(try await field(.POST, plan, ["reason": "repair"]) == "startsOn")
            let capacity = "/api/v1/homes/\(world.homeA.id)/capacity"
            #expect(try await field(.GET, capacity + "?from=\(Self.day(-1))") == "from")
            #expect(try await field(.GET, capacity + "?from=tomorrow") == "from")
            #expect(try await field(.GET, capacity + "?from=\(Self.day(5))&to=\(Self.day(4))") == "to")
            #expect(try await field(.GET, capacity + "?to=\(Self.day(366))") == "to")
            #expect(try await field(.GET, capacity + "?from=&to=") == "from", "empty is not left out")
            #expect(try await field(.GET, capacity + "?to=") == "to")
            #expect(try await app.send(.GET, capacity + "?to=\(Self.day(365))", as: manager).array.count == 366)
            #expect(try await app.send(.GET, "/api/v1/homes/\(UUID())/capacity", as: manager).status == .notFound)
            #expect(try await Store(app.db).outages().isEmpty)
            #expect(try await Store(app.db).bedStatusHistory(ofBed: world.bedA.id).map(\.status) == [.vacant])
        }
    }

    @Test(
        "a referral needed later is matched against that day's beds: a child expected to leave frees one, a closure ends",
        arguments: TestDatabase.all)
    func matchingOnTheDateNeeded(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let law = try await LawHarness(app)
            let referrer = try await law.principal("referrer@manchester.example")
            let home = try await law.principal("manager@sch-a.example")
            let coordinator = try await law.principal("coordinator@secureplace.example")
            let (_, offer) = try await law.offered(LawHarness.form())
            _ = try await law.journey().acceptOffer(offer.id, by: referrer)
            _ = try await law.journey().admit(offer.id, by: home)
            let manageBeds = ManageBeds(store: law.store, now: { demoDataset.end })
            try await manageBeds.close(
                bed: law.world.bedB.id, OutageForm(reason: "staffing", expectedEndOn: Self.day(5)),
                by: try await law.principal("manager@sch-b.example"))

            func ranked(neededIn days: Int, reference: String) async throws -> [String] {
                let form = LawHarness.form([
                    "dateNeeded": Self.day(days), "localAuthorityReference": reference, "urgency": "planned",
                    "givenName": "Later \(reference)", "orderStartsOn": Self.day(0), "orderEndsOn": Self.day(60),
                ])
                let referral = try await law.journey().create(form, by: referrer)
                _ = try await law.journey().submit(referral.id, by: referrer)
                return try await law.journey().ranking(referral.id, by: coordinator).ranked.map(\.home.reference)
            }
            #expect(try await ranked(neededIn: 0, reference: "MCR-T0") == [])
            #expect(try await ranked(neededIn: 10, reference: "MCR-T10") == ["SCH-B"], "home A's child stays")

            _ = try await manageBeds.expectDischarge(ofPlacement: offer.id, on: Self.day(7), by: home)
            #expect(try await law.store.placement(id: offer.id)?.expectedDischargeOn?.iso == Self.day(7))
            #expect(Set(try await ranked(neededIn: 10, reference: "MCR-T10B")) == ["SCH-A", "SCH-B"])
            #expect(try await ranked(neededIn: 7, reference: "MCR-T7") == ["SCH-B"], "free the day after")

            await #expect(throws: InputErrors.self) {
                try await manageBeds.expectDischarge(ofPlacement: offer.id, on: Self.day(-1), by: home)
            }
            await #expect(throws: AccessDenied.self) {
                try await manageBeds.expectDischarge(
                    ofPlacement: offer.id, on: Self.day(3), by: try await law.principal("manager@sch-b.example"))
            }
        }
    }
}
