import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// Refuses an acceptance or admission that the law would not allow on `day`: a child of
    /// 18 or over, or an order that will have ended. Checked at acceptance (for the day the
    /// bed is available) and again at admission (for today).
    func checkLawful(_ referral: Referral, admissionOn day: CalendarDate, in store: Store) async throws {
        var errors: [InputError] = []
        if let identity = try await store.childIdentity(childID: referral.childID), identity.age(on: day) >= 18 {
            errors.append(
                InputError(
                    field: "dateOfBirth",
                    message:
                        "The child is 18 on \(day.longForm): a secure children's home cannot admit an adult."))
        }
        if referral.courtOrder.hasEnded(by: day), let endsOn = referral.courtOrder.endsOn {
            errors.append(
                InputError(
                    field: "courtOrder",
                    message:
                        "The court order ended on \(endsOn.longForm), before admission on \(day.longForm): record the current order first."
                ))
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
    }

    /// Refuses an admission with no court order in force when the child has no time left of
    /// the 72 hours in 28 days, saying how much was used and when.
    func checkTimeWithoutOrder(_ referral: Referral, at instant: Date, in store: Store) async throws {
        guard !referral.courtOrder.authorises(on: CalendarDate(containing: instant)) else { return }
        let time = try await timeWithoutOrder(ofChild: referral.childID, at: instant, in: store)
        guard time.isExhausted else { return }
        throw InputErrors([
            InputError(
                field: "courtOrder",
                message:
                    "The child cannot be admitted without a court order: \(time.explanation) Record the court's order first."
            )
        ])
    }

    /// Who approves a placement of a child under 13 in the authority's country (reg 4).
    func ministerialApprover(for authorityCode: String, in store: Store) async throws -> String {
        let country = try await store.localAuthorities().first { $0.code == authorityCode }?.country
        return country == .wales ? "the Welsh Ministers" : "the Secretary of State"
    }

    /// The child's age on the day the bed is needed (today, once that day has passed), which
    /// eligibility and the age band use; refused outside 10 to 17. Recomputed at submission and
    /// circulation, so that a referral that waited is not matched on an age the child has left.
    func ageOnDateNeeded(_ referral: Referral, in store: Store) async throws -> Int {
        guard let identity = try await store.childIdentity(childID: referral.childID) else {
            return referral.ageAtReferral
        }
        let day = max(referral.dateNeeded, CalendarDate(containing: now()))
        let age = identity.age(on: day)
        guard (10...17).contains(age) else {
            throw InputErrors([
                InputError(
                    field: "dateOfBirth",
                    message:
                        "On \(day.longForm) the child is \(age): secure children's homes take children aged 10 to 17.")
            ])
        }
        return age
    }
}
