import Coordination
import Logging

/// The demo's mail: each e-mail written to the log instead of sent. Alerts carry no name or
/// date of birth, so the log holds nothing it may not.
public struct LogMailTransport: MailTransport {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ mail: OutgoingMail) async throws(MailDeliveryFailure) {
        logger.info("E-mail to \(mail.to): \(mail.subject)\n\(mail.body)")
    }
}
