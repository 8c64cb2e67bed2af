import Coordination
import Foundation
import SecurePlaceCore
import TestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Bed board routes")
struct BedBoardRouteTests {
    struct Board: Decodable {
        struct Counts: Decodable {
            struct Numbers: Decodable {
                var registered: Int
                var open: Int
                var occupied: Int
                var reserved: Int
                var vacant: Int
                var closed: Int
            }

            var welfare: Numbers
            var justice: Numbers
            var either: Numbers
            var all: Numbers
            var welfareVacancies: Int
        }

        struct Home: Decodable {
            var id: UUID
            var name: String
            var beds: Counts
        }

        struct Region: Decodable {
            var code: String
            var name: String
            var beds: Counts
            var homes: [Home]
        }

        var dataset: String?
        var day: String
        var national: Counts
        var regions: [Region]
    }

    @Test("GET / shows every region and home with its vacancies, labelled as demo data", arguments: TestDatabase.all)
    func boardPage(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let signedIn = try await app.bearerHeaders()
            try await app.testing().test(.GET, "/", headers: signedIn) { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType == .html)
                let html = response.body.string
                #expect(html.contains("synthetic demo data"))
                for home in demoDataset.homes { #expect(html.contains(home.name.htmlEscaped)) }
                for region in Region.allCases { #expect(html.contains(region.name)) }
                #expect(
                    html.contains("There is no secure children&#39;s home in this region.")
                        || html.contains("There is no secure children's home in this region."))
                #expect(html.contains("Unconfirmed today"), "two demo homes have not confirmed their beds today")
            }
        }
    }

    @Test("GET /api/v1/bed-board gives the same board as JSON, with counts that add up", arguments: TestDatabase.all)
    func boardJSON(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let signedIn = try await app.bearerHeaders()
            try await app.testing().test(.GET, "/api/v1/bed-board", headers: signedIn) { response in
                #expect(response.status == .ok)
                let board = try response.decoded(Board.self)
                let expected = BedBoard.build(
                    homes: demoDataset.homes, beds: demoDataset.beds, intervals: demoDataset.bedStatusIntervals,
                    at: demoDataset.end)
                #expect(board.dataset == "synthetic demo data")
                #expect(board.day == "2026-11-20")
                #expect(board.regions.map(\.code) == Region.allCases.map(\.code))
                #expect(board.regions.flatMap(\.homes).count == 14)
                #expect(board.national.welfareVacancies == expected.national.welfareVacancies)
                #expect(board.national.all.registered == 240)
                let all = board.national.all
                #expect(all.occupied + all.reserved + all.vacant + all.closed == all.registered)
                #expect(all.open == all.registered - all.closed)
                #expect(
                    board.regions.flatMap(\.homes).reduce(0) { $0 + $1.beds.welfareVacancies }
                        == board.national.welfareVacancies)
            }
        }
    }

    @Test("?date= rebuilds a past day, in the page and the API", arguments: TestDatabase.all)
    func pastDay(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let signedIn = try await app.bearerHeaders()
            let day = CalendarDate(year: 2026, month: 3, day: 31)!
            let expected = BedBoard.build(
                homes: demoDataset.homes, beds: demoDataset.beds, intervals: demoDataset.bedStatusIntervals,
                at: day.end.addingTimeInterval(-1))
            try await app.testing().test(.GET, "/api/v1/bed-board?date=2026-03-31", headers: signedIn) { response in
                let board = try response.decoded(Board.self)
                #expect(board.day == "2026-03-31")
                #expect(board.national.all.occupied == expected.national.all.occupied)
                #expect(board.national.welfareVacancies == expected.national.welfareVacancies)
            }
            try await app.testing().test(.GET, "/?date=2026-03-31", headers: signedIn) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("the end of 31 March 2026"))
            }
        }
    }

    @Test(
        "a date that is empty, not real or in the future is a 400 problem naming the field",
        arguments: ["", "2026-02-30", "31/03/2026", "2026-11-21", "yesterday"])
    func badDateInAPI(text: String) async throws {
        try await withApp(.sqlite) { app in
            let signedIn = try await app.bearerHeaders()
            try await app.testing().test(.GET, "/api/v1/bed-board?date=\(text)", headers: signedIn) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers.contentType == HTTPMediaType(type: "application", subType: "problem+json"))
                let problem = try response.decoded(ProblemBody.self)
                #expect(problem.status == 400)
                #expect(problem.errors?.first?.field == "date")
            }
        }
    }

    @Test("a bad date on the board page is explained beside the field and the page still shows the board")
    func badDateInPage() async throws {
        try await withApp(.sqlite) { app in
            let signedIn = try await app.bearerHeaders()
            try await app.testing().test(.GET, "/?date=2026-02-30", headers: signedIn) { response in
                #expect(response.status == .ok)
                let html = response.body.string
                #expect(html.contains("<title>Error: National bed board"))
                #expect(html.contains("id=\"date-error\""))
                #expect(html.contains("Enter a real date"))
                #expect(html.contains("value=\"2026-02-30\""), "the value typed is kept")
                #expect(html.contains(demoDataset.homes[0].name.htmlEscaped))
            }
        }
    }

    @Test("a home's page and JSON list each bed with its status; an unknown home is a 404", arguments: TestDatabase.all)
    func homeRoutes(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let signedIn = try await app.bearerHeaders()
            let home = demoDataset.homes[0]
            let bedCount = demoDataset.beds.count { $0.homeID == home.id }
            try await app.testing().test(.GET, "/api/v1/homes/\(home.id)", headers: signedIn) { response in
                #expect(response.status == .ok)
                struct HomeBeds: Decodable {
                    struct Line: Decodable { var status: String }
                    var beds: [Line]
                    var dataset: String?
                }
                let body = try response.decoded(HomeBeds.self)
                #expect(body.beds.count == bedCount)
                #expect(body.dataset == "synthetic demo data")
                #expect(Set(body.beds.map(\.status)).isSubset(of: ["vacant", "occupied", "reserved", "closed"]))
            }
            try await app.testing().test(.GET, "/homes/\(home.id)", headers: signedIn) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("<h1 class=\"heading-xl\">\(home.name.htmlEscaped)</h1>"))
            }
            for path in ["/api/v1/homes/\(UUID())", "/api/v1/homes/not-a-home"] {
                try await app.testing().test(.GET, path, headers: signedIn) { response in
                    #expect(response.status == .notFound)
                    let problem = try response.decoded(ProblemBody.self)
                    #expect(problem.status == 404)
                }
            }
            try await app.testing().test(.GET, "/homes/\(UUID())", headers: signedIn) { response in
                #expect(response.status == .notFound)
                #expect(response.headers.contentType == .html)
                #expect(response.body.string.contains("Page not found"))
            }
        }
    }

    @Test("an empty service shows an empty board without the demo banner")
    func emptyService() async throws {
        try await withApp(.sqlite, demo: false) { app in
            let signedIn = try await app.bearerHeaders()
            try await app.testing().test(.GET, "/", headers: signedIn) { response in
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("synthetic demo data"))
            }
            try await app.testing().test(.GET, "/api/v1/bed-board", headers: signedIn) { response in
                let board = try response.decoded(Board.self)
                #expect(board.dataset == nil)
                #expect(board.national.all.registered == 0)
            }
        }
    }

    @Test("the stylesheet is served from our own files")
    func stylesheet() async throws {
        try await withApp(.sqlite, demo: false) { app in
            try await app.testing().test(.GET, "/styles.css") { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains(".demo-banner"))
            }
        }
    }
}

extension String {
    /// As Leaf escapes text into HTML.
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
