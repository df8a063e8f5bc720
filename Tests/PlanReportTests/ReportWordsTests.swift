import DocumentModel
import PlanSupport
import PlanModel
@testable import PlanReport
import Testing

@Suite struct ReportWordsTests {
    @Test(
        arguments: [
            (26, ["二、总体要求", "（三）发展目标"], "第 27 段（二、总体要求 > （三）发展目标）"),
            (0, [], "第 1 段"),
            (nil, ["四、保障措施"], "（四、保障措施）"),
            (nil, [], "全文"),
        ] as [(Int?, [String], String)])
    func aPlaceReadsAsParagraphAndHeadingPath(_ paragraph: Int?, _ path: [String], _ expected: String) {
        #expect(ReportWords.place(paragraph: paragraph, headingPath: path) == expected)
    }

    @Test(arguments: [
        ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;"),
        ("汉字 & <标签>", "汉字 &amp; &lt;标签&gt;"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
        ("bell\u{07}nul\u{0}", "bellnul"),
        ("&amp;", "&amp;amp;"),
    ])
    func textIsEscapedForHTML(_ text: String, _ expected: String) {
        #expect(HTML.escape(text) == expected)
    }

    @Test(
        arguments: [
            ("2.5%", 2.5, "%", "2.5%"),
            ("2.5", 2.5, "%", "2.5%"),
            ("1000", 1e11, "元", "1000亿元"),
            ("500", 5e6, "元", "500万元"),
            ("1000亿元", 1e11, "元", "1000亿元"),
            ("10000", 10000, "家", "10000家"),
            ("1.2万家", 12000, "家", "1.2万家"),
            ("翻一番", nil, "元", "翻一番"),
        ] as [(String, Double?, String, String)])
    func aValueIsShownWithItsUnit(_ text: String, _ value: Double?, _ unit: String, _ expected: String) {
        let plan = MasterPlan(
            title: "t", date: "d",
            indicators: [
                IndicatorRow(key: "k", name: "k", unit: unit, attributes: [], baseline: [], targets: [:], topics: [], conflict: false)
            ])
        let facts = ReportFacts(plan)
        #expect(facts.valueText(SourcedValue(value: value, text: text, sources: []), key: "k") == expected)
    }

    @Test func aDiagnosticOutsideTheMainStoryNamesItsPart() {
        let facts = ReportFacts(MasterPlan(title: "t", date: "d"))
        let styles = Diagnostic(
            severity: .warning, code: "styles.x", message: "m", location: SourceLocation(part: "word/styles.xml", path: "styles"))
        let footnote = Diagnostic(
            severity: .warning, code: "x", message: "m", location: SourceLocation(part: "word/footnotes.xml", paragraphIndex: 2, path: "p"))
        let body = Diagnostic(
            severity: .warning, code: "x", message: "m", location: SourceLocation(part: "word/document.xml", paragraphIndex: 9, path: "p"))
        #expect(facts.place(of: styles, in: "a.docx") == "样式定义")
        #expect(facts.place(of: footnote, in: "a.docx") == "脚注第 3 段")
        #expect(facts.place(of: body, in: "a.docx") == "第 10 段")
    }

    @Test func headingPathsAreFoundInTheSourcesWhenTheAssemblyGivesNone() {
        let source = ItemSource(file: "a.docx", topic: "1", location: DraftLocation(paragraph: 9, headingPath: ["三、重点任务"]))
        let plan = MasterPlan(
            title: "t", date: "d",
            chapters: [PlanNode(title: "c", items: [PlanItem(kind: .task, text: "x", sources: [source])])])
        let body = Diagnostic(
            severity: .warning, code: "x", message: "m", location: SourceLocation(part: "word/document.xml", paragraphIndex: 9, path: "p"))
        #expect(ReportFacts(plan).place(of: body, in: "a.docx") == "第 10 段（三、重点任务）")
        #expect(ReportFacts(plan).place(of: body, in: "b.docx") == "第 10 段")
    }

    @Test(arguments: [
        ("styles.unknown-basedon", Diagnostic.Severity.warning, true),
        ("numbering.unknown-format", .info, true),
        ("package.dangling-relationship", .info, true),
        ("reader.skipped-element", .warning, false),
        ("reader.part-unreadable", .error, false),
        ("extract.open-comment", .info, false),
        ("assembly.template-empty", .warning, false),
    ])
    func formattingNotesAreToldApartFromContentProblems(_ code: String, _ severity: Diagnostic.Severity, _ technical: Bool) {
        #expect(ReportWords.isTechnical(Diagnostic(severity: severity, code: DiagnosticCode(rawValue: code), message: "")) == technical)
    }
}
