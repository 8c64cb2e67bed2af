import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// The national allocation round for coordinators: the proposal as JSON and as a page, and its
/// confirmation, which asks each chosen home for an offer.
struct AllocationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "allocation", use: proposal)
        routes.post("api", "v1", "allocation", "confirm", use: confirm)
        routes.get("allocation", use: page)
        routes.post("allocation", use: confirmFromPage)
    }

    @Sendable func proposal(request: Request) async throws -> AllocationDTO {
        AllocationDTO(try await request.journey.proposeAllocation(by: try request.principal))
    }

    struct ConfirmBody: Content {
        struct Pair: Content {
            var referralID: UUID
            var bedID: UUID
        }

        var pairs: [Pair]?
    }

    struct AskedDTO: Content {
        var referralID: UUID
        var homeID: UUID
        var respondBy: Date
    }

    @Sendable func confirm(request: Request) async throws -> [AskedDTO] {
        let body = try request.content.decode(ConfirmBody.self)
        let asked = try await request.journey.confirmAllocation(
            (body.pairs ?? []).map { ($0.referralID, $0.bedID) }, by: try request.principal)
        return asked.map { AskedDTO(referralID: $0.referralID, homeID: $0.homeID, respondBy: $0.respondBy) }
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var value: String
            var referralID: UUID
            var reference: String
            var pseudonym: String
            var priority: Int
            var home: String
            var bed: String
            var acceptance: String
            var distance: String
            var runnersUp: [String]
        }

        var chrome: PageChrome
        var rows: [Row]
        var unassigned: [Row]
        var summary: String?
        var problem: String?
        var errors: [FieldErrorView]
        var messages: [String: String]
        var notice: String?
    }

    @Sendable func page(request: Request) async throws -> View {
        try await render(request, errors: nil)
    }

    struct ConfirmForm: Content { var pairs: [String]? }

    @Sendable func confirmFromPage(request: Request) async throws -> Response {
        let form = try request.content.decode(ConfirmForm.self)
        let pairs = (form.pairs ?? []).compactMap { value -> (UUID, UUID)? in
            let parts = value.split(separator: ":")
            guard parts.count == 2, let referral = UUID(uuidString: String(parts[0])),
                let bed = UUID(uuidString: String(parts[1]))
            else { return nil }
            return (referral, bed)
        }
        do {
            _ = try await request.journey.confirmAllocation(pairs, by: try request.principal)
            return request.redirect(to: "/allocation?notice=confirmed", redirectType: .normal)
        } catch let errors as InputErrors {
            return try await render(request, errors: errors).encodeResponse(for: request)
        } catch let stale as StaleAllocation {
            return try await render(
                request, errors: InputErrors(stale.stale.map { InputError(field: "pairs", message: $0.reason) })
            ).encodeResponse(for: request)
        }
    }

    private func render(_ request: Request, errors: InputErrors?) async throws -> View {
        let principal = try request.principal
        var rows: [Page.Row] = []
        var unassigned: [Page.Row] = []
        var summary: String?
        var problem: String?
        do {
            let round = try await request.journey.proposeAllocation(by: principal)
            rows = round.pairs.map { pair in
                Page.Row(
                    value: "\(pair.referral.id.uuidString):\(pair.chosen.bed.id.uuidString)",
                    referralID: pair.referral.id, reference: pair.referral.reference, pseudonym: pair.childPseudonym,
                    priority: pair.priority, home: pair.chosen.home.name, bed: pair.chosen.bed.label,
                    acceptance: "\(Int((pair.chosen.acceptance * 100).rounded()))%",
                    distance: "\(Int(pair.chosen.distanceKilometres.rounded())) km",
                    runnersUp: pair.runnersUp.map {
                        "\($0.home.name), \($0.bed.label): \(Int(($0.acceptance * 100).rounded()))%, \(Int($0.distanceKilometres.rounded())) km"
                    })
            }
            unassigned = round.unassigned.map {
                Page.Row(
                    value: "", referralID: $0.id, reference: $0.reference, pseudonym: "", priority: 0, home: "",
                    bed: "",
                    acceptance: "", distance: "", runnersUp: [])
            }
            summary =
                "\(round.pairs.count) children placed in this proposal (priority \(round.proposal.placedPriority)), expected acceptance \(round.proposal.acceptancePercent) per cent in all, \(round.proposal.kilometres) km in all."
        } catch let errors as InputErrors {
            problem = errors.errors.first?.message
        }
        let errorViews = [FieldErrorView](errors)
        return try await request.view.render(
            "allocation",
            Page(
                chrome: PageChrome(
                    title: "National allocation", isDemo: try await Store(request.db).holdsDemoData(),
                    hasError: errors != nil, signedIn: request.signedIn),
                rows: rows, unassigned: unassigned, summary: summary, problem: problem, errors: errorViews,
                messages: errorViews.byField,
                notice: (try? request.query.get(String.self, at: "notice")) == "confirmed"
                    ? "The chosen homes were asked for an offer." : nil))
    }
}
