import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// A home manager keeps the home's beds current: out-of-service records (now or planned,
/// revised), reopening, expected discharges and the daily confirmation; pages and API. The
/// capacity over dates and the records themselves are for anyone signed in; the CSV of every
/// home's records is the coordinators'.
struct BedManagementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.post("beds", ":bedID", "close") { request async throws -> HTTPStatus in
            try await manageBeds(request).close(
                bed: try request.uuidParameter("bedID"), try request.content.decode(OutageBody.self).form,
                by: try request.principal)
            return .noContent
        }
        api.post("beds", ":bedID", "reopen") { request async throws -> HTTPStatus in
            try await manageBeds(request).reopen(bed: try request.uuidParameter("bedID"), by: try request.principal)
            return .noContent
        }
        api.post("beds", ":bedID", "outages") { request async throws -> Response in
            let outage = try await manageBeds(request).planOutage(
                of: try request.uuidParameter("bedID"), try request.content.decode(OutageBody.self).form,
                by: try request.principal)
            return try await OutageDTO(outage, today: CalendarDate(containing: request.now))
                .encodeResponse(status: .created, for: request)
        }
        api.post("outages", ":outageID") { request async throws -> OutageDTO in
            let outage = try await manageBeds(request).revise(
                outage: try request.uuidParameter("outageID"), try request.content.decode(OutageBody.self).form,
                by: try request.principal)
            return OutageDTO(outage, today: CalendarDate(containing: request.now))
        }
        api.get("homes", ":homeID", "outages") { request async throws -> [OutageDTO] in
            let homeID = try request.uuidParameter("homeID")
            guard try await Store(request.db).home(id: homeID) != nil else { throw Abort(.notFound) }
            let today = CalendarDate(containing: request.now)
            return try await Store(request.db).outages(ofHome: homeID).map { OutageDTO($0, today: today) }
        }
        api.get("homes", ":homeID", "capacity") { request async throws -> [CapacityDayDTO] in
            guard
                let days = try await capacity(request)(
                    home: try request.uuidParameter("homeID"),
                    from: try request.apiQueryValue("from", otherwise: "a date such as 2026-03-31"),
                    to: try request.apiQueryValue("to", otherwise: "a date such as 2026-03-31"))
            else { throw Abort(.notFound) }
            return days.map(CapacityDayDTO.init)
        }
        api.post("placements", ":placementID", "expected-discharge") { request async throws -> HTTPStatus in
            _ = try await manageBeds(request).expectDischarge(
                ofPlacement: try request.uuidParameter("placementID"),
                on: try request.content.decode(ExpectedDischargeBody.self).expectedDischargeOn,
                by: try request.principal)
            return .noContent
        }
        api.post("homes", ":homeID", "confirm") { request async throws -> HTTPStatus in
            try await manageBeds(request).confirm(home: try request.uuidParameter("homeID"), by: try request.principal)
            return .noContent
        }
        routes.post("beds", ":bedID", "reopen", use: reopenFromPage)
        routes.post("homes", ":homeID", "outages", use: outageFromPage)
        routes.post("outages", ":outageID", use: reviseFromPage)
        routes.post("placements", ":placementID", "expected-discharge", use: expectedDischargeFromPage)
        routes.post("homes", ":homeID", "confirm", use: confirm)
        routes.get("outages.csv", use: csv)
    }

    struct ExpectedDischargeBody: Content {
        var expectedDischargeOn: String?
    }

    @Sendable func reopenFromPage(request: Request) async throws -> Response {
        let bedID = try request.uuidParameter("bedID")
        guard let bed = try await Store(request.db).bed(id: bedID) else { throw Abort(.notFound) }
        do {
            try await manageBeds(request).reopen(bed: bedID, by: try request.principal)
        } catch let errors as InputErrors {
            return try await HomePageView.render(request, homeID: bed.homeID, errors: errors)
        }
        return request.redirect(to: "/homes/\(bed.homeID)?notice=bed-reopen", redirectType: .normal)
    }

    /// The home page's one form for a bed out of service: from today closes the bed now, a
    /// later first day plans it.
    @Sendable func outageFromPage(request: Request) async throws -> Response {
        let homeID = try request.uuidParameter("homeID")
        let body = try request.content.decode(OutageBody.self)
        let today = CalendarDate(containing: request.now)
        do {
            guard let bedID = body.bedID, let bed = try await Store(request.db).bed(id: bedID), bed.homeID == homeID
            else {
                throw InputErrors([InputError(field: "bedID", message: "Select the bed that is out of service.")])
            }
            let starts = (body.startsOn ?? "").trimmingCharacters(in: .whitespaces)
            if starts.isEmpty || CalendarDate(iso: starts) == today {
                try await manageBeds(request).close(bed: bedID, body.form, by: try request.principal)
                return request.redirect(to: "/homes/\(homeID)?notice=bed-close", redirectType: .normal)
            }
            try await manageBeds(request).planOutage(of: bedID, body.form, by: try request.principal)
            return request.redirect(to: "/homes/\(homeID)?notice=outage-planned", redirectType: .normal)
        } catch let errors as InputErrors {
            return try await HomePageView.render(request, homeID: homeID, errors: errors, outage: body)
        }
    }

    @Sendable func reviseFromPage(request: Request) async throws -> Response {
        let outageID = try request.uuidParameter("outageID")
        guard let outage = try await Store(request.db).outage(id: outageID) else { throw Abort(.notFound) }
        let body = try request.content.decode(OutageBody.self)
        do {
            try await manageBeds(request).revise(outage: outageID, body.form, by: try request.principal)
        } catch let errors as InputErrors {
            return try await HomePageView.render(
                request, homeID: outage.homeID,
                errors: InputErrors(
                    errors.errors.map { InputError(field: "\($0.field)-\(outageID)", message: $0.message) }))
        }
        return request.redirect(to: "/homes/\(outage.homeID)?notice=outage-revised", redirectType: .normal)
    }

    @Sendable func expectedDischargeFromPage(request: Request) async throws -> Response {
        let placementID = try request.uuidParameter("placementID")
        guard let placement = try await Store(request.db).placement(id: placementID) else { throw Abort(.notFound) }
        do {
            _ = try await manageBeds(request).expectDischarge(
                ofPlacement: placementID,
                on: try request.content.decode(ExpectedDischargeBody.self).expectedDischargeOn,
                by: try request.principal)
        } catch let errors as InputErrors {
            return try await HomePageView.render(
                request, homeID: placement.homeID,
                errors: InputErrors(
                    errors.errors.map { InputError(field: "\($0.field)-\(placementID)", message: $0.message) }))
        }
        return request.redirect(to: "/homes/\(placement.homeID)?notice=discharge-expected", redirectType: .normal)
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        let homeID = try request.uuidParameter("homeID")
        try await manageBeds(request).confirm(home: homeID, by: try request.principal)
        return request.redirect(to: "/homes/\(homeID)?notice=confirmed", redirectType: .normal)
    }

    @Sendable func csv(request: Request) async throws -> Response {
        let now = request.now
        let text = try await BedOutageExport(store: Store(request.db), now: { now }).csv(by: try request.principal)
        return .csvDownload(text, filename: "beds-out-of-service.csv")
    }

    private func manageBeds(_ request: Request) -> ManageBeds {
        let now = request.now
        return ManageBeds(store: Store(request.db), now: { now })
    }

    private func capacity(_ request: Request) -> ViewHomeCapacity {
        let now = request.now
        return ViewHomeCapacity(store: Store(request.db), now: { now })
    }
}
