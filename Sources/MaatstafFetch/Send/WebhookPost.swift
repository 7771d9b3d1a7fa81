import CCurl
public import Foundation
import MaatstafCore

/// A JSON message POSTed to a webhook (a chat channel's incoming hook, a ticket system): the alarms that changed.
public struct WebhookPost: Sendable {
    public var url: String
    public var timeout: Duration

    public init(url: String, timeout: Duration = .seconds(30)) {
        self.url = url
        self.timeout = timeout
    }

    /// Posts `json`; an error unless the server answers 2xx.
    public func send(_ json: Data) throws {
        try HTTPClient.validate(url)
        let transfer = try OutboundTransfer(url: url, protocols: "http,https", timeout: timeout)
        transfer.option(CURLOPT_POST, 1)
        transfer.option(CURLOPT_POSTFIELDSIZE_LARGE, json.count)
        // No `Expect: 100-continue` round trip: the body is small and some receivers never answer it.
        transfer.option(CURLOPT_HTTPHEADER, list: ["Content-Type: application/json; charset=utf-8", "Expect:"])
        transfer.body(json)
        let (status, answer) = try transfer.perform(subject: url)
        guard (200..<300).contains(status) else {
            let said = String(decoding: answer.prefix(200), as: UTF8.self)
            throw SendError(
                subject: url,
                reason: .en(
                    "answered HTTP \(status)\(said.isEmpty ? "" : ": \(said)")",
                    nl: "antwoordde HTTP \(status)\(said.isEmpty ? "" : ": \(said)")"))
        }
    }
}
