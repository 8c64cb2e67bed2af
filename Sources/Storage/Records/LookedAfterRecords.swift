import FluentKit
import Foundation
import SecurePlaceCore

/// An episode from an authority's SSDA903 return, kept for a child the service knows.
final class LookedAfterEpisodeRecord: Model, @unchecked Sendable {
    static let schema = "looked_after_episodes"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "child_reference") var childReference: String
    @Field(key: "started_on") var startedOn: String
    @Field(key: "reason_new_episode") var reasonForNewEpisode: String
    @Field(key: "legal_status") var legalStatus: String
    @Field(key: "category_of_need") var categoryOfNeed: String
    @Field(key: "placement_type") var placementType: String
    @OptionalField(key: "placement_provider") var provider: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "reason_ceased") var reasonCeased: String?
    @OptionalField(key: "reason_place_change") var reasonPlacementChanged: String?
    @OptionalField(key: "home_postcode") var homePostcode: String?
    @OptionalField(key: "placement_postcode") var placementPostcode: String?
    @OptionalField(key: "urn") var homeReference: String?
    @Field(key: "imported_at") var importedAt: Date

    init() {}

    init(childID: UUID, authorityCode: String, episode: LookedAfterEpisode, importedAt: Date) {
        id = UUID()
        self.childID = childID
        localAuthorityCode = authorityCode
        childReference = episode.childReference
        startedOn = episode.startedOn.iso
        reasonForNewEpisode = episode.reasonForNewEpisode.rawValue
        legalStatus = episode.legalStatus.rawValue
        categoryOfNeed = episode.categoryOfNeed.rawValue
        placementType = episode.placement.rawValue
        provider = episode.provider?.rawValue
        endedOn = episode.endedOn?.iso
        reasonCeased = episode.reasonCeased?.rawValue
        reasonPlacementChanged = episode.reasonPlacementChanged?.rawValue
        homePostcode = episode.homePostcode
        placementPostcode = episode.placementPostcode
        homeReference = episode.homeReference
        self.importedAt = importedAt
    }

    func value() throws -> LookedAfterEpisode {
        func date(_ text: String) throws -> CalendarDate {
            guard let day = CalendarDate(iso: text) else { throw UnknownCodeError(list: "date", code: text) }
            return day
        }
        return LookedAfterEpisode(
            childReference: childReference, startedOn: try date(startedOn),
            reasonForNewEpisode: try decodeCode(ReasonForNewEpisode.self, reasonForNewEpisode, list: "RNE"),
            legalStatus: try decodeCode(LegalStatus.self, legalStatus, list: "LS"),
            categoryOfNeed: try decodeCode(CategoryOfNeed.self, categoryOfNeed, list: "CIN"),
            placement: try decodeCode(PlacementType.self, placementType, list: "placement type"),
            provider: try provider.map { try decodeCode(PlacementProvider.self, $0, list: "PLACE_PROVIDER") },
            endedOn: try endedOn.map(date),
            reasonCeased: try reasonCeased.map { try decodeCode(ReasonEpisodeCeased.self, $0, list: "REC") },
            reasonPlacementChanged: try reasonPlacementChanged.map {
                try decodeCode(PlacementChangeReason.self, $0, list: "placement change reason")
            },
            homePostcode: homePostcode, placementPostcode: placementPostcode, homeReference: homeReference)
    }
}

/// A child of the service found in an authority's return: the reference that links them and
/// the ethnicity the return records (the service's own forms do not ask it).
final class LookedAfterChildRecord: Model, @unchecked Sendable {
    static let schema = "looked_after_children"

    @ID(custom: "child_id", generatedBy: .user) var id: UUID?
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "child_reference") var childReference: String
    @Field(key: "ethnicity") var ethnicity: String
    @Field(key: "imported_at") var importedAt: Date

    init() {}

    init(childID: UUID, authorityCode: String, child: LookedAfterChild, importedAt: Date) {
        id = childID
        localAuthorityCode = authorityCode
        childReference = child.childReference
        ethnicity = child.ethnicity.rawValue
        self.importedAt = importedAt
    }
}
