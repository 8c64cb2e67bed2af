import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// The referral journey as JSON under /api/v1, for case-management systems. Each handler
/// decodes, calls one use case, encodes.
struct ReferralsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let referrals = api.grouped("referrals")
        referrals.get(use: list)
        referrals.post(use: create)
        let one = referrals.grouped(":referralID")
        one.get(use: show)
        one.get("timeline", use: timeline)
        one.post("request-approval") {
            try await $0.journey.requestApproval(try $0.referralID, by: try $0.principal).summaryDTO
        }
        one.post("approve") { try await $0.journey.approve(try $0.referralID, by: try $0.principal).summaryDTO }
        one.post("submit") { try await $0.journey.submit(try $0.referralID, by: try $0.principal).summaryDTO }
        one.post("circulate", use: circulate)
        one.post("withdraw", use: withdraw)
        one.post("close-unplaced", use: closeUnplaced)
        one.post("responses", use: respond)
        one.get("court-orders", use: courtOrders)
        one.get("ranking") { request in
            RankingDTO(try await request.journey.ranking(try request.referralID, by: try request.principal))
        }
        one.post("court-orders", use: recordCourtOrder)
        api.post("offers", ":offerID", "fall-through", use: fallThrough)
        api.post("offers", ":offerID", "accept", use: accept)
        api.post("placements", ":placementID", "admit", use: admit)
        api.post("placements", ":placementID", "discharge", use: discharge)
        api.get("notifications", use: notifications)
        api.get("follow-ups", use: followUps)
        api.post("follow-ups", ":followUpID", use: recordFollowUp)
    }

    @Sendable func followUps(request: Request) async throws -> APIPage<FollowUp> {
        let page = try request.apiPageNumber()
        return APIPage(slicing: try await request.journey.followUps(by: try request.principal), page: page)
    }

    @Sendable func recordFollowUp(request: Request) async throws -> FollowUp {
        let form = try request.content.decode(ReferralJourney.FollowUpForm.self)
        return try await request.journey.record(
            form, forFollowUp: try request.uuidParameter("followUpID"), by: try request.principal)
    }

    @Sendable func list(request: Request) async throws -> ReferralPageDTO {
        let page = try request.apiPageNumber()
        let pageSize = Paging.pageSize
        let state = try request.apiQueryValue("state", otherwise: "a referral state such as submitted")
        let result = try await request.journey.list(
            by: try request.principal, state: state, page: page, pageSize: pageSize)
        return ReferralPageDTO(
            items: result.referrals.map(ReferralSummaryDTO.init), page: page, pageSize: pageSize, total: result.total)
    }

    @Sendable func create(request: Request) async throws -> Response {
        let form = try request.content.decode(ReferralForm.self)
        let referral = try await request.journey.create(form, by: try request.principal)
        let view = try await request.journey.view(referral.id, by: try request.principal)
        return try await ReferralDTO(view).encodeResponse(status: .created, for: request)
    }

    @Sendable func show(request: Request) async throws -> ReferralDTO {
        ReferralDTO(try await request.journey.view(try request.referralID, by: try request.principal))
    }

    @Sendable func timeline(request: Request) async throws -> [TimelineEntryDTO] {
        try await request.journey.timeline(try request.referralID, by: try request.principal).map {
            TimelineEntryDTO(action: $0.action, by: $0.by, at: $0.at)
        }
    }

    struct CirculationDTO: Content {
        var homeID: UUID
        var respondBy: Date
    }

    @Sendable func circulate(request: Request) async throws -> [CirculationDTO] {
        try await request.journey.circulate(try request.referralID, wave: try request.wave, by: try request.principal)
            .map { CirculationDTO(homeID: $0.homeID, respondBy: $0.respondBy) }
    }

    struct WithdrawBody: Content { var reason: String? }

    @Sendable func withdraw(request: Request) async throws -> ReferralSummaryDTO {
        let body = try request.content.decode(WithdrawBody.self)
        return try await request.journey.withdraw(
            try request.referralID, reason: body.reason ?? "", by: try request.principal
        ).summaryDTO
    }

    struct CloseUnplacedBody: Content {
        var alternative: String?
        var location: String?
    }

    @Sendable func closeUnplaced(request: Request) async throws -> Response {
        let body = try request.content.decode(CloseUnplacedBody.self)
        let notification = try await request.journey.closeUnplaced(
            try request.referralID, alternative: body.alternative, location: body.location, by: try request.principal)
        return try await notification.encodeResponse(status: .created, for: request)
    }

    @Sendable func respond(request: Request) async throws -> Response {
        let form = try request.content.decode(ReferralJourney.ResponseForm.self)
        let response = try await request.journey.respond(try request.referralID, form, by: try request.principal)
        return try await ResponseDTO(response).encodeResponse(status: .created, for: request)
    }

    @Sendable func accept(request: Request) async throws -> ReferralSummaryDTO {
        try await request.journey.acceptOffer(try request.uuidParameter("offerID"), by: try request.principal)
            .summaryDTO
    }

    @Sendable func courtOrders(request: Request) async throws -> [CourtOrderDTO] {
        try await request.journey.courtOrders(of: try request.referralID, by: try request.principal).map(
            CourtOrderDTO.init)
    }

    @Sendable func recordCourtOrder(request: Request) async throws -> Response {
        let form = try request.content.decode(ReferralJourney.CourtOrderForm.self)
        let referral = try await request.journey.recordCourtOrder(
            try request.referralID, form, by: try request.principal)
        return try await referral.summaryDTO.encodeResponse(status: .created, for: request)
    }

    struct FallThroughBody: Content {
        var reasons: [String]?
        var note: String?
    }

    @Sendable func fallThrough(request: Request) async throws -> ReferralSummaryDTO {
        let body = try request.content.decode(FallThroughBody.self)
        return try await request.journey.recordFallThrough(
            try request.uuidParameter("offerID"), reasons: body.reasons ?? [], note: body.note,
            by: try request.principal
        ).summaryDTO
    }

    struct AdmitBody: Content { var ministerialApprovalOn: String? }

    @Sendable func admit(request: Request) async throws -> PlacementDTO {
        let body = (try? request.content.decode(AdmitBody.self)) ?? AdmitBody()
        return PlacementDTO(
            try await request.journey.admit(
                try request.uuidParameter("placementID"), ministerialApprovalOn: body.ministerialApprovalOn,
                by: try request.principal))
    }

    struct DischargeBody: Content {
        var reason: String?
        var movedTo: String?
    }

    @Sendable func discharge(request: Request) async throws -> PlacementDTO {
        let body = try request.content.decode(DischargeBody.self)
        return PlacementDTO(
            try await request.journey.discharge(
                try request.uuidParameter("placementID"), reason: body.reason, movedTo: body.movedTo,
                by: try request.principal))
    }

    @Sendable func notifications(request: Request) async throws -> APIPage<RegulatorNotification> {
        let page = try request.apiPageNumber()
        return APIPage(slicing: try await request.journey.notifications(by: try request.principal), page: page)
    }
}

extension Referral {
    var summaryDTO: ReferralSummaryDTO { ReferralSummaryDTO(self) }
}

extension Request {
    var journey: ReferralJourney {
        let now = self.now
        return ReferralJourney(store: Store(db), now: { now }, alerts: application.mailSettings.outbox)
    }

    var referralID: UUID {
        get throws { try uuidParameter("referralID") }
    }

    /// A path id that is not a UUID names nothing: the same 404 as an unknown one.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw Abort(.notFound) }
        return id
    }
}

extension Request {
    /// The `wave` query or form field: how many of the best-ranked homes to circulate to.
    var wave: Int? {
        get throws {
            // The page's form may send the field empty for "the usual wave"; the API's query may not.
            let text =
                try apiQueryValue("wave", otherwise: "the number of homes, such as 5")
                ?? (try? content.get(String.self, at: "wave"))
            guard let text, !text.isEmpty else { return nil }
            guard let number = Int(text) else {
                throw InputErrors([InputError(field: "wave", message: "Give the number of homes as a whole number.")])
            }
            return number
        }
    }
}
