import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Managing a home's beds")
struct BedManagementTests {
    @Test(
        "a home's manager closes a vacant bed, reopens it and confirms; history keeps every change",
        arguments: TestDatabase.all)
    func closeReopenConfirm(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            let bed = "/api/v1/beds/\(world.bedA.id)"
            let noReason = try await app.send(.POST, bed + "/close", as: manager, body: ["reason": "holiday"])
            #expect(noReason.status == .badRequest)
            #expect(
                try await app.send(.POST, bed + "/close", as: manager, body: ["reason": "staffing"]).status
                    == .noContent)
            let closedBoard = try await Store(app.db).bedBoard(at: demoDataset.end)
            #expect(closedBoard.national.welfare.closedForStaffing == 1)
            // Closing a closed bed or reopening an open one is well formed but conflicts with the
            // bed's state: 409, naming the field.
            let closedAgain = try await app.send(.POST, bed + "/close", as: manager, body: ["reason": "repair"])
            #expect(closedAgain.status == .conflict)
            #expect((closedAgain.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "reason")
            #expect(try await app.send(.POST, bed + "/reopen", as: manager).status == .noContent)
            #expect(try await app.send(.POST, bed + "/reopen", as: manager).status == .conflict)
            #expect(
                try await app.send(.POST, "/api/v1/homes/\(world.homeA.id)/confirm", as: manager).status == .noContent)

            let history = try await Store(app.db).bedStatusHistory(ofBed: world.bedA.id)
            #expect(history.map(\.status) == [.vacant, .closed(.staffing), .vacant])
            #expect(try await Store(app.db).home(id: world.homeA.id)?.lastConfirmedAt == demoDataset.end)
            let other = try await app.bearerHeaders(for: "manager@sch-b.example")
            #expect(
                try await app.send(.POST, bed + "/close", as: other, body: ["reason": "staffing"]).status == .forbidden)
        }
    }

    @Test("the home page gives its own manager the controls and a reminder until the beds are confirmed today")
    func homePageControls() async throws {
        try await withApp(.sqlite, demo: true) { app in
            let home = demoDataset.homes.first { $0.reference == "SCH-NE-01" }!
            let (manager, csrf) = try await app.sessionHeaders(for: "manager.sch-ne-01@secureplace.example")
            var html = ""
            try await app.testing().test(.GET, "/homes/\(home.id)", headers: manager) { html = $0.body.string }
            #expect(html.contains("The beds are as shown"))
            let ended = demoDataset.outages.count { $0.homeID == home.id && $0.endedOn != nil }
            #expect(ended > 10, "the demo home has a long history of closures")
            #expect(html.contains("\(ended - 10) earlier records are not shown here"), "the page shows the ten latest")
            let confirmedToday =
                home.lastConfirmedAt.map { CalendarDate(containing: $0) == CalendarDate(containing: demoDataset.end) }
                ?? false
            #expect(html.contains("you have not confirmed your beds today") == !confirmedToday)
            try await app.testing().test(.GET, "/", headers: manager) { html = $0.body.string }
            #expect(html.contains("have not been confirmed today") == !confirmedToday, "reminded on the board too")
            try await app.testing().test(
                .POST, "/homes/\(home.id)/confirm", headers: manager,
                beforeRequest: { try $0.content.encode(["csrfToken": csrf], as: .urlEncodedForm) }
            ) { response in #expect(response.status == .seeOther) }
            try await app.testing().test(.GET, "/homes/\(home.id)?notice=confirmed", headers: manager) {
                html = $0.body.string
            }
            #expect(html.contains("You confirmed the beds are as shown."))
            #expect(!html.contains("you have not confirmed your beds today"))

            let (coordinator, _) = try await app.sessionHeaders(for: "coordinator@secureplace.example")
            try await app.testing().test(.GET, "/homes/\(home.id)", headers: coordinator) { html = $0.body.string }
            #expect(!html.contains("The beds are as shown"), "only the home's own manager changes its beds")
        }
    }
}
