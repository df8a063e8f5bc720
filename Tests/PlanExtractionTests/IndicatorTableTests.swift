import DocumentModel
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
                let merge: VerticalMerge? = text == "^^" ? .continue : (rows.dropFirst(r + 1).first.map { $0.count > c && $0[c] == "^^" } ?? false ? .restart : nil)
                let p = Paragraph(
                    location: SourceLocation(part: "word/document.xml", paragraphIndex: paragraph, path: "body/tbl[0]/tr[\(r)]/tc[\(c)]/p[0]"),
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

    @Test("Target cells with signs, multipliers and relative phrases", arguments: [
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

    @Test("Tables without a name column or a target column are not indicator tables", arguments: [
        [["序号", "平台名称", "依托单位", "主要建设内容"], ["1", "辽宁实验室", "中科院", "……"]],
        [["指标名称", "单位", "2015年", "2020年"], ["研发经费投入强度", "%", "1.27", "2.19"]],
    ])
    func notIndicatorTables(rows: [[String]]) {
        #expect(!IndicatorTable.isIndicatorTable(TableFixture.make(rows)))
    }
}
