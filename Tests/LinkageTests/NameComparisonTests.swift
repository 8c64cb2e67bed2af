import Foundation
import Testing

@testable import Linkage

@Suite("Names as people write them")
struct NameComparisonTests {
    let givenName = NameComparison(swappedWith: "surname")
    let names = NameNormaliser(variants: [:])

    func level(_ left: String, _ right: String, partners: (String, String)? = nil) -> String {
        let comparison = givenName
        let level = comparison.level(
            names.normalise(left)!, names.normalise(right)!,
            partners: (partners.flatMap { names.normalise($0.0) }, partners.flatMap { names.normalise($0.1) }))
        return Comparison.name(comparison).levelNames[level]
    }

    @Test func eachWayNamesDifferHasItsOwnLevel() {
        #expect(level("Olivia", "OLIVIA") == "same")
        #expect(level("Olivia", "Khan", partners: ("Khan", "Olivia")) == "given and family names swapped")
        #expect(level("William", "Bill") == "a known short form")
        #expect(level("Peggy", "Margaret") == "a known short form", "either way round")
        #expect(level("Martha", "Marhta") == "similar (Jaro–Winkler ≥ 0.92)")
        #expect(level("Mary-Ann", "Ann") == "one part the same")
        #expect(level("Dwayne", "Duane") == "similar (Jaro–Winkler ≥ 0.8)")
        #expect(level("J.", "James") == "initial only")
        #expect(level("Olivia", "Grace") == "different")
    }

    @Test func aSwapNeedsBothNamesCrossed() {
        #expect(level("Olivia", "Khan", partners: ("Patel", "Olivia")) == "different")
        #expect(
            level("Olivia", "Khan", partners: ("Kahn", "Olivia")) == "given and family names swapped",
            "a slip in a swapped name is still a swap")
        #expect(level("Olivia", "Khan") == "different", "no partner values, no swap")
    }

    @Test func twoNicknamesOfOneNameAreNotKnownFormsOfEachOther() {
        let forms = KnownNameForms.standard
        #expect(forms.count > 2_000)
        #expect(forms.areForms("william", "bill") && forms.areForms("bill", "william"))
        #expect(!forms.areForms("bill", "liam"))
        #expect(forms.areForms("bill james", "william"), "the first word of a double given name")
        #expect(!forms.areForms("william", "william"))
    }

    @Test func doubleNamesShareAPartOnlyWhenAWholePartAgrees() {
        #expect(NameComparison.shareAPart("smith jones", "jones"))
        #expect(NameComparison.shareAPart("ahmed khan", "khan ali"))
        #expect(!NameComparison.shareAPart("smith", "smyth"))
        #expect(!NameComparison.shareAPart("smith jones", "smithson"))
    }

    @Test func aConfigurationFileNeedNameOnlyWhatDiffersFromTheDefaults() throws {
        let json = #"{"name": "given_name", "kind": "name", "comparison": {"name": {"swappedWith": "surname"}}}"#
        let field = try JSONDecoder().decode(LinkageField.self, from: Data(json.utf8))
        #expect(field.comparison == .name(NameComparison(swappedWith: "surname")))
        let again = try JSONDecoder().decode(LinkageField.self, from: JSONEncoder().encode(field))
        #expect(again == field)
    }

    /// The same people, their names recorded another way in a tenth of the second file each:
    /// written family name first, a short form, a double-barrelled family name, an initial.
    /// Each way gets its own m and u from the files, and the pairs are linked.
    @Test func peopleAreLinkedWhateverWayTheirNamesWereWritten() {
        let (left, right, truth) = LinkerTests.files(people: 3_000, seed: 21)
        let shortForms = [("Elizabeth", "Liz"), ("William", "Bill"), ("Margaret", "Peggy"), ("Thomas", "Tom")]
        var changed = left
        var written = right
        var ways: [String: String] = [:]
        for (index, record) in written.enumerated() {
            let person = Int(record.id.dropFirst())!
            var fields = record.fields
            switch person % 10 {
            case 0:
                (fields["given_name"], fields["surname"]) = (fields["surname"], fields["given_name"])
                ways[record.id] = "swapped"
            case 1:
                let (full, short) = shortForms[person % shortForms.count]
                changed[person].fields["given_name"] = full
                fields["given_name"] = short
                ways[record.id] = "short form"
            case 2:
                fields["surname"] = left[person].fields["surname"]! + "-" + "Okonkwo"
                ways[record.id] = "double"
            case 3:
                fields["given_name"] = String(left[person].fields["given_name"]!.prefix(1)) + "."
                ways[record.id] = "initial"
            default: break
            }
            written[index].fields = fields
        }
        let configuration = Linker.Configuration.standard(
            columns: ["given_name", "surname", "date_of_birth", "sex", "postcode"])
        let result = Linker(configuration: configuration).link(changed, written)
        let linked = Set(result.links.map { "\(result.left[Int($0.left)].id)|\(result.right[Int($0.right)].id)" })
        #expect(Double(linked.intersection(truth).count) / Double(linked.count) > 0.97, "precision")
        func recall(_ way: String?) -> Double {
            let pairs = truth.filter { ways[String($0.split(separator: "|")[1])] == way }
            return Double(pairs.intersection(linked).count) / Double(pairs.count)
        }
        // Written as they were, with the files' other slips (a typo in a family name, a move,
        // day and month swapped, sex missing), nearly all are linked: each other way of
        // writing a name should cost little more than that.
        let asWritten = recall(nil)
        #expect(asWritten > 0.95)
        for way in ["swapped", "short form", "double", "initial"] {
            #expect(recall(way) > asWritten - 0.08, "\(way): \(recall(way)) linked against \(asWritten)")
        }
        let model = result.model
        let given = model.fields.firstIndex { $0.name == "given_name" }!
        let surname = model.fields.firstIndex { $0.name == "surname" }!
        let levels = model.fields[given].comparison.levelNames
        for name in ["given and family names swapped", "a known short form", "initial only"] {
            let level = levels.firstIndex(of: name)!
            #expect(model.m[given][level] > 10 * model.u[given][level], "\(name) is evidence for a match")
        }
        let onePart = model.fields[surname].comparison.levelNames.firstIndex(of: "one part the same")!
        #expect(model.m[surname][onePart] > 10 * model.u[surname][onePart])
    }
}
