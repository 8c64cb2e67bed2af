import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Vapor

/// A home's page: its beds on the board's date, the next four weeks at a glance, its beds out
/// of service with their revisions and the bed-days lost, and, for the home's own manager,
/// the forms that keep them current, shown again with their errors beside the fields.
enum HomePageView {
    static let notices = [
        "confirmed": "You confirmed the beds are as shown.", "bed-close": "The bed was closed.",
        "bed-reopen": "The bed was reopened.", "outage-planned": "The bed's time out of service was planned.",
        "outage-revised": "The record was changed.", "discharge-expected": "The expected discharge was saved.",
    ]

    static func render(
        _ request: Request, homeID: UUID, day: CalendarDate? = nil, dateText: String? = nil,
        errors: InputErrors? = nil, outage: OutageBody? = nil
    ) async throws -> Response {
        let now = request.now
        let store = Store(request.db)
        let today = CalendarDate(containing: now)
        guard let home = try await ViewBedBoard(store: store, now: { now }).home(homeID, on: day) else {
            throw Abort(.notFound)
        }
        let authorityName =
            try await store.localAuthorities().first { $0.code == home.home.localAuthorityCode }?.name
            ?? home.home.localAuthorityCode
        var page = HomePage(
            home, authorityName: authorityName, isDemo: try await store.holdsDemoData(), signedIn: request.signedIn,
            today: today, dateValue: dateText ?? CalendarDate(containing: home.asOf).iso)
        page.chrome.hasError = errors != nil
        page.notice = errors == nil ? (try? request.query.get(String.self, at: "notice")).flatMap { notices[$0] } : nil
        page.errors = [FieldErrorView](errors)
        page.messages = page.errors.byField
        page.outageForm = [
            "bedID": outage?.bedID?.uuidString ?? "", "reason": outage?.reason ?? "",
            "startsOn": outage?.startsOn ?? "", "expectedEndOn": outage?.expectedEndOn ?? "",
            "note": outage?.note ?? "",
        ]
        let leaving = Dictionary(
            try await store.openPlacements(ofHome: homeID).map { ($0.bedID, $0) },
            uniquingKeysWith: { first, _ in first })
        for index in page.beds.indices where home.beds[index].status == .occupied {
            let placement = leaving[home.beds[index].bed.id]
            page.beds[index].placementID = placement?.id
            page.beds[index].expectedDischargeOn = placement?.expectedDischargeOn?.iso
            page.beds[index].dischargeError = placement.flatMap { page.messages["expectedDischargeOn-\($0.id)"] }
        }
        page.vacantBeds = home.beds.filter { $0.status == .vacant }.map {
            Choice(value: $0.bed.id.uuidString, label: $0.bed.label, selected: $0.bed.id == outage?.bedID)
        }
        let days =
            try await ViewHomeCapacity(store: store, now: { now })(home: homeID, from: today.iso, to: nil) ?? []
        page.calendar = stride(from: 0, to: days.count, by: 7).map { start in
            let week = days[start..<min(start + 7, days.count)]
            return HomePage.CalendarWeek(
                label: "Week from \(week.first!.day.shortForm)",
                days: week.map {
                    .init(
                        label: $0.day.shortForm, vacant: $0.vacantForWelfare, outOfService: $0.outOfService,
                        expectedToFreeUp: $0.expectedToFreeUp)
                })
        }
        let labels = Dictionary(uniqueKeysWithValues: home.beds.map { ($0.bed.id, $0.bed.label) })
        let names = Dictionary(uniqueKeysWithValues: try await store.users().map { ($0.id, $0.displayName) })
        // Every open or planned record, and the most recent of those that have ended.
        let records = try await store.outages(ofHome: homeID)
        let ended = records.filter { $0.endedOn != nil }
        let shown = records.filter { $0.endedOn == nil } + ended.prefix(HomePage.endedOutagesShown)
        page.olderOutages = ended.count - min(ended.count, HomePage.endedOutagesShown)
        page.outages = shown.map { outage in
            HomePage.OutageRow(
                id: outage.id, bed: labels[outage.bedID] ?? "A bed no longer listed",
                reason: outage.reason.name.replacingOccurrences(of: "Closed ", with: "").capitalizedFirst,
                startsOn: outage.startsOn.longForm, expectedEndOn: outage.expectedEndOn?.longForm ?? "Not known",
                expectedEndValue: outage.expectedEndOn?.iso ?? "", endedOn: outage.endedOn?.longForm,
                bedDaysLost: outage.bedDaysLost(asOf: today), note: outage.note,
                revisions: outage.revisions.map {
                    "\(DisplayFormat.dateTime($0.at)), \($0.by.flatMap { names[$0] } ?? "the service"): \($0.change)"
                }, isPlanned: outage.startsOn > today, canRevise: page.canManage && outage.endedOn == nil,
                reviseError: page.messages.first { $0.key.hasSuffix("-\(outage.id)") }?.value)
        }
        return try await request.view.render("home", page).encodeResponse(for: request)
    }
}
