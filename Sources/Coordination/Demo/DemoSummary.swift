import Foundation
import SecurePlaceCore

/// The proportions a demo data set shows, to compare with the field (domain.md §3).
public struct DemoSummary: Sendable, Equatable {
    public var referrals: Int
    public var referralsPerYear: Double
    /// Share of referrals with an outcome (placed or unplaced) that were closed unplaced.
    public var unplacedShare: Double
    public var unplacedShareHigherRisk: Double
    public var unplacedShareOthers: Double
    public var exploitationShareAmongPlaced: Double
    public var meanHomesApproachedPlaced: Double
    public var meanHomesApproachedUnplaced: Double
    /// New placements starting in the 12 months after referral, for referrals with a full year
    /// of follow-up.
    public var meanPlacementsInYearAfterReferral: Double
    public var medianStayDays: Double
    public var registeredPlaces: Int
    public var openPlacesNow: Int

    public var refusalRatio: Double { unplacedShareHigherRisk / max(unplacedShareOthers, .leastNonzeroMagnitude) }

    public init(_ dataset: DemoDataset) {
        let children = Dictionary(uniqueKeysWithValues: dataset.children.map { ($0.id, $0) })
        let responsesByReferral = Dictionary(grouping: dataset.responses, by: \.referralID)
        let decided = dataset.referrals.filter { $0.state == .placed || $0.state == .closedUnplaced }
        func unplacedShare(_ referrals: [Referral]) -> Double {
            referrals.isEmpty ? 0 : Double(referrals.count { $0.state == .closedUnplaced }) / Double(referrals.count)
        }
        let higherRisk = decided.filter {
            DemoDataGenerator.isHigherRiskProfile(children[$0.childID]!, age: $0.ageAtReferral)
        }
        let others = decided.filter {
            !DemoDataGenerator.isHigherRiskProfile(children[$0.childID]!, age: $0.ageAtReferral)
        }
        let placed = decided.filter { $0.state == .placed }
        let unplaced = decided.filter { $0.state == .closedUnplaced }
        func meanApproached(_ referrals: [Referral]) -> Double {
            referrals.isEmpty
                ? 0
                : Double(referrals.reduce(0) { $0 + (responsesByReferral[$1.id]?.count ?? 0) })
                    / Double(referrals.count)
        }
        let lastDay = CalendarDate(containing: dataset.end)
        let followedUp = dataset.referrals.filter {
            $0.state != .withdrawn && CalendarDate(containing: $0.createdAt).adding(days: 365) <= lastDay
        }
        let episodesByReferral = Dictionary(grouping: dataset.episodes, by: \.referralID)
        let placementsInYear = followedUp.reduce(0) { total, referral in
            let first = CalendarDate(containing: referral.createdAt)
            return total + (episodesByReferral[referral.id] ?? []).count { first.days(until: $0.startedOn) < 365 }
        }
        let stays = dataset.placements.compactMap { placement in
            placement.dischargedAt.map { $0.timeIntervalSince(placement.admittedAt) / 86_400 }
        }.sorted()
        let board = BedBoard.build(
            homes: dataset.homes, beds: dataset.beds, intervals: dataset.bedStatusIntervals, at: dataset.end)

        referrals = dataset.referrals.count
        referralsPerYear =
            Double(dataset.referrals.count) / (dataset.end.timeIntervalSince(dataset.start) / (365.25 * 86_400))
        self.unplacedShare = unplacedShare(decided)
        unplacedShareHigherRisk = unplacedShare(higherRisk)
        unplacedShareOthers = unplacedShare(others)
        exploitationShareAmongPlaced =
            placed.isEmpty
            ? 0
            : Double(placed.count { children[$0.childID]!.flags.contains(.sexualExploitation) }) / Double(placed.count)
        meanHomesApproachedPlaced = meanApproached(placed)
        meanHomesApproachedUnplaced = meanApproached(unplaced)
        meanPlacementsInYearAfterReferral = followedUp.isEmpty ? 0 : Double(placementsInYear) / Double(followedUp.count)
        medianStayDays = stays.isEmpty ? 0 : stays[stays.count / 2]
        registeredPlaces = board.national.all.registered
        openPlacesNow = board.national.all.open
    }

    /// Lines for the command line and the issue note.
    public var report: [String] {
        func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
        return [
            "referrals: \(referrals) (\(String(format: "%.0f", referralsPerYear)) a year)",
            "unplaced: \(percent(unplacedShare)) of referrals with an outcome",
            "unplaced, boys 15+ with offending, gang or harmful sexual behaviour flags: \(percent(unplacedShareHigherRisk)); others: \(percent(unplacedShareOthers)) (ratio \(String(format: "%.2f", refusalRatio)))",
            "sexual exploitation flag among placed children: \(percent(exploitationShareAmongPlaced))",
            "homes approached: \(String(format: "%.1f", meanHomesApproachedPlaced)) per placed child, \(String(format: "%.1f", meanHomesApproachedUnplaced)) per unplaced child",
            "new placements in the year after referral: \(String(format: "%.2f", meanPlacementsInYearAfterReferral)) on average",
            "median secure stay: \(String(format: "%.0f", medianStayDays)) days",
            "places: \(registeredPlaces) registered, \(openPlacesNow) open today",
        ]
    }
}
