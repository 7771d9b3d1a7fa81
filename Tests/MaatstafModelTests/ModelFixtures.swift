import Foundation
import MaatstafCore
import MaatstafModel
import MaatstafStore
import MaatstafTestServer

/// The atlas over the real embedded snapshot, loaded once for all model tests.
enum ModelFixtures {
    static let store = try! Store(path: LoadedStore.copy())

    static let atlas: MunicipalityAtlas = try! MunicipalityAtlas(store: store)
    static var directory: MunicipalityDirectory { atlas.directory }

    /// A folder with the given region files, for tests that write broken ones on purpose.
    static func regionFolder(_ files: [String: String]) throws -> URL {
        let folder = RepositoryFixtures.temporaryFolder()
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }
}
