import Foundation
import SecurePlaceCore
import Testing

@Suite("Sign-in throttle")
struct SignInThrottleTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("the first failures cost nothing, later ones are slowed, then the account locks for 15 minutes")
    func account() {
        let throttle = SignInThrottle.perAccount
        #expect(throttle.decide(failures: 0, lockedUntil: nil, now: now) == .attempt(after: 0))
        #expect(throttle.decide(failures: 2, lockedUntil: nil, now: now) == .attempt(after: 0))
        #expect(throttle.decide(failures: 4, lockedUntil: nil, now: now) == .attempt(after: 2))
        #expect(throttle.lock(afterFailures: 4, now: now) == nil)
        #expect(throttle.lock(afterFailures: 5, now: now) == now.addingTimeInterval(900))
        #expect(
            throttle.decide(failures: 5, lockedUntil: now.addingTimeInterval(900), now: now)
                == .locked(until: now.addingTimeInterval(900)))
        #expect(throttle.decide(failures: 5, lockedUntil: now, now: now.addingTimeInterval(1)) == .attempt(after: 3))
    }

    @Test("an address may fail more often than an account before it is locked")
    func address() {
        #expect(SignInThrottle.perAddress.lock(afterFailures: 5, now: now) == nil)
        #expect(SignInThrottle.perAddress.lock(afterFailures: 20, now: now) != nil)
    }
}
