import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage
import Vapor

/// The analysts' statistics page (exact figures, filtered), their exact tables as CSV, and the
/// published tables anyone may read, protected.
struct StatisticsPagesController: RouteCollection {
    /// Routes that need someone signed in (analysts, by the access policy).
    func boot(routes: any RoutesBuilder) throws {
        routes.get("statistics", use: page)
        routes.get("statistics", "exact", ":file", use: exactFile)
    }

    /// Routes anyone may read, signed in or not.
    struct Published: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.get("statistics", "published", use: StatisticsPagesController.publishedPage)
            routes.get("statistics", "methodology", use: StatisticsPagesController.methodologyPage)
            routes.get("statistics", "published", ":file", use: StatisticsPagesController.publishedFile)
        }
    }

    struct Values: Encodable {
        var from: String
        var through: String
        var region: String
        var authority: String
        var route: String
        var urgency: String
        var profile: String
    }

    struct Option: Encodable {
        var value: String
        var text: String
    }

    struct Choice: Encodable {
        var value: String
        var text: String
        var selected: Bool
    }

    struct Row: Encodable {
        var group: String
        var unplaced: String
        var elsewhere: String
        var ratio: String
        var difference: String
    }

    struct Comparison: Encodable {
        var measure: String
        var placed: String
        var unplaced: String
    }

    struct MonthRow: Encodable {
        var month: String
        var submitted: Int
        var placed: Int
        var unplaced: Int
        var withdrawn: Int
        var open: Int
    }

    struct HomeRow: Encodable {
        var home: String
        var asked: Int
        var offered: Int
        var declined: Int
        var noAnswer: Int
        var commonest: String
    }

    struct Page: Encodable {
        var chrome: PageChrome
        var errors: [FieldErrorView]
        var messages: [String: String]
        var values: Values
        var regions: [Choice]
        var authorities: [Choice]
        var routes: [Choice]
        var urgencies: [Choice]
        var profiles: [Choice]
        var years: [Option]
        var summary: [Option]
        var chart: String?
        var disparities: [Row]
        var adjusted: String?
        var yearAfter: [Comparison] = []
        var monthChart: String?
        var months: [MonthRow] = []
        var placementChart: String?
        var placedBy: [Option] = []
        var declineChart: String?
        var declineReasons: [Comparison] = []
        var homes: [HomeRow] = []
        var beds: [Option] = []
    }

    @Sendable func page(request: Request) async throws -> Response {
        let principal = try request.principal
        let decision = AccessPolicy.mayViewExactStatistics(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let reports = request.statisticsReports
        // The last whole financial year, unless the form says otherwise.
        let current = PublicationTables.FinancialYear(containing: CalendarDate(containing: request.now))
        let yearStart = PublicationTables.FinancialYear(startYear: current.startYear - 1).first
        let query = { (name: String) in (try? request.query.get(String.self, at: name)) ?? "" }
        var values = Values(
            from: query("from").isEmpty ? yearStart.iso : query("from"),
            through: query("through").isEmpty ? yearStart.adding(months: 12).adding(days: -1).iso : query("through"),
            region: query("region"), authority: query("authority"), route: query("route"), urgency: query("urgency"),
            profile: query("profile"))
        var errors: [InputError] = []
        let first = CalendarDate(iso: values.from)
        let last = CalendarDate(iso: values.through)
        if first == nil {
            errors.append(InputError(field: "from", message: "Enter the first day as a date such as 2025-04-01."))
        }
        if last == nil {
            errors.append(InputError(field: "through", message: "Enter the last day as a date such as 2026-03-31."))
        }
        if let first, let last, last < first {
            errors.append(InputError(field: "through", message: "The last day must not be before the first."))
        }
        let region = Region(rawValue: values.region)
        if !values.region.isEmpty && region == nil {
            errors.append(InputError(field: "region", message: "Choose a region from the list."))
        }
        let authorities = try await Store(request.db).localAuthorities().sorted { $0.name < $1.name }
        let authority = authorities.first { $0.code == values.authority }
        if !values.authority.isEmpty && authority == nil {
            errors.append(InputError(field: "authority", message: "Choose a local authority from the list."))
        }
        if let authority, let region, authority.region != region {
            errors.append(
                InputError(
                    field: "authority",
                    message:
                        "\(authority.name) is in \(authority.region.name): choose it with that region or every region."
                ))
        }
        let route = LegalBasis(rawValue: values.route)
        if !values.route.isEmpty && route == nil {
            errors.append(InputError(field: "route", message: "Choose a legal route from the list."))
        }
        let urgency = Urgency(rawValue: values.urgency)
        if !values.urgency.isEmpty && urgency == nil {
            errors.append(InputError(field: "urgency", message: "Choose an urgency from the list."))
        }
        let profile = StatisticsReports.Selection.Profile(rawValue: values.profile)
        if profile == nil { errors.append(InputError(field: "profile", message: "Choose a profile from the list.")) }
        var page = Page(
            chrome: PageChrome(
                title: "Statistics", isDemo: try await Store(request.db).holdsDemoData(), hasError: !errors.isEmpty,
                signedIn: request.signedIn),
            errors: errors.map { FieldErrorView(field: $0.field, message: $0.message) },
            messages: Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }),
            values: values,
            regions: ([("", "Every region")] + Region.allCases.map { ($0.code, $0.name) }).map {
                Choice(value: $0.0, text: $0.1, selected: $0.0 == values.region)
            },
            authorities: ([("", "Every local authority")] + authorities.map { ($0.code, $0.name) }).map {
                Choice(value: $0.0, text: $0.1, selected: $0.0 == values.authority)
            },
            routes: ([("", "Every legal route")] + LegalBasis.allCases.map { ($0.rawValue, $0.name) }).map {
                Choice(value: $0.0, text: $0.1, selected: $0.0 == values.route)
            },
            urgencies: ([("", "Every urgency")] + Urgency.allCases.map { ($0.rawValue, $0.name) }).map {
                Choice(value: $0.0, text: $0.1, selected: $0.0 == values.urgency)
            },
            profiles: StatisticsReports.Selection.Profile.allCases.map {
                Choice(value: $0.rawValue, text: $0.name, selected: $0.rawValue == values.profile)
            },
            years: try await reports.financialYears().map { Option(value: $0.name, text: $0.name) },
            summary: [], disparities: [])
        guard errors.isEmpty, let first, let last, let profile else {
            return try await Self.render("statistics", page, status: .badRequest, for: request)
        }
        values.from = first.iso
        values.through = last.iso
        let selection = StatisticsReports.Selection(
            first: first, last: last, region: region, localAuthorityCode: authority?.code, legalBasis: route,
            urgency: urgency, profile: profile)
        let figures = try await reports.headline(selection, by: principal)
        page.values = values
        page.summary = StatisticsText.summary(figures)
        page.beds = StatisticsText.beds(try await reports.beds(selection, by: principal), referrals: figures.referrals)
        page.chart = figures.referrals > 0 ? UnplacedShareChart.svg(figures) : nil
        page.disparities = ([figures.olderBoysWithRefusalFlags] + figures.disparities).filter { $0.unplaced.total > 0 }
            .map(StatisticsText.row)
        page.adjusted = StatisticsText.adjusted(figures.olderBoysAdjusted)
        page.yearAfter = StatisticsText.yearAfter(try await reports.yearAfterReferral(selection, by: principal))
        page.monthChart = OutcomesByMonthChart.svg(figures.byMonth)
        page.months = StatisticsText.months(figures.byMonth)
        page.placementChart = TimeToPlacementChart.svg(figures.timeToPlacement)
        page.placedBy = TimeToPlacementChart.tableDays.map {
            Option(
                value: "\($0) \($0 == 1 ? "day" : "days")",
                text: TimeToPlacementChart.placed(by: $0, figures.timeToPlacement))
        }
        page.declineChart = DeclineReasonChart.svg(figures.declineReasons)
        page.declineReasons = StatisticsText.declineReasons(figures.declineReasons)
        let homeNames = Dictionary(uniqueKeysWithValues: try await Store(request.db).homes().map { ($0.id, $0.name) })
        page.homes = StatisticsText.homes(figures.declineReasons, names: homeNames)
        return try await Self.render("statistics", page, status: .ok, for: request)
    }

    @Sendable func exactFile(request: Request) async throws -> Response {
        let (year, table, metadata) = try Self.file(request)
        let publication = try await request.statisticsReports.exact(year, by: try request.principal)
        guard let found = publication.tables.first(where: { $0.name == table }) else { throw Abort(.notFound) }
        let text = metadata ? TidyCSV.metadata(of: found) : TidyCSV.data(of: found, showing: found.exactValues)
        return Response.csvDownload(text, filename: "\(table)-\(year.code)-exact\(metadata ? ".meta" : "").csv")
    }

    struct PublishedPage: Encodable {
        struct Table: Encodable {
            var name: String
            var title: String
            var columns: [String]
            var rows: [[String]]
            var csv: String
            var metadata: String
        }

        var chrome: PageChrome
        var years: [Choice]
        var period: String
        var tables: [Table]
        var hidden: String
    }

    @Sendable static func publishedPage(request: Request) async throws -> Response {
        let reports = request.statisticsReports
        let years = try await reports.financialYears()
        let asked = (try? request.query.get(String.self, at: "period")) ?? ""
        guard
            let year = asked.isEmpty
                ? years.dropFirst().first ?? years.first : PublicationTables.FinancialYear(parsing: asked)
        else {
            throw Abort(.badRequest, reason: "The period must be a financial year such as 2025-26.")
        }
        let protected = try await request.publishedTables(year)
        let tables = zip(protected.publication.tables, protected.values).map { table, values in
            // National and regional rows for the whole year on the page; every row in the CSV.
            let shown = zip(table.rows, values).filter { row, _ in
                row.place.level != .localAuthority && (row.period.isWholeYear || row.place.level == .national)
            }
            return PublishedPage.Table(
                name: table.name, title: table.title,
                columns: ["Period", "Place"] + table.filters.map(\.label)
                    + table.indicators.map { $0.isCount || $0.unit == "%" ? $0.label : "\($0.label) (\($0.unit))" },
                rows: shown.map { row, values in
                    [
                        row.period.isWholeYear ? year.name : "\(year.name) \(row.period.identifier.suffix(2))",
                        row.place.regionName.isEmpty ? row.place.countryName : row.place.regionName,
                    ] + row.filters + values.map(\.description)
                },
                csv: "/statistics/published/\(table.name).csv?period=\(year.name)",
                metadata: "/statistics/published/\(table.name).meta.csv?period=\(year.name)")
        }
        let page = PublishedPage(
            chrome: PageChrome(
                title: "Published statistics", isDemo: try await Store(request.db).holdsDemoData(),
                signedIn: request.signedIn),
            years: years.map { Choice(value: $0.name, text: $0.name, selected: $0 == year) }, period: year.name,
            tables: tables,
            hidden:
                "\(protected.primarySuppressions) counts from 1 to 4 are shown as c, and \(protected.secondarySuppressions) more so that none of them can be worked out from the others."
        )
        return try await render("statistics-published", page, status: .ok, for: request)
    }

    @Sendable static func methodologyPage(request: Request) async throws -> Response {
        let page = StatisticsMethodology.page(
            chrome: PageChrome(
                title: "How the published statistics are made",
                isDemo: try await Store(request.db).holdsDemoData(), signedIn: request.signedIn))
        return try await render("statistics-methodology", page, status: .ok, for: request)
    }

    @Sendable static func publishedFile(request: Request) async throws -> Response {
        let (year, table, metadata) = try file(request)
        let protected = try await request.publishedTables(year)
        guard let index = protected.publication.tables.firstIndex(where: { $0.name == table }) else {
            throw Abort(.notFound)
        }
        let found = protected.publication.tables[index]
        let text = metadata ? TidyCSV.metadata(of: found) : TidyCSV.data(of: found, showing: protected.values[index])
        return Response.csvDownload(text, filename: "\(table)-\(year.code)\(metadata ? ".meta" : "").csv")
    }

    static func render(
        _ view: String, _ page: some Encodable & Sendable, status: HTTPResponseStatus, for request: Request
    ) async throws -> Response {
        let response = try await request.view.render(view, page).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// The year, table name and whether the metadata file is asked for, from
    /// `NAME.csv?period=2025-26` or `NAME.meta.csv?period=…`.
    static func file(_ request: Request) throws -> (PublicationTables.FinancialYear, String, Bool) {
        let file = request.parameters.get("file") ?? ""
        guard file.hasSuffix(".csv") else { throw Abort(.notFound) }
        let metadata = file.hasSuffix(".meta.csv")
        let table = String(file.dropLast(metadata ? 9 : 4))
        guard
            let year = PublicationTables.FinancialYear(
                parsing: (try? request.query.get(String.self, at: "period")) ?? "")
        else {
            throw Abort(.badRequest, reason: "Add ?period= with a financial year such as 2025-26.")
        }
        return (year, table, metadata)
    }
}

extension Request {
    var statisticsReports: StatisticsReports {
        let now = self.now
        return StatisticsReports(store: Store(db), now: { now })
    }
}
