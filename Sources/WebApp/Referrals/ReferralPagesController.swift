import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// The referral journey as pages that work without JavaScript. Each form posts to the same
/// use cases as the API; errors re-render the page with the message beside the field.
struct ReferralPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("referrals", use: list)
        routes.get("referrals", "new", use: newForm)
        routes.post("referrals", use: create)
        routes.get("referrals", ":referralID", use: show)
        routes.get("referrals", ":referralID", "timeline", use: timeline)
        routes.post("referrals", ":referralID", ":action", use: act)
        routes.post("offers", ":offerID", "accept", use: accept)
        routes.post("placements", ":placementID", ":action", use: placementAction)
    }

    @Sendable func list(request: Request) async throws -> View {
        let stateText = (try? request.query.get(String.self, at: "state")) ?? ""
        let page = request.pageNumber
        let pageSize = 25
        let queue = (try? request.query.get(String.self, at: "queue")) == "1"
        let result = try await request.journey.list(
            by: try request.principal, state: stateText, queue: queue, page: page, pageSize: pageSize)
        let now = request.now
        let flagged =
            AccessPolicy.mayViewChildrenAtRisk(try request.principal) == .allowed
            ? try await request.journey.flaggedReferralIDs() : []
        let rows = result.referrals.map {
            ReferralListPage.Row(
                id: $0.id, reference: $0.reference, state: $0.state.name, stateTag: $0.state.rawValue,
                urgency: $0.urgency.name, ageBand: $0.ageBand.name, dateNeeded: $0.dateNeeded.longForm,
                escalated: $0.escalatedAt != nil, atRisk: flagged.contains($0.id),
                waiting: Self.waiting(since: $0.submittedAt ?? $0.createdAt, now: now)
            )
        }
        let chrome = PageChrome(
            title: queue ? "Queue" : "Referrals", isDemo: try await Store(request.db).holdsDemoData(),
            signedIn: request.signedIn)
        return try await request.view.render(
            "referrals",
            ReferralListPage(
                chrome: chrome, rows: rows,
                states: [Choice(value: "", label: "All", selected: stateText.isEmpty)]
                    + ReferralState.allCases.map {
                        Choice(value: $0.rawValue, label: $0.name, selected: stateText == $0.rawValue)
                    },
                total: result.total, page: page, previousPage: page > 1 ? page - 1 : nil,
                nextPage: page * pageSize < result.total ? page + 1 : nil, stateQuery: stateText, queue: queue))
    }

    /// Such as "5 hours" or "3 days".
    static func waiting(since start: Date, now: Date) -> String {
        let hours = max(0, Int(now.timeIntervalSince(start) / 3600))
        return hours < 48 ? "\(hours) hour\(hours == 1 ? "" : "s")" : "\(hours / 24) days"
    }

    @Sendable func newForm(request: Request) async throws -> View {
        try await renderForm(request, values: ReferralForm(), errors: nil)
    }

    @Sendable func create(request: Request) async throws -> Response {
        let form = try request.content.decode(ReferralForm.self)
        do {
            let referral = try await request.journey.create(form, by: try request.principal)
            return request.redirect(to: "/referrals/\(referral.id)?notice=created", redirectType: .normal)
        } catch let errors as InputErrors {
            return try await renderForm(request, values: form, errors: errors).encodeResponse(for: request)
        }
    }

    @Sendable func show(request: Request) async throws -> View {
        try await renderReferral(request, id: try request.referralID, errors: nil)
    }

    @Sendable func timeline(request: Request) async throws -> View {
        struct Page: Encodable {
            struct Line: Encodable {
                var action: String
                var by: String
                var at: String
            }

            var chrome: PageChrome
            var id: UUID
            var lines: [Line]
        }
        let id = try request.referralID
        let entries = try await request.journey.timeline(id, by: try request.principal)
        let chrome = PageChrome(
            title: "Timeline", isDemo: try await Store(request.db).holdsDemoData(), signedIn: request.signedIn)
        return try await request.view.render(
            "timeline",
            Page(
                chrome: chrome, id: id,
                lines: entries.map {
                    .init(
                        action: $0.action.replacingOccurrences(of: "-", with: " ").capitalizedFirst, by: $0.by,
                        at: DisplayFormat.dateTime($0.at))
                }))
    }

    struct ActionForm: Content {
        var reason: String?
        var alternative: String?
        var location: String?
        var answer: String?
        var bedID: String?
        var availableFrom: String?
        var reasons: [String]?
        var note: String?
        var ministerialApprovalOn: String?
    }

    @Sendable func act(request: Request) async throws -> Response {
        let id = try request.referralID
        let action = request.parameters.get("action") ?? ""
        let form = try request.content.decode(ActionForm.self)
        let principal = try request.principal
        let journey = request.journey
        do {
            switch action {
            case "request-approval": _ = try await journey.requestApproval(id, by: principal)
            case "approve": _ = try await journey.approve(id, by: principal)
            case "submit": _ = try await journey.submit(id, by: principal)
            case "circulate": _ = try await journey.circulate(id, wave: try request.wave, by: principal)
            case "escalate": _ = try await journey.escalate(id, by: principal)
            case "withdraw": _ = try await journey.withdraw(id, reason: form.reason ?? "", by: principal)
            case "close-unplaced":
                _ = try await journey.closeUnplaced(
                    id, alternative: form.alternative, location: form.location, by: principal)
            case "respond":
                _ = try await journey.respond(
                    id,
                    .init(
                        answer: form.answer, bedID: form.bedID.flatMap(UUID.init(uuidString:)),
                        availableFrom: form.availableFrom,
                        reasons: form.reasons, note: form.note),
                    by: principal)
            default: throw Abort(.notFound)
            }
            return request.redirect(to: "/referrals/\(id)?notice=\(action)", redirectType: .normal)
        } catch let errors as InputErrors {
            return try await renderReferral(request, id: id, errors: errors).encodeResponse(for: request)
        }
    }

    @Sendable func accept(request: Request) async throws -> Response {
        let offerID = try request.uuidParameter("offerID")
        let referral = try await request.journey.acceptOffer(offerID, by: try request.principal)
        return request.redirect(to: "/referrals/\(referral.id)?notice=accept", redirectType: .normal)
    }

    @Sendable func placementAction(request: Request) async throws -> Response {
        let placementID = try request.uuidParameter("placementID")
        let form = try request.content.decode(ActionForm.self)
        let principal = try request.principal
        let referralID: UUID
        do {
            switch request.parameters.get("action") {
            case "admit":
                referralID = try await request.journey.admit(
                    placementID, ministerialApprovalOn: form.ministerialApprovalOn, by: principal
                ).referralID
            case "discharge":
                referralID = try await request.journey.discharge(placementID, reason: form.reason, by: principal)
                    .referralID
            case "fall-through":
                referralID = try await request.journey.recordFallThrough(
                    placementID, reasons: form.reasons ?? [], note: form.note, by: principal
                ).id
            default: throw Abort(.notFound)
            }
        } catch let errors as InputErrors {
            guard let offer = try await Store(request.db).response(id: placementID) else { throw Abort(.notFound) }
            return try await renderReferral(request, id: offer.referralID, errors: errors).encodeResponse(for: request)
        }
        return request.redirect(
            to: "/referrals/\(referralID)?notice=\(request.parameters.get("action") ?? "")", redirectType: .normal)
    }

    private func renderForm(_ request: Request, values: ReferralForm, errors: InputErrors?) async throws -> View {
        let chrome = PageChrome(
            title: "New referral", isDemo: try await Store(request.db).holdsDemoData(), hasError: errors != nil,
            signedIn: request.signedIn)
        return try await request.view.render(
            "referral-form", ReferralFormPage(chrome: chrome, values: values, errors: errors))
    }

    private func renderReferral(_ request: Request, id: UUID, errors: InputErrors?) async throws -> View {
        let principal = try request.principal
        let view = try await request.journey.view(id, by: principal)
        let referral = view.referral
        var vacantBeds: [Choice] = []
        if view.allowedActions.contains(.respond), let reference = principal.homeReference,
            let home = try await Store(request.db).home(reference: reference)
        {
            let now = request.now
            let beds = try await ViewBedBoard(store: Store(request.db), now: { now }).home(home.id)
            vacantBeds = (beds?.beds ?? []).filter { $0.status == .vacant && $0.bed.kind.takesWelfarePlacements }.map {
                Choice(value: $0.bed.id.uuidString, label: "\($0.bed.label) (\($0.bed.kind.name))", selected: false)
            }
        }
        var child: [ReferralPage.Fact] = [
            .init(key: "Pseudonym", value: view.child.pseudonym), .init(key: "Sex", value: view.child.sex.name),
            .init(key: "Age on the date needed", value: "\(referral.ageAtReferral)"),
            .init(key: "Needs and risks", value: view.child.flags.sorted().map(\.name).joined(separator: "; ")),
            .init(
                key: "Room needs",
                value: referral.roomNeeds.isEmpty
                    ? "None" : referral.roomNeeds.sorted().map(\.name).joined(separator: "; ")),
        ]
        if let identity = view.identity {
            child.insert(
                contentsOf: [
                    .init(key: "Name", value: "\(identity.givenName) \(identity.familyName)"),
                    .init(key: "Date of birth", value: identity.dateOfBirth.longForm),
                    .init(key: "Authority's reference", value: identity.localAuthorityReference),
                ], at: 0)
        }
        var facts: [ReferralPage.Fact] = [
            .init(key: "Legal basis", value: referral.legalBasis.name),
            .init(key: "Court order", value: referral.courtOrder.status.name),
            .init(key: "Urgency", value: referral.urgency.name),
            .init(key: "Needed by", value: referral.dateNeeded.longForm),
            .init(key: "Why secure care", value: referral.summary),
        ]
        if let starts = referral.courtOrder.startsOn, let ends = referral.courtOrder.endsOn {
            facts.insert(.init(key: "Order runs", value: "\(starts.longForm) to \(ends.longForm)"), at: 2)
        }
        if let alternative = referral.alternative {
            facts.append(
                .init(key: "Went instead to", value: "\(alternative.name): \(referral.unplacedLocation ?? "")"))
        }
        if let reason = referral.withdrawalReason { facts.append(.init(key: "Withdrawn because", value: reason)) }
        let canAccept = view.allowedActions.contains(.acceptOffer)
        let homes = view.homes.map { line -> ReferralPage.HomeRow in
            var answer = "Waiting"
            var reasons: [String] = []
            var note = ""
            var acceptable: UUID?
            if let response = line.response {
                switch response.answer {
                case .offer(_, let from):
                    answer = "Offer from \(from.longForm) (\(response.offerStatus?.rawValue ?? "open"))"
                    if canAccept, response.offerStatus == .open { acceptable = response.id }
                case .decline(let declineReasons, let text):
                    answer = "Declined"
                    reasons = declineReasons.sorted().map(\.name)
                    note = text
                }
            }
            return .init(
                homeName: line.homeName, respondBy: DisplayFormat.dateTime(line.respondBy), answer: answer,
                reasons: reasons,
                note: note, overdue: line.isOverdue, acceptableOfferID: acceptable)
        }
        var ranked: [ReferralPage.RankedRow] = []
        var excluded: [ReferralPage.ExcludedRow] = []
        if view.allowedActions.contains(.viewRanking) {
            let ranking = try await request.journey.ranking(referral.id, by: principal)
            ranked = ranking.ranked.enumerated().map { index, home in
                .init(
                    position: index + 1, homeName: home.home.name, score: String(format: "%.1f", home.score),
                    parts: home.parts.map {
                        "\($0.kind.name): \(String(format: "%+.1f", $0.contribution)) (\($0.detail))"
                    }
                        + (home.roomFeatures.isEmpty
                            ? [] : ["Rooms free: " + home.roomFeatures.sorted().map(\.name).joined(separator: ", ")]))
            }
            excluded = ranking.excluded.map {
                .init(homeName: $0.home.name, reasons: $0.reasons.map(\.name) + $0.details.map(\.capitalizedFirst))
            }
        }
        var noOfferRisk: NoOfferRiskView?
        if let assessed = view.noOfferRisk, assessed.flagged {
            noOfferRisk = NoOfferRiskView(
                chance: "\(Int((assessed.risk.probability * 100).rounded()))%", homes: assessed.risk.eligibleHomes,
                factors: assessed.risk.factors.map(\.sentence))
        }
        let accepted = view.homes.compactMap(\.response).first { $0.offerStatus == .accepted }
        let notice = (try? request.query.get(String.self, at: "notice")).flatMap { Notices.messages[$0] }
        let errorViews = [FieldErrorView](errors)
        let page = ReferralPage(
            chrome: PageChrome(
                title: "Referral \(referral.reference)", isDemo: try await Store(request.db).holdsDemoData(),
                hasError: errors != nil, signedIn: request.signedIn),
            id: referral.id, reference: referral.reference, pseudonym: view.child.pseudonym,
            printedAt: DisplayFormat.dateTime(request.now), state: referral.state.name,
            stateTag: referral.state.rawValue, ranked: ranked, excluded: excluded,
            nextStep: view.nextStep, notice: notice, escalated: referral.escalatedAt != nil,
            noOfferRisk: noOfferRisk,
            timeLeftWithoutOrder: view.timeLeftWithoutOrder.map { String(format: "%.1f hours", $0 / 3600) },
            orderAdvice: view.orderAdvice,
            child: child,
            referral: facts, homes: homes, errors: errorViews, messages: errorViews.byField,
            can: Dictionary(
                uniqueKeysWithValues: ReferralAction.allCases.map {
                    (String(describing: $0), view.allowedActions.contains($0))
                }),
            placementID: view.placement?.id ?? accepted?.id,
            needsMinisterialApproval: referral.needsMinisterialApproval,
            vacantBeds: vacantBeds,
            declineReasons: DeclineReason.allCases.map { Choice(value: $0.code, label: $0.name, selected: false) },
            alternatives: AlternativeAccommodation.allCases.map {
                Choice(value: $0.code, label: $0.name, selected: false)
            },
            dischargeReasons: PlacementChangeReason.allCases.map {
                Choice(value: $0.code, label: $0.name, selected: false)
            })
        return try await request.view.render("referral", page)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
