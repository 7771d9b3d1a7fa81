public import Foundation
import MaatstafCore

/// `municipalities.csv`: each municipality name CBS has used with its code, the last classification year the name
/// occurs in, and its COROP region, labour-market region (arbeidsmarktregio) and province.
///
/// Rows of the current year are the current municipalities; older rows are dissolved municipalities or older
/// spellings of current ones (`Beek` for `Beek (L.)`, same code).
public struct MunicipalityRegionsFile: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var name: String
        public var code: String
        public var lastYear: Int
        public var coropCode: String
        public var corop: String
        public var labourMarketRegionCode: String
        public var labourMarketRegion: String
        public var provinceCode: String
        public var province: String
    }

    public var rows: [Row]

    public init(data: Data, source: String) throws {
        let table = try DelimitedText(data: data, separator: ",", source: source)
        let columns = try ["name", "code", "year", "corop_code", "corop", "region_code", "region", "province_code", "province"]
            .map { try table.column($0, in: source) }
        rows = try table.rows.map { row in
            guard let year = Int(row[columns[2]]) else {
                throw SourceError(
                    subject: source, line: row.line,
                    reason: .en("year \"\(row[columns[2]])\" is not a number", nl: "jaar \"\(row[columns[2]])\" is geen getal"),
                    hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
            }
            let code = row[columns[1]]
            guard code.hasPrefix("GM"), code.count == 6 else {
                throw SourceError(
                    subject: source, line: row.line,
                    reason: .en(
                        "\"\(code)\" is not a municipality code like GM0293", nl: "\"\(code)\" is geen gemeentecode zoals GM0293"),
                    hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is"))
            }
            return Row(
                line: row.line, name: row[columns[0]], code: code, lastYear: year,
                coropCode: row[columns[3]], corop: row[columns[4]],
                labourMarketRegionCode: row[columns[5]], labourMarketRegion: row[columns[6]],
                provinceCode: row[columns[7]], province: row[columns[8]])
        }
    }
}
