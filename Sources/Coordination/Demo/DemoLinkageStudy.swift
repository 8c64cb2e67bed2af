import Foundation
import Linkage
import SecurePlaceCore

/// A synthetic partner extract for the demo's linkage study: most demo children recorded again
/// as another service would (a typo in the surname, day and month swapped, sex not recorded),
/// some carelessly, and some under another surname, which linkage cannot be sure of. Linked against the cohort, it
/// leaves uncertain pairs for the review page to show.
public enum DemoLinkageStudy {
    public static let studyName = "Demo: synthetic justice extract"

    /// Every demo child (id: the pseudonym) linked with the extract. A cautious study links
    /// only pairs it is 99% sure of and has an analyst judge the rest above even odds:
    /// children known by another surname fall there.
    public static func linked(_ dataset: DemoDataset) -> Linker.Result {
        let pseudonyms = Dictionary(uniqueKeysWithValues: dataset.children.map { ($0.id, $0.pseudonym) })
        let cohort = dataset.identities.map { identity in
            LinkageRecord(
                id: pseudonyms[identity.childID] ?? identity.childID.uuidString,
                fields: [
                    "given_name": identity.givenName, "surname": identity.familyName,
                    "date_of_birth": identity.dateOfBirth.iso,
                ])
        }
        var configuration = Linker.Configuration.standard(columns: ["given_name", "surname", "date_of_birth"])
        configuration.linkProbability = 0.99
        return Linker(configuration: configuration).link(cohort, extract(dataset))
    }

    public static func extract(_ dataset: DemoDataset) -> [LinkageRecord] {
        var random = SeededRandomNumberGenerator(seed: dataset.seed &+ 0x11AC)
        let sexes = Dictionary(uniqueKeysWithValues: dataset.children.map { ($0.id, $0.sex) })
        var records: [LinkageRecord] = []
        for (index, identity) in dataset.identities.enumerated() {
            let born = identity.dateOfBirth
            let sex = sexes[identity.childID] == .male ? "M" : "F"
            var given = identity.givenName
            var surname = identity.familyName
            var date = String(format: "%02d/%02d/%04d", born.day, born.month, born.year)
            if random.chance(0.7) {
                if random.chance(0.15) { surname = misspelt(surname) }
                if random.chance(0.1) && born.day <= 12 {
                    date = String(format: "%02d/%02d/%04d", born.month, born.day, born.year)
                }
                given = given.uppercased()
            } else if random.chance(0.2) {
                // Recorded carelessly: a shortened or misspelt first name and a misspelt
                // surname, which linkage still sees through.
                given = random.chance(0.5) ? String(given.prefix(3)) : String(given.dropLast()) + "y"
                surname = misspelt(surname)
            } else if random.chance(0.35) {
                // Known to this service by another surname (a stepfather's, say): only the
                // first name and the date of birth agree, which is what a reviewer must judge.
                surname = dataset.identities.randomElement(using: &random)?.familyName ?? surname
                given = given.uppercased()
            } else {
                continue
            }
            records.append(
                LinkageRecord(
                    id: "J\(100_000 + index)",
                    fields: [
                        "given_name": given, "surname": surname, "date_of_birth": date,
                        "sex": random.chance(0.1) ? "" : sex,
                    ]))
        }
        return records
    }

    private static func misspelt(_ name: String) -> String {
        guard name.count > 3 else { return name + "e" }
        var letters = Array(name)
        letters[letters.count / 2] = letters[letters.count / 2] == "e" ? "a" : "e"
        return String(letters)
    }
}
