import Foundation
import MaatstafCore
import MaatstafTestServer
import Testing

@testable import MaatstafFetch

/// Messages sent out through libcurl: a webhook's POST and an e-mail over SMTP, to servers on 127.0.0.1.
@Suite("Sending a webhook and an e-mail")
struct OutboundMessageTests {
    @Test("a webhook receives the JSON as posted; a status outside 2xx is an error naming the address")
    func webhook() throws {
        let server = try TestHTTPServer { request in
            request.path == "/hook" ? TestResponse(status: 204, text: "") : TestResponse(status: 500, text: "broken")
        }
        let json = Data(#"{"alarms":["Westervoort — één"]}"#.utf8)
        try WebhookPost(url: server.baseURL + "/hook").send(json)
        let received = try #require(server.requests.last)
        #expect(received.method == "POST")
        #expect(received.body == json)
        #expect(received.header("Content-Type") == "application/json; charset=utf-8")
        #expect(throws: SendError.self) { try WebhookPost(url: server.baseURL + "/other").send(json) }
        do {
            try WebhookPost(url: server.baseURL + "/other").send(json)
        } catch let error as SendError {
            #expect(error.reason.en.contains("answered HTTP 500: broken"))
        }
    }

    @Test("an e-mail arrives with its envelope, a UTF-8 subject and body; a refusing server is an error")
    func mail() throws {
        let server = try TestSMTPServer()
        let mail = MailSubmission(
            host: "127.0.0.1", port: server.port, security: .none, from: "maatstaf@gemeente.example",
            to: ["wmo@gemeente.example", "beleid@gemeente.example"])
        try mail.send(subject: "Alarm: één norm", body: "Westervoort: 2,83 uur\n.punt aan het begin")
        let message = try #require(server.messages.first)
        #expect(message.from.contains("maatstaf@gemeente.example"))
        #expect(message.recipients.count == 2)
        #expect(message.text.contains("Subject: =?UTF-8?B?\(Data("Alarm: één norm".utf8).base64EncodedString())?="))
        #expect(message.text.contains("Westervoort: 2,83 uur"))
        #expect(message.text.contains("\n.punt aan het begin"), "a leading dot survives the transfer")
        server.setMode(.refuseSender)
        #expect(throws: SendError.self) { try mail.send(subject: "x", body: "y") }
    }

    @Test("credentials are sent when the server asks for them, and wrong ones are refused")
    func login() throws {
        let server = try TestSMTPServer(mode: .requireLogin(user: "monitor", password: "geheim"))
        var mail = MailSubmission(
            host: "127.0.0.1", port: server.port, security: .none, from: "a@b.example", to: ["c@d.example"],
            username: "monitor", password: "geheim")
        try mail.send(subject: "s", body: "b")
        #expect(server.messages.count == 1)
        mail.password = "fout"
        #expect(throws: SendError.self) { try mail.send(subject: "s", body: "b") }
        #expect(server.messages.count == 1)
    }
}
