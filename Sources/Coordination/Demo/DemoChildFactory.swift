import Foundation
import SecurePlaceCore

/// Draws a referred child's facts and identity in the proportions the national study found:
/// mostly 14 to 16, boys and girls about equally, girls far more often sexually exploited,
/// boys more often with offending, gang or criminal-exploitation flags.
struct DemoChildFactory {
    private static let ageWeights: [(Int, Double)] = [
        (11, 0.03), (12, 0.06), (13, 0.12), (14, 0.22), (15, 0.27), (16, 0.24), (17, 0.06),
    ]

    /// Probability of each flag for a girl and for a boy.
    private static let flagProbabilities: [(NeedFlag, female: Double, male: Double)] = [
        (.sexualExploitation, 0.85, 0.30), (.criminalExploitation, 0.25, 0.45), (.gangAssociation, 0.10, 0.35),
        (.offendingHistory, 0.25, 0.50), (.harmfulSexualBehaviour, 0.04, 0.15), (.violenceToOthers, 0.30, 0.45),
        (.selfHarm, 0.60, 0.35), (.suicidalIdeation, 0.35, 0.20), (.absconding, 0.80, 0.70),
        (.substanceMisuse, 0.40, 0.45), (.mentalHealthNeed, 0.45, 0.35), (.learningDisability, 0.10, 0.12),
        (.autism, 0.08, 0.15), (.physicalHealthNeed, 0.05, 0.05), (.trafficking, 0.10, 0.08),
    ]

    private static let girlsNames = [
        "Amelia", "Chloe", "Ellie", "Grace", "Jade", "Kayla", "Leah", "Maisie", "Nia", "Ruby", "Skye", "Tia",
    ]
    private static let boysNames = [
        "Callum", "Connor", "Dylan", "Ethan", "Jayden", "Kai", "Liam", "Mason", "Reece", "Riley", "Tyler", "Zac",
    ]
    private static let familyNames = [
        "Adams", "Begum", "Clarke", "Davies", "Evans", "Hughes", "Jones", "Khan", "Lewis", "Morgan", "Patel",
        "Roberts", "Smith", "Taylor", "Walker", "Williams", "Wilson", "Wright",
    ]

    private var usedPseudonyms: Set<String> = []

    mutating func makeChild(
        in authority: LocalAuthority, referredOn day: CalendarDate, using generator: inout some RandomNumberGenerator
    ) -> (child: Child, identity: ChildIdentity, age: Int) {
        let sex: Sex = generator.chance(0.5) ? .female : .male
        let age = generator.choose(weighted: Self.ageWeights)
        var flags: Set<NeedFlag> = []
        for (flag, female, male) in Self.flagProbabilities where generator.chance(sex == .female ? female : male) {
            flags.insert(flag)
        }
        var pseudonym: String
        repeat {
            pseudonym = "C-" + String(generator.next() & 0xFF_FFFF, radix: 16, uppercase: true).leftPadded(to: 6)
        } while !usedPseudonyms.insert(pseudonym).inserted
        let id = UUID(using: &generator)
        let child = Child(id: id, pseudonym: pseudonym, sex: sex, localAuthorityCode: authority.code, flags: flags)
        let givenNames = sex == .female ? Self.girlsNames : Self.boysNames
        let birth = day.adding(days: -(age * 365 + age / 4) - Int.random(in: 1...364, using: &generator))
        let identity = ChildIdentity(
            childID: id, givenName: givenNames.randomElement(using: &generator)!,
            familyName: Self.familyNames.randomElement(using: &generator)!, dateOfBirth: birth,
            localAuthorityReference: "LA-\(Int.random(in: 10000...99999, using: &generator))")
        return (child, identity, identity.age(on: day))
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
