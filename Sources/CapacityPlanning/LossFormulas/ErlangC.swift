/// The Erlang delay formula, for when children may wait (in an unlimited queue) for a bed
/// instead of being turned away.
public enum ErlangC {
    /// The probability that a child has to wait at all. It is 1 when the load reaches the
    /// number of beds, because the queue then grows without bound.
    public static func probabilityOfWaiting(beds: Int, load: Double) throws(LossFormulaError) -> Double {
        let blocking = try ErlangB.blockingProbability(beds: beds, load: load)
        let servers = Double(beds)
        guard load < servers else { return 1 }
        return servers * blocking / (servers - load * (1 - blocking))
    }

    /// The mean wait, in units of the mean stay; infinite when the load reaches the beds.
    public static func meanWait(beds: Int, load: Double) throws(LossFormulaError) -> Double {
        let waiting = try probabilityOfWaiting(beds: beds, load: load)
        let servers = Double(beds)
        guard load < servers else { return .infinity }
        return waiting / (servers - load)
    }
}
