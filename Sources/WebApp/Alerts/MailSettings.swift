import Coordination
import Foundation
import SecurePlaceCore
import Vapor

/// How the service sends its e-mail alerts.
public struct MailSettings: Sendable {
    public enum Delivery: Sendable {
        /// Written to the log (the demo, and a service with no mail server yet).
        case log
        case smtp(SMTPConfiguration)
    }

    public var delivery: Delivery
    /// The sender address on every e-mail (`MAIL_FROM`).
    public var from: String
    /// The service's address as people reach it (`PUBLIC_URL`), for the links in e-mails.
    public var serviceAddress: String
    public var retries: AlertRetryPolicy
    /// Seconds between runs of the sender.
    public var sendInterval: Int

    public init(
        delivery: Delivery = .log, from: String = "alerts@secureplace.localhost",
        serviceAddress: String = "http://localhost:8080", retries: AlertRetryPolicy = .standard, sendInterval: Int = 5
    ) {
        self.delivery = delivery
        self.from = from
        self.serviceAddress = serviceAddress
        self.retries = retries
        self.sendInterval = sendInterval
    }

    var outbox: AlertOutbox { AlertOutbox(serviceAddress: serviceAddress) }

    func transport(logger: Logger) throws -> any MailTransport {
        switch delivery {
        case .log: LogMailTransport(logger: logger)
        case .smtp(let configuration): try SMTPMailTransport(configuration: configuration)
        }
    }
}

struct MailSettingsKey: StorageKey {
    typealias Value = MailSettings
}

extension Application {
    var mailSettings: MailSettings { storage[MailSettingsKey.self] ?? MailSettings() }
}
