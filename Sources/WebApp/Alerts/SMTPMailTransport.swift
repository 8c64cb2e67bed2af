import Coordination
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends each e-mail over its own SMTP connection (RFC 5321), encrypted as the configuration
/// says. Replies in the 400s are temporary (the sender tries again later), in the 500s
/// permanent; a server that cannot be reached fails every e-mail alike.
public struct SMTPMailTransport: MailTransport {
    public let configuration: SMTPConfiguration
    /// The name this service gives itself in EHLO.
    public let clientName: String
    /// The longest one e-mail's conversation may take before the connection is dropped.
    public let timeout: TimeAmount
    private let tlsContext: NIOSSLContext?

    public init(
        configuration: SMTPConfiguration, clientName: String = "secureplace.localhost",
        timeout: TimeAmount = .seconds(30)
    ) throws {
        self.configuration = configuration
        self.clientName = clientName
        self.timeout = timeout
        if configuration.security == .none {
            tlsContext = nil
        } else {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            if let file = configuration.trustedCertificatesFile {
                tls.trustRoots = .file(file)
            }
            tlsContext = try NIOSSLContext(configuration: tls)
        }
    }

    public func send(_ mail: OutgoingMail) async throws(MailDeliveryFailure) {
        let channel: any Channel
        let (replies, continuation) = AsyncThrowingStream<SMTPReply, any Error>.makeStream()
        do {
            channel = try await connect(continuation)
        } catch {
            continuation.finish()
            throw MailDeliveryFailure(
                .serverUnavailable,
                "Could not connect to the mail server \(configuration.host):\(configuration.port): \(error)")
        }
        let deadline = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        var conversation = SMTPConversation(channel: channel, replies: replies.makeAsyncIterator())
        do {
            try await converse(&conversation, mail: mail)
        } catch let failure as MailDeliveryFailure {
            throw failure
        } catch {
            throw MailDeliveryFailure(.serverUnavailable, "The mail server connection failed: \(error)")
        }
    }

    private func connect(_ continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation) async throws
        -> any Channel
    {
        let tlsContext = tlsContext
        let host = configuration.host
        let implicitTLS = configuration.security == .implicitTLS
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS, let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tlsContext, serverHostname: Self.serverName(host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyForwarder(continuation))
                }
            }
            .connect(host: host, port: configuration.port).get()
    }

    /// The name to check the certificate against: none for an IP address.
    private static func serverName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }

    private func converse(_ conversation: inout SMTPConversation, mail: OutgoingMail) async throws {
        try await conversation.expect(220, after: nil)
        var features = try await conversation.expect(250, after: "EHLO \(clientName)")
        if configuration.security == .startTLS {
            guard features.lines.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                throw MailDeliveryFailure(
                    .serverUnavailable, "The mail server does not offer STARTTLS, which SMTP_URL requires.")
            }
            try await conversation.expect(220, after: "STARTTLS")
            guard let tlsContext else { throw SMTPProtocolError(detail: "No TLS context.") }
            let channel = conversation.channel
            let name = Self.serverName(configuration.host)
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    NIOSSLClientHandler(context: tlsContext, serverHostname: name), position: .first)
            }.get()
            features = try await conversation.expect(250, after: "EHLO \(clientName)")
        }
        if let username = configuration.username {
            let credentials = Data("\0\(username)\0\(configuration.password ?? "")".utf8).base64EncodedString()
            try await conversation.expect(235, after: "AUTH PLAIN \(credentials)", shown: "AUTH PLAIN …")
        }
        try await conversation.expect(250, after: "MAIL FROM:<\(mail.from)>")
        try await conversation.expect([250, 251], after: "RCPT TO:<\(mail.to)>")
        try await conversation.expect(354, after: "DATA")
        try await conversation.expect(250, after: MailMessage(mail).text + ".")
        try? await conversation.send("QUIT")
    }
}

/// The task's side of one SMTP connection: send a line, read the reply.
struct SMTPConversation {
    let channel: any Channel
    var replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator

    func send(_ line: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
    }

    /// Sends `command` (when given) and reads the reply: a reply outside `codes` is a
    /// temporary failure in the 400s, a permanent one otherwise.
    @discardableResult
    mutating func expect(_ codes: Set<Int>, after command: String?, shown: String? = nil) async throws -> SMTPReply {
        if let command { try await send(command) }
        guard let reply = try await replies.next() else {
            throw SMTPProtocolError(detail: "The mail server closed the connection.")
        }
        guard codes.contains(reply.code) else {
            let what = shown ?? command.map { String($0.prefix(40)) } ?? "the greeting"
            throw MailDeliveryFailure(
                (400..<500).contains(reply.code) ? .temporary : .permanent,
                "The mail server answered \(what) with \(reply.text)")
        }
        return reply
    }

    @discardableResult
    mutating func expect(_ code: Int, after command: String?, shown: String? = nil) async throws -> SMTPReply {
        try await expect([code], after: command, shown: shown)
    }
}
