import CapacityPlanning
import Coordination
import Foundation
import Storage
import Vapor

/// The analysts' capacity-planning pages: ask where new beds should go, watch the run's
/// progress, read the report with its chart, download it as CSV.
struct PlanningPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("planning", use: form)
        routes.post("planning", use: start)
        routes.post("planning", "circulation", use: compareCirculation)
        routes.get("planning", "runs", ":runID", use: run)
        routes.get("planning", "runs", ":runID", "plan.csv", use: csv)
    }

    struct FormValues: Encodable {
        var addBeds = "10"
        var objective = "placed-within-km"
        var withinKilometres = "100"
        var replications = "20"
        var waitDays = "14"
        var comparisonReplications = "20"
        var comparisonWaitDays = "14"
    }

    struct FormPage: Encodable {
        struct RunRow: Encodable {
            var id: UUID
            var started: String
            var question: String
            var status: String
            var statusClass: String
        }

        var chrome: PageChrome
        var errors: [FieldErrorView]
        var messages: [String: String]
        var values: FormValues
        var runs: [RunRow]
    }

    @Sendable func form(request: Request) async throws -> View {
        try await renderForm(request, values: FormValues(), errors: nil)
    }

    @Sendable func start(request: Request) async throws -> Response {
        struct Body: Content {
            var addBeds: String?
            var objective: String?
            var withinKilometres: String?
            var replications: String?
            var waitDays: String?
        }
        let body = try request.content.decode(Body.self)
        let values = FormValues(
            addBeds: body.addBeds ?? "", objective: body.objective ?? "", withinKilometres: body.withinKilometres ?? "",
            replications: body.replications ?? "", waitDays: body.waitDays ?? "")
        do {
            return try await startRun(
                try PlanningRequest.validated(
                    addBeds: body.addBeds, objective: body.objective, withinKilometres: body.withinKilometres,
                    replications: body.replications, waitDays: body.waitDays), request)
        } catch let errors as InputErrors {
            return try await renderForm(request, values: values, errors: errors).encodeResponse(for: request)
        }
    }

    @Sendable func compareCirculation(request: Request) async throws -> Response {
        struct Body: Content {
            var comparisonReplications: String?
            var comparisonWaitDays: String?
        }
        let body = try request.content.decode(Body.self)
        var values = FormValues()
        values.comparisonReplications = body.comparisonReplications ?? ""
        values.comparisonWaitDays = body.comparisonWaitDays ?? ""
        do {
            return try await startRun(
                try PlanningRequest.validatedComparison(
                    replications: body.comparisonReplications, waitDays: body.comparisonWaitDays), request)
        } catch let errors as InputErrors {
            return try await renderForm(request, values: values, errors: errors).encodeResponse(for: request)
        }
    }

    private func startRun(_ planningRequest: PlanningRequest, _ request: Request) async throws -> Response {
        let id = try await request.planning.start(planningRequest, by: try request.principal)
        // The run outlives this request; its progress is in the database for any instance to show.
        let clock = request.application.storage[ClockKey.self] ?? { Date() }
        let runner = PlanningRuns(store: Store(request.application.db), now: clock)
        Task.detached(priority: .utility) { await runner.execute(id) }
        return request.redirect(to: "/planning/runs/\(id)", redirectType: .normal)
    }

    private func renderForm(_ request: Request, values: FormValues, errors: InputErrors?) async throws -> View {
        let runs = try await request.planning.recentRuns(by: try request.principal)
        let errorViews = [FieldErrorView](errors)
        return try await request.view.render(
            "planning",
            FormPage(
                chrome: PageChrome(
                    title: "Capacity planning", isDemo: try await Store(request.db).holdsDemoData(),
                    hasError: errors != nil, signedIn: request.signedIn),
                errors: errorViews, messages: errorViews.byField, values: values,
                runs: runs.map {
                    FormPage.RunRow(
                        id: $0.id, started: DisplayFormat.dateTime($0.createdAt), question: $0.request.questionInWords,
                        status: $0.status.name, statusClass: $0.status.rawValue)
                }))
    }

    struct RunPage: Encodable {
        var chrome: PageChrome
        var id: UUID
        var question: String
        var status: String
        var statusClass: String
        var isActive: Bool
        var percentDone: Int
        var message: String
        var report: ReportView?
        var comparison: CirculationComparisonView?
    }

    struct ReportView: Encodable {
        var objective: String
        var replications: Int
        var objectiveBefore: String
        var objectiveAfter: String
        var placementRateBefore: String
        var placementRateAfter: String
        var improvement: String
        var chart: String
        var recommendations: [RecommendationRow]
        var regions: [RegionRow]
        var steps: [StepRow]
        var closeCalls: Int
    }

    struct RecommendationRow: Encodable {
        var home: String
        var region: String
        var beds: Int
    }

    struct RegionRow: Encodable {
        var name: String
        var before: String
        var after: String
    }

    struct StepRow: Encodable {
        var bedsAdded: Int
        var home: String
        var objective: String
        var placed: String
        var choice: String
    }

    @Sendable func run(request: Request) async throws -> View {
        let run = try await request.planning.run(try request.uuidParameter("runID"), by: try request.principal)
        let isActive = run.status == .queued || run.status == .running
        var chrome = PageChrome(
            title: run.request.question == .circulation ? "Ways of circulating compared" : "Capacity plan",
            isDemo: try await Store(request.db).holdsDemoData(), signedIn: request.signedIn)
        chrome.refreshSeconds = isActive ? 2 : nil
        return try await request.view.render(
            "planning-run",
            RunPage(
                chrome: chrome, id: run.id, question: run.request.questionInWords, status: run.status.name,
                statusClass: run.status.rawValue, isActive: isActive, percentDone: Int(run.progress * 100),
                message: run.message, report: run.report.map(Self.reportView),
                comparison: run.comparison.map(CirculationComparisonView.init)))
    }

    @Sendable func csv(request: Request) async throws -> Response {
        let id = try request.uuidParameter("runID")
        let principal = try request.principal
        guard let text = try await request.planning.csv(of: id, by: principal) else {
            throw Abort(.notFound, reason: "The run has not finished, so there is no plan to download yet.")
        }
        // The run's question names the file, not a guess from the text's columns.
        let question = try await request.planning.run(id, by: principal).request.question
        return .csvDownload(
            text, filename: question == .circulation ? "circulation-compared.csv" : "capacity-plan.csv")
    }

    static func reportView(_ report: PlanningReport) -> ReportView {
        ReportView(
            objective: report.objective, replications: report.replications,
            objectiveBefore: report.objectiveBefore.percentWithInterval,
            objectiveAfter: report.objectiveAfter.percentWithInterval,
            placementRateBefore: report.placementRateBefore.percentWithInterval,
            placementRateAfter: report.placementRateAfter.percentWithInterval,
            improvement: report.improvement.pointsWithInterval, chart: PlacementRateChart.svg(report),
            recommendations: report.recommendations.map {
                RecommendationRow(home: $0.home + ($0.isNewHome ? " (new home)" : ""), region: $0.region, beds: $0.beds)
            },
            regions: report.regions.map {
                RegionRow(name: $0.name, before: $0.before.percentWithInterval, after: $0.after.percentWithInterval)
            },
            steps: report.steps.map {
                StepRow(
                    bedsAdded: $0.bedsAdded, home: $0.home, objective: $0.objective.percentWithInterval,
                    placed: $0.placementRate.percentWithInterval,
                    choice: $0.isClearChoice ? "Clear" : "Close call with \($0.runnerUp ?? "another place")")
            },
            closeCalls: report.steps.filter { !$0.isClearChoice }.count)
    }
}

extension StoredPlanningRun.Status {
    var name: String {
        switch self {
        case .queued: "Waiting to start"
        case .running: "Running"
        case .finished: "Finished"
        case .failed: "Stopped"
        }
    }
}

extension PlanningRequest {
    /// The question in words, as the list of runs shows it.
    var questionInWords: String {
        if question == .circulation {
            return
                "Compare broadcast, ranked waves and allocation rounds (\(replications) replications, \(Self.days(waitDays)) wait)"
        }
        let goal = PlanningObjective(argument: objective)?.description ?? objective
        return "Add \(addBeds) welfare bed\(addBeds == 1 ? "" : "s") to raise the \(goal)"
    }

    private static func days(_ days: Double) -> String {
        days == days.rounded() ? "\(Int(days))-day" : String(format: "%.1f-day", days)
    }
}

extension Request {
    var planning: PlanningRuns {
        let now = self.now
        return PlanningRuns(store: Store(db), now: { now })
    }
}
