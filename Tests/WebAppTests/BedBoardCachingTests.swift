import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("The shared bed board")
struct BedBoardCachingTests {
    struct Board: Decodable {
        struct Counts: Decodable {
            struct Numbers: Decodable { var vacant: Int }
            var welfare: Numbers
        }
        var national: Counts
    }

    @Test(
        "a poll with the board's ETag gets 304 until a bed changes; a change here shows at once",
        arguments: TestDatabase.all)
    func etagAndLocalChange(database: TestDatabase) async throws {
        try await withApp(database, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            let first = try await app.board(as: manager)
            #expect(first.status == .ok)
            #expect(first.headers.first(name: .cacheControl) == "private, no-cache")
            let tag = try #require(first.headers.first(name: .eTag))
            #expect(tag.hasPrefix("W/\"board-2026-11-20-"))
            #expect(try first.decoded(Board.self).national.welfare.vacant == 1)

            for sent in [tag, "\"other\", \(tag)", String(tag.dropFirst(2)), "*"] {
                let unchanged = try await app.board(as: manager, ifNoneMatch: sent)
                #expect(unchanged.status == .notModified, "If-None-Match: \(sent)")
                #expect(unchanged.body.readableBytes == 0)
                #expect(unchanged.headers.first(name: .eTag) == tag)
            }
            #expect(try await app.board(as: manager, ifNoneMatch: "W/\"board-2026-11-19-1\"").status == .ok)

            let closed = try await app.send(
                .POST, "/api/v1/beds/\(world.bedA.id)/close", as: manager, body: ["reason": "staffing"])
            #expect(closed.status == .noContent)
            let afterClose = try await app.board(as: manager, ifNoneMatch: tag)
            #expect(afterClose.status == .ok, "the bed closed through this instance shows on the next poll")
            #expect(afterClose.headers.first(name: .eTag) != tag)
            #expect(try afterClose.decoded(Board.self).national.welfare.vacant == 0)

            // The page reads the same shared board.
            try await app.testing().test(.GET, "/", headers: manager) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Alder House"))
            }
        }
    }

    @Test("a change another instance makes (straight to the database) shows within two seconds")
    func changeElsewhere() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            #expect(try await app.board(as: manager).decoded(Board.self).national.welfare.vacant == 1)

            let store = Store(app.db)
            let account = try #require(try await store.account(email: "manager@sch-a.example"))
            let home = try #require(try await store.organisation(kind: .secureHome, reference: "SCH-A"))
            let principal = Principal(userID: account.user.id, role: .homeManager, organisation: home)
            try await ManageBeds(store: store, now: { demoDataset.end })
                .close(bed: world.bedA.id, OutageForm(reason: "staffing"), by: principal)

            try await Task.sleep(for: .milliseconds(2_100))
            #expect(try await app.board(as: manager).decoded(Board.self).national.welfare.vacant == 0)
        }
    }

    @Test("the API refuses date= sent empty, naming the field, on the board and on a home")
    func emptyDate() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let world = try await SmallWorld.build(in: app)
            let manager = try await app.bearerHeaders(for: "manager@sch-a.example")
            for path in ["/api/v1/bed-board?date=", "/api/v1/homes/\(world.homeA.id)?date="] {
                let answer = try await app.send(.GET, path, as: manager)
                #expect(answer.status == .badRequest, "\(path)")
                #expect((answer.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "date", "\(path)")
            }
        }
    }
}

extension Application {
    fileprivate func board(as headers: HTTPHeaders, ifNoneMatch: String? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if let ifNoneMatch { headers.replaceOrAdd(name: .ifNoneMatch, value: ifNoneMatch) }
        return try await testing().sendRequest(.GET, "/api/v1/bed-board", headers: headers)
    }
}
