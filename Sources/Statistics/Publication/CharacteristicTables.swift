import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// The study's disparities as the Department publishes characteristics: outcomes by sex,
    /// age band, legal route, urgency and ethnic group, nationally for the year. Each row gives
    /// one characteristic a value and the others "Total", so each characteristic's values add
    /// up to the national figure of the outcomes table.
    static func outcomesByCharacteristic(_ cohort: [CohortReferral], frame: Frame) -> TidyTable {
        let characteristics: [(column: TidyTable.Column, values: [String], of: (CohortReferral) -> String)] = [
            (.filter("sex", "Sex"), Sex.allCases.map(\.name), { $0.sex.name }),
            (.filter("age_band", "Age at referral"), AgeBand.allCases.map(\.name), { $0.ageBand.name }),
            (.filter("legal_route", "Legal route"), LegalBasis.allCases.map(\.name), { $0.legalBasis.name }),
            (.filter("urgency", "Urgency"), Urgency.allCases.map(\.name), { $0.urgency.name }),
            (
                .filter(
                    "ethnic_group", "Ethnic group",
                    hint: "As the child's authority's children-looked-after return records it"),
                Ethnicity.groupNames + [notRecorded], { $0.ethnicity?.group ?? notRecorded }
            ),
        ]
        var table = TidyTable(
            name: "referral_outcomes_by_characteristic",
            title: "Referrals placed or closed unplaced, by the child's characteristics",
            filters: characteristics.map(\.column), indicators: decidedIndicators, identities: [decidedIdentity])
        let decided = cohort.filter(\.isDecided)
        func row(_ filters: [String], _ members: [CohortReferral]) -> TidyTable.Row {
            let placed = members.count { $0.outcome == .placed }
            return TidyTable.Row(
                period: frame.periods[0], place: frame.nation, filters: filters,
                values: decidedValues(placed: placed, closedUnplaced: members.count - placed))
        }
        let totals = Array(repeating: TidyTable.total, count: characteristics.count)
        table.rows.append(row(totals, decided))
        for (c, characteristic) in characteristics.enumerated() {
            let byValue = Dictionary(grouping: decided, by: characteristic.of)
            for value in characteristic.values {
                var filters = totals
                filters[c] = value
                table.rows.append(row(filters, byValue[value] ?? []))
            }
        }
        return table
    }

    /// Outcomes for the children with each need recorded at referral. A child can have
    /// several, so the rows do not add up to a total.
    static func outcomesByNeed(_ cohort: [CohortReferral], frame: Frame) -> TidyTable {
        var table = TidyTable(
            name: "referral_outcomes_by_need",
            title: "Referrals placed or closed unplaced, for children with each need recorded",
            filters: [
                .filter(
                    "need", "Need recorded at referral",
                    hint: "A child with several needs is counted in each; the rows do not add up")
            ],
            indicators: decidedIndicators, identities: [decidedIdentity])
        let decided = cohort.filter(\.isDecided)
        for flag in NeedFlag.allCases {
            let members = decided.filter { $0.flags.contains(flag) }
            let placed = members.count { $0.outcome == .placed }
            table.rows.append(
                TidyTable.Row(
                    period: frame.periods[0], place: frame.nation, filters: [flag.name],
                    values: decidedValues(placed: placed, closedUnplaced: members.count - placed)))
        }
        return table
    }

    static let notRecorded = "Not recorded"
}
