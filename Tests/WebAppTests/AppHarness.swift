import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Vapor
import VaporTesting
import WebApp

/// The demo data set every HTTP test reads, generated once.
let demoDataset: DemoDataset = {
    let end = CalendarDate(year: 2026, month: 11, day: 20)!.start.addingTimeInterval(11 * 3600)
    return try! DemoDataGenerator(
        seed: 5, months: 12, end: end, localAuthorities: ReferenceData.bundled().localAuthorities
    )
    .generate()
}()

/// Runs `body` against the real app on a fresh database of the given kind, with the clock
/// fixed at the end of the demo data and, unless told otherwise, the demo data loaded.
func withApp(
    _ database: TestDatabase, demo: Bool = true, _ body: (Application) async throws -> Void
) async throws {
    let (url, remove) = try await database.makeFresh()
    let now = demoDataset.end
    do {
        try await VaporTesting.withApp(
            configure: { app in
                try await configure(app, settings: AppSettings(database: url, now: { now }))
                let store = Store(app.db)
                try await LoadReferenceData(store: store)(ReferenceData.bundled())
                if demo { try await LoadDemoData(store: store)(demoDataset) }
            }, body)
        await remove()
    } catch {
        await remove()
        throw error
    }
}

struct ProblemBody: Decodable {
    struct FieldError: Decodable {
        var field: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?
}

extension TestingHTTPResponse {
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(buffer: body))
    }
}
