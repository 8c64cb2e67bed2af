import Coordination
import Foundation

/// An e-mail as SMTP's DATA carries it (RFC 5322 with MIME): headers in ASCII, the subject
/// encoded when it is not, and the body in base64 so that any text travels through any relay.
struct MailMessage {
    var text: String

    init(_ mail: OutgoingMail, date: Date = Date()) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let headers = [
            "From: SecurePlace <\(mail.from)>",
            "To: <\(mail.to)>",
            "Subject: \(Self.encodedHeader(mail.subject))",
            "Date: \(formatter.string(from: date))",
            "Message-ID: \(mail.messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        let encoded = Data(mail.body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        text = (headers + ["", encoded]).joined(separator: "\r\n") + "\r\n"
    }

    /// A header value as it is when it is plain ASCII, otherwise as an RFC 2047 encoded word.
    static func encodedHeader(_ value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard !clean.unicodeScalars.allSatisfy({ $0.isASCII }) else { return clean }
        return "=?UTF-8?B?\(Data(clean.utf8).base64EncodedString())?="
    }
}
