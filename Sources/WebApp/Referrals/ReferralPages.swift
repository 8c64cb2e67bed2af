import Coordination
import Foundation
import SecurePlaceCore

/// A choice in a list of radios, checkboxes or a select.
struct Choice: Encodable {
    var value: String
    var label: String
    var selected: Bool
}

struct FieldErrorView: Encodable {
    var field: String
    var message: String
}

extension Array where Element == FieldErrorView {
    init(_ errors: InputErrors?) {
        self = (errors?.errors ?? []).map { FieldErrorView(field: $0.field, message: $0.message) }
    }

    /// Messages by field, for the template to show beside each one.
    var byField: [String: String] {
        Dictionary(map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}

struct ReferralListPage: Encodable {
    struct Row: Encodable {
        var id: UUID
        var reference: String
        var state: String
        var stateTag: String
        var urgency: String
        var ageBand: String
        var dateNeeded: String
        var escalated: Bool
        var atRisk: Bool
        var waiting: String
    }

    var chrome: PageChrome
    var rows: [Row]
    var states: [Choice]
    var total: Int
    var page: Int
    var previousPage: Int?
    var nextPage: Int?
    var stateQuery: String
    /// The coordinators' queue: open referrals, longest waiting first.
    var queue: Bool
}

struct ReferralFormPage: Encodable {
    var chrome: PageChrome
    var values: ReferralForm
    var errors: [FieldErrorView]
    var messages: [String: String]
    var sexes: [Choice]
    var flags: [Choice]
    var roomNeeds: [Choice]
    var orderStatuses: [Choice]
    var urgencies: [Choice]
    var legalBases: [Choice]

    init(chrome: PageChrome, values: ReferralForm, errors: InputErrors?) {
        self.chrome = chrome
        self.values = values
        self.errors = [FieldErrorView](errors)
        messages = self.errors.byField
        sexes = Sex.allCases.map { Choice(value: $0.rawValue, label: $0.name, selected: values.sex == $0.rawValue) }
        flags = NeedFlag.allCases.map {
            Choice(value: $0.code, label: $0.name, selected: values.flags?.contains($0.code) == true)
        }
        roomNeeds = RoomFeature.allCases.map {
            Choice(value: $0.rawValue, label: $0.name, selected: values.roomNeeds?.contains($0.rawValue) == true)
        }
        orderStatuses = CourtOrderStatus.allCases.map {
            Choice(value: $0.code, label: $0.name, selected: values.orderStatus == $0.code)
        }
        urgencies = Urgency.allCases.map {
            Choice(value: $0.rawValue, label: $0.name, selected: values.urgency == $0.rawValue)
        }
        legalBases = LegalBasis.allCases.map {
            Choice(value: $0.code, label: $0.name, selected: values.legalBasis == $0.code)
        }
    }
}

struct ReferralPage: Encodable {
    struct Fact: Encodable {
        var key: String
        var value: String
    }

    struct HomeRow: Encodable {
        var homeName: String
        var respondBy: String
        var answer: String
        var reasons: [String]
        var note: String
        var overdue: Bool
        var acceptableOfferID: UUID?
    }

    struct RankedRow: Encodable {
        var position: Int
        var homeName: String
        var score: String
        var parts: [String]
    }

    struct ExcludedRow: Encodable {
        var homeName: String
        var reasons: [String]
    }

    var chrome: PageChrome
    var id: UUID
    var reference: String
    /// On paper the child is named by pseudonym: the name appears only in the facts, for those who may read it.
    var pseudonym: String
    var printedAt: String
    var state: String
    var stateTag: String
    var ranked: [RankedRow]
    var excluded: [ExcludedRow]
    var nextStep: String
    var notice: String?
    var escalated: Bool
    /// For coordinators, when the referral was flagged at submission.
    var noOfferRisk: NoOfferRiskView?
    var timeLeftWithoutOrder: String?
    var orderAdvice: String?
    var child: [Fact]
    var referral: [Fact]
    var homes: [HomeRow]
    var errors: [FieldErrorView]
    var messages: [String: String]
    var can: [String: Bool]
    var placementID: UUID?
    var needsMinisterialApproval: Bool
    var vacantBeds: [Choice]
    var declineReasons: [Choice]
    var alternatives: [Choice]
    var dischargeReasons: [Choice]
}

enum Notices {
    /// Fixed messages for the banner after an action; the page never echoes text from the URL.
    static let messages: [String: String] = [
        "created": "The referral was saved as a draft.", "request-approval": "The referral was sent for approval.",
        "approve": "The referral was approved and submitted.", "submit": "The referral was submitted.",
        "circulate": "The referral was sent to the eligible homes.", "respond": "Your answer was sent.",
        "accept": "The offer was accepted and the bed reserved.", "admit": "The admission was recorded.",
        "discharge": "The discharge was recorded.",
        "fall-through": "The offer was recorded as fallen through; the bed is released and the coordinators told.",
        "close-unplaced": "The referral was closed and the regulator notified.",
        "withdraw": "The referral was withdrawn.", "escalate": "The referral was escalated.",
    ]
}

/// A referral's flag as its page shows it to coordinators.
struct NoOfferRiskView: Encodable {
    var chance: String
    var homes: Int
    var factors: [String]
}
