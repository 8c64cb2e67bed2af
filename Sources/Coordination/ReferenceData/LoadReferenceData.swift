import Foundation
import SecurePlaceCore
import Storage

/// Saves checked reference data in one transaction: all of it lands, or none.
public struct LoadReferenceData: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func callAsFunction(_ data: ReferenceData, at instant: Date = Date()) async throws {
        try await store.transaction { transaction in
            try await transaction.saveReferenceData(
                regionNames: data.regionNames, localAuthorities: data.localAuthorities)
            try await transaction.appendAudit(
                AuditEntry(
                    by: nil, action: "reference-data.load", objectType: "local-authorities",
                    objectID: "\(data.localAuthorities.count)", at: instant))
        }
    }
}
