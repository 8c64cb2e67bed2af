import Foundation
import SecurePlaceCore
import Statistics
import Storage

/// The statistics people read: exact figures for analysts, protected tables for everyone.
public struct StatisticsReports: Sendable {
    let store: Store
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Which referrals a page counts.
    public struct Selection: Hashable, Sendable {
        public enum Profile: String, Hashable, Sendable, CaseIterable {
            case everyone = ""
            case olderBoysWithRefusalFlags = "older-boys"
            case otherChildren = "others"

            public var name: String {
                switch self {
                case .everyone: "Every child"
                case .olderBoysWithRefusalFlags: PublicationTables.olderBoys
                case .otherChildren: PublicationTables.otherChildren
                }
            }
        }

        public var first: CalendarDate
        public var last: CalendarDate
        public var region: Region?
        /// One authority's referrals (by its code).
        public var localAuthorityCode: String?
        public var legalBasis: LegalBasis?
        public var urgency: Urgency?
        public var profile: Profile

        public init(
            first: CalendarDate, last: CalendarDate, region: Region? = nil, localAuthorityCode: String? = nil,
            legalBasis: LegalBasis? = nil, urgency: Urgency? = nil, profile: Profile = .everyone
        ) {
            self.first = first
            self.last = last
            self.region = region
            self.localAuthorityCode = localAuthorityCode
            self.legalBasis = legalBasis
            self.urgency = urgency
            self.profile = profile
        }

        func includes(_ referral: CohortReferral) -> Bool {
            (region.map { referral.regionCode == $0.code } ?? true)
                && (localAuthorityCode.map { referral.localAuthorityCode == $0 } ?? true)
                && (legalBasis.map { referral.legalBasis == $0 } ?? true)
                && (urgency.map { referral.urgency == $0 } ?? true)
                && (profile == .everyone
                    || referral.isOlderBoyWithRefusalFlag == (profile == .olderBoysWithRefusalFlags))
        }
    }

    /// The headline figures, exact: for analysts only.
    public func headline(_ selection: Selection, by principal: Principal) async throws -> HeadlineFigures {
        let decision = AccessPolicy.mayViewExactStatistics(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let cohort = try await StatisticsCohort(store: store, now: now).referrals(
            submittedFrom: selection.first.start, before: selection.last.adding(days: 1).start)
        return HeadlineFigures(cohort.filter(selection.includes), asOf: now()) { Region(rawValue: $0)?.name ?? $0 }
    }

    /// What happened in the year after referral to the children a selection counts, exact:
    /// for analysts only.
    public func yearAfterReferral(_ selection: Selection, by principal: Principal) async throws -> YearAfterReferral {
        let decision = AccessPolicy.mayViewExactStatistics(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let followed = try await StatisticsCohort(store: store, now: now).followedReferrals(
            submittedFrom: selection.first.start, before: selection.last.adding(days: 1).start)
        return YearAfterReferral(
            followed.filter { selection.includes($0.referral) }.map(\.followed), asOf: CalendarDate(containing: now()))
    }

    /// The beds of every home over the selection's days (up to now): open, occupied and closed.
    /// Beds are national whatever the selection's region or route: children cross regions.
    public func beds(_ selection: Selection, by principal: Principal) async throws -> BedDays {
        let decision = AccessPolicy.mayViewExactStatistics(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        return try await StatisticsCohort(store: store, now: now).beds(from: selection.first, through: selection.last)
    }

    /// A financial year's tables, before disclosure control.
    public func tables(for year: PublicationTables.FinancialYear) async throws -> Publication {
        try await StatisticsCohort(store: store, now: now).publication(for: year)
    }

    /// The tables as published: protected, for anyone.
    public func published(_ year: PublicationTables.FinancialYear) async throws -> ProtectedPublication {
        ProtectedPublication(try await tables(for: year), rule: .standard)
    }

    /// The tables with every count exact: for analysts only, and the export is audited.
    public func exact(_ year: PublicationTables.FinancialYear, by principal: Principal) async throws -> Publication {
        let decision = AccessPolicy.mayViewExactStatistics(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let tables = try await tables(for: year)
        _ = try await store.appendAudit(
            AuditEntry(
                by: principal, action: "statistics.exact-tables", objectType: "publication", objectID: year.code,
                at: now()))
        return tables
    }

    /// The financial years the service holds referrals for, newest first.
    public func financialYears() async throws -> [PublicationTables.FinancialYear] {
        let current = PublicationTables.FinancialYear(containing: CalendarDate(containing: now())).startYear
        let first =
            try await store.earliestSubmission().map {
                PublicationTables.FinancialYear(containing: CalendarDate(containing: $0)).startYear
            } ?? current
        return (first...current).reversed().map(PublicationTables.FinancialYear.init(startYear:))
    }
}
