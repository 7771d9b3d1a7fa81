public import Foundation
import MaatstafCore

/// `gemeenteklassen_YYYY.tsv`: per municipality its province, size class, urbanity class and population on
/// 1 January of that year (CBS "Gebieden in Nederland").
public struct MunicipalityClassesFile: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var name: String
        public var province: String
        /// As written in the file, e.g. `10000tot20000inwoners`.
        public var sizeClass: String
        /// As written in the file, e.g. `Matigstedelijk`.
        public var urbanity: String
        public var population: Int
    }

    public var rows: [Row]

    public init(data: Data, source: String) throws {
        let table = try DelimitedText(data: data, separator: "\t", source: source)
        let columns = try ["Gemeenten", "Provincie", "Gemeentegrootte", "Stedelijkheid", "Inwonertal"]
            .map { try table.column($0, in: source) }
        rows = try table.rows.map { row in
            guard let population = Int(row[columns[4]]), population >= 0 else {
                throw SourceError(
                    subject: source, line: row.line,
                    reason: .en(
                        "population \"\(row[columns[4]])\" is not a whole number of people",
                        nl: "inwonertal \"\(row[columns[4]])\" is geen geheel aantal mensen"),
                    hint: .en("Use the file as published", nl: "Gebruik het bestand zoals het gepubliceerd is")
                )
            }
            return Row(
                line: row.line, name: row[columns[0]], province: row[columns[1]], sizeClass: row[columns[2]],
                urbanity: row[columns[3]], population: population)
        }
    }
}
