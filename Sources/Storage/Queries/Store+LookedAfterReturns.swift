import FluentKit
import Foundation
import SecurePlaceCore

extension Store {
    /// The children an authority is responsible for, with their identifiable part: what an
    /// authority's own return is linked against.
    public func childrenWithIdentities(ofAuthority code: String) async throws -> [(Child, ChildIdentity)] {
        let children = try await ChildRecord.query(on: database).filter(\.$localAuthorityCode == code).all()
            .map { try $0.value() }
        guard !children.isEmpty else { return [] }
        let identities = try await ChildIdentityRecord.query(on: database).filter(\.$id ~~ children.map(\.id)).all()
            .map { try $0.value() }
        let byChild = Dictionary(uniqueKeysWithValues: identities.map { ($0.childID, $0) })
        return children.compactMap { child in byChild[child.id].map { (child, $0) } }
    }

    /// Saves the linked part of an authority's return. An episode replaces one already held for
    /// the same child starting the same day, so loading a file again changes nothing. Returns
    /// how many episodes were new and how many replaced.
    @discardableResult
    public func saveLookedAfterReturn(
        authorityCode: String, children: [UUID: LookedAfterChild],
        episodes: [(childID: UUID, episode: LookedAfterEpisode)],
        at instant: Date
    ) async throws -> (added: Int, replaced: Int) {
        let childIDs = Array(children.keys)
        guard !childIDs.isEmpty else { return (0, 0) }
        try await LookedAfterChildRecord.query(on: database).filter(\.$id ~~ childIDs).delete()
        try await insert(
            children.map {
                LookedAfterChildRecord(
                    childID: $0.key, authorityCode: authorityCode, child: $0.value, importedAt: instant)
            })
        let incoming = Set(episodes.map { "\($0.childID)|\($0.episode.startedOn.iso)" })
        let held = try await LookedAfterEpisodeRecord.query(on: database).filter(\.$childID ~~ childIDs).all()
        let replaced = try held.filter { incoming.contains("\($0.childID)|\($0.startedOn)") }.map { try $0.requireID() }
        for chunk in stride(from: 0, to: replaced.count, by: 400) {
            let ids = Array(replaced[chunk..<min(chunk + 400, replaced.count)])
            try await LookedAfterEpisodeRecord.query(on: database).filter(\.$id ~~ ids).delete()
        }
        try await insert(
            episodes.map {
                LookedAfterEpisodeRecord(
                    childID: $0.childID, authorityCode: authorityCode, episode: $0.episode, importedAt: instant)
            })
        return (episodes.count - replaced.count, replaced.count)
    }

    /// Every imported episode, by the service's child it belongs to, in order of start.
    public func lookedAfterEpisodesByChild() async throws -> [UUID: [LookedAfterEpisode]] {
        let records = try await LookedAfterEpisodeRecord.query(on: database).all()
        var byChild: [UUID: [LookedAfterEpisode]] = [:]
        for record in records { byChild[record.childID, default: []].append(try record.value()) }
        return byChild.mapValues { $0.sorted { $0.startedOn < $1.startedOn } }
    }

    /// The children an imported return holds episodes for: they are followed through it.
    public func childrenWithReturnEpisodes() async throws -> Set<UUID> {
        let records = try await LookedAfterEpisodeRecord.query(on: database).field(\.$childID).unique().all()
        return Set(records.map(\.childID))
    }

    /// The ethnicity recorded for each child by an authority's return.
    public func ethnicityByChild() async throws -> [UUID: Ethnicity] {
        var result: [UUID: Ethnicity] = [:]
        for record in try await LookedAfterChildRecord.query(on: database).all() {
            result[try record.requireID()] = try decodeCode(Ethnicity.self, record.ethnicity, list: "ethnicity")
        }
        return result
    }
}
