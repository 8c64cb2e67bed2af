import Foundation
import SecurePlaceCore
import Statistics

extension StatisticsCohort {
    /// Every table published for a financial year, before disclosure control: the referrals
    /// submitted in it, the beds of its quarters (up to now), and, once its referrals have all
    /// had 12 months, what happened to the children in them.
    public func publication(for year: PublicationTables.FinancialYear) async throws -> Publication {
        let cohort = try await referrals(submittedFrom: year.first.start, before: year.end.start)
        let quarterStarts = (0...4).map { year.first.adding(months: 3 * $0) }
        var quarters: [BedDays] = []
        for quarter in 0..<4 {
            quarters.append(
                try await beds(from: quarterStarts[quarter], through: quarterStarts[quarter + 1].adding(days: -1)))
        }
        let asOf = now()
        let followed =
            year.end.anniversary <= CalendarDate(containing: asOf)
            ? try await followedReferrals(submittedFrom: year.first.start, before: year.end.start).map(\.followed) : []
        return PublicationTables.build(
            cohort, year: year, authorities: try await store.localAuthorities(), asOf: asOf,
            beds: PublicationTables.BedsInYear(
                year: try await beds(from: year.first, through: year.end.adding(days: -1)), quarters: quarters),
            followed: followed)
    }
}
