import Foundation

/// One home a referral went to, and how it answered.
public struct HomeApproach: Hashable, Sendable, Codable {
    public enum Answer: Hashable, Sendable, Codable {
        case offered
        case declined(Set<DeclineReason>)
        /// Circulated and never answered; a home that let its deadline pass was approached all
        /// the same, and counts as declining with "no answer by the deadline".
        case notAnswered(respondBy: Date)
    }

    public var homeID: UUID
    public var answer: Answer

    public init(homeID: UUID, answer: Answer) {
        self.homeID = homeID
        self.answer = answer
    }
}
