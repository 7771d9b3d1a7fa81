import MaatstafCore

extension CBSODataV3Source {
    /// A streamed table's pages as they go into the sink, in order: the rows, responses and cached pages counted,
    /// and the check that no row repeats another — by the rows' nested order while it holds (no memory), by
    /// fingerprints of their hashes once it does not (5 bytes a row, filled first with the rows already stored).
    /// One type for both ways a table streams (by `$skip` with a row count, by next-page links without one), so they
    /// check and count alike.
    struct PageIntake {
        /// The rows announced (the fingerprints are sized for them); nil: none announced, the fingerprints start at
        /// twice the rows so far and are refilled twice as large whenever they fill.
        let announced: Int?
        var responses: [(url: String, sha256: String)]
        private var order: RowOrderCheck
        private(set) var check: RowRepeatCheck?
        private(set) var rows = 0
        private(set) var pages = 0
        private(set) var fromCache = 0

        init(announced: Int?, dimensions: Int, responses: [(url: String, sha256: String)]) {
            self.announced = announced
            self.responses = responses
            order = RowOrderCheck(dimensions: dimensions)
        }

        /// Checks one page and hands it to the sink.
        mutating func take(_ page: Page, into sink: any CBSTableSink) throws {
            rows += page.columns.rowCount
            if check == nil {
                order.follow(page.columns.codes)
                if !order.holds { check = try RowRepeatCheck.refilled(from: sink, room: announced ?? rows * 2) }
            }
            if announced == nil, let filled = check, !filled.hasRoom(for: page.columns.rowCount) {
                check = try RowRepeatCheck.refilled(from: sink, room: rows * 2, suspects: filled.suspects)
            }
            check?.insert(page.columns.rowHashes)
            try sink.append(codes: page.columns.codes, values: page.columns.values)
            responses.append((url: page.url, sha256: page.sha256))
            if page.fromCache { fromCache += 1 }
            pages += 1
        }

        /// After the last page: the exact look behind any fingerprints that met, then the table made visible.
        func finish(
            into sink: any CBSTableSink, codeLists: [String: [CBSDimensionCode]], keys: [String], url: String
        ) throws {
            if let suspects = check?.suspects, !suspects.isEmpty {
                try CBSODataV3Source.checkSuspects(suspects, in: sink, keys: keys, url: url)
            }
            try sink.finish(codeLists: codeLists, responses: responses)
        }
    }
}
