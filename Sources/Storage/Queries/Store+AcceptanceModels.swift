import FluentKit
import Foundation

extension Store {
    public func save(acceptanceModel stored: StoredAcceptanceModel) async throws {
        try await AcceptanceModelRecord(stored).create(on: database)
    }

    /// The model fitted last, which the ranking, the allocation and the risk flag use.
    public func latestAcceptanceModel() async throws -> StoredAcceptanceModel? {
        try await AcceptanceModelRecord.query(on: database).sort(\.$fittedAt, .descending).sort(\.$id).first()?.value()
    }

    /// A referral's latest assessment replaces its earlier one.
    public func save(noOfferRisk stored: StoredNoOfferRisk) async throws {
        try await NoOfferRiskRecord.query(on: database).filter(\.$id == stored.referralID).delete()
        try await NoOfferRiskRecord(stored).create(on: database)
    }

    public func noOfferRisk(ofReferral referralID: UUID) async throws -> StoredNoOfferRisk? {
        try await NoOfferRiskRecord.find(referralID, on: database)?.value()
    }

    public func noOfferRisks(flaggedOnly: Bool = false) async throws -> [StoredNoOfferRisk] {
        var query = NoOfferRiskRecord.query(on: database)
        if flaggedOnly { query = query.filter(\.$flagged == true) }
        return try await query.sort(\.$assessedAt, .descending).all().map { try $0.value() }
    }
}
