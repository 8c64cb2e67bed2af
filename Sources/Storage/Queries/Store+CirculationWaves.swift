import FluentKit
import Foundation

extension Store {
    /// Circulating in waves of `size` from now on; nil goes back to circulating by hand.
    public func setWaveSize(_ size: Int?, ofReferral referralID: UUID, at instant: Date) async throws {
        try await CirculationWaveRecord.query(on: database).filter(\.$id == referralID).delete()
        if let size {
            try await CirculationWaveRecord(referralID: referralID, size: size, at: instant).create(on: database)
        }
    }

    public func waveSize(ofReferral referralID: UUID) async throws -> Int? {
        try await CirculationWaveRecord.find(referralID, on: database)?.size
    }

    /// Every referral circulated in waves, with its wave size.
    public func referralsInWaves() async throws -> [(referralID: UUID, size: Int)] {
        try await CirculationWaveRecord.query(on: database).all().compactMap { record in
            record.id.map { ($0, record.size) }
        }
    }
}
