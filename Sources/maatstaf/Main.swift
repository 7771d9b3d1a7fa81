import MaatstafCLI

/// The executable is a thin wrapper: everything lives in MaatstafCLI so that tests can reach it.
@main
enum Main {
    static func main() async {
        await MaatstafMain.run()
    }
}
