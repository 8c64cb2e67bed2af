import Coordination
import Foundation
import Linkage
import SecurePlaceCore
import Storage
import TestSupport
import Testing

@Suite("Applying clerical review decisions to a run's links")
struct ReviewedLinksTests {
    static func link(_ left: String, _ right: String, probability: Double = 0.99) -> ReviewedLinks.Link {
        ReviewedLinks.Link(leftID: left, rightID: right, weight: 20, probability: probability)
    }

    static func decided(_ left: String, _ right: String, _ decision: ReviewDecision?) -> ReviewedLinks.Decision {
        ReviewedLinks.Decision(pair: link(left, right, probability: 0.7), decision: decision)
    }

    @Test("same-person pairs are added, different-people pairs taken out, conflicts and open pairs reported")
    func applyDecisions() throws {
        let reviewed = ReviewedLinks(
            run: [Self.link("C-1", "J1"), Self.link("C-2", "J2"), Self.link("C-3", "J3")],
            decisions: [
                Self.decided("C-2", "J2", .differentPeople), Self.decided("C-4", "J4", .samePerson),
                Self.decided("C-5", "J1", .samePerson), Self.decided("C-6", "J6", nil),
                Self.decided("C-7", "J7", .differentPeople), Self.decided("C-3", "J3", .samePerson),
            ])
        #expect(reviewed.links.map { "\($0.leftID)-\($0.rightID)" } == ["C-1-J1", "C-3-J3", "C-4-J4"])
        #expect(reviewed.links.map(\.reviewed) == [false, true, true])
        #expect(reviewed.added == 1)
        #expect(reviewed.removed == 1)
        #expect(reviewed.undecided == 1)
        #expect(reviewed.conflicts.map { "\($0.pair.leftID)>\($0.linkedElsewhere.leftID)" } == ["C-5>C-1"])
        let lines = reviewed.csv.split(separator: "\n")
        #expect(lines.first == "left_id,right_id,match_weight,match_probability,clerical_review")
        #expect(lines.last == "C-4,J4,20.0000,0.700000,same-person")
        // The outcome tables read the result as they read any links file.
        #expect(
            try LinkageFiles.links(file: "final.csv", text: reviewed.csv) == ["J1": "C-1", "J3": "C-3", "J4": "C-4"])
    }

    @Test("a links file with a weight that is not a number is refused with line and column")
    func badLinksFile() {
        let text = "left_id,right_id,match_weight,match_probability\nC-1,J1,21.5,0.99\nC-2,J2,heavy,0.98\n"
        #expect(throws: ImportError(file: "linked.csv", line: 3, column: 3, problem: "'heavy' is not a number")) {
            try LinkageFiles.linkedPairs(file: "linked.csv", text: text)
        }
    }

    @Test(
        "the demo study's decisions, made by an analyst, change the final links, and applying them is audited",
        arguments: TestDatabase.all)
    func demoStudy(database: TestDatabase) async throws {
        let dataset = try DemoDataGenerator(
            seed: 3, months: 12, end: Date(timeIntervalSince1970: 1_790_000_000),
            localAuthorities: ReferenceData.bundled().localAuthorities
        ).generate()
        let result = DemoLinkageStudy.linked(dataset)
        let run = result.links.map {
            ReviewedLinks.Link(
                leftID: result.left[Int($0.left)].id, rightID: result.right[Int($0.right)].id, weight: $0.weight,
                probability: $0.probability)
        }
        try await withTestStore(database) { store in
            let reviews = LinkageReviews(store: store, now: { Date(timeIntervalSince1970: 1_790_000_000) })
            let queued = try await reviews.queue(result, study: "Study")
            #expect(queued >= 3, "the demo study leaves pairs to review")
            let analyst = Principal(
                userID: UUID(), role: .analyst,
                organisation: Organisation(id: UUID(), kind: .service, name: "Analysis", reference: "analysis"))
            let waiting = try await reviews.list(study: "Study", decided: false, page: 1, by: analyst).pairs
            _ = try await reviews.decide(waiting[0].id, .samePerson, by: analyst)
            _ = try await reviews.decide(waiting[1].id, .differentPeople, by: analyst)

            let reviewed = try #require(try await reviews.reviewedLinks(study: "Study", run: run))
            let same = waiting[0].item
            let different = waiting[1].item
            #expect(reviewed.links.count == run.count + 1)
            #expect(reviewed.links.contains { $0.leftID == same.leftID && $0.rightID == same.rightID && $0.reviewed })
            #expect(!reviewed.links.contains { $0.leftID == different.leftID && $0.rightID == different.rightID })
            #expect(reviewed.undecided == queued - 2)
            #expect(try await store.auditEvents().contains { $0.entry.action == "linkage-review.apply" })
            #expect(try await reviews.reviewedLinks(study: "Another study", run: run) == nil)
        }
    }
}
