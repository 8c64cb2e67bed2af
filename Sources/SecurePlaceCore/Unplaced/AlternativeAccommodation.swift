/// Where a child went when no secure bed was found (domain.md §4).
public enum AlternativeAccommodation: String, Codable, Sendable, CaseIterable {
    case registeredOpenChildrensHome = "open-childrens-home"
    case fosterCare = "foster-care"
    /// For 16 and 17 year olds; registered since October 2023.
    case supportedAccommodation = "supported-accommodation"
    /// Illegal to operate without registration; the regulator must be told.
    case unregisteredSetting = "unregistered-setting"
    case deprivationOfLibertyUnregistered = "dol-unregistered"
    case deprivationOfLibertyRegistered = "dol-registered"
    /// Including detention under the Mental Health Act 1983.
    case hospital
    case custody
    case homeOrFamily = "home-family-friends"
    case otherOrNotKnown = "other"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .registeredOpenChildrensHome: "Registered open children's home"
        case .fosterCare: "Foster care"
        case .supportedAccommodation: "Supported accommodation (16–17)"
        case .unregisteredSetting: "Unregistered setting"
        case .deprivationOfLibertyUnregistered: "DoL order in an unregistered setting"
        case .deprivationOfLibertyRegistered: "DoL order in a registered setting"
        case .hospital: "Hospital (including Mental Health Act 1983)"
        case .custody: "Custody (YOI or secure training centre)"
        case .homeOrFamily: "Home, family or friends"
        case .otherOrNotKnown: "Other or not known"
        }
    }

    /// The SSDA903 placement type that best records this alternative.
    public var placementType: PlacementType {
        switch self {
        case .registeredOpenChildrensHome, .deprivationOfLibertyRegistered: .childrensHome
        case .fosterCare: .fosterWithOtherCarer
        case .supportedAccommodation: .independentLiving
        case .unregisteredSetting, .deprivationOfLibertyUnregistered, .otherOrNotKnown: .other
        case .hospital: .healthEstablishment
        case .custody: .youngOffenderInstitution
        case .homeOrFamily: .withParents
        }
    }

    /// Whether the alternative is lawful for a child of this age (supported accommodation is
    /// for 16 and 17 year olds only). What happened is still recorded when it is not: see
    /// `urgentAttention(age:country:)`.
    public func isAllowed(forAge age: Int) -> Bool {
        self != .supportedAccommodation || age >= 16
    }

    /// Why the regulator must look at this at once, or nil: an unregistered setting is an
    /// offence to operate (with or without a DoL order), and in England placing a child under
    /// 16 in unregulated or supported accommodation has been banned since 9 September 2021
    /// (domain.md §4).
    public func urgentAttention(age: Int, country: Country) -> String? {
        switch self {
        case .unregisteredSetting:
            return "The child is in an unregistered setting, which it is an offence to operate."
        case .deprivationOfLibertyUnregistered:
            return "The child is deprived of liberty in an unregistered setting, which it is an offence to operate."
        case .supportedAccommodation where age < 16 && country == .england:
            return "A child under 16 is in supported accommodation, banned in England since 9 September 2021."
        default:
            return nil
        }
    }
}
