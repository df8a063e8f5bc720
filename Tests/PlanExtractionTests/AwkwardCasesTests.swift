import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates
import Testing
import TestSupport

/// The awkward cases real drafts are full of, end to end: a small DOCX built in code
/// (`DocxBuilder`), read by `DocxReader`, extracted by `DraftExtractor` with the shipped
/// Templates/. Each checks what an editor would see in the extraction, not an intermediate.
struct AwkwardCasesTests {
    static let templates = try! TemplateSet.load(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Templates").standardized.path)

    /// Reads and extracts the package `builder` makes.
    static func extract(_ builder: DocxBuilder) throws -> DraftExtraction {
        let document = try DocxReader().read(bytes: builder.bytes(), name: "awkward.docx")
        return DraftExtractor(templates: templates).extract(document, fileName: "awkward.docx")
    }

    // MARK: Headings

    /// A heading and what the outline must make of it.
    struct HeadingCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var body: String
        var styles: String? = nil
        var numbering: String? = nil
        /// (label, title, signal) of headings the outline must hold.
        var expected: [Expected]

        struct Expected: Sendable, Hashable {
            var label: String
            var title: String
            var signal: HeadingSignal
        }
    }

    static let headingCases: [HeadingCase] = [
        HeadingCase(
            testDescription: "a typed label split over three bold runs",
            body: WordXML.title + WordXML.paragraph(runs: ["（", "一", "）", "指导思想"], bold: true) + WordXML.paragraph("坚持创新在现代化建设全局中的核心地位。"),
            expected: [.init(label: "（一）", title: "指导思想", signal: .typedLabel)]),
        HeadingCase(
            testDescription: "a label only numbering.xml holds (chineseCounting %1、 through the style's numPr)",
            body: WordXML.title + WordXML.paragraph("总体要求", style: "PlanChapter") + WordXML.paragraph("全面贯彻新发展理念。")
                + WordXML.paragraph("重点任务", style: "PlanChapter") + WordXML.paragraph("强化企业创新主体地位。"),
            styles: WordXML.normalStyle + WordXML.chapterStyle, numbering: WordXML.chapterNumbering,
            expected: [.init(label: "一、", title: "总体要求", signal: .numbering), .init(label: "二、", title: "重点任务", signal: .numbering)]),
        HeadingCase(
            testDescription: "a bold Normal paragraph with a typed label",
            body: WordXML.title + WordXML.paragraph("三、重点任务", style: "Normal", bold: true) + WordXML.paragraph("强化企业创新主体地位。"),
            styles: WordXML.normalStyle,
            expected: [.init(label: "三、", title: "重点任务", signal: .typedLabel)]),
    ]

    @Test("A heading is found with its label however Word stores the label", arguments: headingCases)
    func heading(_ c: HeadingCase) throws {
        let draft = try Self.extract(DocxBuilder(body: c.body, styles: c.styles, numbering: c.numbering))
        let found = draft.outline.nodesForTests.map { HeadingCase.Expected(label: $0.label ?? "", title: $0.title, signal: $0.signal) }
        #expect(found == c.expected, "outline: \(draft.outline.levelsForTests)")
    }

    @Test("A typed 三、重点任务 in bold Normal opens the tasks section")
    func boldNormalHeadingKind() throws {
        let body = WordXML.title + WordXML.paragraph("三、重点任务", style: "Normal", bold: true) + WordXML.paragraph("强化企业创新主体地位。")
        let draft = try Self.extract(DocxBuilder(body: body, styles: WordXML.normalStyle))
        #expect(draft.outline.first?.kind == .tasks)
        #expect(draft.sections.map(\.heading) == ["三、重点任务"])
    }

    // MARK: Goals section: a merged indicator table and tracked changes

    /// "到2025年，" + a deleted indicator + a kept one + an inserted one.
    static let goalParagraph =
        #"<w:p><w:r><w:t>到2025年，</w:t></w:r>"#
        + #"<w:del w:id="1" w:author="审稿人" w:date="2024-05-01T00:00:00Z"><w:r><w:delText>军民两用技术交易额突破100亿元，</w:delText></w:r></w:del>"#
        + #"<w:r><w:t>技术合同成交额达到1000亿元，</w:t></w:r>"#
        + #"<w:ins w:id="2" w:author="审稿人" w:date="2024-05-01T00:00:00Z"><w:r><w:t>高校院所科技成果省内转化率达到60%。</w:t></w:r></w:ins></w:p>"#

    /// 类别 | 指标名称 (two grid columns) | 单位 | 2020年基期值 | 2025年目标值 | 属性; the 类别 cell
    /// of the second data row continues the first (vMerge), every name cell spans two columns.
    static let indicatorTable =
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>"
        + String(repeating: #"<w:gridCol w:w="1200"/>"#, count: 7) + "</w:tblGrid>"
        + WordXML.row([.plain("类别"), .spanning("指标名称"), .plain("单位"), .plain("2020年基期值"), .plain("2025年目标值"), .plain("属性")], header: true)
        + WordXML.row([.restart("创新投入"), .spanning("研发经费投入强度"), .plain("%"), .plain("2.19"), .plain("2.5"), .plain("预期性")])
        + WordXML.row([.continued, .spanning("研究与试验发展人员全时当量"), .plain("万人年"), .plain("9.5"), .plain("12"), .plain("预期性")])
        + "</w:tbl>"

    static let goalsDraft = DocxBuilder(
        body: WordXML.title
            + WordXML.paragraph("一、总体要求", bold: true)
            + WordXML.paragraph("（三）发展目标", bold: true)
            + goalParagraph
            + WordXML.paragraph("表1 主要指标")
            + indicatorTable
            + WordXML.paragraph("二、重点任务", bold: true)
            + WordXML.paragraph("强化企业创新主体地位。"))

    @Test(
        "An indicator in a merged table row reads with its own name, value and year",
        arguments: [
            ("研发经费投入强度", 2.5, "%", 2.19),
            ("研究与试验发展人员全时当量", 120_000, "人年", 95_000),  // the row whose 类别 cell continues the one above
        ])
    func mergedTableCell(_ name: String, _ value: Double, _ unit: String, _ baseline: Double) throws {
        let draft = try Self.extract(Self.goalsDraft)
        let fromTable = draft.indicators.filter { $0.from == "table" }
        #expect(fromTable.count == 2, "\(fromTable.map(\.name))")
        let indicator = try #require(fromTable.first { $0.name == name }, "\(fromTable.map(\.name))")
        #expect(indicator.value == value)
        #expect(indicator.unit == unit)
        #expect(indicator.year == 2025)
        #expect(indicator.baseline == baseline)
        #expect(indicator.baselineYear == 2020)
        #expect(indicator.attribute == "预期性")
    }

    @Test(
        "Tracked changes decide which goal indicators exist: deleted ones go, inserted ones stay",
        arguments: [
            ("军民两用技术交易额", false), ("技术合同成交额", true), ("高校院所科技成果省内转化率", true),
        ])
    func trackedIndicator(_ name: String, _ present: Bool) throws {
        let draft = try Self.extract(Self.goalsDraft)
        let prose = draft.indicators.filter { $0.from != "table" }
        #expect(prose.contains { $0.name.contains(name) } == present, "\(prose.map(\.name))")
        #expect(draft.goals.contains { $0.text.contains(name) } == present, "\(draft.goals.map(\.text))")
    }

    @Test("The inserted indicator is read whole, in the 2025 goal, and the revisions are reported")
    func insertedIndicator() throws {
        let draft = try Self.extract(Self.goalsDraft)
        let goal = try #require(draft.goals.first { $0.year == 2025 })
        #expect(goal.text == "到2025年，技术合同成交额达到1000亿元，高校院所科技成果省内转化率达到60%。")
        let inserted = try #require(draft.indicators.first { $0.name.contains("高校院所科技成果省内转化率") })
        #expect(inserted.value == 60)
        #expect(inserted.unit == "%")
        #expect(inserted.year == 2025)
        #expect(draft.revisions == RevisionState(unresolved: true, insertions: 1, deletions: 1, comments: 0))
        #expect(draft.diagnostics.contains { $0.code == "extract.unresolved-revisions" })
    }
}

/// WordprocessingML snippets for `AwkwardCasesTests`.
private enum WordXML {
    static let title =
        #"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="44"/></w:rPr><w:t>辽宁省“十四五”科技创新规划</w:t></w:r></w:p>"#

    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        paragraph(runs: [text], style: style, bold: bold)
    }

    /// One paragraph whose text is `runs`, each its own `w:r`.
    static func paragraph(runs: [String], style: String? = nil, bold: Bool = false) -> String {
        let properties = style.map { #"<w:pPr><w:pStyle w:val="\#($0)"/></w:pPr>"# } ?? ""
        let runProperties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>" + properties + runs.map { "<w:r>\(runProperties)<w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
    }

    enum Cell {
        case plain(String)
        /// Covers two grid columns.
        case spanning(String)
        /// Starts a vertical merge.
        case restart(String)
        /// Continues the vertical merge above.
        case continued
    }

    static func row(_ cells: [Cell], header: Bool = false) -> String {
        let properties = header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""
        return "<w:tr>" + properties
            + cells.map { cell in
                switch cell {
                case .plain(let text): "<w:tc>\(paragraph(text))</w:tc>"
                case .spanning(let text): #"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>"# + paragraph(text) + "</w:tc>"
                case .restart(let text): #"<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>"# + paragraph(text) + "</w:tc>"
                case .continued: "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
                }
            }.joined() + "</w:tr>"
    }

    static let normalStyle = #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#

    /// A chapter style that is no heading style: its label comes from numbering.xml alone.
    static let chapterStyle =
        #"<w:style w:type="paragraph" w:customStyle="1" w:styleId="PlanChapter"><w:name w:val="规划章标题"/><w:basedOn w:val="Normal"/>"#
        + #"<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#

    static let chapterNumbering =
        #"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>"#
        + #"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="PlanChapter"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>"#
        + #"</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
}
