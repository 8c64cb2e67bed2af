import Foundation
import Testing

@testable import Linkage

@Suite("Privacy-preserving encodings")
struct EncodingTests {
    let encoder = BloomFilterEncoder(key: Data("shared secret of the partners".utf8))

    @Test func bigramsArePadded() {
        #expect(BloomFilterEncoder.bigrams(of: "ann") == [" a", "an", "nn", "n "])
    }

    @Test func theSameKeyGivesTheSameFilterAndAnotherKeyAnother() {
        let again = BloomFilterEncoder(key: Data("shared secret of the partners".utf8))
        let other = BloomFilterEncoder(key: Data("a different key".utf8))
        #expect(encoder.encode("smith", field: "surname") == again.encode("smith", field: "surname"))
        #expect(encoder.encode("smith", field: "surname").dice(other.encode("smith", field: "surname")) < 0.3)
        // The field's name is mixed in: the same value in another field sets other bits.
        #expect(encoder.encode("smith", field: "surname").dice(encoder.encode("smith", field: "given_name")) < 0.3)
    }

    @Test func diceFollowsHowAlikeTheValuesAre() {
        let smith = encoder.encode("smith", field: "surname")
        #expect(smith.dice(smith) == 1)
        #expect(smith.dice(encoder.encode("smyth", field: "surname")) > 0.5)
        #expect(smith.dice(encoder.encode("okonkwo", field: "surname")) < 0.2)
    }

    @Test func filtersSurviveTheirFileForm() throws {
        let filter = encoder.encode("2011-03-27", field: "date_of_birth")
        let read = try #require(BloomFilter(base64: filter.base64, bitCount: filter.bitCount))
        #expect(read == filter)
        #expect(BloomFilter(base64: "not base64", bitCount: 1_024) == nil)
    }

    /// Both partners encode their own file; linkage sees only the encodings.
    @Test func encodedFilesLinkAlmostAsWellAsPlainOnes() {
        let (left, right, truth) = LinkerTests.files(people: 1_000, seed: 23)
        let fields = ["given_name", "surname", "date_of_birth", "sex", "postcode"].map {
            LinkageField(name: $0, kind: $0 == "date_of_birth" ? .date : $0 == "postcode" ? .postcode : .name)
        }
        func encoded(_ records: [LinkageRecord]) -> [LinkageRecord] {
            records.map { record in
                LinkageRecord(
                    id: record.id, fields: encoder.encode(record, fields: fields).mapValues(\.base64))
            }
        }
        let encodedLeft = encoded(left)
        #expect(!encodedLeft[0].fields.values.contains { $0.lowercased().contains("smith") })
        let configuration = Linker.Configuration.encoded(columns: Set(fields.map(\.name)))
        let result = Linker(configuration: configuration).link(encodedLeft, encoded(right))
        let linked = Set(result.links.map { "\(result.left[Int($0.left)].id)|\(result.right[Int($0.right)].id)" })
        let truePositives = Double(linked.intersection(truth).count)
        #expect(truePositives / Double(max(linked.count, 1)) > 0.95, "precision")
        #expect(truePositives / Double(truth.count) > 0.9, "recall")
    }
}
