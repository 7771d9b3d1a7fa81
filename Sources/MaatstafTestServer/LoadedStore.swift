import Foundation
import MaatstafStore

/// A store file with the embedded snapshot loaded, made once per test process and copied for every test (or fixture)
/// that needs one: loading the snapshot costs over a second in a debug build, copying the file a few milliseconds.
/// Tests of the loading itself load into an empty store of their own.
public enum LoadedStore {
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

    /// The path of a fresh copy of the loaded store, `maatstaf.sqlite` in a folder of its own.
    public static func copy() throws -> String {
        let path = RepositoryFixtures.temporaryFolder().appendingPathComponent("maatstaf.sqlite")
        try FileManager.default.copyItem(at: template, to: path)
        return path.path
    }
}
