import Coordination
import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore
import TestSupport
import Testing

@testable import Storage

@Suite("SSDA903 placement change reasons")
struct PlacementChangeReasonMigrationTests {
    @Test("the code list is the return's: CHILD when the child asks, and no custody code")
    func codes() {
        #expect(PlacementChangeReason(rawValue: "CHILD") == .childRequestsEnd)
        #expect(PlacementChangeReason(rawValue: "CHRQ") == nil)
        #expect(PlacementChangeReason(rawValue: "CUSTOD") == nil)
        #expect(
            Set(PlacementChangeReason.allCases.map(\.code))
                == ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER"])
    }

    @Test(
        "reasons stored with the old codes are corrected by the migration and read again", arguments: TestDatabase.all)
    func storedReasonsAreCorrected(database: TestDatabase) async throws {
        let dataset = try DemoDataTests.generate(seed: 4, months: 6)
        try await withTestStore(database) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            try await LoadDemoData(store: store)(dataset)
            let sql = store.database as! any SQLDatabase
            let ended = try #require(dataset.placements.first { $0.dischargedAt != nil })
            let episode = try #require(dataset.episodes.first { $0.endedOn != nil })
            try await sql.update("placements").set("end_reason", to: "CHRQ").where("id", .equal, ended.id).run()
            try await sql.update("placement_episodes").set("end_reason", to: "CUSTOD").where("id", .equal, episode.id)
                .run()

            try await CorrectPlacementChangeReasons().prepare(on: store.database)

            #expect(try await store.placements().first { $0.id == ended.id }?.endReason == .childRequestsEnd)
            let episodes = try await store.placementEpisodes()
            #expect(episodes.first { $0.id == episode.id }?.endReason == .other)
        }
    }
}
