import Coordination
import Foundation
import SecurePlaceCore
import Storage
import Synchronization
import TestSupport
import Testing

@Suite("Sign-in throttling by address")
struct SignInThrottlingTests {
    /// The waits a throttled attempt would have made, recorded instead of slept.
    final class Waits: Sendable {
        let seconds = Mutex<[TimeInterval]>([])
    }

    @Test(
        "twenty failures from one address, each for a different email, lock the address for every account; another address still signs in",
        arguments: TestDatabase.all)
    func addressLock(database: TestDatabase) async throws {
        try await withTestStore(database) { store in
            try await store.save(
                organisation: Organisation(
                    id: UUID(), kind: .coordinatingUnit, name: "Coordination", reference: "coordination"))
            _ = try await ManageUsers(store: store, passwords: SaltedSHA256Hasher()).create(
                ManageUsersTests.newUser(email: "sam.lee@coordination.example"), by: nil)
            let waits = Waits()
            let signIn = SignIn(
                store: store, passwords: SaltedSHA256Hasher(), now: { Date(timeIntervalSince1970: 1_800_000_000) },
                pause: { seconds in waits.seconds.withLock { $0.append(seconds) } })
            let attacker = "203.0.113.7"
            for index in 1...20 {
                await #expect(throws: SignInError.wrongEmailOrPassword) {
                    _ = try await signIn(
                        email: "guess\(index)@coordination.example", password: "guess", address: attacker,
                        kind: .apiClient)
                }
            }
            // Each guess named a different email, so no account lock explains what follows.
            let locked = await #expect(throws: SignInError.self) {
                _ = try await signIn(
                    email: "sam.lee@coordination.example", password: "a-long-enough-password", address: attacker,
                    kind: .apiClient)
            }
            guard case .locked = locked else {
                Issue.record("expected the address to be locked, got \(String(describing: locked))")
                return
            }
            // Past the fifth failure each attempt was slowed, a second more each time up to five.
            #expect(waits.seconds.withLock { $0 } == [1, 2, 3, 4] + Array(repeating: 5, count: 10))
            let signedIn = try await signIn(
                email: "sam.lee@coordination.example", password: "a-long-enough-password", address: "198.51.100.4",
                kind: .apiClient)
            #expect(signedIn.principal.role == .coordinator)
        }
    }
}
