import FluentKit
import Foundation
import SecurePlaceCore

final class HomeResponseRecord: Model, @unchecked Sendable {
    static let schema = "home_responses"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "home_id") var homeID: UUID
    @Field(key: "answer") var answer: String
    @OptionalField(key: "bed_id") var bedID: UUID?
    @OptionalField(key: "available_from") var availableFrom: String?
    @Field(key: "decline_reasons") var declineReasons: String
    @Field(key: "note") var note: String
    @Field(key: "responded_at") var respondedAt: Date
    @OptionalField(key: "offer_status") var offerStatus: String?
    @OptionalField(key: "fell_through_at") var fellThroughAt: Date?
    @OptionalField(key: "fell_through_reasons") var fellThroughReasons: String?
    @OptionalField(key: "fell_through_note") var fellThroughNote: String?

    init() {}

    init(_ response: HomeResponse) {
        id = response.id
        referralID = response.referralID
        homeID = response.homeID
        respondedAt = response.respondedAt
        offerStatus = response.offerStatus?.rawValue
        fellThroughAt = response.fellThrough?.at
        fellThroughReasons = response.fellThrough?.reasons.sorted().map(\.code).joined(separator: ",")
        fellThroughNote = response.fellThrough?.note
        switch response.answer {
        case .offer(let bed, let from):
            answer = "offer"
            bedID = bed
            availableFrom = from.iso
            declineReasons = ""
            note = ""
        case .decline(let reasons, let text):
            answer = "decline"
            declineReasons = reasons.sorted().map(\.code).joined(separator: ",")
            note = text
        }
    }

    func value() throws -> HomeResponse {
        let decoded: HomeAnswer
        if answer == "offer", let bedID, let availableFrom, let day = CalendarDate(iso: availableFrom) {
            decoded = .offer(bedID: bedID, availableFrom: day)
        } else if answer == "decline" {
            let reasons = try declineReasons.split(separator: ",").map {
                try decodeCode(DeclineReason.self, String($0), list: "decline reason")
            }
            decoded = .decline(reasons: Set(reasons), note: note)
        } else {
            throw UnknownCodeError(list: "home answer", code: answer)
        }
        var fellThrough: FallThrough?
        if let fellThroughAt {
            let reasons = try (fellThroughReasons ?? "").split(separator: ",").map {
                try decodeCode(DeclineReason.self, String($0), list: "decline reason")
            }
            fellThrough = FallThrough(reasons: Set(reasons), note: fellThroughNote ?? "", at: fellThroughAt)
        }
        return HomeResponse(
            id: try requireID(), referralID: referralID, homeID: homeID, answer: decoded, respondedAt: respondedAt,
            offerStatus: try offerStatus.map { try decodeCode(OfferStatus.self, $0, list: "offer status") },
            fellThrough: fellThrough)
    }
}
