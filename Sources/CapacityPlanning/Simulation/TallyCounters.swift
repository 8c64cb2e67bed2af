/// The counters one replication adds to on every arrival and placement, in memory it owns:
/// adding through an array in a struct checks the array is not shared each time, which on
/// the simulation's hottest path costs as much as the additions. Turned into a
/// `ReplicationTally` at the end. One replication owns one, on one thread.
final class TallyCounters {
    private let regions: Int
    private let homes: Int
    let arrivalsByRegion: UnsafeMutablePointer<Int>
    let placedByRegion: UnsafeMutablePointer<Int>
    let placedWithinThresholdByRegion: UnsafeMutablePointer<Int>
    let arrivalsByProfile: UnsafeMutablePointer<Int>
    let placedByProfile: UnsafeMutablePointer<Int>
    let placedWithinThresholdByProfile: UnsafeMutablePointer<Int>
    let waitDaysByProfile: UnsafeMutablePointer<Double>
    let occupiedBedDaysByHome: UnsafeMutablePointer<Double>

    init(regions: Int, homes: Int) {
        self.regions = regions
        self.homes = homes
        func counts(_ count: Int) -> UnsafeMutablePointer<Int> {
            let pointer = UnsafeMutablePointer<Int>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            return pointer
        }
        func sums(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            return pointer
        }
        arrivalsByRegion = counts(regions)
        placedByRegion = counts(regions)
        placedWithinThresholdByRegion = counts(regions)
        arrivalsByProfile = counts(ChildProfile.count)
        placedByProfile = counts(ChildProfile.count)
        placedWithinThresholdByProfile = counts(ChildProfile.count)
        waitDaysByProfile = sums(ChildProfile.count)
        occupiedBedDaysByHome = sums(homes)
    }

    deinit {
        for pointer in [
            arrivalsByRegion, placedByRegion, placedWithinThresholdByRegion, arrivalsByProfile, placedByProfile,
            placedWithinThresholdByProfile,
        ] {
            pointer.deallocate()
        }
        waitDaysByProfile.deallocate()
        occupiedBedDaysByHome.deallocate()
    }

    /// The counts copied into `tally`, whose scalar totals the replication kept itself.
    func write(into tally: inout ReplicationTally) {
        func array<Element>(_ pointer: UnsafeMutablePointer<Element>, _ count: Int) -> [Element] {
            Array(UnsafeBufferPointer(start: pointer, count: count))
        }
        tally.arrivalsByRegion = array(arrivalsByRegion, regions)
        tally.placedByRegion = array(placedByRegion, regions)
        tally.placedWithinThresholdByRegion = array(placedWithinThresholdByRegion, regions)
        tally.arrivalsByProfile = array(arrivalsByProfile, ChildProfile.count)
        tally.placedByProfile = array(placedByProfile, ChildProfile.count)
        tally.placedWithinThresholdByProfile = array(placedWithinThresholdByProfile, ChildProfile.count)
        tally.waitDaysByProfile = array(waitDaysByProfile, ChildProfile.count)
        tally.occupiedBedDaysByHome = array(occupiedBedDaysByHome, homes)
    }
}
