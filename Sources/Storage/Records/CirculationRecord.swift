import FluentKit
import Foundation
import SecurePlaceCore

final class CirculationRecord: Model, @unchecked Sendable {
    static let schema = "circulations"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "home_id") var homeID: UUID
    @Field(key: "circulated_at") var circulatedAt: Date
    @Field(key: "respond_by") var respondBy: Date

    init() {}

    init(_ circulation: Circulation) {
        id = UUID()
        referralID = circulation.referralID
        homeID = circulation.homeID
        circulatedAt = circulation.circulatedAt
        respondBy = circulation.respondBy
    }

    func value() -> Circulation {
        Circulation(referralID: referralID, homeID: homeID, circulatedAt: circulatedAt, respondBy: respondBy)
    }
}
