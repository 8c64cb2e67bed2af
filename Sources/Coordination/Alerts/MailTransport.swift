import Foundation

/// One e-mail as it leaves the service.
public struct OutgoingMail: Hashable, Sendable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    /// Unique per alert, so a receiving system (or a test) can tell a repeat from a new e-mail.
    public var messageID: String

    public init(from: String, to: String, subject: String, body: String, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
    }
}

/// Delivers e-mail: by SMTP in service, to the log in the demo.
public protocol MailTransport: Sendable {
    func send(_ mail: OutgoingMail) async throws(MailDeliveryFailure)
}

/// Why an e-mail did not go.
public struct MailDeliveryFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The mail server could not be reached (or the connection broke): every e-mail would
        /// fail the same way, so the sender stops and tries again later.
        case serverUnavailable
        /// The server refused this e-mail for now (a 4xx reply): try it again later.
        case temporary
        /// The server refused this e-mail for good (a 5xx reply, such as an unknown address).
        case permanent
    }

    public var kind: Kind
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { detail }
}
