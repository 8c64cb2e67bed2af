import NIOCore
import Testing
import Vapor
import VaporTesting
import WebApp

@Suite("The client's address behind a proxy")
struct ClientAddressTests {
    func address(from peer: String, forwardedFor: [String], trusting proxies: Set<String>) async throws -> String {
        var result = ""
        try await VaporTesting.withApp { app in
            var headers = HTTPHeaders()
            for value in forwardedFor { headers.add(name: "X-Forwarded-For", value: value) }
            let request = Request(
                application: app, method: .POST, url: "/api/v1/sessions", headers: headers,
                remoteAddress: try SocketAddress(ipAddress: peer, port: 443), on: app.eventLoopGroup.next())
            result = ClientAddress(trustedProxies: proxies).of(request)
        }
        return result
    }

    @Test("without a trusted proxy the peer is the client, whatever X-Forwarded-For says")
    func untrusted() async throws {
        #expect(try await address(from: "203.0.113.7", forwardedFor: ["198.51.100.4"], trusting: []) == "203.0.113.7")
        #expect(
            try await address(from: "203.0.113.7", forwardedFor: ["198.51.100.4"], trusting: ["10.0.0.2"])
                == "203.0.113.7")
    }

    @Test("from a trusted proxy the client is the nearest forwarded address that is not a proxy")
    func trusted() async throws {
        #expect(
            try await address(from: "10.0.0.2", forwardedFor: ["198.51.100.4"], trusting: ["10.0.0.2"])
                == "198.51.100.4")
        // A client can put anything first in the header; only what the trusted hops added counts.
        #expect(
            try await address(
                from: "10.0.0.2", forwardedFor: ["1.2.3.4, 198.51.100.4", "10.0.0.3"],
                trusting: ["10.0.0.2", "10.0.0.3"])
                == "198.51.100.4")
        #expect(try await address(from: "10.0.0.2", forwardedFor: [], trusting: ["10.0.0.2"]) == "10.0.0.2")
    }
}
