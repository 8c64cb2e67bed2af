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
        let api = routes.grouped("api", "v1")
        api.get("bed-board", use: boardJSON)
        api.get("homes", ":homeID", use: homeJSON)
    }

    @Sendable func boardPage(request: Request) async throws -> View {
        let store = Store(request.db)
        let text = try? request.query.get(String.self, at: "date")
        var dateError: String?
        let board: BedBoard
        do {
            board = try await viewBoard(request)(on: try parseDate(text))
        } catch let error as FieldValidationError {
            dateError = error.message
            board = try await viewBoard(request)(on: nil)
        } catch let error as BedBoardDateError {
            dateError = error.description
            board = try await viewBoard(request)(on: nil)
        }
        let page = BoardPage(
            board: board, isDemo: try await store.holdsDemoData(), signedIn: request.signedIn,
            today: CalendarDate(containing: request.now),
            dateValue: text ?? board.day.iso, dateError: dateError)
        return try await request.view.render("board", page)
    }

    @Sendable func boardJSON(request: Request) async throws -> BedBoardDTO {
        let day = try parseDate(try? request.query.get(String.self, at: "date"), emptyMeansToday: false)
        let board = try await viewBoard(request)(on: day)
        return BedBoardDTO(board, dataset: try await dataset(request))
    }

    @Sendable func homePage(request: Request) async throws -> Response {
        let text = try? request.query.get(String.self, at: "date")
        // An id that is not a UUID cannot name a home: the same 404 as an unknown one.
        guard let id = request.parameters.get("homeID", as: UUID.self) else { throw Abort(.notFound) }
        return try await HomePageView.render(request, homeID: id, day: try parseDate(text), dateText: text)
    }

    @Sendable func homeJSON(request: Request) async throws -> HomeBedsDTO {
        let day = try parseDate(try? request.query.get(String.self, at: "date"), emptyMeansToday: false)
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

    /// The board's `date`; absent is today. A page's date field left empty is today too, but
    /// a program that sends `date=` sent no date, which is a 400 like any other that is not one.
    private func parseDate(_ text: String?, emptyMeansToday: Bool = true) throws -> CalendarDate? {
        guard let text, !(text.isEmpty && emptyMeansToday) else { return nil }
        guard let day = CalendarDate(iso: text) else {
            throw FieldValidationError(
                field: "date", message: "Enter a real date in the form YYYY-MM-DD, for example 2026-03-31.")
        }
        return day
    }
}
