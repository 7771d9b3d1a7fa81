import Mustache

/// The dashboard's pages as Mustache templates: files beside this one (`Templates/`), embedded in the binary when it is
/// built (`.embedInCode`), so an installed maatstaf needs no files beside it and the templates are read as the HTML
/// they are. `{{name}}` escapes HTML; only the charts and tables the report module renders (escaped there) go in with
/// `{{{…}}}`. Every page starts with `head.mustache`: language, title, the dashboard's style sheet.
enum PageTemplate {
    static let view: MustacheTemplate = compile(PackageResources.head_mustache + PackageResources.view_mustache)

    static let problem: MustacheTemplate = compile(PackageResources.head_mustache + PackageResources.problem_mustache)

    private static func compile(_ bytes: [UInt8]) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self))
        } catch {
            // The templates are files of this module: a syntax error in one is a programming error, caught by every
            // test that renders a page.
            preconditionFailure("dashboard template does not parse: \(error)")
        }
    }
}
