import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage
import Vapor

/// The published tables are open to anyone, and protecting them takes the whole year's
/// referrals and a search over every sum: built once per year and audit sequence, with the same
/// versioned cache the bed board uses (an entry per financial year, keyed by its first day), so
/// a crowd of readers shares one build.
typealias PublicationCache = BedBoardCache<ProtectedPublication>

struct PublicationCacheKey: StorageKey {
    typealias Value = PublicationCache
}

extension Application {
    var publicationCache: PublicationCache {
        get {
            guard let cache = storage[PublicationCacheKey.self] else {
                preconditionFailure("configure(_:settings:) sets the publication cache")
            }
            return cache
        }
        set { storage[PublicationCacheKey.self] = newValue }
    }
}

extension Request {
    /// A year's tables as published, from the shared cache.
    func publishedTables(_ year: PublicationTables.FinancialYear) async throws -> ProtectedPublication {
        // The build may be shared with requests that outlive this one: it uses no request's
        // connection.
        let store = Store(application.db)
        let now = self.now
        return try await application.publicationCache.entry(
            for: year.first,
            currentVersion: { try await store.auditHeadSequence() },
            build: { _ in try await StatisticsReports(store: store, now: { now }).published(year) }
        ).value
    }
}
