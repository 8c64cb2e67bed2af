import NIOCore
import Vapor

/// The address a request came from, for counting failed sign-ins. Behind a proxy every
/// request comes from the proxy, so one attacker's failures would lock out everyone; a proxy
/// the operator names is trusted to say, in `X-Forwarded-For`, whom it forwarded for. The
/// header is believed only from such a proxy (anyone can send it), and then only as far back
/// as the trusted hops go: the nearest address in it that is not one of the proxies.
public struct ClientAddress: Sendable {
    public var trustedProxies: Set<String>

    public init(trustedProxies: Set<String>) { self.trustedProxies = trustedProxies }

    public func of(_ request: Request) -> String {
        let peer = request.remoteAddress?.ipAddress ?? "unknown"
        guard trustedProxies.contains(peer) else { return peer }
        let forwarded = request.headers[canonicalForm: "X-Forwarded-For"].map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return forwarded.reversed().first { !$0.isEmpty && !trustedProxies.contains($0) } ?? peer
    }

    /// Whether `text` is an IPv4 or IPv6 address, as a proxy must be named.
    public static func isIPAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}
