import CBuildID
import MaatstafCore

/// Which build of maatstaf is running: the GNU build ID the linker wrote into the program (a hash of its contents),
/// in hex. A value maatstaf keeps in its store (the municipality atlas) is used only by the build that made it, so a
/// program with other code never reads a value made by the old code as its own. Nil when the program has no build
/// ID (then nothing is kept and every value is made anew, as before).
enum ProgramBuild {
    static let identity: String? = {
        var found = mst_program_build_id()
        guard found.count > 0 else { return nil }
        return withUnsafeBytes(of: &found.bytes) { Hex.lowercase($0.prefix(found.count)) }
    }()
}
