import Foundation
import Linkage
import SecurePlaceCore

/// A study's links after clerical review: the run's links, with the pairs analysts judged the
/// same person added and any they judged different people taken out. Pairs not yet decided
/// stay out (they were below the link threshold) and are counted, so that nobody takes the
/// file for final while the queue is still open.
public struct ReviewedLinks: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        public var leftID: String
        public var rightID: String
        public var weight: Double?
        public var probability: Double?
        /// Whether an analyst judged the pair on the review page.
        public var reviewed: Bool

        public init(leftID: String, rightID: String, weight: Double?, probability: Double?, reviewed: Bool = false) {
            self.leftID = leftID
            self.rightID = rightID
            self.weight = weight
            self.probability = probability
            self.reviewed = reviewed
        }
    }

    /// A pair judged the same person whose record is already linked to someone else: left out
    /// for the analyst to settle, as each side holds a person at most once.
    public struct Conflict: Sendable, Hashable {
        public var pair: Link
        public var linkedElsewhere: Link
    }

    /// A reviewed pair and its decision, if any.
    public struct Decision: Sendable, Hashable {
        public var pair: Link
        public var decision: ReviewDecision?

        public init(pair: Link, decision: ReviewDecision?) {
            self.pair = pair
            self.decision = decision
        }
    }

    public var links: [Link]
    public var added: Int
    public var removed: Int
    public var undecided: Int
    public var conflicts: [Conflict]

    public init(run: [Link], decisions: [Decision]) {
        let rejected = Set(
            decisions.filter { $0.decision == .differentPeople }.map { "\($0.pair.leftID)\u{1F}\($0.pair.rightID)" })
        var links = run.filter { !rejected.contains("\($0.leftID)\u{1F}\($0.rightID)") }
        removed = run.count - links.count
        var byLeft = Dictionary(links.map { ($0.leftID, $0) }, uniquingKeysWith: { first, _ in first })
        var byRight = Dictionary(links.map { ($0.rightID, $0) }, uniquingKeysWith: { first, _ in first })
        var conflicts: [Conflict] = []
        var added = 0
        for decided in decisions where decided.decision == .samePerson {
            let pair = decided.pair
            if let other = byLeft[pair.leftID] ?? byRight[pair.rightID] {
                if other.leftID != pair.leftID || other.rightID != pair.rightID {
                    conflicts.append(Conflict(pair: pair, linkedElsewhere: other))
                } else if let index = links.firstIndex(where: { $0.leftID == pair.leftID && $0.rightID == pair.rightID }
                ) {
                    // Already linked by the run: the analyst's judgement is noted all the same.
                    links[index].reviewed = true
                }
                continue
            }
            var link = pair
            link.reviewed = true
            links.append(link)
            byLeft[pair.leftID] = link
            byRight[pair.rightID] = link
            added += 1
        }
        self.links = links
        self.added = added
        self.undecided = decisions.count { $0.decision == nil }
        self.conflicts = conflicts
    }

    /// `left_id,right_id,match_weight,match_probability,clerical_review`: the layout of
    /// `secureplace link` with a column saying which pairs an analyst judged.
    public var csv: String {
        var lines = ["left_id,right_id,match_weight,match_probability,clerical_review"]
        for link in links {
            lines.append(
                [
                    CSVField.escape(link.leftID), CSVField.escape(link.rightID),
                    link.weight.map { String(format: "%.4f", $0) } ?? "",
                    link.probability.map { String(format: "%.6f", $0) } ?? "",
                    link.reviewed ? ReviewDecision.samePerson.rawValue : "",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension LinkageFiles {
    /// The pairs of a links file written by `secureplace link`, with their weights and
    /// probabilities when the file has them; a number that cannot be read is refused with
    /// file, line and column.
    public static func linkedPairs(file: String, text: String) throws(ImportError) -> [ReviewedLinks.Link] {
        let table = try CSVTable(file: file, text: text, requiredColumns: ["left_id", "right_id"])
        let left = table.header.firstIndex(of: "left_id")!
        let right = table.header.firstIndex(of: "right_id")!
        let weight = table.header.firstIndex(of: "match_weight")
        let probability = table.header.firstIndex(of: "match_probability")
        var pairs: [ReviewedLinks.Link] = []
        for row in table.rows {
            func number(_ column: Int?) throws(ImportError) -> Double? {
                guard let column else { return nil }
                let text = row[column].text.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { return nil }
                guard let value = Double(text), value.isFinite else {
                    throw ImportError(
                        file: file, line: row[column].line, column: column + 1, problem: "'\(text)' is not a number")
                }
                return value
            }
            pairs.append(
                ReviewedLinks.Link(
                    leftID: row[left].text, rightID: row[right].text, weight: try number(weight),
                    probability: try number(probability)))
        }
        return pairs
    }
}
