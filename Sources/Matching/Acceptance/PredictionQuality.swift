/// How well predicted probabilities matched what happened: discrimination (AUC), accuracy
/// (Brier score) and calibration by tenth of the predictions.
public struct PredictionQuality: Hashable, Sendable, Codable {
    /// One tenth of the predictions, lowest first.
    public struct Band: Hashable, Sendable, Codable {
        public var count: Int
        public var meanPredicted: Double
        public var observedShare: Double
    }

    public var count: Int
    public var positives: Int
    /// The chance that a random offer was given a higher probability than a random decline
    /// (ties count a half); nil when every answer was the same.
    public var areaUnderCurve: Double?
    /// Mean squared difference between probability and outcome: 0 is perfect, 0.25 a coin.
    public var brierScore: Double
    public var calibration: [Band]
    /// The calibration bands' mean absolute gap between predicted and observed, weighted by
    /// size (the expected calibration error).
    public var expectedCalibrationError: Double

    /// Nil when there is nothing to assess.
    public init?(predictions: [Double], outcomes: [Bool], bands: Int = 10) {
        guard !predictions.isEmpty, predictions.count == outcomes.count, bands > 0 else { return nil }
        count = predictions.count
        positives = outcomes.count { $0 }
        brierScore =
            zip(predictions, outcomes).reduce(0) { sum, pair in
                let error = pair.0 - (pair.1 ? 1 : 0)
                return sum + error * error
            } / Double(count)
        let order = predictions.indices.sorted { (predictions[$0], $0) < (predictions[$1], $1) }
        areaUnderCurve = Self.areaUnderCurve(order: order, predictions: predictions, outcomes: outcomes)
        var calibration: [Band] = []
        let size = Double(count) / Double(bands)
        for band in 0..<bands {
            let start = Int((Double(band) * size).rounded(.down))
            let end = band == bands - 1 ? count : Int((Double(band + 1) * size).rounded(.down))
            guard end > start else { continue }
            let members = order[start..<end]
            calibration.append(
                Band(
                    count: members.count,
                    meanPredicted: members.reduce(0) { $0 + predictions[$1] } / Double(members.count),
                    observedShare: Double(members.count { outcomes[$0] }) / Double(members.count)))
        }
        self.calibration = calibration
        expectedCalibrationError =
            calibration.reduce(0) { $0 + Double($1.count) * abs($1.meanPredicted - $1.observedShare) } / Double(count)
    }

    /// The Mann–Whitney statistic from mid-ranks, so tied predictions count a half.
    static func areaUnderCurve(order: [Int], predictions: [Double], outcomes: [Bool]) -> Double? {
        let positives = outcomes.count { $0 }
        let negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, predictions[order[end + 1]] == predictions[order[start]] { end += 1 }
            let midRank = Double(start + end) / 2 + 1
            for position in start...end where outcomes[order[position]] { rankSum += midRank }
            start = end + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }
}
