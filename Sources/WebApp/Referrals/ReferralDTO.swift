import Coordination
import Foundation
import SecurePlaceCore
import Vapor

/// A referral in a list: no identity, ever.
struct ReferralSummaryDTO: Content {
    var id: UUID
    var reference: String
    var state: ReferralState
    var urgency: Urgency
    var localAuthorityCode: String
    var ageBand: AgeBand
    var dateNeeded: String
    var createdAt: Date
    var escalated: Bool

    init(_ referral: Referral) {
        id = referral.id
        reference = referral.reference
        state = referral.state
        urgency = referral.urgency
        localAuthorityCode = referral.localAuthorityCode
        ageBand = referral.ageBand
        dateNeeded = referral.dateNeeded.iso
        createdAt = referral.createdAt
        escalated = referral.escalatedAt != nil
    }
}

typealias ReferralPageDTO = APIPage<ReferralSummaryDTO>

/// One referral as its viewer may see it (schema Referral in openapi.json).
struct ReferralDTO: Content {
    struct Identity: Content {
        var givenName: String
        var familyName: String
        var dateOfBirth: String
        var localAuthorityReference: String
    }

    struct HomeLine: Content {
        var homeID: UUID
        var homeName: String
        var circulatedAt: Date
        var respondBy: Date
        var overdue: Bool
        var response: ResponseDTO?
    }

    var id: UUID
    var reference: String
    var state: ReferralState
    var childPseudonym: String
    var sex: Sex
    var ageAtReferral: Int
    var flags: [NeedFlag]
    var identity: Identity?
    var localAuthorityCode: String
    var legalBasis: LegalBasis
    var orderStatus: CourtOrderStatus
    var orderStartsOn: String?
    var orderEndsOn: String?
    var orderIsRenewal: Bool
    var urgency: Urgency
    var dateNeeded: String
    var roomNeeds: [RoomFeature]
    var summary: String
    var createdAt: Date
    var submittedAt: Date?
    var closedAt: Date?
    var alternative: AlternativeAccommodation?
    var unplacedLocation: String?
    var withdrawalReason: String?
    var homes: [HomeLine]
    var placementID: UUID?
    /// Hours left of the 72 allowed without a court order (negative once overrun).
    var hoursLeftWithoutOrder: Double?
    /// What the authority must do about the court order, when it must do something.
    var orderAdvice: String?
    var escalatedAt: Date?
    /// For coordinators: the chance of no offer assessed at submission, when one was.
    var noOfferRisk: ChildrenAtRiskController.RiskDTO?
    var nextStep: String

    init(_ view: ReferralView) {
        let referral = view.referral
        id = referral.id
        reference = referral.reference
        state = referral.state
        childPseudonym = view.child.pseudonym
        sex = view.child.sex
        ageAtReferral = referral.ageAtReferral
        flags = view.child.flags.sorted()
        identity = view.identity.map {
            Identity(
                givenName: $0.givenName, familyName: $0.familyName, dateOfBirth: $0.dateOfBirth.iso,
                localAuthorityReference: $0.localAuthorityReference)
        }
        localAuthorityCode = referral.localAuthorityCode
        legalBasis = referral.legalBasis
        orderStatus = referral.courtOrder.status
        orderStartsOn = referral.courtOrder.startsOn?.iso
        orderEndsOn = referral.courtOrder.endsOn?.iso
        orderIsRenewal = referral.courtOrder.isRenewal
        urgency = referral.urgency
        dateNeeded = referral.dateNeeded.iso
        roomNeeds = referral.roomNeeds.sorted()
        summary = referral.summary
        createdAt = referral.createdAt
        submittedAt = referral.submittedAt
        closedAt = referral.closedAt
        alternative = referral.alternative
        unplacedLocation = referral.unplacedLocation
        withdrawalReason = referral.withdrawalReason
        homes = view.homes.map {
            HomeLine(
                homeID: $0.homeID, homeName: $0.homeName, circulatedAt: $0.circulatedAt, respondBy: $0.respondBy,
                overdue: $0.isOverdue, response: $0.response.map(ResponseDTO.init))
        }
        placementID = view.placement?.id
        hoursLeftWithoutOrder = view.timeLeftWithoutOrder.map { ($0 / 360).rounded() / 10 }
        orderAdvice = view.orderAdvice
        escalatedAt = referral.escalatedAt
        noOfferRisk = view.noOfferRisk.map(ChildrenAtRiskController.RiskDTO.init)
        nextStep = view.nextStep
    }
}

/// A home's answer (schema Response).
struct ResponseDTO: Content {
    var id: UUID
    var referralID: UUID
    var homeID: UUID
    var answer: String
    var bedID: UUID?
    var availableFrom: String?
    var declineReasons: [DeclineReason]?
    var note: String?
    var offerStatus: OfferStatus?
    var respondedAt: Date
    var fellThroughAt: Date?
    var fellThroughReasons: [DeclineReason]?
    var fellThroughNote: String?

    init(_ response: HomeResponse) {
        id = response.id
        referralID = response.referralID
        homeID = response.homeID
        respondedAt = response.respondedAt
        offerStatus = response.offerStatus
        fellThroughAt = response.fellThrough?.at
        fellThroughReasons = response.fellThrough?.reasons.sorted()
        fellThroughNote = response.fellThrough?.note
        switch response.answer {
        case .offer(let bed, let from):
            answer = "offer"
            bedID = bed
            availableFrom = from.iso
        case .decline(let reasons, let text):
            answer = "decline"
            declineReasons = reasons.sorted()
            note = text
        }
    }
}

struct PlacementDTO: Content {
    var id: UUID
    var referralID: UUID
    var homeID: UUID
    var bedID: UUID
    var admittedAt: Date
    var dischargedAt: Date?
    var endReason: PlacementChangeReason?

    init(_ placement: Placement) {
        id = placement.id
        referralID = placement.referralID
        homeID = placement.homeID
        bedID = placement.bedID
        admittedAt = placement.admittedAt
        dischargedAt = placement.dischargedAt
        endReason = placement.endReason
    }
}

struct TimelineEntryDTO: Content {
    var action: String
    var by: String
    var at: Date
}

extension RegulatorNotification: Content {}

extension FollowUp: Content {}

/// A court order as recorded (schema CourtOrder).
struct CourtOrderDTO: Content {
    var id: UUID
    var referralID: UUID
    var orderStatus: CourtOrderStatus
    var orderStartsOn: String?
    var orderEndsOn: String?
    var renewal: Bool
    var recordedAt: Date

    init(_ recorded: RecordedCourtOrder) {
        id = recorded.id
        referralID = recorded.referralID
        orderStatus = recorded.order.status
        orderStartsOn = recorded.order.startsOn?.iso
        orderEndsOn = recorded.order.endsOn?.iso
        renewal = recorded.order.isRenewal
        recordedAt = recorded.recordedAt
    }
}
