public import MaatstafCore
public import MaatstafReport
import MaatstafStore

extension Workspace {
    /// An indicator's full definition (`maatstaf indicators show`), with what the store knows of it: CBS's Iv3 code
    /// list of every year held, and the years of the Iv3 documents.
    public func describe(_ indicator: Indicator) throws -> IndicatorDescription {
        var codeLists: [Int: [String: String]] = [:]
        for year in try store.iv3DefinitionYears() {
            codeLists[year] = Dictionary(
                try store.iv3Definitions(year: year).map { ($0.taakveld, $0.title) }, uniquingKeysWith: { a, _ in a })
        }
        return try IndicatorDescription(
            indicator: indicator, codeLists: codeLists, documentYears: try store.iv3Documents().map(\.year),
            engine: engine)
    }
}
