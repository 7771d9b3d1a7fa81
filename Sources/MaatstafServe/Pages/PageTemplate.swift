import Mustache

/// The dashboard's pages as Mustache templates, compiled into the binary (no resource bundle, so an installed
/// maatstaf needs no files beside it). `{{name}}` escapes HTML; only the charts and tables the report module
/// renders (escaped there) go in with `{{{…}}}`.
enum PageTemplate {
    /// The start of every page: language, title, the dashboard's style sheet.
    private static let head = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{{title}}</title>
        <link rel="stylesheet" href="/assets/dashboard.css"/>
        </head>

        """

    static let view: MustacheTemplate = compile(
        head + """
            <body class="dashboard">
            <header>
            <nav class="language"><a href="{{otherLanguageURL}}" hreflang="{{otherLang}}" lang="{{otherLang}}">{{otherLanguage}}</a></nav>
            <h1><a href="/?lang={{lang}}">maatstaf</a></h1>
            <p class="lead">{{subtitle}}</p>
            </header>
            <form method="get" action="/" id="view">
            <fieldset class="municipalities">
            <legend>{{municipalitiesLabel}}</legend>
            <ul class="chips">
            {{#chosen}}<li data-code="{{code}}"><input type="hidden" name="m" value="{{code}}"/>{{name}} <a href="{{removeURL}}" title="{{removeLabel}}" aria-label="{{removeLabel}}">×</a></li>
            {{/chosen}}</ul>
            <label for="add">{{addLabel}}</label>
            <input id="add" name="add" list="municipality-names" autocomplete="off" placeholder="Westervoort"/>
            <datalist id="municipality-names">{{#names}}<option value="{{.}}"></option>{{/names}}</datalist>
            </fieldset>
            <fieldset class="indicator">
            <legend>{{indicatorLabel}}</legend>
            <select id="indicator" name="i" aria-label="{{indicatorLabel}}">
            {{#indicatorGroups}}<optgroup label="{{label}}">{{#options}}<option value="{{id}}"{{#selected}} selected="selected"{{/selected}}>{{title}}</option>{{/options}}</optgroup>
            {{/indicatorGroups}}</select>
            <label for="year">{{yearLabel}}</label>
            <select id="year" name="y">{{#years}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>{{/years}}</select>
            {{#hasKinds}}<label for="kind">{{documentLabel}}</label>
            <select id="kind" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected="selected"{{/selected}}>{{label}}</option>{{/kinds}}</select>{{/hasKinds}}
            </fieldset>
            <fieldset class="groups">
            <legend>{{groupsLabel}}</legend>
            <input type="hidden" name="g" value="none"/>
            {{#groups}}<label><input type="checkbox" name="g" value="{{id}}"{{#checked}} checked="checked"{{/checked}}/> {{label}}</label>
            {{/groups}}</fieldset>
            <input type="hidden" name="lang" value="{{lang}}"/>
            <button type="submit">{{showLabel}}</button>
            </form>
            <main>
            {{#unavailable}}<p class="problem">{{notAvailableLabel}}: {{.}}</p>
            {{/unavailable}}
            {{#hasResult}}
            <section id="values">
            <h2>{{valuesLabel}}: {{indicatorTitle}}, {{periodText}}</h2>
            <table>
            <thead><tr><th>{{municipalityLabel}}</th><th class="num">{{valueLabel}}</th><th class="num">{{netherlandsLabel}}</th><th>{{rankLabel}}</th></tr></thead>
            <tbody>
            {{#rows}}<tr data-code="{{code}}"><th scope="row">{{name}}</th><td class="num value" data-value="{{raw}}">{{value}}</td><td class="num">{{national}}</td><td>{{rank}}</td></tr>
            {{/rows}}</tbody>
            </table>
            <p class="downloads">{{downloadsLabel}}: <a id="download-csv" href="{{csvURL}}" download="{{csvName}}">{{csvLabel}}</a> · <a id="download-xlsx" href="{{xlsxURL}}" download="{{xlsxName}}">{{xlsxLabel}}</a> · <a id="download-report" href="{{reportURL}}" download="{{reportName}}">{{reportLabel}}</a> · <a id="download-json" href="{{jsonURL}}">{{jsonLabel}}</a></p>
            </section>
            {{{sections}}}
            {{/hasResult}}
            {{^hasResult}}
            {{#nothingChosen}}<p class="hint">{{chooseFirst}}</p>{{/nothingChosen}}
            {{{overviewMap}}}
            {{/hasResult}}
            </main>
            <footer><p class="note">{{credit}} · {{offline}}</p></footer>
            <script src="/assets/dashboard.js" defer="defer"></script>
            </body>
            </html>

            """)

    static let problem: MustacheTemplate = compile(
        head + """
            <body class="dashboard">
            <header><h1>{{title}}</h1></header>
            <main>
            <p class="problem" id="problem">{{message}}</p>
            <p><a href="/?lang={{lang}}">{{back}}</a></p>
            </main>
            </body>
            </html>

            """)

    private static func compile(_ text: String) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch {
            // The templates are constants of this file: a syntax error in one is a programming error, caught by
            // every test that renders a page.
            preconditionFailure("dashboard template does not parse: \(error)")
        }
    }
}
