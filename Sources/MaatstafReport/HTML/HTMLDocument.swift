import MaatstafCore

/// Builds the HTML text: every data string goes through `HTMLText.escape`; `raw` is for this module's own markup.
struct HTMLDocument {
    private(set) var text = ""

    init() {
        text.reserveCapacity(1 << 16)
    }

    mutating func raw(_ markup: String) {
        text += markup
    }

    mutating func element(_ name: String, _ content: String, class cssClass: String? = nil) {
        text += "<\(name)" + (cssClass.map { " class=\"\($0)\"" } ?? "") + ">\(HTMLText.escape(content))</\(name)>\n"
    }

    mutating func cell(_ content: String, numeric: Bool = false, class cssClass: String? = nil) {
        let classes = ([numeric ? "num" : nil, cssClass].compactMap { $0 }).joined(separator: " ")
        text += "<td" + (classes.isEmpty ? "" : " class=\"\(classes)\"") + ">\(HTMLText.escape(content))</td>"
    }

    mutating func headerCells(_ titles: [String], numeric: Bool = false) {
        for title in titles {
            text += "<th scope=\"col\"" + (numeric ? " class=\"num\"" : "") + ">\(HTMLText.escape(title))</th>"
        }
    }

    mutating func figure(_ caption: String, _ svg: String) {
        text += "<figure>\n<figcaption>\(HTMLText.escape(caption))</figcaption>\n\(svg)\n</figure>\n"
    }
}
