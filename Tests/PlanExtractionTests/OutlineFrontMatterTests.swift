import PlanModel
import Testing

@testable import PlanExtraction

/// Cover lines around the title (attachment marks, classifications, document numbers,
/// authorities and signatures, dates) and titles over several paragraphs.
struct OutlineFrontMatterTests {
    typealias Line = OutlineDraft.Line

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [Line]
        var titles: [String]
        /// Cover lines passed over, with their kind.
        var cover: [String: String]
        var testDescription: String { name }
    }

    static let title = Line(text: "辽宁省新材料领域科技发展“十四五”规划", bold: true, centred: true, size: 44)
    static let first = OutlineDraft.bold("一、发展基础")

    static let cases: [Case] = [
        Case(name: "附件2 above the title", lines: [Line(text: "附件2"), title, first], titles: [title.text], cover: ["附件2": "attachment"]),
        Case(name: "附件： above the title", lines: [Line(text: "附件："), title, first], titles: [title.text], cover: ["附件：": "attachment"]),
        Case(name: "附表 above the title", lines: [Line(text: "附表"), title, first], titles: [title.text], cover: ["附表": "attachment"]),
        Case(
            name: "classification marks", lines: [Line(text: "密级：秘密★1年"), Line(text: "内部资料 注意保存"), title, first],
            titles: [title.text], cover: ["密级：秘密★1年": "classification", "内部资料 注意保存": "classification"]),
        Case(
            name: "document number", lines: [Line(text: "辽科发〔2021〕12号", centred: true), title, first], titles: [title.text],
            cover: ["辽科发〔2021〕12号": "documentNumber"]),
        Case(
            name: "issuing authority and date above the title",
            lines: [Line(text: "辽宁省科学技术厅", bold: true, centred: true), Line(text: "2021年3月", centred: true), title, first],
            titles: [title.text], cover: ["辽宁省科学技术厅": "authority", "2021年3月": "date"]),
        Case(
            name: "authority and date under the title and its subtitle (a cover page)",
            lines: [
                title, Line(text: "（征求意见稿）", centred: true), Line(text: "辽宁省科学技术厅", centred: true, size: 32),
                Line(text: "二〇二一年三月", centred: true, size: 32), first,
            ],
            titles: [title.text, "（征求意见稿）"], cover: ["辽宁省科学技术厅": "authority", "二〇二一年三月": "date"]),
        Case(
            name: "征求意见稿 above the title stays a subtitle",
            lines: [Line(text: "征求意见稿"), Line(text: "辽宁省海洋领域科技发展规划"), first],
            titles: ["征求意见稿", "辽宁省海洋领域科技发展规划"], cover: [:]),
        Case(
            name: "a title over two plain paragraphs",
            lines: [Line(text: "辽宁省新材料领域科技发展"), Line(text: "“十四五”规划及中长期发展规划"), Line(text: "（征求意见稿）"), first],
            titles: ["辽宁省新材料领域科技发展", "“十四五”规划及中长期发展规划", "（征求意见稿）"], cover: [:]),
        Case(
            name: "a title over three plain paragraphs, after a document number",
            lines: [
                Line(text: "辽科发〔2021〕12号"), Line(text: "辽宁省"), Line(text: "科技创新基地平台建设"), Line(text: "“十四五”规划"), first,
            ],
            titles: ["辽宁省", "科技创新基地平台建设", "“十四五”规划"], cover: ["辽科发〔2021〕12号": "documentNumber"]),
        Case(
            name: "a government work report: title, occasion and signature lines",
            lines: [
                OutlineDraft.bold("政府工作报告"), OutlineDraft.bold("2021年1月26日在浙江省第十三届人民代表大会第五次会议上"),
                OutlineDraft.bold("浙江省省长 郑栅洁"), OutlineDraft.body("各位代表："), OutlineDraft.body("现在，我代表省人民政府向大会报告工作。"),
            ],
            titles: ["政府工作报告"],
            cover: ["2021年1月26日在浙江省第十三届人民代表大会第五次会议上": "date", "浙江省省长 郑栅洁": "authority"]),
        Case(
            name: "a heading ending in 局 is no authority (一、重大项目布局)",
            lines: [OutlineDraft.bold("一、重大项目布局"), OutlineDraft.body("正文。")], titles: [], cover: [:]),
        Case(
            name: "a bold line ending in 布局 is no authority", lines: [OutlineDraft.bold("空间布局"), OutlineDraft.body("正文。")],
            titles: [], cover: [:]),
    ]

    @Test("Cover lines are passed over and titles found over several paragraphs", arguments: cases)
    func frontMatter(_ c: Case) throws {
        let outline = try OutlineDraft.outline(c.lines)
        #expect(outline.titleParagraphs.map(\.text) == c.titles)
        #expect(Dictionary(uniqueKeysWithValues: outline.frontMatter.map { ($0.text, $0.signal) }) == c.cover)
        // Cover lines never become headings.
        let headings = outline.nodes.nodesForTests.map(\.displayTitle)
        #expect(!headings.contains { c.cover.keys.contains($0) })
    }

    @Test(
        "Lines that start with a date are cover lines; titles and subtitles with years are not",
        arguments: [
            ("2021年3月", true), ("2021年3月12日", true), ("二〇二一年三月", true), ("2021.3", true), ("2021-03-12", true),
            ("2021年1月26日在浙江省第十三届人民代表大会第五次会议上", true), ("——2021年1月28日在辽宁省第十三届人民代表大会第五次会议上", true),
            ("（2021—2035年）", false), ("2021年工作要点", false),
            ("2020年度科技计划", false),
        ])
    func dates(_ text: String, _ isDate: Bool) {
        #expect(TitleDetector.startsWithDate(text) == isDate)
    }

    @Test(
        "Document numbers: issuer, bracketed year, serial, 号",
        arguments: [
            ("辽科发〔2021〕12号", true), ("辽政办发[2020]3号", true), ("国科发资〔2020〕210号", true), ("辽宁省科技厅", false),
            ("〔2021〕12号", false), ("第12号", false),
        ])
    func documentNumbers(_ text: String, _ isNumber: Bool) {
        #expect(TitleDetector.isDocumentNumber(text) == isNumber)
    }
}
