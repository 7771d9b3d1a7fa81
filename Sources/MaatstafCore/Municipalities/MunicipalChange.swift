/// The end of a municipality as CBS records it in its regional classification: dissolved into one or more
/// municipalities (a merger, or a division), or renamed under a new code. Boundary corrections between municipalities
/// that go on existing are not kept: they move a few streets, and a series summed over predecessors cannot honestly
/// follow them either way.
public struct MunicipalChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `Opgeheven per …, overgegaan naar: …`
        case dissolved
        /// `Naamswijziging per …, nieuwe naam: …` — the same area under a new code.
        case renamed
    }

    /// A municipality that received (part of) the one that ended, with the inhabitants CBS says went with it.
    public struct Recipient: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public var inhabitants: Int?

        public init(code: String, name: String, inhabitants: Int?) {
            self.code = code
            self.name = name
            self.inhabitants = inhabitants
        }
    }

    public var code: String
    public var name: String
    public var kind: Kind
    /// The day the change took effect, as CBS wrote it (`2021-01-01`).
    public var date: String
    public var recipients: [Recipient]

    public init(code: String, name: String, kind: Kind, date: String, recipients: [Recipient]) {
        self.code = code
        self.name = name
        self.kind = kind
        self.date = date
        self.recipients = recipients
    }

    /// The first year whose classification (on 1 January) shows the change: the date's year when it fell on
    /// 1 January, else the next year (Weesp went into Amsterdam on 24 March 2022 and is in the 2022 classification).
    public var firstYear: Int { Self.firstYear(of: date) }

    /// The first classification year of an ISO day (`2022-03-24` → 2023, `2021-01-01` → 2021); 0 when it is no day.
    public static func firstYear(of day: String) -> Int {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        return parts[1] == 1 && parts[2] == 1 ? parts[0] : parts[0] + 1
    }

    /// The day in words: `1 January 2021`, `24 maart 2022`.
    public func day(dutch: Bool) -> String { Self.day(date, dutch: dutch) }

    /// An ISO day (`2021-01-01`) in words; the text itself when it is not one.
    public static func day(_ iso: String, dutch: Bool) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        let months =
            dutch
            ? [
                "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
                "december",
            ]
            : [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                "December",
            ]
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    /// Whole into one municipality: its figures can be added to that one's. Divided among several: they cannot.
    public var isWhole: Bool { recipients.count == 1 }
}
