import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// The national bed board and each home's beds, as pages and as JSON.
struct BedBoardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: boardPage)
        routes.get("homes", ":homeID", use: homePage)
        routes.get("your-home", use: yourHome)
        let api = routes.grouped("api", "v1")
        api.get("bed-board", use: boardJSON)
        api.get("homes", ":homeID", use: homeJSON)
    }

    @Sendable func boardPage(request: Request) async throws -> View {
        let text = try? request.query.get(String.self, at: "date")
        var dateError: String?
        let cached: CachedBedBoard
        do {
            cached = try await request.cachedBedBoard(on: try parseDate(text)).value
        } catch let error as FieldValidationError {
            dateError = error.message
            cached = try await request.cachedBedBoard(on: nil).value
        } catch let error as BedBoardDateError {
            dateError = error.description
            cached = try await request.cachedBedBoard(on: nil).value
        }
        let board = cached.board
        let page = BoardPage(
            board: board, isDemo: cached.dataset != nil, signedIn: request.signedIn,
            today: CalendarDate(containing: request.now),
            dateValue: text ?? board.day.iso, dateError: dateError)
        return try await request.view.render("board", page)
    }

    /// A home manager's own home, one tap from the menu on a phone.
    @Sendable func yourHome(request: Request) async throws -> Response {
        guard let reference = try request.principal.homeReference,
            let home = try await Store(request.db).home(reference: reference)
        else { throw Abort(.notFound, reason: "Only a home's managers have a home of their own here.") }
        return request.redirect(to: "/homes/\(home.id.uuidString)", redirectType: .normal)
    }

    /// The board's JSON with a weak ETag naming its day and audit sequence: a client that
    /// polls with If-None-Match gets 304 and no body while nothing has changed.
    @Sendable func boardJSON(request: Request) async throws -> Response {
        let day = try parseDate(try request.apiQueryValue("date", otherwise: "a date such as 2026-03-31"))
        let entry = try await request.cachedBedBoard(on: day)
        let tag = "W/\"board-\(entry.value.board.day.iso)-\(entry.version)\""
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: tag)
        // Kept by the browser but asked about each time: the board must never be shown stale.
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        if request.headers[.ifNoneMatch].flatMap(Self.entityTags).contains(where: { Self.weakly($0, matches: tag) }) {
            return Response(status: .notModified, headers: headers)
        }
        headers.contentType = entry.value.contentType
        return Response(status: .ok, headers: headers, body: .init(buffer: entry.value.json))
    }

    /// The tags of an If-None-Match header, which may list several separated by commas.
    private static func entityTags(_ header: String) -> [String] {
        header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// If-None-Match compares weakly (RFC 9110, 13.1.2): `W/` on either side does not count.
    private static func weakly(_ sent: String, matches tag: String) -> Bool {
        func opaque(_ tag: String) -> Substring { tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag) }
        return sent == "*" || opaque(sent) == opaque(tag)
    }

    @Sendable func homePage(request: Request) async throws -> Response {
        let text = try? request.query.get(String.self, at: "date")
        // An id that is not a UUID cannot name a home: the same 404 as an unknown one.
        guard let id = request.parameters.get("homeID", as: UUID.self) else { throw Abort(.notFound) }
        return try await HomePageView.render(request, homeID: id, day: try parseDate(text), dateText: text)
    }

    @Sendable func homeJSON(request: Request) async throws -> HomeBedsDTO {
        let day = try parseDate(try request.apiQueryValue("date", otherwise: "a date such as 2026-03-31"))
        let home = try await homeBeds(request, day: day)
        return HomeBedsDTO(home, dataset: try await dataset(request))
    }

    private func homeBeds(_ request: Request, day: CalendarDate?) async throws -> HomeBeds {
        // An id that is not a UUID cannot name a home: the same 404 as an unknown one.
        guard let id = request.parameters.get("homeID", as: UUID.self),
            let home = try await viewBoard(request).home(id, on: day)
        else { throw Abort(.notFound) }
        return home
    }

    private func viewBoard(_ request: Request) -> ViewBedBoard {
        let now = request.now
        return ViewBedBoard(store: Store(request.db), now: { now })
    }

    private func dataset(_ request: Request) async throws -> String? {
        try await Store(request.db).holdsDemoData() ? DemoDataset.label : nil
    }

    /// The board's `date`; absent, or a page's date field left empty, is today. The API has
    /// already refused `date=` through `apiQueryValue`.
    private func parseDate(_ text: String?) throws -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = CalendarDate(iso: text) else {
            throw FieldValidationError(
                field: "date", message: "Enter a real date in the form YYYY-MM-DD, for example 2026-03-31.")
        }
        return day
    }
}
