import DocumentModel
import PlanSupport
@testable import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// Goal statements of a goals section.
struct GoalExtractorTests {
    static func blocks(_ items: [Any]) -> [(block: Block, location: DraftLocation)] {
        items.enumerated().map { i, item in
            let location = DraftLocation(paragraph: i, headingPath: ["（三）发展目标"], path: "body/p[\(i)]")
            if let table = item as? Table { return (.table(table), location) }
            var p = Paragraph(location: SourceLocation(part: "word/document.xml", paragraphIndex: i, path: "body/p[\(i)]"))
            if let (text, level) = item as? (String, Int) {
                p.text = text
                p.outlineLevel = level
            } else {
                p.text = item as? String ?? ""
            }
            return (.paragraph(p), location)
        }
    }

    static func extract(_ items: [Any]) -> (goals: [Goal], indicators: [Indicator], diagnostics: [Diagnostic]) {
        GoalExtractor.extract(blocks: blocks(items), synonyms: IndicatorTestLexicon.shipped)
    }

    @Test("The overall goal and the phase goals, verbatim, with their years")
    func overallAndPhases() {
        let overall = "总体目标：按照“三步走”的战略安排，到2025年进入创新型省份行列，到2035年建成科技强省。"
        let g2025 = "到2025年，全社会研发经费投入强度达到2.5%，高新技术企业数量突破1万家。"
        let g2035 = "到2035年，研发经费投入强度达到3%以上，基本建成科技强省。"
        let (goals, indicators, diagnostics) = Self.extract([overall, g2025, g2035, "表1 辽宁省科技发展主要指标"])
        #expect(goals.map(\.text) == [overall, g2025, g2035])
        #expect(goals.map(\.year) == [nil, 2025, 2035])
        #expect(goals.map(\.location.paragraph) == [0, 1, 2])
        #expect(indicators.map(\.year) == [2025, 2025, 2035])
        #expect(diagnostics.isEmpty)
    }

    @Test("Goal sub-headings are not goals; the first paragraph states the aim")
    func subHeadings() {
        let (goals, _, _) = Self.extract([
            ("1.总体目标", 2), "着力构建农业科技创新体系，把我省建设成为东北地区农业科技创新高地。",
            "2.阶段目标", "到2025年，农业科技进步贡献率达到64%。", "到2035年，农业科技进步贡献率达到70%。",
        ])
        #expect(goals.map(\.year) == [nil, 2025, 2035])
        #expect(goals.first?.text.hasPrefix("着力构建") == true)
    }

    @Test(
        "Overall goals named in the sentence, 十四五 periods and 本世纪中叶",
        arguments: [
            ("区域科技发展的总体目标是：形成核心引领、多极支撑的区域创新格局。", GoalExtractor.GoalKind.overall),
            ("总的目标是：经过五年努力，基本建成区域创新体系。", .overall),
            ("“十四五”期间，科技创新能力显著增强。", .phase(2025)),
            ("到本世纪中叶，建成世界科技强省。", .phase(nil)),
            ("（1）到2025年，创新能力显著增强。", .phase(2025)),
            ("阶段目标：到2025年，创新能力显著增强。", .phase(2025)),
            ("远期目标。到2035年，建成科技强省。", .phase(2035)),
            ("总体目标：建成科技强省。", .overall),
        ])
    func kinds(text: String, kind: GoalExtractor.GoalKind) {
        #expect(GoalExtractor.goalKind(text, first: false, seenOverall: false) == kind)
    }

    @Test("Without an overall paragraph the section opens with its phase goals")
    func noOverall() {
        let (goals, _, _) = Self.extract([
            "到2025年，高新技术企业数量突破1万家。", "到2035年，高新技术企业数量达到2万家。",
        ])
        #expect(goals.map(\.year) == [2025, 2035])
    }

    @Test("An indicator table among the goals gives table indicators")
    func tableInSection() {
        let table = TableFixture.make([
            ["序号", "指标名称", "单位", "2020年基期值", "2025年目标值", "属性"],
            ["1", "高新技术企业数量", "家", "7000", "10000", "预期性"],
        ])
        let (_, indicators, _) = Self.extract(["到2025年，高新技术企业数量突破1万家。", table])
        #expect(indicators.map(\.from) == ["prose", "table"])
        #expect(Set(indicators.map(\.key)).count == 1)
    }

    @Test("A goals section without a figure is reported")
    func noIndicator() {
        let (goals, indicators, diagnostics) = Self.extract(["到2025年，创新能力显著增强，创新生态明显优化。"])
        #expect(goals.count == 1)
        #expect(indicators.isEmpty)
        #expect(diagnostics.map(\.code) == ["extract.goals-no-indicator"])
    }
}
