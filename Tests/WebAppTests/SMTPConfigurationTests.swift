import Testing
import WebApp

@Suite("SMTP_URL: what each form means, and what is refused")
struct SMTPConfigurationTests {
    @Test("the scheme sets the encryption and the default port; credentials are read percent-decoded")
    func accepted() throws {
        let tls = try SMTPConfiguration(url: "smtps://alerts%40example.org:p%40ss@relay.example.org")
        #expect(tls.security == .implicitTLS && tls.port == 465 && tls.host == "relay.example.org")
        #expect(tls.username == "alerts@example.org" && tls.password == "p@ss")
        let upgraded = try SMTPConfiguration(url: "smtp+starttls://relay.example.org")
        #expect(upgraded.security == .startTLS && upgraded.port == 587)
        let plain = try SMTPConfiguration(url: "smtp://127.0.0.1:2525")
        #expect(plain.security == .none && plain.port == 2525 && plain.username == nil)
    }

    @Test(
        "a wrong URL is refused with what to write instead",
        arguments: [
            ("http://relay.example.org", "must start with smtps://"),
            ("smtps://", "names no mail server"),
            ("smtp://user:secret@relay.example.org", "unencrypted connection"),
        ])
    func refused(url: String, message: String) {
        #expect {
            try SMTPConfiguration(url: url)
        } throws: { error in
            (error as? SMTPConfigurationError)?.description.contains(message) == true
        }
    }
}
