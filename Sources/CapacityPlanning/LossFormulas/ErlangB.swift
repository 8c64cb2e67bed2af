/// The Erlang loss formula: the share of children turned away when `beds` beds face an
/// offered load of `load` bed-occupancies (arrival rate × mean stay) and nobody waits.
///
/// The answer does not depend on the shape of the stay distribution, only on its mean
/// (insensitivity), which is why a ratio of referrals to beds can be turned into a model.
public enum ErlangB {
    /// Blocking probability by the recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which never
    /// forms factorials or powers and so stays exact for thousands of beds and loads far
    /// above the number of beds.
    public static func blockingProbability(beds: Int, load: Double) throws(LossFormulaError) -> Double {
        guard beds >= 0 else { throw .negativeBeds(beds) }
        guard load.isFinite, load >= 0 else { throw .invalidLoad(load) }
        var blocking = 1.0
        for bed in stride(from: 1, through: beds, by: 1) {
            let carried = load * blocking
            blocking = carried / (Double(bed) + carried)
        }
        return blocking
    }

    /// The fewest beds whose blocking probability is at most `targetBlocking`.
    public static func fewestBeds(
        forBlocking targetBlocking: Double, load: Double, limit: Int = 1_000_000
    ) throws(LossFormulaError) -> Int {
        guard targetBlocking > 0, targetBlocking < 1 else { throw .invalidTargetBlocking(targetBlocking) }
        guard load.isFinite, load >= 0 else { throw .invalidLoad(load) }
        var blocking = 1.0
        var beds = 0
        while blocking > targetBlocking {
            guard beds < limit else { throw .tooManyBedsNeeded(limit: limit) }
            beds += 1
            let carried = load * blocking
            blocking = carried / (Double(beds) + carried)
        }
        return beds
    }
}
