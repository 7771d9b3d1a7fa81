public import Foundation
public import MaatstafCore

/// The files of one circulaire of the municipal fund as BZK publishes them (begrotingsanalysetool,
/// `Brondata/GF/Clusterdata`): `GF_<C>_Gewichten.csv` (weights per measure and cluster), `GF_<C>_Volumina.csv`
/// (each municipality's volumes), `GF_<C>_SIUDU.csv` (its IU/DU payments) and `Uitkeringsfactor.csv`. Tab-separated,
/// decimal comma, dots between thousands in some cells. Everything is checked before a circulaire exists: every
/// weighted measure has a volume, every payment with a share has a column, every number parses, every municipality
/// of the payments is one of the volumes (joined by the fund's own names within the circulaire, then by CBS code),
/// the factor exists. A problem names the file, line and column.
public struct FundCirculaireFiles: Sendable {
    /// A problem at a place in the files.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: String?
        public var message: LocalizedText

        public func described(_ locale: ReportLocale) -> String {
            let nl = locale == .nl
            var place = file
            if let line { place += nl ? ", regel \(line)" : ", line \(line)" }
            if let column { place += nl ? ", kolom \(column)" : ", column \(column)" }
            return "\(place): \(message.text(locale))"
        }

        public var description: String { described(.en) }
    }

    /// The file names of circulaire `id`.
    public static func names(_ id: String) -> [String] {
        ["GF_\(id)_Gewichten.csv", "GF_\(id)_Volumina.csv", "GF_\(id)_SIUDU.csv", "Uitkeringsfactor.csv"]
    }

    /// `M2024_2025` → (meicirculaire 2024, for 2025); nil for anything else.
    public static func parse(id: String) -> (circulaire: String, year: Int)? {
        let parts = id.split(separator: "_")
        guard parts.count == 2, let kind = parts[0].first, kind == "M" || kind == "S", parts[0].count == 5,
            Int(parts[0].dropFirst()) != nil, let year = Int(parts[1]), parts[1].count == 4
        else { return nil }
        return (String(parts[0]), year)
    }

    public private(set) var circulaire: FundCirculaire?
    public private(set) var problems: [Problem] = []

    /// Reads circulaire `id` from `files` (file name → bytes).
    public init(id: String, files: [String: Data]) {
        guard let (name, year) = Self.parse(id: id) else {
            problems.append(
                Problem(
                    file: id, line: nil, column: nil,
                    message: .en(
                        "is no circulaire: write M or S, its year, _ and the year it is for (M2024_2025)",
                        nl: "is geen circulaire: schrijf M of S, het jaar, _ en het jaar waarvoor (M2024_2025)")))
            return
        }
        let names = Self.names(id)
        var tables: [[[String]]] = []
        for file in names {
            guard let data = files[file] else {
                problems.append(
                    Problem(file: file, line: nil, column: nil, message: .en("is missing", nl: "ontbreekt")))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(
                    Problem(file: file, line: nil, column: nil, message: .en("is not UTF-8 text", nl: "is geen UTF-8-tekst")))
                continue
            }
            let separator: Character = file == "Uitkeringsfactor.csv" ? "," : "\t"
            tables.append(
                text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) })
        }
        guard problems.isEmpty else { return }
        let (weights, volumes, payments, factors) = (tables[0], tables[1], tables[2], tables[3])

        // The factor of the circulaire for its year.
        var factor: Double?
        for (index, row) in factors.enumerated().dropFirst() where row.count >= 3 {
            if row[0] == name, row[1] == String(year) {
                factor = Double(row[2])
                if factor == nil {
                    problem(
                        names[3], index + 1, "Uitkeringsfactor",
                        .en("\"\(row[2])\" is no number", nl: "\"\(row[2])\" is geen getal"))
                }
            }
        }
        if factor == nil, problems.isEmpty {
            problem(
                names[3], nil, nil,
                .en("has no factor for \(name) and \(year)", nl: "heeft geen factor voor \(name) en \(year)"))
        }

        // Weights: code, name, a column per cluster, Totaal.
        let header = weights.first ?? []
        guard header.count > 3, header[0] == "Codering maatstaf", header[1] == "Naam maatstaf" else {
            problem(
                names[0], 1, nil,
                .en(
                    "the header must start with Codering maatstaf, Naam maatstaf and the clusters",
                    nl: "de kopregel moet beginnen met Codering maatstaf, Naam maatstaf en de clusters"))
            return
        }
        let clusters = Array(header.dropFirst(2)).filter { $0 != "Totaal" && !$0.isEmpty }
        let volumeHeader = volumes.first ?? []
        guard volumeHeader.count > 3, volumeHeader[0] == "CBS", volumeHeader[1] == "Naam" else {
            problem(names[1], 1, nil, .en("the header must start with CBS, Naam", nl: "de kopregel moet beginnen met CBS, Naam"))
            return
        }
        // Two layouts are published: CBS, Naam, Prov, payments… (joined by code), or Naam, Prov, payments… (joined by
        // the volumes file's names within the circulaire, then by code).
        let paymentHeader = payments.first ?? []
        let byCode = paymentHeader.first == "CBS"
        let firstPayment = byCode ? 3 : 2
        guard paymentHeader.count > firstPayment, paymentHeader[byCode ? 1 : 0] == "Naam" else {
            problem(
                names[2], 1, nil,
                .en(
                    "the header must start with CBS, Naam or with Naam", nl: "de kopregel moet beginnen met CBS, Naam of met Naam"
                ))
            return
        }
        var measures: [FundCirculaire.Measure] = []
        var shares: [FundCirculaire.Payment] = []
        for (index, row) in weights.enumerated().dropFirst() where !row.allSatisfy(\.isEmpty) {
            var byCluster: [String: Double] = [:]
            for (offset, cluster) in clusters.enumerated() {
                let cell = offset + 2 < row.count ? row[offset + 2] : ""
                guard let value = Self.number(cell) else {
                    problem(names[0], index + 1, cluster, .en("\"\(cell)\" is no number", nl: "\"\(cell)\" is geen getal"))
                    continue
                }
                if value != 0 { byCluster[cluster] = value }
            }
            let code = row[0].trimmingCharacters(in: .whitespaces)
            let label = row.count > 1 ? row[1].trimmingCharacters(in: .whitespaces) : ""
            if code.isEmpty {
                // A payment of a cluster without a column of amounts: the cluster's allocation cannot be computed,
                // and says so (never as if the payment were 0).
                let listed = paymentHeader.dropFirst(firstPayment).contains {
                    $0.caseInsensitiveCompare(label) == .orderedSame
                }
                shares.append(FundCirculaire.Payment(name: label, shares: byCluster, withoutAmounts: !listed))
            } else {
                measures.append(
                    FundCirculaire.Measure(
                        code: code, name: label, weights: byCluster, withoutFactor: code.uppercased().hasPrefix("WOZ")))
                if !byCluster.isEmpty, Self.volumeColumn(code, in: volumeHeader) == nil {
                    problem(
                        names[0], index + 1, "Codering maatstaf",
                        .en(
                            "the measure \(code) (\(label)) has a weight, but \(names[1]) has no volume for it",
                            nl: "de maatstaf \(code) (\(label)) heeft een gewicht, maar \(names[1]) heeft er geen volume voor"))
                }
            }
        }

        // Volumes: CBS number, the fund's name, province, a column per measure.
        var figures: [String: FundCirculaire.MunicipalityFigures] = [:]
        var codeByFundName: [String: String] = [:]
        let columns = Dictionary(
            measures.compactMap { measure in Self.volumeColumn(measure.code, in: volumeHeader).map { (measure.code, $0) } },
            uniquingKeysWith: { first, _ in first })
        for (index, row) in volumes.enumerated().dropFirst() where !row.allSatisfy(\.isEmpty) {
            guard let number = Int(row[0].trimmingCharacters(in: .whitespaces)), (1...9999).contains(number) else {
                problem(
                    names[1], index + 1, "CBS",
                    .en("\"\(row[0])\" is no CBS municipality number", nl: "\"\(row[0])\" is geen CBS-gemeentenummer"))
                continue
            }
            let code = "GM" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
            var values: [String: Double] = [:]
            for (measure, column) in columns {
                let cell = column < row.count ? row[column] : ""
                guard let value = Self.number(cell) else {
                    problem(
                        names[1], index + 1, volumeHeader[column],
                        .en("\"\(cell)\" is no number", nl: "\"\(cell)\" is geen getal"))
                    continue
                }
                values[measure] = value
            }
            if figures[code] != nil {
                problem(names[1], index + 1, "CBS", .en("\(code) is there twice", nl: "\(code) staat er twee keer in"))
            }
            let fundName = row.count > 1 ? row[1] : code
            figures[code] = FundCirculaire.MunicipalityFigures(fundName: fundName, volumes: values, payments: [:])
            codeByFundName[fundName] = code
        }

        // Payments: the fund's name, province, a column per payment; joined by the names of the volumes file.
        var paid: Set<String> = []
        for (index, row) in payments.enumerated().dropFirst() where !row.allSatisfy(\.isEmpty) {
            let key = row[0].trimmingCharacters(in: .whitespaces)
            let code =
                byCode
                ? Int(key).map { "GM" + String(repeating: "0", count: max(0, 4 - String($0).count)) + String($0) }
                : codeByFundName[key]
            guard let code, figures[code] != nil else {
                problem(
                    names[2], index + 1, byCode ? "CBS" : "Naam",
                    .en(
                        "\"\(key)\" is none of the municipalities of \(names[1])",
                        nl: "\"\(key)\" is geen van de gemeenten van \(names[1])"))
                continue
            }
            paid.insert(code)
            var amounts: [String: Double] = [:]
            for payment in shares where !payment.shares.isEmpty {
                guard
                    let column = paymentHeader.indices.dropFirst(firstPayment).first(where: {
                        paymentHeader[$0].caseInsensitiveCompare(payment.name) == .orderedSame
                    })
                else { continue }
                let cell = column < row.count ? row[column] : ""
                guard let value = Self.number(cell) else {
                    problem(
                        names[2], index + 1, paymentHeader[column],
                        .en("\"\(cell)\" is no number", nl: "\"\(cell)\" is geen getal"))
                    continue
                }
                amounts[payment.name] = value
            }
            figures[code]?.payments = amounts
        }
        for code in figures.keys.sorted() where !paid.contains(code) {
            problem(
                names[2], nil, nil,
                .en(
                    "has no row for \(figures[code]!.fundName) (\(code))",
                    nl: "heeft geen regel voor \(figures[code]!.fundName) (\(code))"))
        }
        guard problems.isEmpty, let factor else { return }
        circulaire = FundCirculaire(
            id: id, year: year, factor: factor, clusters: clusters, measures: measures, payments: shares,
            municipalities: figures)
    }

    private mutating func problem(_ file: String, _ line: Int?, _ column: String?, _ message: LocalizedText) {
        problems.append(Problem(file: file, line: line, column: column, message: message))
    }

    /// The volume column of a measure: its code, else the one column named as the code and a word (`vast nieuw` for
    /// `vast`, the fixed amount).
    static func volumeColumn(_ code: String, in header: [String]) -> Int? {
        if let exact = header.indices.dropFirst(3).first(where: { header[$0] == code }) { return exact }
        let candidates = header.indices.dropFirst(3).filter { header[$0].hasPrefix(code + " ") }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// A number as the fund writes it: decimal comma, dots between thousands (`5.124,19`, `4638,946433`, `-0,003079`),
    /// and Excel's exponent for large WOZ values (`2,1543E+11`). Nil when it is no number — an empty cell too: BZK
    /// writes its zeros, so a blank is a missing figure, never 0.
    static func number(_ text: String) -> Double? {
        let cell = text.trimmingCharacters(in: .whitespaces)
        guard !cell.isEmpty,
            cell.allSatisfy({ $0.isASCII && ($0.isNumber || ",.-+Ee".contains($0)) }),
            cell.filter({ $0 == "," }).count <= 1, cell.first.map({ $0.isNumber || $0 == "-" }) == true
        else { return nil }
        let plain = cell.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        guard let value = Double(plain), value.isFinite else { return nil }
        return value
    }
}
