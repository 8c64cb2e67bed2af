import Coordination
import Foundation
import SecurePlaceCore
import Vapor

/// A bed out of service as the API speaks it (schema BedOutage).
struct OutageDTO: Content {
    struct Revision: Content {
        var at: Date
        var by: UUID?
        var change: String
    }

    var id: UUID
    var bedID: UUID
    var homeID: UUID
    var reason: BedClosureReason
    var startsOn: String
    var expectedEndOn: String?
    var endedOn: String?
    var note: String
    var bedDaysLost: Int
    var revisions: [Revision]

    init(_ outage: BedOutage, today: CalendarDate) {
        id = outage.id
        bedID = outage.bedID
        homeID = outage.homeID
        reason = outage.reason
        startsOn = outage.startsOn.iso
        expectedEndOn = outage.expectedEndOn?.iso
        endedOn = outage.endedOn?.iso
        note = outage.note
        bedDaysLost = outage.bedDaysLost(asOf: today)
        revisions = outage.revisions.map { Revision(at: $0.at, by: $0.by, change: $0.change) }
    }
}

/// One day of a home's capacity (schema CapacityDay).
struct CapacityDayDTO: Content {
    var date: String
    var registered: Int
    var open: Int
    var outOfService: Int
    var occupied: Int
    var reserved: Int
    var vacant: Int
    var vacantForWelfare: Int
    var expectedToFreeUp: Int

    init(_ day: BedAvailability.Day) {
        date = day.day.iso
        registered = day.registered
        open = day.open
        outOfService = day.outOfService
        occupied = day.occupied
        reserved = day.reserved
        vacant = day.vacant
        vacantForWelfare = day.vacantForWelfare
        expectedToFreeUp = day.expectedToFreeUp
    }
}

/// The fields a form or a JSON body may carry about an outage.
struct OutageBody: Content {
    var bedID: UUID?
    var reason: String?
    var startsOn: String?
    var expectedEndOn: String?
    var note: String?

    var form: OutageForm {
        OutageForm(reason: reason, startsOn: startsOn, expectedEndOn: expectedEndOn, note: note)
    }
}
