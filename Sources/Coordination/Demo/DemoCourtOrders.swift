import Foundation
import SecurePlaceCore

/// The orders that make a demo placement lawful, as courts make them: a child placed before
/// an order is held under the 72-hour rule until the hearing two days later grants an interim
/// order for 28 days, and an order running out while the child is still there is renewed.
/// Nothing here draws on the random stream, so the rest of the demo is unchanged by it.
enum DemoCourtOrders {
    /// The referral's current order once the placement's first 28 days are covered, and every
    /// order recorded on the way, the first as it came with the referral.
    static func covering(
        referral: Referral, admitted: Date, discharged: Date, until end: Date
    ) -> (current: CourtOrder, recorded: [RecordedCourtOrder]) {
        let admittedOn = CalendarDate(containing: admitted)
        let lastDay = CalendarDate(containing: min(discharged, admitted.addingTimeInterval(28 * 86_400), end))
        let endDay = CalendarDate(containing: end)
        var recorded: [RecordedCourtOrder] = []
        func record(_ order: CourtOrder, on day: CalendarDate, at instant: Date? = nil) {
            recorded.append(
                RecordedCourtOrder(
                    id: derivedID(referral.id, recorded.count), referralID: referral.id, childID: referral.childID,
                    order: order, recordedAt: instant ?? day.start.addingTimeInterval(11 * 3_600), recordedBy: nil))
        }
        var current = referral.courtOrder
        if current.authorisedPeriod != nil {
            record(current, on: admittedOn, at: referral.submittedAt ?? referral.createdAt)
        }
        if !current.authorises(on: admittedOn) {
            let hearing = admittedOn.adding(days: 2)
            guard hearing <= endDay else { return (current, recorded) }
            current = CourtOrder(status: .interimOrder, startsOn: hearing, endsOn: hearing.adding(days: 28))
            record(current, on: hearing)
        }
        while let ends = current.endsOn, ends < lastDay {
            let renewal = ends.adding(days: 1)
            guard renewal <= endDay else { break }
            current = CourtOrder(
                status: current.status == .deprivationOfLibertyOrder ? .deprivationOfLibertyOrder : .orderGranted,
                startsOn: renewal, endsOn: renewal.adding(months: 3).adding(days: -1),
                isRenewal: true)
            record(current, on: ends)
        }
        return (current, recorded)
    }

    /// An id made from the referral's, so that no random draw is spent on it.
    private static func derivedID(_ referralID: UUID, _ index: Int) -> UUID {
        var bytes = referralID.uuid
        bytes.15 = bytes.15 &+ UInt8(truncatingIfNeeded: 101 + index)
        bytes.14 = bytes.14 ^ 0x5A
        return UUID(uuid: bytes)
    }
}
