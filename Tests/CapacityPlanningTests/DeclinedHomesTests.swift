import Testing

@testable import CapacityPlanning

@Suite("The homes that declined each waiting child")
struct DeclinedHomesTests {
    @Test func eachChildsListHoldsItsOwnHomesAndIsReusedWhenTheChildLeaves() {
        var declined = DeclinedHomes()
        var first = -1
        var second = -1
        for home in [3, 7, 11] { declined.add(home, to: &first) }
        declined.add(7, to: &second)
        #expect([3, 7, 11].allSatisfy { declined.contains($0, from: first) })
        #expect(!declined.contains(4, from: first))
        #expect(declined.contains(7, from: second) && !declined.contains(3, from: second))
        #expect(!declined.contains(3, from: -1), "an empty list holds nothing")

        declined.release(first)
        var third = -1
        for home in [20, 21, 22] { declined.add(home, to: &third) }
        // The released entries are reused without touching the other child's list.
        #expect([20, 21, 22].allSatisfy { declined.contains($0, from: third) })
        #expect(!declined.contains(3, from: third) && !declined.contains(11, from: third))
        #expect(declined.contains(7, from: second) && !declined.contains(20, from: second))
    }
}
