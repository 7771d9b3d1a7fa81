import Foundation
import MaatstafCore
import Yams

/// Reads indicator definitions from YAML (the built-in file, or a user's `--indicators FILE`), checking each one.
enum IndicatorFile {
    /// A file may hold only decompositions (`DecompositionFile`) over indicators defined elsewhere.
    private struct Document: Decodable {
        var indicators: [Entry]?
    }

    private struct Entry: Decodable {
        var id: String
        var title: TextEntry
        var unit: TextEntry
        var numerator: QuantityEntry
        var denominator: DenominatorEntry
        var multiplier: Int?
        var direction: String?
        var notes: NotesEntry?
        var interval: String?
        var unitKind: String?
        var zero: String?
        var broader: String?
        var bridge: String?
        var period: String?
        var accumulation: String?
        var overhead: String?

        enum CodingKeys: String, CodingKey {
            case id, title, unit, numerator, denominator, multiplier, direction, notes, interval, zero, broader, bridge, period
            case accumulation, overhead
            case unitKind = "unit-kind"
        }
    }

    /// `{ nl: …, en: … }` and nothing else: in a YAML flow mapping an unquoted comma starts a new key, so
    /// `{ nl: Sociaal domein, netto, en: … }` would silently lose ", netto". Such a key is an error here.
    private struct TextEntry: Decodable {
        var text: LocalizedText

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            if let extra = container.allKeys.first(where: { $0.stringValue != "nl" && $0.stringValue != "en" }) {
                throw DecodingError.dataCorruptedError(
                    forKey: extra, in: container,
                    debugDescription:
                        "unknown key \"\(extra.stringValue)\" in a text; a text has only nl and en (quote a text that contains a comma: { nl: \"a, b\", en: \"a, b\" })"
                )
            }
            text = LocalizedText(
                nl: try container.decode(String.self, forKey: Key(stringValue: "nl")),
                en: try container.decode(String.self, forKey: Key(stringValue: "en")))
        }
    }

    /// One text for both languages, or `{ nl: …, en: … }`.
    private struct NotesEntry: Decodable {
        var text: LocalizedText

        init(from decoder: Decoder) throws {
            if let one = try? decoder.singleValueContainer().decode(String.self) {
                text = LocalizedText(nl: one, en: one)
            } else {
                text = try TextEntry(from: decoder).text
            }
        }
    }

    /// One code or a list of codes.
    private struct CodeList: Decodable {
        var codes: [String]

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { codes = [one] } else { codes = try container.decode([String].self) }
        }
    }

    private struct QuantityEntry: Decodable {
        var source: String
        var measure: String?
        var taakvelden: [String: [String]]?
        var table: String?
        var topics: [String]?
        /// Codes of the table's other dimensions: `{ Leeftijd: ["70100", "70200"], Geslacht: T001038 }`.
        var `where`: [String: CodeList]?
        /// For `source: fund`: the cluster of the municipal fund (`Individuele voorzieningen Wmo`).
        var cluster: String?
    }

    /// `population`, or a mapping like the numerator's.
    private enum DenominatorEntry: Decodable {
        case keyword(String)
        case quantity(QuantityEntry)

        init(from decoder: Decoder) throws {
            if let keyword = try? decoder.singleValueContainer().decode(String.self) {
                self = .keyword(keyword)
            } else {
                self = .quantity(try QuantityEntry(from: decoder))
            }
        }
    }

    static func read(_ text: String, origin: IndicatorOrigin) throws -> [Indicator] {
        // Syntax first, the way every maatstaf YAML file is read: a problem names its line.
        var reader = YAMLReader(file: origin.description)
        guard
            let tree = reader.root(
                text,
                whenEmpty: .en(
                    "is empty; it needs a list under \"indicators\"", nl: "is leeg; er hoort een lijst onder \"indicators\""))
        else {
            let problem = reader.problems[0]
            throw ModelError(
                .invalidIndicatorFile, subject: problem.location, reason: problem.message,
                hint: .en("See docs/indicators.md for the format", nl: "Zie docs/indicators.md voor de indeling"))
        }
        let document: Document
        do {
            document = try YAMLDecoder().decode(Document.self, from: text)
        } catch let error as DecodingError {
            throw ModelError(
                .invalidIndicatorFile, subject: origin.description, reason: describe(error),
                hint: .en("See docs/indicators.md for the format", nl: "Zie docs/indicators.md voor de indeling"))
        } catch {
            throw ModelError(
                .invalidIndicatorFile, subject: origin.description,
                reason: .en("is not valid YAML (\(error))", nl: "is geen geldige YAML"),
                hint: .en("See docs/indicators.md for the format", nl: "Zie docs/indicators.md voor de indeling"))
        }
        // Line numbers for messages: the decoder has none, the composed tree has each entry's first line.
        var seen: Set<String> = []
        return try (document.indicators ?? []).enumerated().map { index, entry in
            let line = tree["indicators"]?[index]?.mark.map { ":\($0.line)" } ?? ""
            let place = "\(origin)\(line): indicator \(index + 1) (\(entry.id))"
            func fail(_ reason: LocalizedText) -> ModelError {
                ModelError(
                    .invalidIndicatorFile, subject: place, reason: reason,
                    hint: .en("See docs/indicators.md for the format", nl: "Zie docs/indicators.md voor de indeling"))
            }
            guard !entry.id.isEmpty, entry.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-._".contains($0)) })
            else {
                throw fail(
                    .en(
                        "id must hold lower-case letters, digits, '.', '-' or '_'",
                        nl: "id mag alleen kleine letters, cijfers, '.', '-' of '_' bevatten"))
            }
            guard seen.insert(entry.id).inserted else {
                throw fail(.en("id \(entry.id) is defined twice", nl: "id \(entry.id) is twee keer gedefinieerd"))
            }
            guard !entry.id.hasPrefix("iv3.") else {
                throw fail(
                    .en(
                        "ids starting with iv3. are reserved for the generic Iv3 indicators",
                        nl: "ids die met iv3. beginnen zijn voor de algemene Iv3-indicatoren"))
            }
            let multiplier = entry.multiplier ?? 1
            guard [1, 100, 1000, 10000, 100000].contains(multiplier) else {
                throw fail(
                    .en(
                        "multiplier must be 1, 100, 1000, 10000 or 100000",
                        nl: "multiplier moet 1, 100, 1000, 10000 of 100000 zijn"))
            }
            guard let direction = Indicator.Direction(rawValue: entry.direction ?? "neither") else {
                throw fail(
                    .en(
                        "direction must be higher-is-better, lower-is-better or neither",
                        nl: "direction moet higher-is-better, lower-is-better of neither zijn"))
            }
            let numerator = try quantity(entry.numerator, fail: fail)
            // A layout without taakvelden says the indicator cannot be given in those years; the reader is then sent
            // to `broader`, so it must be there (an empty list without it is more likely a mistake).
            if case .iv3(_, let layouts) = numerator, let empty = layouts.first(where: \.taakvelden.isEmpty),
                entry.broader == nil && entry.bridge == nil
            {
                throw fail(
                    .en(
                        "layout \(empty.fromYear) lists no taakvelden: name the indicator to use in those years with bridge: (or broader:)",
                        nl:
                            "indeling \(empty.fromYear) noemt geen taakvelden: noem met bridge: (of broader:) de indicator voor die jaren"
                    ))
            }
            let denominator: Denominator
            switch entry.denominator {
            case .keyword("population"): denominator = .population
            case .keyword("none"):
                // Only a figure the municipality reports as it is (an average) stands without a denominator.
                guard case .own = numerator else {
                    throw fail(
                        .en(
                            "denominator none is for own figures that are already a rate or an average",
                            nl: "denominator none is voor eigen cijfers die al een verhouding of gemiddelde zijn"))
                }
                denominator = .none
            case .keyword(let other):
                throw fail(
                    .en(
                        "denominator \"\(other)\" is unknown; use population, none (own figures), a cbs table or own figures",
                        nl:
                            "denominator \"\(other)\" is onbekend; gebruik population, none (eigen cijfers), een cbs-tabel of eigen cijfers"
                    ))
            case .quantity(let quantity):
                // Every numerator divides by the population, a CBS table or own figures; an amount in euros is never
                // a denominator (euros per euro is not a figure users compare).
                switch try Self.quantity(quantity, fail: fail) {
                case .cbs(let table, let topics, let selection):
                    denominator = .cbs(table: table, topics: topics, where: selection)
                case .own(let measure): denominator = .own(measure: measure)
                case .fund(let cluster): denominator = .fund(cluster: cluster)
                case .fundNeed:
                    throw fail(
                        .en(
                            "the fund's need is a numerator over population (the need index), not a denominator",
                            nl: "de behoefte van het fonds is een teller over population (de behoefte-index), geen noemer"))
                case .iv3:
                    throw fail(
                        .en(
                            "an Iv3 amount cannot be a denominator; divide by population, a cbs table or own figures",
                            nl: "een Iv3-bedrag kan geen noemer zijn; deel door population, een cbs-tabel of eigen cijfers"))
                }
            }
            if case .fundNeed = numerator, denominator != .population {
                throw fail(
                    .en(
                        "the fund's need is divided by population: that is the need index",
                        nl: "de behoefte van het fonds wordt gedeeld door population: dat is de behoefte-index"))
            }
            var ownPeriod: OwnPeriod?
            if let period = entry.period {
                // An own numerator, or an own count under an Iv3 or CBS amount (the year's spending over April's clients).
                var usesOwn = false
                if case .own = numerator { usesOwn = true }
                if case .own = denominator { usesOwn = true }
                guard usesOwn else {
                    throw fail(
                        .en(
                            "period is for indicators over own figures (as numerator or denominator)",
                            nl: "period is voor indicatoren over eigen cijfers (als teller of noemer)"))
                }
                guard let parsed = OwnPeriod(code: period) else {
                    throw fail(
                        .en(
                            "period \"\(period)\" must be a month (MM01–MM12), quarter (KW01–KW04) or half-year (HJ01, HJ02)",
                            nl:
                                "period \"\(period)\" moet een maand (MM01–MM12), kwartaal (KW01–KW04) of halfjaar (HJ01, HJ02) zijn"
                        ))
                }
                ownPeriod = parsed
            }
            let isOwn: Bool
            if case .own = numerator { isOwn = true } else { isOwn = false }
            let isIv3: Bool
            if case .iv3 = numerator { isIv3 = true } else { isIv3 = false }
            var perEuro = false
            if case .fund = denominator { perEuro = true }
            // Declared once; the default follows the numerator: Iv3 amounts are euros, a CBS count × 100 a percentage.
            let valueKind: ValueKind
            if let declared = entry.unitKind {
                guard let kind = ValueKind(rawValue: declared) else {
                    let kinds = ValueKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail(.en("unit-kind must be \(kinds)", nl: "unit-kind moet een van deze zijn: \(kinds)"))
                }
                valueKind = kind
            } else {
                valueKind = isIv3 && !perEuro ? .money : multiplier == 100 ? .percentage : .rate
            }
            // Euros over the fund's euros are a ratio (spending per euro allocated); any other Iv3 figure is money.
            if isIv3 && !perEuro && valueKind != .money {
                throw fail(
                    .en(
                        "an Iv3 numerator is an amount in euros: unit-kind must be money",
                        nl: "een Iv3-teller is een bedrag in euro's: unit-kind moet money zijn"))
            }
            if valueKind == .percentage && multiplier != 100 {
                throw fail(.en("a percentage needs multiplier: 100", nl: "een percentage heeft multiplier: 100 nodig"))
            }
            // People among people (clients per inhabitant) get a Wilson interval; euros never do, nor the fund's
            // allocation or need (a formula, not a count of people).
            var isFund = false
            switch numerator {
            case .fund, .fundNeed: isFund = true
            default: break
            }
            let interval = entry.interval ?? (isIv3 || isOwn || isFund ? "none" : "wilson")
            guard interval == "none" || interval == "wilson" else {
                throw fail(.en("interval must be wilson or none", nl: "interval moet wilson of none zijn"))
            }
            if interval == "wilson" && (isIv3 || isFund) {
                throw fail(
                    .en(
                        "amounts in euros get no interval, nor do the fund's figures; use interval: none",
                        nl: "bedragen in euro's krijgen geen interval, de cijfers van het fonds ook niet; gebruik interval: none")
                )
            }
            let zero: ZeroPolicy
            switch entry.zero ?? "value" {
            case "value":
                if entry.broader != nil {
                    throw fail(.en("broader goes with zero: not-booked", nl: "broader hoort bij zero: not-booked"))
                }
                zero = .value
            case "not-booked":
                guard isIv3 else {
                    throw fail(
                        .en(
                            "zero: not-booked is for Iv3 amounts (what a municipality books on a line)",
                            nl: "zero: not-booked is voor Iv3-bedragen (wat een gemeente op een taakveld boekt)"))
                }
                zero = .notBooked(broader: entry.broader)
            default: throw fail(.en("zero must be value or not-booked", nl: "zero moet value of not-booked zijn"))
            }
            var indicator = Indicator(
                id: entry.id, title: entry.title.text, unit: entry.unit.text, numerator: numerator,
                denominator: denominator, multiplier: multiplier, direction: direction,
                notes: entry.notes?.text ?? LocalizedText(nl: "", en: ""), origin: origin, hasInterval: interval == "wilson",
                valueKind: valueKind, zero: zero, ownPeriod: ownPeriod)
            indicator.bridge = entry.bridge
            if let overhead = entry.overhead {
                // Only an Iv3 amount of lasten or netto, whose lines are not the overhead itself, takes a share of it.
                guard case .iv3(let measure, let layouts) = numerator, measure != .baten,
                    let spread = OverheadSpread(rawValue: overhead)
                else {
                    throw fail(
                        .en(
                            "overhead: salaries spreads the overhead (0.4) over an Iv3 amount of lasten or netto",
                            nl: "overhead: salaries verdeelt de overhead (0.4) over een Iv3-bedrag van lasten of netto"))
                }
                if layouts.contains(where: { $0.taakvelden.contains(OverheadSpread.taakveld) }) {
                    throw fail(
                        .en(
                            "overhead: salaries on an indicator that sums 0.4 itself would count the overhead twice",
                            nl: "overhead: salaries bij een indicator die 0.4 zelf optelt, telt de overhead dubbel"))
                }
                indicator.overhead = spread
            }
            if let accumulation = entry.accumulation {
                guard indicator.usesOwnFigures, let parsed = Accumulation(rawValue: accumulation) else {
                    throw fail(
                        .en(
                            "accumulation must be flow (the periods sum to the year) or stock (the latest is the year's), on an indicator over own figures",
                            nl:
                                "accumulation moet flow (de perioden tellen op tot het jaar) of stock (de laatste is die van het jaar) zijn, bij een indicator over eigen cijfers"
                        ))
                }
                indicator.accumulation = parsed
            }
            return indicator
        }
    }

    private static func quantity(_ entry: QuantityEntry, fail: (LocalizedText) -> ModelError) throws -> Quantity {
        switch entry.source {
        case "iv3":
            guard let measure = Iv3Measure(rawValue: entry.measure ?? "lasten") else {
                throw fail(.en("measure must be lasten, baten or netto", nl: "measure moet lasten, baten of netto zijn"))
            }
            guard let taakvelden = entry.taakvelden, !taakvelden.isEmpty else {
                throw fail(
                    .en(
                        "an iv3 numerator needs taakvelden per layout year, e.g. \"2025\": [\"6.711\"]",
                        nl: "een iv3-teller heeft taakvelden per indelingsjaar nodig, bijvoorbeeld \"2025\": [\"6.711\"]"))
            }
            let layouts = try taakvelden.map { key, codes -> Iv3Layout in
                guard let year = Int(key), (2000...2100).contains(year) else {
                    throw fail(.en("layout key \"\(key)\" is not a year", nl: "indelingssleutel \"\(key)\" is geen jaartal"))
                }
                return Iv3Layout(fromYear: year, taakvelden: codes, onlyYears: nil)
            }.sorted { $0.fromYear < $1.fromYear }
            return .iv3(measure: measure, layouts: layouts)
        case "cbs":
            guard let table = entry.table, !table.isEmpty, let topics = entry.topics, !topics.isEmpty else {
                throw fail(
                    .en(
                        "a cbs quantity needs a table id and topics",
                        nl: "een cbs-grootheid heeft een tabelcode en onderwerpen nodig"))
            }
            let selection = (entry.where ?? [:]).mapValues(\.codes)
            if let empty = selection.first(where: { $0.value.isEmpty }) {
                throw fail(.en("where: \(empty.key) lists no codes", nl: "where: \(empty.key) noemt geen codes"))
            }
            return .cbs(table: table, topics: topics, where: selection)
        case "own":
            guard let measure = entry.measure, !measure.isEmpty else {
                throw fail(
                    .en(
                        "an own quantity needs the measure as imported, e.g. measure: hh-uren-per-client",
                        nl: "een eigen grootheid heeft de maat nodig zoals ingelezen, bijvoorbeeld measure: hh-uren-per-client"))
            }
            return .own(measure: measure)
        case "fund":
            guard let cluster = entry.cluster, !cluster.isEmpty else {
                throw fail(
                    .en(
                        "a fund quantity needs the cluster, e.g. cluster: Individuele voorzieningen Wmo",
                        nl: "een fondsgrootheid heeft het cluster nodig, bijvoorbeeld cluster: Individuele voorzieningen Wmo"))
            }
            switch entry.measure ?? "allocation" {
            case "allocation": return .fund(cluster: cluster)
            case "need": return .fundNeed(cluster: cluster)
            default:
                throw fail(
                    .en(
                        "a fund quantity's measure is allocation (euros) or need (the allocation in national inhabitants)",
                        nl:
                            "de measure van een fondsgrootheid is allocation (euro's) of need (de uitkering in landelijke inwoners)"
                    ))
            }
        default:
            throw fail(.en("source must be iv3, cbs, own or fund", nl: "source moet iv3, cbs, own of fund zijn"))
        }
    }

    /// The decoder's complaint; its own wording is English only, so the Dutch names the place and what kind of fault.
    private static func describe(_ error: DecodingError) -> LocalizedText {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "#\($0 + 1)" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .en(
                "\(path(context)): \"\(key.stringValue)\" is missing", nl: "\(path(context)): \"\(key.stringValue)\" ontbreekt")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return .en(
                "\(path(context)): \(context.debugDescription)", nl: "\(path(context)): de waarde heeft niet de verwachte soort")
        case .dataCorrupted(let context):
            return .en("\(path(context)): \(context.debugDescription)", nl: "\(path(context)): de waarde is ongeldig")
        @unknown default: return .en("\(error)", nl: "ongeldige indicatorbeschrijving")
        }
    }
}
