import Coordination
import Vapor

/// bcrypt, as Vapor provides it. Cost 12 in service; tests use the minimum to stay fast.
public struct BcryptPasswordHasher: Coordination.PasswordHasher {
    public var cost: Int

    public init(cost: Int = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, against hash: String) throws -> Bool {
        try Bcrypt.verify(password, created: hash)
    }
}
