import NIOCore

/// One reply of an SMTP server: its code and the text of its lines.
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]

    var text: String { "\(code) \(lines.joined(separator: " "))" }
}

/// Reads the server's bytes as replies; a reply of several lines (`250-…`) ends at the line
/// whose code is followed by a space.
final class SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    private var lines: [String] = []

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        var line = buffer.readString(length: length) ?? ""
        while line.last == "\n" || line.last == "\r" { line.removeLast() }
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(line.prefix(3))) else {
            throw SMTPProtocolError(detail: "The mail server sent a line that is not an SMTP reply.")
        }
        lines.append(bytes.count > 4 ? String(line.dropFirst(4)) : "")
        if bytes.count > 3 && bytes[3] == UInt8(ascii: "-") { return .continue }
        let reply = SMTPReply(code: code, lines: lines)
        lines = []
        context.fireChannelRead(wrapInboundOut(reply))
        return .continue
    }
}

/// Hands the replies to the task that talks to the server, and ends the stream when the
/// connection closes or fails.
final class SMTPReplyForwarder: ChannelInboundHandler, Sendable {
    typealias InboundIn = SMTPReply

    private let continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation

    init(_ continuation: AsyncThrowingStream<SMTPReply, any Error>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        continuation.yield(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish(throwing: SMTPProtocolError(detail: "The mail server closed the connection."))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}

struct SMTPProtocolError: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}
