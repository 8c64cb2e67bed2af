import Coordination
import Foundation
import Matching
import SecurePlaceCore
import Storage
import Vapor

/// The acceptance model for analysts and coordinators: its hold-out report and coefficients
/// as a page and as JSON, and a refit.
struct AcceptanceModelController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "matching", "model", use: report)
        routes.post("api", "v1", "matching", "model", use: refit)
        routes.get("matching", "model", use: page)
        routes.post("matching", "model", use: refitFromPage)
    }

    struct ReportDTO: Content {
        struct Coefficient: Content {
            var code: String
            var name: String
            var coefficient: Double
            var oddsRatio: Double
        }

        var id: UUID
        var fittedBy: String
        var report: AcceptanceModels.Report
        var coefficients: [Coefficient]
        var note: String
    }

    static let note =
        "The model orders homes and raises early warnings. It never refuses a child: every home that can take a child is still asked."

    private func dto(_ fitted: AcceptanceModels.Fitted, in request: Request) async throws -> ReportDTO {
        let names = Dictionary(uniqueKeysWithValues: try await Store(request.db).homes().map { ($0.id, $0.name) })
        return ReportDTO(
            id: fitted.id, fittedBy: fitted.fittedBy, report: fitted.report,
            coefficients: fitted.model.features.map {
                .init(
                    code: $0.feature.code, name: $0.feature.name(homeNames: names), coefficient: $0.coefficient,
                    oddsRatio: exp($0.coefficient))
            }, note: Self.note)
    }

    @Sendable func report(request: Request) async throws -> ReportDTO {
        guard let fitted = try await request.acceptanceModels.latest(for: try request.principal) else {
            throw Abort(.notFound, reason: "No acceptance model has been fitted yet: POST to this address to fit one.")
        }
        return try await dto(fitted, in: request)
    }

    @Sendable func refit(request: Request) async throws -> Response {
        let principal = try request.principal
        let fitted = try await request.acceptanceModels.fit(fittedBy: try await fitter(request), by: principal)
        return try await dto(fitted, in: request).encodeResponse(status: .created, for: request)
    }

    @Sendable func refitFromPage(request: Request) async throws -> Response {
        let principal = try request.principal
        _ = try await request.acceptanceModels.fit(fittedBy: try await fitter(request), by: principal)
        return request.redirect(to: "/matching/model?notice=refitted", redirectType: .normal)
    }

    /// Who refitted, as the report names them: the user's e-mail address.
    private func fitter(_ request: Request) async throws -> String {
        try await Store(request.db).user(id: try request.principal.userID)?.email ?? "a signed-in user"
    }

    struct Page: Encodable {
        struct Measure: Encodable {
            var name: String
            var model: String
            var baseline: String
        }
        struct Band: Encodable {
            var tenth: Int
            var count: Int
            var predicted: String
            var observed: String
        }
        struct Flag: Encodable {
            var threshold: String
            var inUse: Bool
            var flagged: Int
            var assessed: Int
            var flaggedAndUnplaced: Int
            var unplaced: Int
            var precision: String
            var recall: String
        }
        struct Coefficient: Encodable {
            var name: String
            var oddsRatio: String
            var direction: String
        }

        var chrome: PageChrome
        var note: String
        var fitted: Bool
        var summary: String
        var holdOut: String?
        var measures: [Measure]
        var bands: [Band]
        var flags: [Flag]
        var coefficients: [Coefficient]
        var notice: String?
    }

    @Sendable func page(request: Request) async throws -> View {
        let fitted = try await request.acceptanceModels.latest(for: try request.principal)
        var page = Page(
            chrome: PageChrome(
                title: "Acceptance model", isDemo: try await Store(request.db).holdsDemoData(),
                signedIn: request.signedIn),
            note: Self.note, fitted: fitted != nil, summary: "No model has been fitted yet.", measures: [],
            bands: [], flags: [], coefficients: [],
            notice: (try? request.query.get(String.self, at: "notice")) == "refitted"
                ? "The model was refitted on every answer recorded." : nil)
        guard let fitted else { return try await request.view.render("acceptance-model", page) }
        let report = fitted.report
        page.summary =
            "Fitted \(DisplayFormat.dateTime(report.fittedAt)) by \(fitted.fittedBy), on \(report.answers) answers about the child (declines only for want of a bed are left out), \(report.iterations) Newton steps\(report.converged ? "" : ", not converged")."
        if let holdOut = report.holdOut {
            page.holdOut =
                "Fitted again on the earlier \(holdOut.trainingAnswers) answers and tested on the \(holdOut.testAnswers) given from \(CalendarDate(containing: holdOut.testFrom).longForm), against each home's own offer rate over the same earlier answers."
            page.measures = [
                .init(
                    name: "Area under the ROC curve (higher is better)",
                    model: Self.number(holdOut.model.areaUnderCurve),
                    baseline: Self.number(holdOut.baseline.areaUnderCurve)),
                .init(
                    name: "Brier score (lower is better)", model: Self.number(holdOut.model.brierScore),
                    baseline: Self.number(holdOut.baseline.brierScore)),
                .init(
                    name: "Expected calibration error (lower is better)",
                    model: Self.number(holdOut.model.expectedCalibrationError),
                    baseline: Self.number(holdOut.baseline.expectedCalibrationError)),
            ]
            page.bands = holdOut.model.calibration.enumerated().map {
                .init(
                    tenth: $0.offset + 1, count: $0.element.count, predicted: Self.percent($0.element.meanPredicted),
                    observed: Self.percent($0.element.observedShare))
            }
        } else {
            page.holdOut = "No hold-out report: \(report.holdOutProblem ?? "too few answers")."
        }
        page.flags = report.flagBacktest.map {
            .init(
                threshold: Self.percent($0.threshold), inUse: $0.threshold == report.flagThreshold,
                flagged: $0.flagged, assessed: $0.assessed, flaggedAndUnplaced: $0.flaggedAndUnplaced,
                unplaced: $0.unplaced, precision: $0.precision.map(Self.percent) ?? "none flagged",
                recall: $0.recall.map(Self.percent) ?? "none unplaced")
        }
        let names = Dictionary(uniqueKeysWithValues: try await Store(request.db).homes().map { ($0.id, $0.name) })
        page.coefficients = fitted.model.features.filter { $0.feature != .intercept }.map {
            .init(
                name: $0.feature.name(homeNames: names), oddsRatio: String(format: "%.2f", exp($0.coefficient)),
                direction: $0.coefficient > 0.01 ? "more likely" : $0.coefficient < -0.01 ? "less likely" : "no change")
        }
        return try await request.view.render("acceptance-model", page)
    }

    static func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "n/a" }
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}

extension Request {
    var acceptanceModels: AcceptanceModels {
        let now = self.now
        return AcceptanceModels(store: Store(db), now: { now })
    }
}
