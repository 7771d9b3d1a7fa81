import Foundation

/// A GET request as maatstaf makes them: CBS's APIs are read-only, so no other method is needed.
public struct HTTPRequest: Sendable, Hashable {
    public var url: String
    /// Extra request headers, sent in this order (conditional headers are added by the cache layer).
    public var headers: [HTTPHeader]

    public init(url: String, headers: [HTTPHeader] = []) {
        self.url = url
        self.headers = headers
    }

    /// The host part of the URL, lower-cased; used to limit concurrent transfers per host.
    var host: String {
        URLComponents(string: url)?.host?.lowercased() ?? ""
    }
}

/// One header line. Kept as an ordered list rather than a dictionary because HTTP allows repeats.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPHeader {
    /// The last value of a header, compared case-insensitively as HTTP requires.
    public func value(for name: String) -> String? {
        last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
