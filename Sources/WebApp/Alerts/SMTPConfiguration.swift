import Foundation

/// Where the e-mail goes, from `SMTP_URL`:
/// - `smtps://user:password@host:465` TLS from the first byte (RFC 8314, the recommended way);
/// - `smtp+starttls://user:password@host:587` upgraded with STARTTLS, refused if the server
///   does not offer it;
/// - `smtp://host:25` unencrypted, for a relay on the same machine or a test server.
/// The user name and password are optional (AUTH PLAIN, only over TLS).
public struct SMTPConfiguration: Hashable, Sendable {
    public enum Security: String, Hashable, Sendable {
        case none = "smtp"
        case startTLS = "smtp+starttls"
        case implicitTLS = "smtps"
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// A PEM file of certificate authorities to trust instead of the system's (a private mail relay).
    public var trustedCertificatesFile: String?

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        trustedCertificatesFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustedCertificatesFile = trustedCertificatesFile
    }

    /// Reads an `SMTP_URL`; the error says what is wrong with it.
    public init(url text: String, trustedCertificatesFile: String? = nil) throws(SMTPConfigurationError) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            let security = Security(rawValue: scheme)
        else {
            throw SMTPConfigurationError(
                "SMTP_URL must start with smtps://, smtp+starttls:// or smtp://, such as smtps://relay.example.org:465."
            )
        }
        guard let host = url.host, !host.isEmpty else {
            throw SMTPConfigurationError("SMTP_URL names no mail server, such as smtps://relay.example.org:465.")
        }
        let port = url.port ?? (security == .implicitTLS ? 465 : security == .startTLS ? 587 : 25)
        guard (1...65535).contains(port) else { throw SMTPConfigurationError("SMTP_URL's port must be 1 to 65535.") }
        if url.user != nil, security == .none {
            throw SMTPConfigurationError(
                "SMTP_URL gives a password for an unencrypted connection: use smtps:// or smtp+starttls://.")
        }
        self.init(
            host: host, port: port, security: security, username: url.user?.removingPercentEncoding,
            password: url.password?.removingPercentEncoding, trustedCertificatesFile: trustedCertificatesFile)
    }
}

public struct SMTPConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
