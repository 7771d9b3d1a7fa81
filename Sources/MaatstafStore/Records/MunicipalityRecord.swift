public import GRDB

// Every record here is read by column (`init(row:)`), not through `Decodable`: a command reads thousands of them at
// start, and the keyed decoding containers cost more than the query.

/// A municipality as the store keeps it: current or dissolved, with its regions.
public struct MunicipalityRecord: Sendable, Equatable, FetchableRecord {
    public var code: String
    public var name: String
    /// The last classification year this municipality exists in.
    public var lastYear: Int
    public var current: Bool
    public var coropCode: String
    public var corop: String
    public var amrCode: String
    public var amr: String
    public var provinceCode: String
    public var province: String

    public init(row: Row) throws {
        code = try row.decode(forColumn: "code")
        name = try row.decode(forColumn: "name")
        lastYear = try row.decode(forColumn: "last_year")
        current = try row.decode(forColumn: "current")
        coropCode = try row.decode(forColumn: "corop_code")
        corop = try row.decode(forColumn: "corop")
        amrCode = try row.decode(forColumn: "amr_code")
        amr = try row.decode(forColumn: "amr")
        provinceCode = try row.decode(forColumn: "province_code")
        province = try row.decode(forColumn: "province")
    }
}

/// A spelling of a municipality's name in one of the source files.
public struct MunicipalityNameRecord: Sendable, Equatable, FetchableRecord {
    public var name: String
    public var code: String
    public var source: String

    public init(row: Row) throws {
        name = try row.decode(forColumn: "name")
        code = try row.decode(forColumn: "code")
        source = try row.decode(forColumn: "source")
    }
}

/// A municipality's classes and population in one year.
public struct MunicipalityYearRecord: Sendable, Equatable, FetchableRecord {
    public var year: Int
    public var code: String
    public var province: String
    /// As in the CBS file, e.g. `10000tot20000inwoners`.
    public var sizeClass: String
    /// As in the CBS file, e.g. `Matigstedelijk`.
    public var urbanity: String
    /// Inhabitants on 1 January of `year`.
    public var population: Int
    public var source: String

    public init(row: Row) throws {
        year = try row.decode(forColumn: "year")
        code = try row.decode(forColumn: "code")
        province = try row.decode(forColumn: "province")
        sizeClass = try row.decode(forColumn: "size_class")
        urbanity = try row.decode(forColumn: "urbanity")
        population = try row.decode(forColumn: "population")
        source = try row.decode(forColumn: "source")
    }
}

/// One structural trait of a municipality: a number, or a class with its position on an ordered scale as value.
public struct MunicipalityTraitRecord: Sendable, Equatable, FetchableRecord {
    public var code: String
    /// `density`, `centre-function` or `social-structure`.
    public var trait: String
    /// Nil when the source gives no class for the municipality.
    public var value: Double?
    /// The class as written (`Sterk`), for classes.
    public var label: String?
    public var source: String

    public init(row: Row) throws {
        code = try row.decode(forColumn: "code")
        trait = try row.decode(forColumn: "trait")
        value = try row.decode(forColumn: "value")
        label = try row.decode(forColumn: "label")
        source = try row.decode(forColumn: "source")
    }
}

/// An area a municipality belongs to, derived from boundaries when the snapshot is loaded (kind `jeugdregio`).
public struct MunicipalityAreaRecord: Sendable, Equatable, FetchableRecord {
    public var code: String
    public var kind: String
    public var areaCode: String
    public var areaName: String
    /// The share of the municipality's sample points inside the area.
    public var share: Double
    public var source: String

    public init(row: Row) throws {
        code = try row.decode(forColumn: "code")
        kind = try row.decode(forColumn: "kind")
        areaCode = try row.decode(forColumn: "area_code")
        areaName = try row.decode(forColumn: "area_name")
        share = try row.decode(forColumn: "share")
        source = try row.decode(forColumn: "source")
    }
}
