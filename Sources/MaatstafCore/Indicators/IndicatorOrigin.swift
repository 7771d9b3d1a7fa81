/// Where an indicator's definition comes from. A value, not a display text: the engine tells a generic Iv3
/// indicator from a named one by its case, and each edge words it in the reader's language.
public enum IndicatorOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Shipped with maatstaf (the built-in catalog).
    case builtIn
    /// One of the indicators made for every Iv3 taakveld and measure (`iv3.<taakveld>.lasten|baten|netto`).
    case genericIv3
    /// A user's indicator file (`--indicators FILE`), by the path it was read from.
    case file(String)

    /// The stable spelling scripts read (JSON's `origin`): `built-in`, `generic Iv3`, or the file's path.
    public var description: String {
        switch self {
        case .builtIn: "built-in"
        case .genericIv3: "generic Iv3"
        case .file(let path): path
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = text == "built-in" ? .builtIn : text == "generic Iv3" ? .genericIv3 : .file(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
