import Foundation
import MaatstafStore
import MaatstafTestServer

/// A store file with the embedded snapshot loaded, made once per test process and copied for each test that damages
/// or inspects one: loading the snapshot costs about a second in a debug build, copying the file a few milliseconds.
/// `SnapshotLoaderTests.loadOnce` still loads into an empty store of its own.
enum LoadedStore {
    private static let template: URL = {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("template.sqlite")
        do {
            let store = try Store(path: path.path)
            try SnapshotLoader(folder: RepositoryFixtures.snapshot).loadIfNeeded(into: store)
        } catch {
            fatalError("the embedded snapshot does not load: \(error)")
        }
        return path
    }()

    /// The path of a fresh copy of the loaded store, in a folder of its own.
    static func copy() throws -> String {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("maatstaf.sqlite")
        try FileManager.default.copyItem(at: template, to: path)
        return path.path
    }
}
