public import MaatstafFetch

extension CBSODataV3Source {
    /// A table's region list with CBS's descriptions — its record of mergers and changes of name — as fetched, after
    /// checking that it reads (a response that does not is not kept in the cache).
    public func regionList(_ table: String) async throws -> FetchResult {
        try CBSTableID.check(table)
        let url = url(table, "RegioS")
        return try await fetcher.fetch(url) { result in
            _ = try CBSMunicipalChangeText.changes(fromRegionList: result.body, url: url)
            return result
        }
    }
}
