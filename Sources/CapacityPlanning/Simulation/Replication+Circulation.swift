/// Ranked waves and allocation rounds: the two ways of circulating a referral that the
/// comparison measures against broadcast.
extension Replication {
    // MARK: Ranked waves

    mutating func circulateInWaves(
        _ child: inout WaitingChild, _ waves: CirculationPolicy.RankedWaves, at time: Double
    ) {
        if sendWave(child, homes: waves.homesPerWave, at: time) { return }
        guard maximumWaitDays > 0 else { return }
        for home in waveScratch { declined.add(home, to: &child.declinedHead) }
        enqueue(&child, at: time)
        if waves.daysPerWave < maximumWaitDays {
            events.schedule(.waveEnds, subject: child.id, at: time + waves.daysPerWave)
        }
    }

    mutating func sendNextWave(child id: Int, at time: Double) {
        guard case .rankedWaves(let waves) = circulation,
            let position = waitingPosition(of: id)
        else { return }
        let child = waitingQueue[position]
        if sendWave(child, homes: waves.homesPerWave, at: time) {
            waitingQueue.remove(at: position)
            declined.release(child.declinedHead)
            return
        }
        for home in waveScratch { declined.add(home, to: &waitingQueue[position].declinedHead) }
        if time + waves.daysPerWave < child.arrival + maximumWaitDays {
            events.schedule(.waveEnds, subject: id, at: time + waves.daysPerWave)
        }
    }

    /// Asks the next `homes` best-ranked homes with a suitable vacancy that have not declined
    /// the child; places the child with the best-ranked that offers. Returns whether it did;
    /// when not, `waveScratch` holds the homes that declined.
    private mutating func sendWave(_ child: WaitingChild, homes size: Int, at time: Double) -> Bool {
        let declinedHead = child.declinedHead
        let declined = declined
        let key = child.origin * profileCount + child.profile
        var sent = 0
        waveScratch.removeAll(keepingCapacity: true)
        // Homes are scanned past the full ones, several per wave in a busy system: the ranked
        // list and the free beds are read through buffers so the loop does no reference counting.
        let found: (home: Int, bedClass: Int, kilometres: Float)? = compiled.rankedHomes.withUnsafeBufferPointer {
            ranked in
            vacancies.withUnsafeBufferPointer { vacancies in
                let ownClass = child.route == .welfare ? Self.welfareClass : Self.justiceClass
                let wanted = Self.classesTaking(ownClass)
                var position = compiled.rankedStart[key]
                let end = compiled.rankedEnd[key]
                while position < end, sent < size {
                    let entry = ranked[position]
                    let home = Int(entry.home)
                    position += 1
                    let flags = vacancies[home]
                    guard flags & wanted != 0 else { continue }
                    let bedClass = flags & 1 << ownClass != 0 ? ownClass : Self.flexibleClass
                    if declinedHead >= 0, declined.contains(home, from: declinedHead) { continue }
                    sent += 1
                    if wouldOffer(home: home, child: child) { return (home, bedClass, entry.kilometres) }
                    waveScratch.append(home)
                }
                return nil
            }
        }
        guard let found else { return false }
        place(child, home: found.home, bedClass: found.bedClass, kilometres: found.kilometres, at: time)
        return true
    }

    // MARK: Allocation rounds

    mutating func waitForAllocation(_ child: inout WaitingChild, at time: Double) {
        guard maximumWaitDays > 0 else {
            // A child who may not wait has a round of their own at once (as the last on the
            // list, under an id no waiting child has).
            child.id = Int.max >> 2
            waitingQueue.append(child)
            allocate(at: time)
            if let last = waitingQueue.popLast() { declined.release(last.declinedHead) }
            return
        }
        enqueue(&child, at: time)
    }

    mutating func runAllocationRound(at time: Double) {
        guard case .allocationRounds(let days) = circulation else { return }
        allocate(at: time)
        let next = time + max(days, 1.0 / 24)
        if next <= measureUntil + maximumWaitDays { events.schedule(.allocationRound, subject: 0, at: next) }
    }

    private mutating func allocate(at time: Double) {
        guard !waitingQueue.isEmpty, let allocator else { return }
        roundBeds.removeAll(keepingCapacity: true)
        for slot in freeBeds.indices where freeBeds[slot] > 0 {
            for _ in 0..<freeBeds[slot] { roundBeds.append(slot) }
        }
        guard !roundBeds.isEmpty else { return }
        let children = waitingQueue
        let beds = roundBeds
        let offerProbability = compiled.offerProbability
        let distance = compiled.distance
        let homeCount = compiled.homeCount
        let declinedSoFar = declined
        let chosen = allocator.assign(children: children.count, beds: beds.count) { row, column in
            let child = children[row]
            let home = beds[column] / 3
            let bedClass = beds[column] % 3
            let ownClass = child.route == .welfare ? Self.welfareClass : Self.justiceClass
            guard bedClass == ownClass || bedClass == Self.flexibleClass else { return nil }
            let acceptance = offerProbability[child.profile * homeCount + home]
            guard acceptance > 0, !declinedSoFar.contains(home, from: child.declinedHead) else { return nil }
            return RoundPairFacts(acceptance: acceptance, kilometres: Double(distance[child.origin * homeCount + home]))
        }
        var placed: [Int] = []
        for (row, column) in chosen.enumerated() {
            guard let column else { continue }
            let home = beds[column] / 3
            if wouldOffer(home: home, child: children[row]) {
                place(
                    children[row], home: home, bedClass: beds[column] % 3,
                    kilometres: kilometres(from: children[row], to: home), at: time)
                placed.append(row)
                declined.release(children[row].declinedHead)
            } else {
                declined.add(home, to: &waitingQueue[row].declinedHead)
            }
        }
        for row in placed.reversed() { waitingQueue.remove(at: row) }
    }
}
