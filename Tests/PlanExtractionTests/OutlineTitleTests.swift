import PlanExtraction
import PlanModel
import Testing

/// Title lines at the top of the body.
struct OutlineTitleTests {
    typealias Line = OutlineDraft.Line

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [Line]
        var titles: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "Title and Subtitle styles (Word, pandoc)",
            lines: [
                Line(text: "辽宁省人工智能领域科技发展“十四五”规划", style: "Title", outlineLevel: 0),
                Line(text: "（征求意见稿）", style: "Subtitle"),
                OutlineDraft.heading(1, "一、发展基础"),
            ],
            titles: ["辽宁省人工智能领域科技发展“十四五”规划", "（征求意见稿）"]),
        Case(
            name: "localized LibreOffice styles 标题 and 副标题",
            lines: [
                Line(text: "辽宁省“一带五基地”建设科技发展战略研究", style: "标题"),
                Line(text: "（征求意见稿）", style: "副标题"),
                OutlineDraft.heading(1, "一、发展现状"),
            ],
            titles: ["辽宁省“一带五基地”建设科技发展战略研究", "（征求意见稿）"]),
        Case(
            name: "WPS direct formatting: centred 2号 Normal, then a centred subtitle",
            lines: [
                Line(text: "辽宁省能源领域科技发展“十四五”规划", centred: true, size: 44),
                Line(text: "（修改稿）", centred: true, size: 32),
                Line(text: ""),
                OutlineDraft.heading(1, "发展基础", numbering: "一、"),
            ],
            titles: ["辽宁省能源领域科技发展“十四五”规划", "（修改稿）"]),
        Case(
            name: "bold centred Normal title of a draft without styles",
            lines: [
                Line(text: "辽宁省区域科技发展战略研究", bold: true, centred: true),
                Line(text: "（研究报告）", centred: true),
                OutlineDraft.bold("一、区域科技发展现状"),
            ],
            titles: ["辽宁省区域科技发展战略研究", "（研究报告）"]),
        Case(
            name: "a plain first line worded like a plan title and its parenthesised subtitle",
            lines: [
                Line(text: "辽宁省海洋领域科技发展规划"),
                Line(text: "（2021—2035年）"),
                OutlineDraft.body("海洋是高质量发展战略要地。为加快建设海洋强省，制定本规划。"),
            ],
            titles: ["辽宁省海洋领域科技发展规划", "（2021—2035年）"]),
        Case(
            name: "a plan title put in a centred Heading 1 above the chapters",
            lines: [
                Line(text: "辽宁省科技服务业发展规划", style: "heading 1", outlineLevel: 0, bold: true, centred: true),
                OutlineDraft.heading(1, "一、发展现状"), OutlineDraft.body("正文。"),
            ],
            titles: ["辽宁省科技服务业发展规划"]),
        Case(
            name: "no title: the body starts with a sentence",
            lines: [
                OutlineDraft.body("为深入实施创新驱动发展战略，制定本规划。"),
                OutlineDraft.bold("一、发展基础"),
            ],
            titles: []),
        Case(
            name: "no title: the body starts with a heading",
            lines: [OutlineDraft.bold("一、发展基础"), OutlineDraft.body("正文。")],
            titles: []),
    ]

    @Test("Title lines are found by style, layout or wording", arguments: cases)
    func titles(_ c: Case) throws {
        let outline = try OutlineDraft.outline(c.lines)
        #expect(outline.titleParagraphs.map(\.text) == c.titles)
        #expect(outline.titleParagraphs.map(\.paragraph) == Array(0..<c.titles.count))
        #expect(outline.diagnostics.contains { $0.code == "extract.title-not-found" } == c.titles.isEmpty)
    }

    @Test("A Title style with outline level 0 is never a heading, even below the first heading")
    func titleStyleIsNotAHeading() throws {
        let outline = try OutlineDraft.outline([
            Line(text: "辽宁省科技发展规划", style: "Title", outlineLevel: 0),
            OutlineDraft.heading(1, "一、发展基础"),
            OutlineDraft.body("正文。"),
            Line(text: "附：编制说明", style: "Title", outlineLevel: 0),
        ])
        #expect(outline.nodes.levelsForTests.map(\.title) == ["一、发展基础"])
    }
}
