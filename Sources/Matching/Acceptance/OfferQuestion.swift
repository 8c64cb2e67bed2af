import Foundation
import SecurePlaceCore

/// One home asked about one child, as the home saw it on the day: what the acceptance model
/// learns from (with the answer) and what it is asked about (without). No name, no date of
/// birth.
public struct OfferQuestion: Hashable, Sendable {
    public var homeID: UUID
    public var sex: Sex
    public var age: Int
    public var flags: Set<NeedFlag>
    public var urgency: Urgency
    public var distanceKilometres: Double
    /// The share of the home's welfare beds occupied or reserved on the day, 0 to 1.
    public var bedsInUse: Double
    /// The children living in the home on the day.
    public var residents: [HomeRanking.Resident]
    /// The share of the child's needs the home specialises in, 0 to 1 (1 when none recorded).
    public var needsMet: Double

    public init(
        homeID: UUID, sex: Sex, age: Int, flags: Set<NeedFlag>, urgency: Urgency, distanceKilometres: Double,
        bedsInUse: Double, residents: [HomeRanking.Resident], needsMet: Double
    ) {
        self.homeID = homeID
        self.sex = sex
        self.age = age
        self.flags = flags
        self.urgency = urgency
        self.distanceKilometres = distanceKilometres
        self.bedsInUse = bedsInUse
        self.residents = residents
        self.needsMet = needsMet
    }

    /// The question from its facts: the distance from the child's home authority's centroid
    /// to the home, the share of welfare beds in use (all, when the home has none) and the
    /// share of the child's needs among the home's specialisms (all, when none recorded).
    public init(
        home: SecureHome, sex: Sex, age: Int, flags: Set<NeedFlag>, urgency: Urgency, homeArea: Coordinate,
        welfareBeds: Int, welfareBedsInUse: Int, residents: [HomeRanking.Resident]
    ) {
        self.init(
            homeID: home.id, sex: sex, age: age, flags: flags, urgency: urgency,
            distanceKilometres: homeArea.kilometres(to: home.location),
            bedsInUse: welfareBeds == 0 ? 1 : Double(welfareBedsInUse) / Double(welfareBeds), residents: residents,
            needsMet: flags.isEmpty ? 1 : Double(flags.intersection(home.specialisms).count) / Double(flags.count))
    }

    /// The child the national study found most often refused: a boy of 15 or over with an
    /// offending, gang or harmful-sexual-behaviour flag.
    public var isOlderBoyWithRefusalFlags: Bool {
        sex == .male && age >= 15 && !flags.isDisjoint(with: NeedFlag.associatedWithRefusal)
    }
}

/// A question with the home's answer and when it was given, for fitting and for the
/// time-ordered hold-out.
public struct AnsweredQuestion: Hashable, Sendable {
    public var question: OfferQuestion
    public var offered: Bool
    public var answeredAt: Date

    public init(question: OfferQuestion, offered: Bool, answeredAt: Date) {
        self.question = question
        self.offered = offered
        self.answeredAt = answeredAt
    }
}
