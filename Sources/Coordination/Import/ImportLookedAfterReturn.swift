import Foundation
import SecurePlaceCore
import Storage

/// What an import of an authority's return did.
public struct LookedAfterImportReport: Hashable, Sendable {
    public var childrenInFile: Int
    public var linkedByReference: Int
    /// Children whose reference the service does not hold, found as the one child of the
    /// authority with the same date of birth and sex.
    public var linkedByBirthAndSex: Int
    /// The return's references for children the service has never been asked about; their
    /// episodes are not kept.
    public var notLinked: [String]
    public var episodesAdded: Int
    public var episodesReplaced: Int
}

/// Loads an authority's SSDA903 return: each child is linked to the service's child by the
/// authority's own reference or, failing that, by date of birth and sex, and the linked
/// children's episodes are saved, all in one transaction. Children the service never knew are
/// left out: the service keeps no record of children it was not asked to place.
public struct ImportLookedAfterReturn: Sendable {
    public let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func callAsFunction(
        _ files: LookedAfterReturnFiles, authorityCode: String, by principal: Principal? = nil, at instant: Date
    ) async throws -> LookedAfterImportReport {
        try await store.transaction { store in
            guard try await store.localAuthorities().contains(where: { $0.code == authorityCode }) else {
                throw UnknownCodeError(list: "local authority", code: authorityCode)
            }
            let known = try await store.childrenWithIdentities(ofAuthority: authorityCode)
            let links = try Self.link(files, to: known)
            let episodes = files.episodes.compactMap { episode in
                links.childIDs[episode.childReference].map { (childID: $0, episode: episode) }
            }
            let linkedChildren = Dictionary(
                uniqueKeysWithValues: files.children.compactMap { child in
                    links.childIDs[child.childReference].map { ($0, child) }
                })
            let saved = try await store.saveLookedAfterReturn(
                authorityCode: authorityCode, children: linkedChildren, episodes: episodes, at: instant)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "looked-after-return.import", objectType: "local-authority",
                    objectID: authorityCode, at: instant))
            return LookedAfterImportReport(
                childrenInFile: files.children.count, linkedByReference: links.byReference,
                linkedByBirthAndSex: links.byBirthAndSex, notLinked: links.notLinked,
                episodesAdded: saved.added, episodesReplaced: saved.replaced)
        }
    }

    private struct Links {
        var childIDs: [String: UUID] = [:]
        var byReference = 0
        var byBirthAndSex = 0
        var notLinked: [String] = []
    }

    /// A reference the service holds must agree with its date of birth and sex: a mismatch is
    /// a mistake in one record or the other, and is refused rather than guessed at.
    private static func link(_ files: LookedAfterReturnFiles, to known: [(Child, ChildIdentity)]) throws(ImportFailure)
        -> Links
    {
        let byReference = Dictionary(
            known.map { ($0.1.localAuthorityReference, $0) }, uniquingKeysWith: { first, _ in first })
        var problems = ImportProblems()
        var links = Links()
        var unmatched: [LookedAfterChild] = []
        for child in files.children {
            guard let (serviceChild, identity) = byReference[child.childReference] else {
                unmatched.append(child)
                continue
            }
            let line = files.headerLineOfChild[child.childReference] ?? 1
            if identity.dateOfBirth != child.dateOfBirth {
                problems.add(
                    ImportError(
                        file: files.headerFile, line: line, column: column("DOB", in: files),
                        problem:
                            "DOB: the service's child \(serviceChild.pseudonym) with reference '\(child.childReference)' has a different date of birth; correct whichever record is wrong"
                    ))
            } else if serviceChild.sex != child.sex {
                problems.add(
                    ImportError(
                        file: files.headerFile, line: line, column: column("SEX", in: files),
                        problem:
                            "SEX: the service's child \(serviceChild.pseudonym) with reference '\(child.childReference)' is recorded as \(serviceChild.sex.name.lowercased())"
                    ))
            } else {
                links.childIDs[child.childReference] = serviceChild.id
                links.byReference += 1
            }
        }
        guard problems.isEmpty else { throw problems.failure() }
        let taken = Set(links.childIDs.values)
        let candidates = Dictionary(
            grouping: known.filter { !taken.contains($0.0.id) }, by: { "\($0.1.dateOfBirth.iso)|\($0.0.sex)" })
        let unmatchedByKey = Dictionary(grouping: unmatched, by: { "\($0.dateOfBirth.iso)|\($0.sex)" })
        for child in unmatched {
            let key = "\(child.dateOfBirth.iso)|\(child.sex)"
            // Only a pairing that is one-to-one on both sides is taken.
            if let matches = candidates[key], matches.count == 1, unmatchedByKey[key]?.count == 1 {
                links.childIDs[child.childReference] = matches[0].0.id
                links.byBirthAndSex += 1
            } else {
                links.notLinked.append(child.childReference)
            }
        }
        return links
    }

    private static func column(_ name: String, in files: LookedAfterReturnFiles) -> Int {
        (files.headerColumns.firstIndex(of: name) ?? 0) + 1
    }
}
