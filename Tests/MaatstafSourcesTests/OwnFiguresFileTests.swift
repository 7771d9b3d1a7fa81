import Foundation
import MaatstafCore
import MaatstafSources
import Testing

/// Reading a municipality's own figures: periods as monitors write them, decimals, and every bad input named with
/// its row and column.
@Suite("Own figures files")
struct OwnFiguresFileTests {
    @Test(
        "periods as monitors write them become CBS-style periods",
        arguments: [
            ("2021", "2021JJ00"), ("2021JJ00", "2021JJ00"), ("2021H1", "2021HJ01"), ("1e halfjaar 2021", "2021HJ01"),
            ("2021Q1", "2021KW01"), ("2021-Q3", "2021KW03"), ("Q4 2021", "2021KW04"), ("2021KW02", "2021KW02"),
            ("2021-02", "2021MM02"), ("02-2021", "2021MM02"), ("februari 2021", "2021MM02"), ("Feb 2021", "2021MM02"),
            ("February 2021", "2021MM02"), ("mrt 2021", "2021MM03"), ("2021MM12", "2021MM12"),
            ("2021-02-15", "2021MM02"), ("15-02-2021", "2021MM02"), ("jan-24", "2024MM01"), ("okt-23", "2023MM10"),
            ("1e kwartaal 2024", "2024KW01"), ("4e kwartaal 2023", "2023KW04"), ("2nd quarter 2024", "2024KW02"),
        ])
    func periods(_ text: String, _ code: String) {
        #expect(PeriodText.parse(text)?.code == code)
    }

    @Test(
        "what is not a period is nil, never a guess",
        arguments: [
            "", "21", "2021-13", "2021Q5", "spring 2021", "2021H3", "-2021", "2021-", "2021--02", "2021-02-30", "2021-02-29",
            "31-04-2021", "2021-13-01", "jan-2", "5e kwartaal 2024", "xyz-24",
        ])
    func notPeriods(_ text: String) {
        #expect(PeriodText.parse(text) == nil)
    }

    @Test("periods sort by year, then from the whole year down to its months")
    func order() {
        let codes = ["2021MM02", "2020JJ00", "2021JJ00", "2021KW01", "2021MM01"].compactMap { Period(code: $0) }.sorted()
        #expect(codes.map(\.code) == ["2020JJ00", "2021JJ00", "2021KW01", "2021MM01", "2021MM02"])
    }

    func read(_ text: String, decimal: OwnFiguresFile.Decimal = .auto) throws -> OwnFiguresFile {
        try OwnFiguresFile(data: Data(text.utf8), source: "test.csv", decimal: decimal)
    }

    @Test("Dutch and English layouts; comma and point decimals where unambiguous")
    func layouts() throws {
        let dutch = try read(
            "gemeente;periode;maat;waarde;eenheid\nWestervoort;2019;uren;3,07;uur\nDuiven;2019;uren;1.234,5;uur\n")
        #expect(dutch.problems.isEmpty)
        #expect(dutch.rows.map(\.value) == [3.07, 1234.5])
        let english = try read(
            "municipality,period,measure,value\nWestervoort,2021-02,clients,764\nDuiven,2021-02,clients,12.5\n")
        #expect(english.problems.isEmpty)
        #expect(english.rows.map(\.value) == [764, 12.5])
        #expect(english.rows.map(\.period.code) == ["2021MM02", "2021MM02"])
    }

    @Test("real dates are read to their month, leap days only in leap years")
    func realDates() {
        #expect(PeriodText.parse("2024-02-29") == Period(year: 2024, kind: .month, number: 2))
        #expect(PeriodText.parse("29-02-2000") == Period(year: 2000, kind: .month, number: 2))
        #expect(PeriodText.parse("29-02-1900") == nil)
        #expect(PeriodText.parse("2021-04-30") == Period(year: 2021, kind: .month, number: 4))
    }

    @Test(
        "only decimal numbers are numbers: hexadecimal, too small to hold, not a number at all are refused",
        arguments: ["0x10", "0x1p3", "1e-400", "nan", "inf", "1e99999", "12abc", "--3"])
    func notNumbers(_ text: String) throws {
        let file = "gemeente;periode;maat;waarde\nDuiven;2022;clients;\(text)\n"
        let parsed = try read(file, decimal: .point)
        #expect(parsed.rows.isEmpty)
        #expect(parsed.problems.count == 1 && parsed.problems[0].column == "value", "\(parsed.problems)")
    }

    @Test("numbers as monitors write them still read: a sign, an exponent, decimals with either mark")
    func numbers() throws {
        let file = "gemeente;periode;maat;waarde\nDuiven;2022;a;-3,5\nDuiven;2022;b;1,5e3\nDuiven;2022;c;+7\nDuiven;2022;d;0,0\n"
        #expect(try read(file, decimal: .comma).rows.map(\.value) == [-3.5, 1500, 7, 0])
    }

    @Test("two columns of one name (two waarde columns) are refused: which one is meant is not guessed")
    func duplicateColumn() throws {
        let parsed = try read("gemeente;periode;maat;waarde;waarde\nDuiven;2022;clients;3;4\n")
        #expect(parsed.rows.isEmpty)
        #expect(
            parsed.problems.map(\.description) == [
                "row 1: 2 columns are the value (waarde, waarde); keep one, or rename the others"
            ])
        // A municipality given twice, by name and by code, is still read from the first.
        let both = try read("gemeente;code;periode;maat;waarde\nDuiven;GM0226;2022;clients;3\n")
        #expect(both.problems.isEmpty && both.rows.map(\.municipality) == ["Duiven"])
    }

    @Test("a value that reads two ways needs the decimal sign stated; stated, it is read that way")
    func ambiguousDecimals() throws {
        let file = "gemeente;periode;maat;waarde\nWestervoort;2019;kosten;1.234\n"
        let auto = try read(file)
        #expect(auto.rows.isEmpty)
        #expect(
            auto.problems.map(\.description) == [
                "row 2, column value: \"1.234\" can be read as 1234 or as 1.234; state whether the file writes decimals with a comma or a point"
            ])
        #expect(try read(file, decimal: .comma).rows.map(\.value) == [1234])
        #expect(try read(file, decimal: .point).rows.map(\.value) == [1.234])
    }

    @Test("every problem of a file, with row and column; none of its rows kept")
    func problems() throws {
        let file = """
            gemeente;periode;maat;waarde;eenheid
            Westervoort;2019;clients;10;aantal
            Westervoort;spring 2019;clients;11;aantal
            Westervoort;2020;clients;abc;aantal
            Westervoort;2019;clients;12;aantal
            Westervoort;2021;clients;-4;aantal
            Westervoort;2022;clients;5;personen
            ;2022;clients;5;aantal
            """
        let parsed = try read(file)
        #expect(
            parsed.problems.map(\.description) == [
                "row 3, column period: \"spring 2019\" is not a period maatstaf reads (2021, 2021H1, 2021Q1, 1e kwartaal 2021, 2021-02, februari 2021, jan-21, 2021-02-15)",
                "row 4, column value: \"abc\" is not a number",
                "row 5: Westervoort 2019JJ00 clients is 12 here and 10 in row 2",
                "row 6, column value: -4 is a negative count",
                "row 7, column unit: \"personen\" for clients, which row 2 gives in \"aantal\"; one measure has one unit",
                "row 8, column municipality: is empty",
            ])
    }

    @Test("a control character in any text field is refused with row and column (a NUL once wiped the store)")
    func controlCharacters() throws {
        let file =
            "gemeente;periode;maat;waarde;eenheid;toelichting\n"
            + "Duiven;2022;rt-m;3,07;uur;x\u{0}y\n"
            + "Duiven;2022;rt\u{0}m;3,07;uur;\n"
            + "Duiven;2022;rt-n;3,07;u\u{1B}r;\n"
            + "Duiven;2023;rt-m;3,07;uur;keurig\n"
        let parsed = try read(file, decimal: .comma)
        #expect(
            parsed.problems.map(\.description) == [
                "row 2, column note: contains the control character U+0000, which is no text; remove it from the file",
                "row 3, column measure: contains the control character U+0000, which is no text; remove it from the file",
                "row 4, column unit: contains the control character U+001B, which is no text; remove it from the file",
            ])
    }

    @Test("an empty file, a file without rows, a header without the needed columns")
    func emptyFiles() throws {
        #expect(try read("").problems.map(\.description) == ["the file has no rows of figures"])
        #expect(try read("gemeente;periode;maat;waarde\n").problems.map(\.description) == ["the file has no rows of figures"])
        let noValue = try read("gemeente;periode;maat\nWestervoort;2019;x\n")
        #expect(noValue.problems.count == 1)
        #expect(noValue.problems[0].description.hasPrefix("row 1: no value column"))
    }

    @Test("the example files shipped with maatstaf read without problems, every row")
    func examples() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/own-figures")
        for name in ["westervoort-huishoudelijke-hulp.csv", "steenwijkerland-monitor.csv"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let parsed = try OwnFiguresFile(data: data, source: name)
            #expect(parsed.problems.isEmpty, "\(name): \(parsed.problems)")
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").count - 1
            #expect(parsed.rows.count == lines)
        }
    }

    @Test("a wide file (a column per month) through a layout: each filled cell a figure, an empty cell none")
    func wideLayout() throws {
        let text = """
            Gemeente;Indicator;januari 2021;februari 2021;maart 2021
            Steenwijkerland;aanvragen;12;;15
            Westervoort;aanvragen;7;9,5;
            """
        let layout = OwnFiguresFile.WideLayout(
            municipality: .column("gemeente"), measure: .column("Indicator"), unit: .value("aantal"))
        let parsed = try OwnFiguresFile(data: Data(text.utf8), source: "maand.csv", wide: layout)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(
            parsed.rows.map { "\($0.line) \($0.municipality) \($0.period.code) \($0.value)" } == [
                "2 Steenwijkerland 2021MM01 12.0", "2 Steenwijkerland 2021MM03 15.0", "3 Westervoort 2021MM01 7.0",
                "3 Westervoort 2021MM02 9.5",
            ])
        let named = OwnFiguresFile.WideLayout(
            municipality: .value("Westervoort"), measure: .column("Indicator"), periodColumns: ["april 2021"])
        let wrong = try OwnFiguresFile(data: Data(text.utf8), source: "maand.csv", wide: named)
        #expect(
            wrong.problems.first?.description.hasPrefix(
                "row 1: the mapping names column(s) \"april 2021\" the header does not have") == true)
    }

    @Test("what Dutch monitors write: € and thousands, a percentage, an empty cell (no figure), a title above the header")
    func monitorsAsWritten() throws {
        let text = """
            Maandmonitor Wmo Westervoort 2024;;;
            ;;;
            gemeente;periode;maat;waarde;eenheid
            Westervoort;jan-24;kosten-hh;€ 1.234,50;euro
            Westervoort;feb-24;kosten-hh;;euro
            Westervoort;1e kwartaal 2024;aandeel-75plus;12%;
            Westervoort;mrt-24;kosten-hh;-€ 10,00;euro
            """
        let file = try read(text)
        #expect(file.problems.isEmpty, "\(file.problems)")
        #expect(file.titleRows == 2)
        #expect(file.emptyValues == [5])
        #expect(file.rows.map(\.value) == [1234.5, 12, -10])
        #expect(file.rows.map(\.period.code) == ["2024MM01", "2024KW01", "2024MM03"])
        #expect(file.rows[1].unit == "%")
        // A percentage in a measure of hours contradicts its unit; a value that is two numbers is still refused.
        let contradiction = try read("gemeente;periode;maat;waarde;eenheid\nWestervoort;2024;uren;12%;uur\n")
        #expect(contradiction.problems.first?.message.en.contains("is a percentage, but the unit column says \"uur\"") == true)
        let ambiguous = try read("gemeente,periode,maat,waarde\nWestervoort,2024,clienten,1.234\n")
        #expect(ambiguous.problems.first?.message.en.contains("can be read as 1234 or as 1.234") == true)
    }
}
