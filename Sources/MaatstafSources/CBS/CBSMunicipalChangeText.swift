public import Foundation
public import MaatstafCore

/// Reads CBS's record of municipal changes from the descriptions of a table's region list (`RegioS`): the text
/// StatLine shows under a municipality, e.g. `Opgeheven per 01-01-2019, overgegaan naar: - Vijfheerenlanden (GM1961),
/// ... 3376 hectare met 8988 woningen en 21248 inwoners Provinciale wijziging per 01-01-2019: …`.
///
/// The wording is known from public code that quotes table 70739ned (docs/mergers.md), not from a specification; what
/// does not read as that wording stops the import with the municipality named, rather than leaving a merger out.
public enum CBSMunicipalChangeText {
    /// Every dissolution and change of name in a region list response (OData v3 JSON: `Key`, `Title`, `Description`).
    public static func changes(fromRegionList data: Data, url: String) throws -> [MunicipalChange] {
        try history(fromRegionList: data, url: url).changes
    }

    /// The changes and, per municipality CBS records as formed (`Ontstaan per …`), the day it was formed.
    public static func history(fromRegionList data: Data, url: String) throws -> (
        changes: [MunicipalChange], formed: [String: String]
    ) {
        let rows = try CBSResponseParser.page(data, url: url).rows
        var municipalities = 0
        var changes: [MunicipalChange] = []
        var formed: [String: String] = [:]
        for row in rows {
            guard let key = (row["Key"] as? String)?.trimmedSpaces, let title = row["Title"] as? String else {
                throw SourceError(
                    subject: url,
                    reason: .en("has a region without Key or Title", nl: "heeft een regio zonder Key of Title"),
                    hint: .en(
                        "This is not a CBS region list; name a table whose regions are municipalities (GM…)",
                        nl: "Dit is geen regiolijst van CBS; noem een tabel waarvan de regio's gemeenten (GM…) zijn"))
            }
            guard key.hasPrefix("GM") else { continue }
            municipalities += 1
            guard let description = row["Description"] as? String else { continue }
            changes += try self.changes(of: key, name: title, description: description, url: url)
            let text = description.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let formation = events(in: text).first(where: { $0.kind == "Ontstaan" }) { formed[key] = formation.date }
        }
        guard municipalities > 0 else {
            throw SourceError(
                subject: url, reason: .en("lists no municipalities (GM…)", nl: "noemt geen gemeenten (GM…)"),
                hint: .en(
                    "Name a table whose region dimension RegioS holds municipalities, such as 70739ned",
                    nl: "Noem een tabel waarvan de regiodimensie RegioS gemeenten bevat, zoals 70739ned"))
        }
        guard changes.contains(where: { $0.kind == .dissolved }) else {
            throw SourceError(
                subject: url,
                reason: .en(
                    "describes no dissolved municipality (no \"Opgeheven per …\" among \(municipalities) municipalities)",
                    nl: "beschrijft geen opgeheven gemeente (geen \"Opgeheven per …\" onder \(municipalities) gemeenten)"),
                hint: .en(
                    "CBS may have changed its wording, or the table lists only today's municipalities; try 70739ned",
                    nl: "CBS heeft de tekst misschien veranderd, of de tabel noemt alleen de huidige gemeenten; probeer 70739ned")
            )
        }
        return (changes.sorted { ($0.date, $0.code) < ($1.date, $1.code) }, formed)
    }

    /// The changes one description records of its own municipality: where it went when dissolved, its new code when
    /// renamed. What it received from others is recorded again under those others, so is not read here.
    static func changes(of code: String, name: String, description: String, url: String) throws -> [MunicipalChange] {
        let text = description.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let events = events(in: text)
        var changes: [MunicipalChange] = []
        for event in events {
            switch event.kind {
            case "Opgeheven":
                let recipients = Self.recipients(in: event.body)
                guard !recipients.isEmpty else {
                    throw SourceError(
                        subject: url,
                        reason: .en(
                            "says \(name) (\(code)) was dissolved on \(event.date) but names no municipality it went to: \"\(text.prefix(120))\"",
                            nl:
                                "zegt dat \(name) (\(code)) op \(event.date) is opgeheven, maar noemt geen gemeente waarin zij opging: \"\(text.prefix(120))\""
                        ),
                        hint: .en(
                            "CBS's wording differs from what maatstaf reads (docs/mergers.md); report it with this text",
                            nl: "De tekst van CBS wijkt af van wat maatstaf leest (docs/mergers.md); meld het met deze tekst"))
                }
                changes.append(
                    MunicipalChange(code: code, name: name, kind: .dissolved, date: event.date, recipients: recipients))
            case "Naamswijziging":
                guard event.body.lowercased().contains("nieuwe naam") else { continue }
                guard let recipient = Self.recipients(in: event.body).first else {
                    throw SourceError(
                        subject: url,
                        reason: .en(
                            "says \(name) (\(code)) was renamed on \(event.date) but gives no new code: \"\(text.prefix(120))\"",
                            nl:
                                "zegt dat \(name) (\(code)) op \(event.date) een nieuwe naam kreeg, maar geeft geen nieuwe code: \"\(text.prefix(120))\""
                        ),
                        hint: .en(
                            "CBS's wording differs from what maatstaf reads (docs/mergers.md); report it with this text",
                            nl: "De tekst van CBS wijkt af van wat maatstaf leest (docs/mergers.md); meld het met deze tekst"))
                }
                // A new name under the same code changes nothing a series needs.
                if recipient.code != code {
                    changes.append(
                        MunicipalChange(code: code, name: name, kind: .renamed, date: event.date, recipients: [recipient]))
                }
            default:
                continue
            }
        }
        return changes
    }

    struct Event {
        /// The first word of the event: `Opgeheven`, `Naamswijziging`, `Grenswijziging` …
        var kind: String
        /// `2019-01-01`.
        var date: String
        /// The text after the date, up to the next event.
        var body: Substring
    }

    /// The events of a description: each starts with words and `per DD-MM-YYYY`.
    static func events(in text: String) -> [Event] {
        let header = #/([A-Z][a-z]+(?: [a-z]+)?) per (\d{2})-(\d{2})-(\d{4})/#
        let matches = text.matches(of: header)
        return matches.enumerated().map { number, match in
            let end = number + 1 < matches.count ? matches[number + 1].range.lowerBound : text.endIndex
            let (_, words, day, month, year) = match.output
            return Event(
                kind: String(words.split(separator: " ").first ?? words), date: "\(year)-\(month)-\(day)",
                body: text[match.range.upperBound..<end])
        }
    }

    /// `- Name (GM0000), ... 10 hectare met 4 woningen en 9 inwoners - …`: each municipality with its inhabitants
    /// (nil when the entry gives none, as a change of name does).
    static func recipients(in body: Substring) -> [MunicipalChange.Recipient] {
        let code = #/\((GM\d{4})\)/#
        let matches = body.matches(of: code)
        return matches.enumerated().compactMap { number, match in
            let before = body[body.startIndex..<match.range.lowerBound]
            // The name runs from the entry's dash (or the colon of `nieuwe naam:`) to the code.
            let start = [before.range(of: "- ", options: .backwards), before.range(of: ": ", options: .backwards)]
                .compactMap { $0?.upperBound }.max()
            guard let start else { return nil }
            let name = before[start...].trimmingCharacters(in: .whitespaces)
            let tailEnd = number + 1 < matches.count ? matches[number + 1].range.lowerBound : body.endIndex
            let tail = body[match.range.upperBound..<tailEnd]
            let inhabitants = tail.firstMatch(of: #/(\d+) inwoner/#).flatMap { Int($0.output.1) }
            return MunicipalChange.Recipient(code: String(match.output.1), name: name, inhabitants: inhabitants)
        }
    }
}
