import SecurePlaceCore

/// The fourteen fictional secure homes of the demo: thirteen in England and one in Wales, in
/// the regions where secure homes are (domain.md §1), 240 registered places in all.
struct DemoHomeDefinition {
    var reference: String
    var name: String
    var localAuthorityCode: String
    var welfareBeds: Int
    var justiceBeds: Int
    var eitherBeds: Int
    var sexes: Set<Sex>
    var ages: ClosedRange<Int>
    var specialisms: Set<NeedFlag>

    static let all: [DemoHomeDefinition] = [
        .init(
            reference: "SCH-NE-01", name: "Aldersyke House", localAuthorityCode: "E06000047", welfareBeds: 8,
            justiceBeds: 10, eitherBeds: 2, sexes: [.male, .female], ages: 10...17,
            specialisms: [.sexualExploitation, .selfHarm]),
        .init(
            reference: "SCH-NE-02", name: "Tyne Valley Secure Centre", localAuthorityCode: "E06000057",
            welfareBeds: 6, justiceBeds: 12, eitherBeds: 2, sexes: [.male, .female], ages: 12...17,
            specialisms: [.offendingHistory, .substanceMisuse]),
        .init(
            reference: "SCH-NW-01", name: "Redmoor Lodge", localAuthorityCode: "E10000017", welfareBeds: 10,
            justiceBeds: 12, eitherBeds: 2, sexes: [.male, .female], ages: 10...17,
            specialisms: [.criminalExploitation, .gangAssociation, .mentalHealthNeed]),
        .init(
            reference: "SCH-NW-02", name: "Brookfield Close", localAuthorityCode: "E06000050", welfareBeds: 8,
            justiceBeds: 0, eitherBeds: 2, sexes: [.female], ages: 12...17,
            specialisms: [.sexualExploitation, .trafficking, .selfHarm]),
        .init(
            reference: "SCH-NW-03", name: "Kersal Edge", localAuthorityCode: "E08000006", welfareBeds: 6,
            justiceBeds: 8, eitherBeds: 2, sexes: [.male, .female], ages: 11...17,
            specialisms: [.autism, .learningDisability]),
        .init(
            reference: "SCH-YH-01", name: "Hollins Grange", localAuthorityCode: "E08000035", welfareBeds: 10,
            justiceBeds: 12, eitherBeds: 2, sexes: [.male, .female], ages: 10...17,
            specialisms: [.harmfulSexualBehaviour, .violenceToOthers]),
        .init(
            reference: "SCH-YH-02", name: "Wolds View", localAuthorityCode: "E06000011", welfareBeds: 8,
            justiceBeds: 0, eitherBeds: 2, sexes: [.male], ages: 13...17,
            specialisms: [.offendingHistory, .gangAssociation]),
        .init(
            reference: "SCH-EM-01", name: "Charnwood Park", localAuthorityCode: "E10000018", welfareBeds: 8,
            justiceBeds: 10, eitherBeds: 2, sexes: [.male, .female], ages: 10...17,
            specialisms: [.mentalHealthNeed, .suicidalIdeation]),
        .init(
            reference: "SCH-EM-02", name: "Sherwood Rise", localAuthorityCode: "E10000024", welfareBeds: 6,
            justiceBeds: 8, eitherBeds: 2, sexes: [.male, .female], ages: 12...17,
            specialisms: [.substanceMisuse, .absconding]),
        .init(
            reference: "SCH-EE-01", name: "Fenland House", localAuthorityCode: "E10000003", welfareBeds: 8,
            justiceBeds: 0, eitherBeds: 2, sexes: [.male, .female], ages: 10...16,
            specialisms: [.sexualExploitation, .learningDisability]),
        .init(
            reference: "SCH-SE-01", name: "Downsview Lodge", localAuthorityCode: "E10000032", welfareBeds: 8,
            justiceBeds: 6, eitherBeds: 2, sexes: [.male, .female], ages: 10...17,
            specialisms: [.criminalExploitation, .selfHarm]),
        .init(
            reference: "SCH-SW-01", name: "Quantock House", localAuthorityCode: "E06000066", welfareBeds: 6,
            justiceBeds: 8, eitherBeds: 2, sexes: [.male, .female], ages: 10...17,
            specialisms: [.physicalHealthNeed, .mentalHealthNeed]),
        .init(
            reference: "SCH-SW-02", name: "Tamar Secure Centre", localAuthorityCode: "E10000008", welfareBeds: 8,
            justiceBeds: 10, eitherBeds: 2, sexes: [.male, .female], ages: 12...17,
            specialisms: [.violenceToOthers, .offendingHistory]),
        .init(
            reference: "SCH-WA-01", name: "Tŷ Derwen", localAuthorityCode: "W06000012", welfareBeds: 8,
            justiceBeds: 8, eitherBeds: 2, sexes: [.male, .female], ages: 10...17,
            specialisms: [.sexualExploitation, .absconding]),
    ]
}
