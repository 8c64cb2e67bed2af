import Foundation

/// An uncertain pair as the clerical review page shows it: each field side by side, how the
/// comparison judged it and what it added to the match weight.
///
/// Reviewers are analysts, who never see names (PRODUCT.md): values are shown masked, with
/// enough left (an initial and the length of a name, month and year of a date, a postcode's
/// sector) to judge the comparison's verdict, and encodings not at all.
public struct ReviewItem: Hashable, Sendable, Codable {
    public struct FieldEvidence: Hashable, Sendable, Codable {
        public var field: String
        public var left: String
        public var right: String
        /// The comparison level's name, or "missing" where either side has no value.
        public var agreement: String
        /// log2(m/u) for the level (nil when missing: it adds nothing).
        public var contribution: Double?
    }

    public var leftID: String
    public var rightID: String
    /// The weight before any field: log2 of the prior odds of a match among candidate pairs.
    public var priorWeight: Double
    public var weight: Double
    public var probability: Double
    public var linkWeight: Double
    public var reviewWeight: Double
    public var fields: [FieldEvidence]

    public init(_ pair: ScoredPair, of result: Linker.Result) {
        let left = result.left[Int(pair.left)]
        let right = result.right[Int(pair.right)]
        let model = result.model
        let pattern = ArraySlice(FieldComparer(fields: model.fields).levels(left.values, right.values))
        let contributions = result.termFrequencies.contributions(pattern, value: { left.values[$0] }, model: model)
        leftID = left.id
        rightID = right.id
        priorWeight = Self.log2Odds(model.matchProportion)
        weight = pair.weight
        probability = pair.probability
        linkWeight = result.thresholds.link
        reviewWeight = result.thresholds.review
        fields = model.fields.indices.map { index in
            let field = model.fields[index]
            return FieldEvidence(
                field: field.name, left: Self.masked(left.values[index], kind: field.kind),
                right: Self.masked(right.values[index], kind: field.kind),
                agreement: pattern[index] < 0 ? "missing" : field.comparison.levelNames[Int(pattern[index])],
                contribution: contributions[index])
        }
    }

    static func log2Odds(_ probability: Double) -> Double {
        log2(probability / (1 - probability))
    }

    /// A value as a reviewer without access to names sees it.
    public static func masked(_ value: FieldValue?, kind: LinkageField.Kind) -> String {
        guard let value else { return "—" }
        switch value {
        case .text(let text) where kind == .sex: return text
        case .text(let text) where kind == .text: return "(\(text.count) characters)"
        case .text(let text) where text.count <= 1: return text.uppercased()
        case .text(let text):
            return text.prefix(1).uppercased() + String(repeating: "•", count: text.count - 1)
        case .date(let date): return "••/" + String(format: "%02d/%04d", date.month, date.year)
        case .postcode(let code): return code.sector + "••"
        case .bloom: return "(encoded)"
        }
    }
}

/// An analyst's verdict on a pair.
public enum ReviewDecision: String, Hashable, Sendable, Codable, CaseIterable {
    case samePerson = "same-person"
    case differentPeople = "different-people"

    public var name: String {
        switch self {
        case .samePerson: "Same person"
        case .differentPeople: "Different people"
        }
    }
}
