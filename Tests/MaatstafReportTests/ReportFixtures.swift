import Foundation
import FoundationXML
import MaatstafCompare
import MaatstafCore
import MaatstafModel
import MaatstafReport
import MaatstafStore
import MaatstafTestServer

#if canImport(FoundationXML)
#endif

/// The engine over the real embedded snapshot, and helpers that check reports independently of maatstaf's code.
enum ReportFixtures {
    static let store = try! Store(path: LoadedStore.copy())
    static let atlas = try! MunicipalityAtlas(store: store)
    static let catalog = try! IndicatorCatalog(store: store)

    static func engine(regions folder: URL = RepositoryFixtures.regions) throws -> ComparisonEngine {
        ComparisonEngine(
            source: store, atlas: atlas,
            regions: try UserRegionCatalog(folder: folder, directory: atlas.directory))
    }

    static func municipalities(_ names: [String]) throws -> [Municipality] {
        try names.map { try atlas.directory.resolve($0) }
    }

    /// Euros as a Dutch reader writes them (`€ 1.234,56`, `€ +904.782`), formatted here with printf so the
    /// expectation does not reuse maatstaf's own formatter.
    static func dutchEuros(_ value: Double, decimals: Int = 2, signed: Bool = false) -> String {
        let plain = String(format: "%.\(decimals)f", abs(value))
        let parts = plain.split(separator: ".")
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let number = grouped + (parts.count > 1 ? "," + parts[1] : "")
        let sign = value < 0 ? "-" : (signed ? "+" : "")
        return "€ " + sign + number
    }

    /// Parses a document as XML; nil when it is well-formed, else the parser's complaint with its line.
    static func xmlProblem(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        if parser.parse() { return nil }
        return "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")"
    }

    /// Every `<svg …>…</svg>` in a document (charts are never nested).
    static func svgElements(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}
