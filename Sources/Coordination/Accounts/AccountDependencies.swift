import Foundation
import Storage

/// Hashes and checks passwords. The web layer supplies bcrypt; Coordination does not depend
/// on Vapor, where bcrypt lives.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) throws -> String
    func verify(_ password: String, against hash: String) throws -> Bool
}

/// Makes the secrets behind session cookies, CSRF fields and bearer tokens, and the hashes
/// stored in their place.
public struct SecretTokens: Sendable {
    public var randomBytes: @Sendable (Int) -> [UInt8]

    public init(randomBytes: @escaping @Sendable (Int) -> [UInt8]) {
        self.randomBytes = randomBytes
    }

    /// 32 bytes from the system's secure generator.
    public static let system = SecretTokens { count in
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A new secret, URL-safe base64 without padding.
    public func make() -> String {
        Data(randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What is stored instead of the secret.
    public static func hash(_ token: String) -> String {
        Store.sha256(Data(token.utf8))
    }
}

/// Something the user typed that cannot be used, with the field to fix.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
