/// What the law allows of a referral's route and order, checked wherever an order is
/// entered: on the referral form and when an authority records an order later.
///
/// Sources (domain.md §2): the Children (Secure Accommodation) Regulations 1991 for England,
/// reg 11 (a court may authorise at most 3 months at first) and reg 12 (further periods of
/// at most 6 months each). Wales's Children (Secure Accommodation) (Wales) Regulations 2015
/// set the same limits for section 119; domain.md names only the 1991 Regulations, so this is
/// an assumption noted in the issue. The High Court's inherent jurisdiction has no statutory
/// maximum: a DoL order's length is the court's, and only its dates are checked.
public enum CourtOrderRules {
    /// The longest period a first order may authorise (reg 11).
    public static let firstOrderMonths = 3
    /// The longest period a further order may authorise (reg 12).
    public static let renewalMonths = 6

    /// A problem with one field, and what to do about it.
    public struct Problem: Hashable, Sendable {
        public var field: String
        public var message: String
    }

    /// Everything wrong with a route and order for a child of `country`'s authority, whose
    /// bed is needed on `dateNeeded`, judged on `today`.
    public static func problems(
        route: LegalBasis, order: CourtOrder, country: Country, dateNeeded: CalendarDate, today: CalendarDate
    ) -> [Problem] {
        var problems: [Problem] = []
        let statutory = LegalBasis.statutory(for: country)
        if route != statutory, route != .inherentJurisdictionDeprivationOfLiberty {
            problems.append(
                Problem(
                    field: "legalBasis",
                    message:
                        "An authority in \(country.name) places under \(statutory.name) or the High Court's inherent jurisdiction."
                ))
        }
        if route == .inherentJurisdictionDeprivationOfLiberty {
            if order.status != .deprivationOfLibertyOrder, order.status != .applicationMade {
                problems.append(
                    Problem(
                        field: "orderStatus",
                        message:
                            "Under the High Court's inherent jurisdiction the order is a DoL order, or an application for one."
                    ))
            }
        } else if order.status == .deprivationOfLibertyOrder {
            problems.append(
                Problem(
                    field: "orderStatus",
                    message: "A DoL order is made under the High Court's inherent jurisdiction: choose that route."))
        }
        guard order.status.isAuthorised else { return problems }
        guard let starts = order.startsOn else {
            problems.append(Problem(field: "orderStartsOn", message: "Enter the date the order starts."))
            return problems
        }
        guard let ends = order.endsOn else {
            problems.append(Problem(field: "orderEndsOn", message: "Enter the date the order ends."))
            return problems
        }
        if ends <= starts {
            problems.append(Problem(field: "orderEndsOn", message: "The order must end after it starts."))
        } else if ends < today {
            problems.append(
                Problem(field: "orderEndsOn", message: "This order ended on \(ends.longForm): record the current one."))
        } else if ends < dateNeeded {
            problems.append(
                Problem(
                    field: "orderEndsOn",
                    message: "The order ends on \(ends.longForm), before the bed is needed on \(dateNeeded.longForm)."))
        }
        if route != .inherentJurisdictionDeprivationOfLiberty {
            let months = order.isRenewal ? renewalMonths : firstOrderMonths
            // "A period not exceeding three months": from 20 November, the last day is 19 February.
            let lastAllowed = starts.adding(months: months).adding(days: -1)
            if ends > lastAllowed {
                let which = order.isRenewal ? "A further order (reg 12)" : "A first order (reg 11)"
                problems.append(
                    Problem(
                        field: "orderEndsOn",
                        message:
                            "\(which) may authorise at most \(months) months: from \(starts.longForm) it ends by \(lastAllowed.longForm)."
                    ))
            }
        }
        return problems
    }
}
