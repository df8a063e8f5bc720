import DocumentModel
import PlanSupport
@testable import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// Builds tables the way the drafts' source dialect writes them: "^^" continues the cell above
/// (vMerge), "<<" is covered by the cell to its left (gridSpan).
enum TableFixture {
    static func make(_ rows: [[String]], headerRows: Int = 1) -> Table {
        var paragraph = 100
        let built = rows.enumerated().map { r, texts -> TableRow in
            var cells: [TableCell] = []
            for (c, text) in texts.enumerated() {
                if text == "<<", !cells.isEmpty {
                    cells[cells.count - 1].gridSpan += 1
                    continue
                }
                let merge: VerticalMerge? =
                    text == "^^" ? .continue : (rows.dropFirst(r + 1).first.map { $0.count > c && $0[c] == "^^" } ?? false ? .restart : nil)
                let p = Paragraph(
                    location: SourceLocation(
                        part: "word/document.xml", paragraphIndex: paragraph, path: "body/tbl[0]/tr[\(r)]/tc[\(c)]/p[0]"),
                    text: text == "^^" ? "" : text)
                paragraph += 1
                cells.append(TableCell(blocks: [.paragraph(p)], gridColumn: c, gridSpan: 1, verticalMerge: merge))
            }
            return TableRow(cells: cells, isHeader: r < headerRows)
        }
        return Table(location: SourceLocation(part: "word/document.xml", path: "body/tbl[0]"), rows: built)
    }

    static let location = DraftLocation(paragraph: 99, headingPath: ["（三）发展目标"], path: "body/tbl[0]")

    static func read(_ table: Table) -> ([Indicator], [Diagnostic]) {
        IndicatorTable.read(table, location: location, synonyms: IndicatorTestLexicon.shipped)
    }
}

struct IndicatorTableTests {
    static let header = ["类别", "序号", "指标名称", "单位", "2020年基期值", "2025年目标值", "2035年目标值", "属性"]

    @Test("Each row gives one indicator per target-year column, with baseline, unit and attribute")
    func twoTargetColumns() throws {
        let table = TableFixture.make([
            Self.header,
            ["创新投入", "1", "研发经费投入强度", "%", "2.19", "2.5", "3.0", "预期性"],
            ["^^", "2", "研究与试验发展人员全时当量", "万人年", "9.5", "12", "16", "预期性"],
            ["创新产出", "3", "技术合同成交额", "亿元", "600", "1000", "2500", "约束性"],
        ])
        #expect(IndicatorTable.isIndicatorTable(table))
        let (indicators, diagnostics) = TableFixture.read(table)
        #expect(diagnostics.isEmpty)
        #expect(indicators.count == 6)
        let rd = indicators.filter { $0.name == "研发经费投入强度" }
        #expect(rd.map(\.year) == [2025, 2035])
        #expect(rd.map(\.value) == [2.5, 3])
        #expect(rd.allSatisfy { $0.baseline == 2.19 && $0.baselineYear == 2020 && $0.unit == "%" && $0.attribute == "预期性" })
        #expect(rd.map(\.text) == ["2.5", "3.0"])
        let people = try #require(indicators.first { $0.name == "研究与试验发展人员全时当量" })
        #expect(people.value == 120_000)
        #expect(people.unit == "人年")
        #expect(people.baseline == 95_000)
        let deals = try #require(indicators.first { $0.name == "技术合同成交额" && $0.year == 2025 })
        #expect(deals.value == 100_000_000_000)
        #expect(deals.unit == "元")
        #expect(deals.baseline == 60_000_000_000)
        #expect(deals.attribute == "约束性")
        #expect(deals.quote == "创新产出 | 3 | 技术合同成交额 | 亿元 | 600 | 1000 | 2500 | 约束性")
        #expect(deals.from == "table")
        #expect(deals.location.path == "body/tbl[0]/tr[3]")
        #expect(indicators.allSatisfy { $0.comparator == nil })
    }

    @Test("A category row spanning the table opens a group and is no indicator")
    func spanningCategoryRow() {
        let table = TableFixture.make([
            ["序号", "指标名称", "单位", "2020年基期值", "2025年目标值", "属性"],
            ["一、创新主体", "<<", "<<", "<<", "<<", "<<"],
            ["1", "高新技术企业数量", "家", "7000", "10000", "预期性"],
        ])
        let (indicators, _) = TableFixture.read(table)
        #expect(indicators.map(\.name) == ["高新技术企业数量"])
    }

    @Test("Dash cells state nothing: no target, no baseline")
    func dashCells() {
        let table = TableFixture.make([
            ["序号", "指标名称", "单位", "2020年基期值", "2025年目标值", "2035年目标值", "属性"],
            ["1", "人工智能典型应用场景数量", "个", "—", "100", "/", "预期性"],
            ["2", "通过仿制药一致性评价品种数量", "个", "45", "120", "-", "预期性"],
        ])
        let (indicators, diagnostics) = TableFixture.read(table)
        #expect(diagnostics.isEmpty)
        #expect(indicators.count == 2)
        #expect(indicators[0].baseline == nil)
        #expect(indicators[0].baselineYear == nil)
        #expect(indicators[1].baseline == 45)
    }

    struct CellCase: Sendable, CustomTestStringConvertible {
        var cell: String
        var unit: String
        var value: Double?
        var resultUnit: String?
        var comparator: String?
        var relative: String?
        var testDescription: String { "\(cell) [\(unit)]" }
    }

    @Test(
        "Target cells with signs, multipliers and relative phrases",
        arguments: [
            CellCase(cell: "≥95", unit: "%", value: 95, resultUnit: "%", comparator: "不低于"),
            CellCase(cell: ">90", unit: "%", value: 90, resultUnit: "%", comparator: "超过"),
            CellCase(cell: "100以上", unit: "个", value: 100, resultUnit: "个", comparator: "以上"),
            CellCase(cell: "1.2万", unit: "家", value: 12000, resultUnit: "家"),
            CellCase(cell: "十五", unit: "家", value: 15, resultUnit: "家"),
            CellCase(cell: "1000", unit: "亿元", value: 100_000_000_000, resultUnit: "元"),
            CellCase(cell: "2000", unit: "万千瓦", value: 20_000_000, resultUnit: "千瓦"),
            CellCase(cell: "翻一番", unit: "亿元", value: nil, resultUnit: "元", relative: "翻一番"),
            CellCase(cell: "年均增长8%", unit: "亿元", value: 8, resultUnit: "%", relative: "年均增长"),
        ])
    func targetCells(c: CellCase) throws {
        let table = TableFixture.make([
            ["指标名称", "单位", "基期值", "2025年目标值"],
            ["某指标", c.unit, "1", c.cell],
        ])
        let (indicators, diagnostics) = TableFixture.read(table)
        #expect(diagnostics.isEmpty)
        let i = try #require(indicators.first)
        #expect(i.value == c.value)
        #expect(i.unit == c.resultUnit)
        #expect(i.comparator == c.comparator)
        #expect(i.relative == c.relative)
        #expect(i.text == c.cell)
    }

    @Test("A header on two lines: 目标值 spanning the year columns")
    func twoLineHeader() {
        let table = TableFixture.make(
            [
                ["指标", "单位", "基期值", "目标值", "<<", "指标属性"],
                ["^^", "^^", "2020年", "2025年", "2035年", "^^"],
                ["研发经费投入强度", "%", "2.19", "2.5", "3", "预期性"],
            ], headerRows: 1)
        let (indicators, _) = TableFixture.read(table)
        #expect(indicators.map(\.year) == [2025, 2035])
        #expect(indicators.allSatisfy { $0.baselineYear == 2020 && $0.baseline == 2.19 && $0.attribute == "预期性" })
    }

    @Test("An indicator name merged over two rows names both rows")
    func mergedName() {
        let table = TableFixture.make([
            ["指标名称", "单位", "2020年", "2025年"],
            ["技术合同成交额", "亿元", "600", "1000"],
            ["^^", "%", "—", "年均增长10%"],
        ])
        let (indicators, _) = TableFixture.read(table)
        #expect(indicators.map(\.name) == ["技术合同成交额", "技术合同成交额"])
        #expect(indicators.map(\.relative) == [nil, "年均增长"])
        #expect(indicators.allSatisfy { $0.baselineYear == 2020 || $0.baseline == nil })
    }

    @Test("Without a unit column the unit may stand in the name")
    func unitInName() throws {
        let table = TableFixture.make([
            ["指标", "2025年"],
            ["技术合同成交额（亿元）", "1000"],
        ])
        let i = try #require(TableFixture.read(table).0.first)
        #expect(i.name == "技术合同成交额")
        #expect(i.value == 100_000_000_000)
        #expect(i.unit == "元")
    }

    @Test("A cell that is no figure is reported; a target column without a year too")
    func diagnostics() {
        let unparsed = TableFixture.make([["指标名称", "单位", "2025年目标值"], ["创新生态", "—", "明显改善"]])
        #expect(TableFixture.read(unparsed).1.map(\.code) == ["extract.indicator-unparsed"])
        let noYear = TableFixture.make([["指标名称", "单位", "目标值"], ["高新技术企业数量", "家", "10000"]])
        let (indicators, notes) = TableFixture.read(noYear)
        #expect(indicators.first?.year == nil)
        #expect(notes.map(\.code) == ["extract.indicator-no-year"])
    }

    @Test(
        "Tables without a name column or a target column are not indicator tables",
        arguments: [
            [["序号", "平台名称", "依托单位", "主要建设内容"], ["1", "辽宁实验室", "中科院", "……"]],
            [["序号", "指标名称", "单位", "属性"], ["1", "研发经费投入强度", "%", "预期性"]],
        ])
    func notIndicatorTables(rows: [[String]]) {
        #expect(!IndicatorTable.isIndicatorTable(TableFixture.make(rows)))
    }

    static let shisanwu = PlanPeriod(start: 2016, end: 2020, fiveYearPlan: 13)
    static let shisiwu = PlanPeriod(start: 2021, end: 2025, fiveYearPlan: 14)
    static let shiwuwu = PlanPeriod(start: 2026, end: 2030, fiveYearPlan: 15)

    /// (header, row, period, expected (year, value, baseline, baselineYear, relative) per indicator)
    struct PeriodCase: Sendable, CustomStringConvertible {
        var header: [String]
        var row: [String]
        var period: PlanPeriod?
        var expected: [(Int?, Double?, Double?, Int?, String?)]
        var description: String { header.joined(separator: "|") + " @ " + (period.map { "\($0.start)–\($0.end)" } ?? "no period") }
    }

    @Test(
        "Which columns are baselines and targets follows the headers and the plan period, not a calendar",
        arguments: [
            // A 十三五 plan: 2015 is its base year, 2020 its target.
            PeriodCase(
                header: ["指标名称", "单位", "2015年", "2020年"], row: ["研发经费投入强度", "%", "1.27", "2.19"],
                period: shisanwu, expected: [(2020, 2.19, 1.27, 2015, nil)]),
            // Without a period the earliest of several year columns is the baseline.
            PeriodCase(
                header: ["指标名称", "单位", "2015年", "2020年"], row: ["研发经费投入强度", "%", "1.27", "2.19"],
                period: nil, expected: [(2020, 2.19, 1.27, 2015, nil)]),
            // A 十五五 plan: 2025 is an actual, 2030 the target.
            PeriodCase(
                header: ["指标名称", "单位", "2025年", "2030年"], row: ["研发经费投入强度", "%", "2.6", "3.0"],
                period: shiwuwu, expected: [(2030, 3.0, 2.6, 2025, nil)]),
            // 2025/2030/2035 in a 十四五 plan with a long-range horizon: all targets.
            PeriodCase(
                header: ["指标名称", "单位", "2025年", "2030年", "2035年"], row: ["研发经费投入强度", "%", "2.6", "2.8", "3.0"],
                period: shisiwu, expected: [(2025, 2.6, nil, nil, nil), (2030, 2.8, nil, nil, nil), (2035, 3.0, nil, nil, nil)]),
            // 年均/累计 columns: ＞7 annual, 〔13.5〕 cumulative, dated by the period.
            PeriodCase(
                header: ["指标", "2020年", "2025年", "年均/累计", "属性"], row: ["全社会研发经费投入增长（%）", "—", "—", "＞7", "预期性"],
                period: shisiwu, expected: [(2025, 7, nil, nil, "年均")]),
            PeriodCase(
                header: ["指标", "2020年", "2025年", "年均/累计", "属性"], row: ["单位GDP能源消耗降低（%）", "—", "—", "〔13.5〕", "约束性"],
                period: shisiwu, expected: [(2025, 13.5, nil, nil, "累计")]),
            // A footnote marker on the baseline leaves its year open (the note often gives another
            // year's figure); “十四五”末 as the target header.
            PeriodCase(
                header: ["指标名称", "单位", "2020年基期值", "“十四五”末"], row: ["常住人口城镇化率", "%", "60.6*", "65"],
                period: shisiwu, expected: [(2025, 65, 60.6, nil, nil)]),
            PeriodCase(
                header: ["指标名称", "单位", "2020年基期值", "“十四五”末"], row: ["常住人口城镇化率", "%", "60.6", "65"],
                period: shisiwu, expected: [(2025, 65, 60.6, 2020, nil)]),
        ])
    func periodColumns(c: PeriodCase) throws {
        let table = TableFixture.make([c.header, c.row])
        let (indicators, _) = IndicatorTable.read(
            table, location: TableFixture.location, synonyms: IndicatorTestLexicon.shipped, period: c.period)
        #expect(indicators.count == c.expected.count)
        for (i, e) in zip(indicators, c.expected) {
            #expect(i.year == e.0)
            #expect(i.value == e.1)
            #expect(i.baseline == e.2)
            #expect(i.baselineYear == e.3)
            #expect(i.relative == e.4)
        }
    }

    @Test("A caption row above the header, units in the name's brackets, row numbers and footnote marks")
    func captionUnitsAndMarks() throws {
        let table = TableFixture.make(
            [
                ["表1 “十四五”科技创新主要指标", "<<", "<<", "<<"],
                ["指标名称", "2020年", "2025年", "属性"],
                ["1.能源综合生产能力（亿吨标准煤）", "40", "＞46", "约束性"],
                ["2.细颗粒物浓度（微克/立方米）", "35", "30*", "约束性"],
            ], headerRows: 0)
        let (indicators, _) = IndicatorTable.read(
            table, location: TableFixture.location, synonyms: IndicatorTestLexicon.shipped, period: Self.shisiwu)
        #expect(indicators.map(\.name) == ["能源综合生产能力", "细颗粒物浓度"])
        #expect(indicators.map(\.unit) == ["吨标准煤", "微克/立方米"])
        #expect(indicators.map(\.value) == [46e8, 30])
        #expect(indicators.map(\.baseline) == [40e8, 35])
        #expect(indicators.map(\.note) == [nil, "*"])
        #expect(indicators.map(\.comparator) == ["超过", nil])
    }
}
