import Foundation
import SecurePlaceCore
import Storage

/// The national bed board now, or rebuilt for the end of a past day.
public struct ViewBedBoard: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// `day` nil or today gives the board as it is now; a past day gives the board as it
    /// stood at the end of that day (midnight, Europe/London).
    public func callAsFunction(on day: CalendarDate? = nil) async throws -> BedBoard {
        try await store.bedBoard(at: instant(for: day))
    }

    /// One home's entry and its beds with their status at the same moment.
    public func home(_ id: UUID, on day: CalendarDate? = nil) async throws -> HomeBeds? {
        let instant = try instant(for: day)
        guard let home = try await store.home(id: id) else { return nil }
        let beds = try await store.beds(ofHome: id)
        let intervals = try await store.bedStatusIntervals(at: instant, ofHome: id)
        let board = BedBoard.build(homes: [home], beds: beds, intervals: intervals, at: instant)
        let statusByBed = Dictionary(intervals.map { ($0.bedID, $0) }, uniquingKeysWith: { first, _ in first })
        return HomeBeds(
            home: home, entry: board.homes[0],
            beds: beds.compactMap { bed in
                statusByBed[bed.id].map { HomeBeds.Line(bed: bed, status: $0.status, since: $0.from) }
            },
            asOf: instant)
    }

    private func instant(for day: CalendarDate?) throws(BedBoardDateError) -> Date {
        let now = now()
        guard let day else { return now }
        let today = CalendarDate(containing: now)
        if day > today { throw .inFuture(day) }
        return day == today ? now : day.end.addingTimeInterval(-1)
    }
}

/// One home's beds on the board's date.
public struct HomeBeds: Sendable {
    public struct Line: Sendable {
        public var bed: Bed
        public var status: BedStatus
        public var since: Date
    }

    public var home: SecureHome
    public var entry: BedBoard.HomeEntry
    public var beds: [Line]
    public var asOf: Date
}

public enum BedBoardDateError: Error, Hashable, Sendable, CustomStringConvertible {
    case inFuture(CalendarDate)

    public var description: String {
        switch self {
        case .inFuture(let day): "The date \(day.iso) is in the future; the board can show today or a past day."
        }
    }
}
