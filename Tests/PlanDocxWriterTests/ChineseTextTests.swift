import PlanModel
import Testing
@testable import PlanDocxWriter

/// The wording the writer generates: numerals, heading labels, topic lists, values.
struct ChineseTextTests {
    @Test(
        "Counting numerals follow Word's chineseCounting",
        arguments: [
            (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (99, "九十九"), (100, "一○○"), (105, "一○五"),
        ])
    func counting(_ n: Int, _ expected: String) {
        #expect(ChineseText.counting(n) == expected)
    }

    @Test("Heading labels restart below a higher level, as the list does")
    func headingCounter() {
        var counter = HeadingCounter()
        let labels = [0, 1, 1, 2, 3, 3, 2, 1, 0, 1, 2].map { counter.next(level: $0) }
        #expect(labels == ["一、", "（一）", "（二）", "1.", "（1）", "（2）", "2.", "（三）", "二、", "（一）", "1."])
    }

    @Test(
        "Topic lists group numbered topics and strategic studies",
        arguments: [
            (["1", "2"], "专题1、2"), (["S4"], "战略研究S4"), (["1", "2", "S4"], "专题1、2，战略研究S4"),
            (["1", nil, "1"], "专题1，未识别稿件"), ([], ""),
        ] as [([String?], String)])
    func topics(_ ids: [String?], _ expected: String) {
        #expect(ChineseText.topics(ids) == expected)
    }

    @Test(
        "Run-in titles end in punctuation",
        arguments: [
            ("坚持创新引领", "坚持创新引领。"), ("加强组织领导。", "加强组织领导。"), ("主要任务：", "主要任务："), ("  坚持开放 ", "坚持开放。"),
        ])
    func runInTitle(_ title: String, _ expected: String) {
        #expect(ChineseText.runInTitle(title) == expected)
    }

    @Test(
        "Values keep a comparator that follows the figure",
        arguments: [
            (SourcedValue(value: 1e4, text: "1万", comparator: "以上", sources: []), "1万以上"),
            (SourcedValue(value: 2.5, text: "2.5", comparator: "达到", sources: []), "2.5"),
            (SourcedValue(value: nil, text: "", relative: "翻一番", sources: []), "翻一番"),
        ])
    func value(_ value: SourcedValue, _ expected: String) {
        #expect(ChineseText.value(value) == expected)
    }

    @Test("A conflicting cell lists each value with its topics and is marked")
    func conflictCell() {
        let s = { (topic: String) in ItemSource(file: "f.docx", topic: topic, location: DraftLocation(paragraph: 1, headingPath: [])) }
        let cell = PlanTables.valueCell([
            SourcedValue(value: 2.5, text: "2.5", sources: [s("1"), s("2")]), SourcedValue(value: 2.3, text: "2.3", sources: [s("S4")]),
        ])
        #expect(cell.text == "2.5（专题1、2）／\n2.3（战略研究S4）⚠")
        #expect(cell.marked)
        #expect(PlanTables.valueCell([]).text == "—")
    }
}

/// Table columns fitted to their content and the text block.
struct ColumnLayoutTests {
    typealias Column = TableMarkup.Column
    typealias Cell = TableMarkup.Cell

    @Test("Widths always add up to the text block", arguments: [4000, 8845, 14000])
    func exact(_ total: Int) {
        let columns = [Column(header: "序号"), Column(header: "稿件", leftAligned: true, grows: true), Column(header: "日期")]
        let rows = [[Cell("1"), Cell(String(repeating: "很长的文件名", count: 8)), Cell("2020-10-20")]]
        #expect(ColumnLayout.widths(columns, rows: rows, total: total).reduce(0, +) == total)
    }

    @Test("When space is short the text column wraps and the date keeps its width")
    func textGivesFirst() {
        let columns = [Column(header: "稿件", leftAligned: true, grows: true), Column(header: "日期")]
        let rows = [[Cell(String(repeating: "很长的文件名", count: 8)), Cell("2020-10-20")]]
        let widths = ColumnLayout.widths(columns, rows: rows, total: 6000)
        #expect(widths[1] >= Int(ColumnLayout.ems("2020-10-20") * ColumnLayout.em))
        #expect(widths[0] == 6000 - widths[1])
    }

    @Test("Spare width goes to the growing column")
    func spare() {
        let columns = [Column(header: "序号"), Column(header: "名称", leftAligned: true, grows: true)]
        let widths = ColumnLayout.widths(columns, rows: [[Cell("1"), Cell("短")]], total: 8845)
        #expect(widths[0] < 800)
        #expect(widths[1] == 8845 - widths[0])
    }
}
