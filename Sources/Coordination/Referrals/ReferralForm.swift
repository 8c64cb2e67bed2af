import Foundation
import SecurePlaceCore

/// A referral as typed into the form or sent to the API: text, checked field by field.
public struct ReferralForm: Codable, Sendable, Equatable {
    public var givenName: String?
    public var familyName: String?
    public var dateOfBirth: String?
    public var sex: String?
    public var localAuthorityReference: String?
    public var flags: [String]?
    public var legalBasis: String?
    public var orderStatus: String?
    public var orderStartsOn: String?
    public var orderEndsOn: String?
    /// "true" (or a ticked box's "on") when the order is a further order under reg 12.
    public var orderIsRenewal: String?
    public var urgency: String?
    public var dateNeeded: String?
    /// Room feature codes (`step-free`, ...), each one the child's room must have.
    public var roomNeeds: [String]?
    public var summary: String?

    public init() {}

    /// The checked values, or every problem at once.
    public func validated(for authority: LocalAuthority, today: CalendarDate) throws(InputErrors) -> ValidReferral {
        var errors: [InputError] = []
        func required(_ value: String?, _ field: String, _ message: String, limit: Int = 100) -> String {
            let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                errors.append(InputError(field: field, message: message))
            } else if text.count > limit {
                errors.append(InputError(field: field, message: "Use \(limit) characters or fewer."))
            }
            return text
        }
        func day(_ value: String?, _ field: String, required isRequired: Bool, _ missing: String) -> CalendarDate? {
            let text = (value ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                if isRequired { errors.append(InputError(field: field, message: missing)) }
                return nil
            }
            guard let parsed = CalendarDate(iso: text) else {
                errors.append(InputError(field: field, message: "Enter a real date in the form YYYY-MM-DD."))
                return nil
            }
            return parsed
        }
        func code<Code: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, _ message: String) -> Code?
        where Code.RawValue == String {
            guard let value, let parsed = Code(rawValue: value) else {
                errors.append(InputError(field: field, message: message))
                return nil
            }
            return parsed
        }

        let givenName = required(givenName, "givenName", "Enter the child's first name.")
        let familyName = required(familyName, "familyName", "Enter the child's last name.")
        let birth = day(dateOfBirth, "dateOfBirth", required: true, "Enter the child's date of birth.")
        let sex: Sex? = code(sex, "sex", "Select the child's sex.")
        let reference = required(
            localAuthorityReference, "localAuthorityReference", "Enter your authority's case reference for the child.",
            limit: 50)
        func codes<Code: RawRepresentable & Hashable>(_ values: [String]?, _ field: String, _ list: String)
            -> Set<Code> where Code.RawValue == String
        {
            var parsed: Set<Code> = []
            for value in values ?? [] {
                if let code = Code(rawValue: value) {
                    parsed.insert(code)
                } else {
                    errors.append(InputError(field: field, message: "'\(value)' is not one of the listed \(list)."))
                }
            }
            return parsed
        }
        let flags: Set<NeedFlag> = codes(self.flags, "flags", "needs and risks")
        let roomNeeds: Set<RoomFeature> = codes(self.roomNeeds, "roomNeeds", "room features")
        let legalBasis: LegalBasis? =
            (self.legalBasis ?? "").isEmpty
            ? .statutory(for: authority.country) : code(self.legalBasis, "legalBasis", "Select the legal basis.")
        let orderStatus: CourtOrderStatus? = code(
            self.orderStatus, "orderStatus", "Select where the court order stands.")
        let needsDates = orderStatus?.isAuthorised == true
        let starts = day(orderStartsOn, "orderStartsOn", required: needsDates, "Enter the date the order starts.")
        let ends = day(orderEndsOn, "orderEndsOn", required: needsDates, "Enter the date the order ends.")
        let urgency: Urgency? = code(self.urgency, "urgency", "Select how urgently the bed is needed.")
        let needed = day(dateNeeded, "dateNeeded", required: true, "Enter the date the bed is needed.")
        if let needed, needed < today {
            errors.append(InputError(field: "dateNeeded", message: "The date the bed is needed cannot be in the past."))
        }
        // The age that matters is the child's age on the day the bed is needed.
        var age = 0
        if let birth {
            age = ChildIdentity.age(bornOn: birth, on: max(needed ?? today, today))
            if !(10...17).contains(age) {
                errors.append(
                    InputError(
                        field: "dateOfBirth",
                        message:
                            "Secure children's homes take children aged 10 to 17; on the date needed this date of birth gives \(age)."
                    ))
            }
        }
        let isRenewal = ReferralJourney.CourtOrderForm.isTicked(orderIsRenewal)
        if let legalBasis, let orderStatus, let needed {
            let order = CourtOrder(status: orderStatus, startsOn: starts, endsOn: ends, isRenewal: isRenewal)
            let reported = Set(errors.map(\.field))
            for problem in CourtOrderRules.problems(
                route: legalBasis, order: order, country: authority.country, dateNeeded: needed, today: today)
            where !reported.contains(problem.field) {
                errors.append(InputError(field: problem.field, message: problem.message))
            }
        }
        let summary = required(summary, "summary", "Say why the child needs a secure placement.", limit: 4000)

        guard errors.isEmpty, let birth, let sex, let legalBasis, let orderStatus, let urgency, let needed else {
            throw InputErrors(errors)
        }
        return ValidReferral(
            givenName: givenName, familyName: familyName, dateOfBirth: birth, age: age, sex: sex,
            localAuthorityReference: reference, flags: flags, legalBasis: legalBasis,
            courtOrder: CourtOrder(status: orderStatus, startsOn: starts, endsOn: ends, isRenewal: isRenewal),
            urgency: urgency, dateNeeded: needed, roomNeeds: roomNeeds, summary: summary)
    }
}

/// A referral whose every field has been checked.
public struct ValidReferral: Sendable, Equatable {
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: CalendarDate
    public var age: Int
    public var sex: Sex
    public var localAuthorityReference: String
    public var flags: Set<NeedFlag>
    public var legalBasis: LegalBasis
    public var courtOrder: CourtOrder
    public var urgency: Urgency
    public var dateNeeded: CalendarDate
    public var roomNeeds: Set<RoomFeature>
    public var summary: String
}
