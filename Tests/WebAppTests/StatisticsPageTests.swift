import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("Statistics pages")
struct StatisticsPageTests {
    func get(_ app: Application, _ path: String, _ headers: HTTPHeaders = [:]) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: headers) { result = ($0.status, $0.body.string) }
        return result
    }

    @Test(
        "analysts see exact figures, filtered, with the message beside a bad date; no other role does",
        arguments: TestDatabase.all)
    func exactFiguresForAnalystsOnly(database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (analyst, _) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            let (status, html) = try await get(app, "/statistics?from=2026-01-01&through=2026-10-31", analyst)
            #expect(status == .ok)
            #expect(html.contains("Closed unplaced, of those placed or closed unplaced"))
            #expect(html.contains("<svg class=\"chart\""))
            #expect(html.contains("Adjusted for region and urgency") || html.contains("Not adjusted for region"))
            #expect(html.contains("id=\"year-after\""))
            #expect(html.contains("New placements per child"))
            // Each chart has its accessible title and description and the table of its figures.
            for (chart, table) in [
                ("by-month", "id=\"months\""), ("time-to-placement", "id=\"placed-by\""),
                ("decline-reasons", "id=\"decline-reasons\""),
            ] {
                #expect(html.contains("aria-labelledby=\"\(chart)-title \(chart)-description\""), "\(chart)")
                #expect(html.contains(table), "\(table)")
            }
            #expect(html.contains("id=\"answers-by-home\""))
            #expect(html.contains("Referrals a year for each open bed"))
            #expect(html.contains("Held longer than 72 hours without an order"))

            let (badStatus, bad) = try await get(app, "/statistics?from=yesterday&region=nowhere", analyst)
            #expect(badStatus == .badRequest)
            #expect(bad.contains("id=\"from-error\""))
            #expect(bad.contains("Choose a region from the list."))

            for email in ["coordinator@secureplace.example", "inspector.ofsted@secureplace.example"] {
                let (other, _) = try await app.sessionHeaders(for: email)
                #expect(try await get(app, "/statistics", other).0 == .forbidden, "\(email)")
                #expect(
                    try await get(app, "/statistics/exact/referral_outcomes.csv?period=2025-26", other).0 == .forbidden)
            }
        }
    }

    @Test("an analyst narrows the figures to one authority or one urgency, and a mismatched authority is told")
    func authorityAndUrgencyFilters() async throws {
        try await withApp(.sqlite) { app in
            let (analyst, _) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            let cohort = try await StatisticsCohort(store: Store(app.db), now: { demoDataset.end }).referrals(
                submittedFrom: CalendarDate(iso: "2025-04-01")!.start, before: CalendarDate(iso: "2026-04-01")!.start)
            let period = "from=2025-04-01&through=2026-03-31"
            func referrals(_ filter: String) async throws -> String? {
                let (status, html) = try await get(app, "/statistics?\(period)&\(filter)", analyst)
                #expect(status == .ok, "\(filter)")
                let marker = "<dt>Referrals submitted</dt><dd>"
                guard let start = html.range(of: marker)?.upperBound else { return nil }
                return String(html[start...].prefix { $0 != "<" })
            }
            let authority = try #require(cohort.first?.localAuthorityCode)
            #expect(
                try await referrals("authority=\(authority)")
                    == String(cohort.count { $0.localAuthorityCode == authority }))
            #expect(try await referrals("urgency=emergency") == String(cohort.count { $0.urgency == .emergency }))
            #expect(cohort.count { $0.urgency == .emergency } < cohort.count)

            let (badStatus, bad) = try await get(
                app, "/statistics?\(period)&authority=E08000003&region=E12000007", analyst)
            #expect(badStatus == .badRequest)
            #expect(bad.contains("id=\"authority-error\""))
            #expect(bad.contains("Manchester is in North West: choose it with that region or every region."))
            let (unknown, unknownPage) = try await get(
                app, "/statistics?\(period)&authority=nowhere&urgency=soon", analyst)
            #expect(unknown == .badRequest)
            #expect(unknownPage.contains("Choose a local authority from the list."))
            #expect(unknownPage.contains("Choose an urgency from the list."))
        }
    }

    @Test("an exact table is for analysts and its download is audited; the published one is protected and open to all")
    func exactAndPublishedTables() async throws {
        try await withApp(.sqlite) { app in
            let (analyst, _) = try await app.sessionHeaders(for: "analyst@secureplace.example")
            let (status, exact) = try await get(app, "/statistics/exact/referral_outcomes.csv?period=2026-27", analyst)
            #expect(status == .ok)
            #expect(exact.hasPrefix("time_period,time_identifier,geographic_level"))
            #expect(!exact.contains(",c,"), "exact counts are not hidden")
            let audited = try await Store(app.db).auditEvents(about: "202627").map(\.entry.action)
            #expect(audited == ["statistics.exact-tables"])

            let (publicStatus, published) = try await get(
                app, "/statistics/published/referral_outcomes.csv?period=2026-27")
            #expect(publicStatus == .ok)
            #expect(published.contains(",c,") || published.contains(",c\n"), "small counts are hidden")
            let rows = published.split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
            let small = rows.flatMap { $0.suffix(4).prefix(3) }.filter { ["1", "2", "3", "4"].contains($0) }
            #expect(small.isEmpty)
            #expect(try await get(app, "/statistics/published").0 == .ok)
            #expect(try await get(app, "/statistics/published/referral_outcomes.csv?period=last year").0 == .badRequest)
            #expect(try await get(app, "/statistics/published/no_such_table.csv?period=2026-27").0 == .notFound)
            #expect(try await get(app, "/statistics/exact/referral_outcomes.csv?period=2026-27").0 == .seeOther)
        }
    }

    @Test("the methodology is written from the tables' own definitions and the rule in use")
    func methodology() async throws {
        try await withApp(.sqlite) { app in
            let (status, html) = try await get(app, "/statistics/methodology")
            #expect(status == .ok)
            for column in ["child_profile", "decided", "placed", "closed_unplaced", "unplaced_percent", "alternative"] {
                #expect(html.contains("<code>\(column)</code>"), "\(column)")
            }
            #expect(html.contains("Counts from 1 to 4 are shown as c."))
            #expect(html.contains("Foster care"), "the alternatives' filter values are listed")
        }
    }
}
