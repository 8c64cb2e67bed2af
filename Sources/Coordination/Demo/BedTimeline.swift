import Foundation
import SecurePlaceCore

/// One bed's history while the demo is generated: closures and occupancy are laid over a
/// vacant background, then flattened into the contiguous intervals the board is built from.
struct BedTimeline {
    private struct Segment {
        var from: Date
        var to: Date
        var status: BedStatus
        var priority: Int
    }

    let bed: Bed
    private var segments: [Segment] = []
    /// The end of the last reservation or stay: the bed cannot be offered before this.
    private(set) var busyUntil: Date = .distantPast

    init(bed: Bed) {
        self.bed = bed
    }

    /// A closure gives way to a child already in the bed: homes close empty beds.
    mutating func close(_ reason: BedClosureReason, from: Date, to: Date) {
        segments.append(Segment(from: from, to: to, status: .closed(reason), priority: 1))
    }

    mutating func hold(_ status: BedStatus, from: Date, to: Date) {
        segments.append(Segment(from: from, to: to, status: status, priority: 2))
        busyUntil = max(busyUntil, to)
    }

    func closureReason(at instant: Date) -> BedClosureReason? {
        for segment in segments where segment.from <= instant && instant < segment.to {
            if case .closed(let reason) = segment.status { return reason }
        }
        return nil
    }

    func isClosed(at instant: Date) -> Bool { closureReason(at: instant) != nil }

    /// When the closure holding at `instant` was planned to end.
    func closureEnd(at instant: Date) -> Date? {
        segments.first { segment in
            if case .closed = segment.status { return segment.from <= instant && instant < segment.to }
            return false
        }?.to
    }

    /// The bed's out-of-service records, one for each closed interval from `start` to `end`:
    /// ended ones with their last day, the one open at `end` with the day it was planned to end.
    func outages(from start: Date, to end: Date, homeID: UUID, ids: inout SeededRandomNumberGenerator) -> [BedOutage] {
        intervals(from: start, to: end).compactMap { interval in
            guard case .closed(let reason) = interval.status else { return nil }
            let first = CalendarDate(containing: interval.from)
            var outage = BedOutage(
                id: UUID(using: &ids), bedID: bed.id, homeID: homeID, reason: reason, startsOn: first,
                note: "Synthetic demo record")
            if let to = interval.to {
                outage.endedOn = max(first, CalendarDate(containing: to.addingTimeInterval(-1)))
            } else {
                outage.expectedEndOn = closureEnd(at: end).map { CalendarDate(containing: $0.addingTimeInterval(-1)) }
            }
            outage.revisions = [.init(at: interval.from, by: nil, change: "Recorded with the demo data")]
            return outage
        }
    }

    func isFree(at instant: Date) -> Bool {
        busyUntil <= instant && !isClosed(at: instant)
    }

    /// The bed's intervals from `start`, cut at `end`: whatever holds at `end` stays open
    /// (`to` is nil), and nothing that starts after `end` is kept.
    func intervals(from start: Date, to end: Date) -> [BedStatusInterval] {
        let relevant = segments.filter { $0.to > start && $0.from < end }
        var cuts = Set([start])
        for segment in relevant {
            cuts.insert(max(segment.from, start))
            if segment.to < end { cuts.insert(segment.to) }
        }
        let ordered = cuts.sorted()
        var intervals: [BedStatusInterval] = []
        for (index, from) in ordered.enumerated() {
            let status =
                relevant.filter { $0.from <= from && from < $0.to }.max { $0.priority < $1.priority }?.status ?? .vacant
            let to = index + 1 < ordered.count ? ordered[index + 1] : nil
            if let last = intervals.last, last.status == status {
                intervals[intervals.count - 1].to = to
            } else {
                intervals.append(BedStatusInterval(bedID: bed.id, status: status, from: from, to: to))
            }
        }
        return intervals
    }
}
