import Coordination
import Foundation
import Linkage
import Storage
import Vapor

/// The analysts' clerical review queue: the uncertain pairs of a linkage study, each shown
/// side by side with a waterfall of what every field added to its match weight, and a
/// decision (same person or different people) that is audited.
struct LinkageReviewPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("linkage", "reviews", use: list)
        routes.get("linkage", "reviews", "decisions.csv", use: csv)
        routes.get("linkage", "reviews", ":reviewID", use: show)
        routes.post("linkage", "reviews", ":reviewID", use: decide)
    }

    struct ListPage: Encodable {
        struct Row: Encodable {
            var id: UUID
            var study: String
            var leftID: String
            var rightID: String
            var probability: String
            var decision: String?
        }

        struct StudyLink: Encodable {
            var name: String
            var query: String
            var isCurrent: Bool
        }

        var chrome: PageChrome
        var notice: String?
        var study: String?
        var studyQuery: String
        var decided: Bool
        var undecided: Int
        var rows: [Row]
        var studies: [StudyLink]
        var paging: Paging
    }

    @Sendable func list(request: Request) async throws -> View {
        let study = (try? request.query.get(String.self, at: "study")).flatMap { $0.isEmpty ? nil : $0 }
        let decided = (try? request.query.get(String.self, at: "show")) == "decided"
        let page = request.pageNumber
        let listing = try await request.linkageReviews.list(
            study: study, decided: decided, page: page, by: try request.principal)
        let studyQuery = study.map { "study=\(Self.encoded($0))&" } ?? ""
        let notice: String? =
            switch try? request.query.get(String.self, at: "done") {
            case "queue": "Every pair in this study has been decided."
            default: nil
            }
        return try await request.view.render(
            "linkage-reviews",
            ListPage(
                chrome: PageChrome(
                    title: "Linkage review", isDemo: try await Store(request.db).holdsDemoData(),
                    signedIn: request.signedIn),
                notice: notice, study: study, studyQuery: studyQuery, decided: decided, undecided: listing.undecided,
                rows: listing.pairs.map {
                    ListPage.Row(
                        id: $0.id, study: $0.study, leftID: $0.item.leftID, rightID: $0.item.rightID,
                        probability: String(format: "%.1f%%", $0.item.probability * 100), decision: $0.decision?.name)
                },
                studies: listing.studies.map {
                    ListPage.StudyLink(name: $0, query: "study=\(Self.encoded($0))&", isCurrent: $0 == study)
                },
                paging: Paging(
                    request: request, total: listing.total, query: studyQuery + (decided ? "show=decided&" : ""))))
    }

    struct PairPage: Encodable {
        struct FieldRow: Encodable {
            var field: String
            var left: String
            var right: String
            var agreement: String
            var contribution: String
        }

        var chrome: PageChrome
        var id: UUID
        var study: String
        var studyQuery: String
        var leftID: String
        var rightID: String
        var probability: String
        var weight: String
        var fields: [FieldRow]
        var waterfall: String
        var decision: String?
        var decidedAt: String?
    }

    @Sendable func show(request: Request) async throws -> View {
        let pair = try await request.linkageReviews.pair(
            try request.uuidParameter("reviewID"), by: try request.principal)
        let item = pair.item
        return try await request.view.render(
            "linkage-review",
            PairPage(
                chrome: PageChrome(
                    title: "Review a pair", isDemo: try await Store(request.db).holdsDemoData(),
                    signedIn: request.signedIn),
                id: pair.id, study: pair.study, studyQuery: "study=\(Self.encoded(pair.study))",
                leftID: item.leftID, rightID: item.rightID,
                probability: String(format: "%.1f%%", item.probability * 100),
                weight: String(format: "%.2f", item.weight),
                fields: item.fields.map {
                    PairPage.FieldRow(
                        field: $0.field.replacingOccurrences(of: "_", with: " ").capitalized(with: nil), left: $0.left,
                        right: $0.right, agreement: $0.agreement,
                        contribution: $0.contribution.map { String(format: "%+.2f", $0) } ?? "0 (missing)")
                },
                waterfall: MatchWeightWaterfall.svg(item), decision: pair.decision?.name,
                decidedAt: pair.decidedAt.map(DisplayFormat.dateTime)))
    }

    @Sendable func decide(request: Request) async throws -> Response {
        struct Body: Content { var decision: String? }
        let id = try request.uuidParameter("reviewID")
        guard let decision = (try request.content.decode(Body.self).decision).flatMap(ReviewDecision.init(rawValue:))
        else {
            throw InputErrors([
                InputError(field: "decision", message: "Choose same person or different people")
            ])
        }
        let (study, next) = try await request.linkageReviews.decide(id, decision, by: try request.principal)
        let target =
            next.map { "/linkage/reviews/\($0)" } ?? "/linkage/reviews?study=\(Self.encoded(study))&done=queue"
        return request.redirect(to: target, redirectType: .normal)
    }

    @Sendable func csv(request: Request) async throws -> Response {
        guard let study = try? request.query.get(String.self, at: "study"), !study.isEmpty else {
            throw InputErrors([InputError(field: "study", message: "Name the study whose decisions to download")])
        }
        let text = try await request.linkageReviews.decisionsCSV(study: study, by: try request.principal)
        return .csvDownload(text, filename: "review-decisions.csv")
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

extension Request {
    var linkageReviews: LinkageReviews {
        let now = self.now
        return LinkageReviews(store: Store(db), now: { now })
    }
}
