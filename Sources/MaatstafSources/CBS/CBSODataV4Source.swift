import Foundation
import MaatstafCore
public import MaatstafFetch

/// Downloads a CBS table through OData v4 (`datasets.cbs.nl`), for tables that exist only there.
///
/// v4 serves one row per cell (`Observations`: a `Measure`, one column per dimension, `Value` and a
/// `ValueAttribute`); maatstaf folds them back into one row per combination of dimension codes, so v3 and v4 tables
/// are stored alike. The number of observations received must equal `Properties.ObservationCount`.
public struct CBSODataV4Source: Sendable {
    public let fetcher: CachedFetcher
    /// E.g. `https://datasets.cbs.nl/odata/v1/CBS`, or a local mirror in tests.
    public let base: String
    public static let publicBase = "https://datasets.cbs.nl/odata/v1/CBS"

    public init(fetcher: CachedFetcher, base: String) {
        self.fetcher = fetcher
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    private func rows(_ url: String) async throws -> (rows: [[String: Any]], next: String?, object: [String: Any], sha256: String)
    {
        try await fetcher.fetch(url) { result in
            let body = result.body
            guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
                throw SourceError(
                    subject: url,
                    reason: .en("is not valid JSON (\(body.count) bytes)", nl: "is geen geldige JSON (\(body.count) bytes)"),
                    hint: .en(
                        "The response may be cut off or an error page; run again (the damaged copy was not kept)",
                        nl:
                            "Het antwoord is misschien afgebroken of een foutpagina; probeer opnieuw (de beschadigde kopie is niet bewaard)"
                    ))
            }
            return ((object["value"] as? [[String: Any]]) ?? [], object["@odata.nextLink"] as? String, object, SHA256.hex(body))
        }
    }

    public func dataSet(_ table: String) async throws -> CBSDataSet {
        try CBSTableID.check(table)
        let root = "\(base)/\(table)"
        let properties = try await rows("\(root)/Properties")
        guard let identifier = properties.object["Identifier"] as? String else {
            throw SourceError(
                subject: "\(root)/Properties", reason: .en("has no Identifier", nl: "heeft geen Identifier"),
                hint: .en(
                    "Check the table id (case-sensitive) and that the table exists in OData v4",
                    nl: "Controleer de tabelcode (hoofdletters tellen) en of de tabel in OData v4 bestaat"))
        }
        let expected = properties.object["ObservationCount"] as? Int
        let info = CBSTableInfo(
            identifier: identifier, title: properties.object["Title"] as? String ?? identifier,
            shortTitle: nil, period: properties.object["TemporalCoverage"] as? String,
            modified: properties.object["Modified"] as? String, recordCount: nil)
        let dimensions = try await rows("\(root)/Dimensions")
        let measures = try await rows("\(root)/MeasureCodes")
        var dataProperties: [CBSDataProperty] = []
        for (index, dimension) in dimensions.rows.enumerated() {
            guard let key = dimension["Identifier"] as? String else { continue }
            let kind = CBSDataProperty.Kind(rawValue: dimension["Kind"] as? String ?? "") ?? .dimension
            dataProperties.append(
                CBSDataProperty(
                    id: index, parentID: nil, kind: kind, key: key,
                    title: dimension["Title"] as? String ?? key, unit: nil, decimals: nil, datatype: nil))
        }
        for (index, measure) in measures.rows.enumerated() {
            guard let key = measure["Identifier"] as? String else { continue }
            dataProperties.append(
                CBSDataProperty(
                    id: dimensions.rows.count + index, parentID: nil, kind: .topic, key: key,
                    title: measure["Title"] as? String ?? key, unit: measure["Unit"] as? String,
                    decimals: measure["Decimals"] as? Int, datatype: measure["DataType"] as? String))
        }
        let dimensionKeys = dataProperties.filter(\.isDimension).map(\.key)
        var responses: [(url: String, sha256: String)] = [
            ("\(root)/Properties", properties.sha256),
            ("\(root)/Dimensions", dimensions.sha256),
            ("\(root)/MeasureCodes", measures.sha256),
        ]
        // Observations come one cell at a time; a row is a combination of dimension codes, found again by a key.
        let topicIndex = Dictionary(
            dataProperties.filter { $0.kind == .topic }.enumerated().map { ($1.key, $0) },
            uniquingKeysWith: { first, _ in first })
        var rowOf: [String: Int] = [:]
        var codes = [[String]](repeating: [], count: dimensionKeys.count)
        var values = [[CBSValue]](repeating: [], count: topicIndex.count)
        var observations = 0
        var next: String? = "\(root)/Observations"
        var seen: Set<String> = []
        while let url = next {
            // Links that repeat, or that bring more observations than announced, are a broken or hostile server.
            guard seen.insert(url).inserted, observations <= (expected ?? CBSODataV3Source.maxRecordCount) else {
                throw SourceError(
                    subject: "\(root)/Observations",
                    reason: .en(
                        "the server keeps linking to further pages after \(observations) observations, more than the table announces",
                        nl:
                            "de server blijft naar volgende pagina's verwijzen na \(observations) waarnemingen, meer dan de tabel aankondigt"
                    ),
                    hint: .en(
                        "The server's paging is broken or hostile; nothing was stored",
                        nl: "Het pagineren van de server is kapot of vijandig; er is niets opgeslagen"))
            }
            let page = try await rows(url)
            responses.append((url, page.sha256))
            for cell in page.rows {
                guard let measure = cell["Measure"] as? String else {
                    throw SourceError(
                        subject: url, reason: .en("an observation has no Measure", nl: "een waarneming heeft geen Measure"),
                        hint: .en("Run again with \(option: .refresh)", nl: "Probeer opnieuw met \(option: .refresh)"))
                }
                guard let topic = topicIndex[measure] else {
                    throw SourceError(
                        subject: url,
                        reason: .en(
                            "an observation has measure \(measure), which MeasureCodes does not list",
                            nl: "een waarneming heeft onderwerp \(measure), dat MeasureCodes niet noemt"),
                        hint: .en("Run again with \(option: .refresh)", nl: "Probeer opnieuw met \(option: .refresh)"))
                }
                let cellCodes = dimensionKeys.map { (cell[$0] as? String)?.trimmedSpaces ?? "" }
                let combination = cellCodes.joined(separator: "\u{1F}")
                let row: Int
                if let known = rowOf[combination] {
                    row = known
                } else {
                    row = codes.first?.count ?? values.first?.count ?? 0
                    rowOf[combination] = row
                    for (index, code) in cellCodes.enumerated() { codes[index].append(code) }
                    for index in values.indices { values[index].append(.unknown) }
                }
                values[topic][row] = try Self.value(cell, url: url)
                observations += 1
            }
            next = try page.next.map { try CBSODataV3Source.nextPage($0, after: url, base: base) }
        }
        if let expected, observations != expected {
            throw SourceError(
                subject: "\(root)/Observations",
                reason: .en(
                    "received \(observations) observations but Properties announces \(expected)",
                    nl: "\(observations) waarnemingen ontvangen, maar Properties kondigt er \(expected) aan"),
                hint: .en(
                    "The download is incomplete; run again with \(option: .refresh) (nothing was stored)",
                    nl: "De download is onvolledig; probeer opnieuw met \(option: .refresh) (er is niets opgeslagen)"))
        }
        var set = CBSDataSet(table: info, properties: dataProperties, responses: responses)
        set.append(codes: codes, values: values)
        return set
    }

    /// `ValueAttribute` None with a value is a number; Impossible, Confidential and NotAvailable are kept as such.
    static func value(_ cell: [String: Any], url: String) throws -> CBSValue {
        switch cell["ValueAttribute"] as? String {
        case "Impossible": return .notApplicable
        case "Confidential": return .secret
        case "NotAvailable": return .unknown
        default:
            guard let number = (cell["Value"] as? NSNumber)?.doubleValue else { return .unknown }
            guard number.isFinite else {
                throw SourceError(
                    subject: url,
                    reason: .en(
                        "an observation (\(cell["Measure"] ?? "?")) has the value \(number), not a finite number",
                        nl: "een waarneming (\(cell["Measure"] ?? "?")) heeft de waarde \(number), geen eindig getal"),
                    hint: .en(
                        "The server's answer cannot be right; nothing was stored",
                        nl: "Het antwoord van de server kan niet kloppen; er is niets opgeslagen"))
            }
            return .number(number)
        }
    }
}
