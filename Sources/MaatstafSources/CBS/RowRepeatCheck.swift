/// Whether a row of a streamed table may repeat an earlier one, in memory fixed by the announced row count.
///
/// Why fingerprints: keeping each row's 64-bit hash in a set costs 16 bytes a row at a sane load (80 MiB for a
/// 5-million-row table); this keeps 4 bytes of the hash in a slot chosen by its other 4 bytes, at a load of at most
/// 0.8 (5 bytes a row). A row whose fingerprint meets an equal one on its way to a free slot may repeat that row:
/// its full hash is kept as a suspect, and after the last page the stored rows are read back once, page by page, to
/// compare the rows behind each suspect exactly (`CBSODataV3Source`). A coincidence (about one in a few hundred
/// tables of 5 million rows) costs that second look, never a wrong verdict; a real repetition shares the full hash.
struct RowRepeatCheck {
    private var slots: [UInt32]
    private var filled = 0
    /// The full hashes of rows that may repeat an earlier row.
    private(set) var suspects: Set<UInt64> = []

    /// Room for `expectedRows` at a load of at most 0.8. More rows than that are never inserted: the caller refuses
    /// a table that sends more rows than it announced before they get here.
    init(expectedRows: Int) {
        slots = [UInt32](repeating: 0, count: max(16, expectedRows + expectedRows / 4))
    }

    /// Whether `rows` more fit at a load of at most 0.8. A table that announced its count never runs out; one that
    /// did not is refilled into a larger check (`refilled`) before it would.
    func hasRoom(for rows: Int) -> Bool { (filled + rows) * 5 <= slots.count * 4 }

    /// A check with room for `room` rows, holding the fingerprints of the rows the sink has stored so far (read back
    /// page by page, hashed as the scanner hashes them) and the suspects already found.
    static func refilled(from sink: any CBSTableSink, room: Int, suspects: Set<UInt64> = []) throws -> RowRepeatCheck {
        var check = RowRepeatCheck(expectedRows: room)
        try sink.forEachStoredPage { page in
            check.insert((0..<(page.first?.count ?? 0)).map { row in ODataPageScanner.rowHash(page.lazy.map { $0[row] }) })
        }
        check.suspects.formUnion(suspects)
        return check
    }

    /// Adds one page's row hashes (from `ODataPageScanner`).
    mutating func insert(_ hashes: [UInt64]) {
        let capacity = UInt64(slots.count)
        slots.withUnsafeMutableBufferPointer { slots in
            for hash in hashes {
                guard filled < slots.count - 1 else {
                    suspects.insert(hash)
                    continue
                }
                let high = UInt32(truncatingIfNeeded: hash >> 32)
                let fingerprint = high == 0 ? 1 : high
                // The low half of the hash, scaled onto the table (no power of two needed).
                var slot = Int((UInt64(UInt32(truncatingIfNeeded: hash)) &* capacity) >> 32)
                while slots[slot] != 0 {
                    if slots[slot] == fingerprint {
                        suspects.insert(hash)
                        break
                    }
                    slot = slot + 1 == slots.count ? 0 : slot + 1
                }
                if slots[slot] == 0 {
                    slots[slot] = fingerprint
                    filled += 1
                }
            }
        }
    }
}
