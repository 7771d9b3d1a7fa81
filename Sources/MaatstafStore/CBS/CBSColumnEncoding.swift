import Foundation
import MaatstafCore
import MaatstafSources

/// How a fetched CBS table's columns are written into `cbs_column` and `cbs_chunk` blobs, and read back.
///
/// Why columns: one SQLite row per cell made a 200,000-row table 400,000 inserts plus index updates; a handful of
/// blobs per table store in milliseconds, and every question maatstaf asks of a table (one topic for all
/// municipalities in a year, or the whole table for export) reads whole columns anyway. Numbers are little-endian
/// on every platform. A column is stored in chunks (a page or so of rows each, in `cbs_chunk`) so that a table can be
/// written as it streams in: its dictionary of codes (in `cbs_column`) is complete only after the last chunk.
enum CBSColumnEncoding {
    /// A dimension column's distinct codes, in order of first appearance: grows page by page as a table streams in,
    /// so every page's rows point into one dictionary for the whole column.
    struct CodeDictionary {
        private var numbering = CodeNumbering()
        var codes: [String] { numbering.codes }

        /// One UInt32 per row: the index of its code, added to the dictionary when new.
        mutating func encode(_ rows: [String]) -> Data {
            var data = Data(count: rows.count * 4)
            data.withUnsafeMutableBytes { raw in
                let out = raw.bindMemory(to: UInt32.self)
                var last: (code: String, position: UInt32)?
                for (row, code) in rows.enumerated() {
                    let position: UInt32
                    // CBS serves rows sorted, so a code mostly repeats the previous row's: skip the hash lookup then.
                    if let last, last.code == code {
                        position = last.position
                    } else {
                        position = UInt32(numbering.number(code))
                    }
                    last = (code, position)
                    out[row] = position.littleEndian
                }
            }
            return data
        }
    }

    static func decodeCodes(dictionary: [String], data: Data) throws -> [String] {
        try data.withUnsafeBytes { raw in
            guard raw.count % 4 == 0 else { throw CorruptColumn() }
            return try (0..<raw.count / 4).map { row in
                let position = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: row * 4, as: UInt32.self)))
                guard position < dictionary.count else { throw CorruptColumn() }
                return dictionary[position]
            }
        }
    }

    /// A topic column's texts (the codes and names of a classification some tables hold as a topic), in order of first
    /// appearance; grows page by page like `CodeDictionary`.
    struct TextDictionary {
        private var index: [String: UInt64] = [:]
        private(set) var texts: [String] = []

        /// The numbers (0 where there is none, never read) and one status byte per row; a text cell keeps the index of
        /// its text where a number would be. `tally` counts the rows per status byte.
        mutating func encode(_ values: [CBSValue], tally: inout [Int]) -> (data: Data, status: Data) {
            var data = Data(count: values.count * 8)
            var status = Data(count: values.count)
            data.withUnsafeMutableBytes { rawData in
                status.withUnsafeMutableBytes { rawStatus in
                    let numbers = rawData.bindMemory(to: UInt64.self)
                    let states = rawStatus.bindMemory(to: UInt8.self)
                    for (row, value) in values.enumerated() {
                        if case .text(let text) = value {
                            let position = index[text] ?? UInt64(texts.count)
                            if index[text] == nil {
                                index[text] = position
                                texts.append(text)
                            }
                            numbers[row] = position.littleEndian
                        } else {
                            numbers[row] = (value.number ?? 0).bitPattern.littleEndian
                        }
                        let state = code(of: value)
                        states[row] = state
                        tally[Int(state)] += 1
                    }
                }
            }
            return (data, status)
        }
    }

    static func decodeValues(data: Data, status: Data, texts: [String]? = nil) throws -> [CBSValue] {
        guard data.count == status.count * 8 else { throw CorruptColumn() }
        return try data.withUnsafeBytes { rawData in
            try status.withUnsafeBytes { rawStatus in
                try (0..<rawStatus.count).map { row in
                    switch rawStatus[row] {
                    case 0:
                        .number(
                            Double(
                                bitPattern: UInt64(littleEndian: rawData.loadUnaligned(fromByteOffset: row * 8, as: UInt64.self)))
                        )
                    case 1: .unknown
                    case 2: .secret
                    case 3: .notApplicable
                    case 4:
                        try {
                            let position = Int(
                                UInt64(littleEndian: rawData.loadUnaligned(fromByteOffset: row * 8, as: UInt64.self)))
                            guard let texts, position < texts.count else { throw CorruptColumn() }
                            return .text(texts[position])
                        }()
                    default: throw CorruptColumn()
                    }
                }
            }
        }
    }

    static func code(of value: CBSValue) -> UInt8 {
        switch value {
        case .number: 0
        case .unknown: 1
        case .secret: 2
        case .notApplicable: 3
        case .text: 4
        }
    }

    /// The status words of `cbsObservationCounts`, by status byte.
    static let statusNames = [CBSValue.number(0), .unknown, .secret, .notApplicable, .text("")].map(\.statusWord)

    struct CorruptColumn: Error {}
}
