import Foundation

/// Turns equivalent spellings of one URL into one cache key.
///
/// Lower-cases scheme and host, drops a default port and the fragment, and sorts query items: OData does not care
/// about their order, so `?$skip=0&$top=10` and `?$top=10&$skip=0` share an entry. Percent-encoding is kept as given.
public enum URLNormalizer {
    public static func normalize(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        if (components.scheme == "http" && components.port == 80) || (components.scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        if components.path.isEmpty { components.path = "/" }
        if let items = components.percentEncodedQueryItems, !items.isEmpty {
            components.percentEncodedQueryItems = items.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        }
        return components.string ?? url
    }
}
