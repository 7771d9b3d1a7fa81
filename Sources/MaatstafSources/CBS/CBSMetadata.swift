/// `TableInfos`: what a table is and how many rows it announces.
public struct CBSTableInfo: Sendable, Equatable {
    public var identifier: String
    public var title: String
    public var shortTitle: String?
    public var period: String?
    public var modified: String?
    /// Rows of the data set as announced by CBS; nil for tables that do not say (older ones).
    public var recordCount: Int?

    public init(identifier: String, title: String, shortTitle: String?, period: String?, modified: String?, recordCount: Int?) {
        self.identifier = identifier
        self.title = title
        self.shortTitle = shortTitle
        self.period = period
        self.modified = modified
        self.recordCount = recordCount
    }
}

/// One entry of `DataProperties`: a dimension, a topic group or a topic.
public struct CBSDataProperty: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case dimension = "Dimension"
        case geoDimension = "GeoDimension"
        case geoDetail = "GeoDetail"
        case timeDimension = "TimeDimension"
        case topicGroup = "TopicGroup"
        case topic = "Topic"
    }

    public var id: Int
    public var parentID: Int?
    public var kind: Kind
    public var key: String
    public var title: String
    public var unit: String?
    public var decimals: Int?
    public var datatype: String?

    public init(id: Int, parentID: Int?, kind: Kind, key: String, title: String, unit: String?, decimals: Int?, datatype: String?)
    {
        self.id = id
        self.parentID = parentID
        self.kind = kind
        self.key = key
        self.title = title
        self.unit = unit
        self.decimals = decimals
        self.datatype = datatype
    }

    public var isDimension: Bool { kind != .topic && kind != .topicGroup }

    /// The key without CBS's numeric suffix (`WmoClienten_100` → `WmoClienten`): suffixes change when CBS revises a
    /// table, so indicator definitions refer to topics by this stem.
    public var keyStem: String {
        guard let underscore = key.lastIndex(of: "_"),
            key[key.index(after: underscore)...].allSatisfy(\.isNumber),
            key.index(after: underscore) != key.endIndex
        else { return key }
        return String(key[..<underscore])
    }
}
