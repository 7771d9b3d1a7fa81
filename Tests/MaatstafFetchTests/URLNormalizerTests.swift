import MaatstafCore
import MaatstafFetch
import Testing

@Suite("URL normalisation for cache keys")
struct URLNormalizerTests {
    @Test("equivalent spellings share one key")
    func equivalent() {
        let a = URLNormalizer.normalize("HTTPS://OpenData.CBS.nl:443/ODataFeed/odata/85984NED/TypedDataSet?$top=10&$skip=0#x")
        let b = URLNormalizer.normalize("https://opendata.cbs.nl/ODataFeed/odata/85984NED/TypedDataSet?$skip=0&$top=10")
        #expect(a == b)
        #expect(b == "https://opendata.cbs.nl/ODataFeed/odata/85984NED/TypedDataSet?$skip=0&$top=10")
    }

    @Test("table ids and paths stay case-sensitive")
    func caseSensitivePath() {
        #expect(
            URLNormalizer.normalize("https://opendata.cbs.nl/ODataApi/odata/03759ned")
                != URLNormalizer.normalize("https://opendata.cbs.nl/ODataApi/odata/03759NED"))
    }
}
