/// The homes that have declined each waiting child, under ranked waves and allocation rounds:
/// one list per child, linked through two arrays this replication owns and reuses, so a
/// declined wave costs no allocation, hashing or reference counting (a dictionary of arrays
/// did, on every wave). A child holds the index of its list's first entry; -1 is empty. A
/// value, not a class: reading a class's arrays is checked for exclusive access at run time,
/// which on the wave's scan cost more than the dictionary saved.
struct DeclinedHomes {
    private var home: [Int] = []
    private var next: [Int] = []
    private var firstFree = -1

    mutating func add(_ declining: Int, to head: inout Int) {
        let entry: Int
        if firstFree >= 0 {
            entry = firstFree
            firstFree = next[entry]
            home[entry] = declining
            next[entry] = head
        } else {
            entry = home.count
            home.append(declining)
            next.append(head)
        }
        head = entry
    }

    func contains(_ candidate: Int, from head: Int) -> Bool {
        var entry = head
        while entry >= 0 {
            if home[entry] == candidate { return true }
            entry = next[entry]
        }
        return false
    }

    /// Gives a child's list back for reuse, when the child leaves the waiting list.
    mutating func release(_ head: Int) {
        var entry = head
        while entry >= 0 {
            let following = next[entry]
            next[entry] = firstFree
            firstFree = entry
            entry = following
        }
    }
}
