import DocumentModel
import PlanSupport
@testable import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// The forms of Chinese target sentences that other writers use, each with the sentence it came
/// from (issue: "Read drafts as other people write them"). One paragraph in, the indicators out.
struct IndicatorFormsTests {
    struct Want: Sendable {
        var name: String
        var value: Double?
        var unit: String?
        var year: Int? = 2025
        var baseline: Double? = nil
        var baselineYear: Int? = nil
        var comparator: String? = nil
        var relative: String? = nil
        var upper: Double? = nil
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var paragraph: String
        var want: [Want]
        var testDescription: String { paragraph }
    }

    static let period = PlanPeriod(start: 2021, end: 2025, fiveYearPlan: 14)

    static func read(_ paragraphs: [String], headings: [String] = ["（三）发展目标"], period: PlanPeriod? = Self.period)
        -> (goals: [Goal], indicators: [Indicator], diagnostics: [Diagnostic])
    {
        let blocks = paragraphs.enumerated().map { i, text -> (block: Block, location: DraftLocation) in
            let p = Paragraph(location: SourceLocation(part: "word/document.xml", paragraphIndex: i, path: "body/p[\(i)]"), text: text)
            return (.paragraph(p), DraftLocation(paragraph: i, headingPath: headings, path: "body/p[\(i)]"))
        }
        return GoalExtractor.extract(blocks: blocks, synonyms: IndicatorTestLexicon.shipped, period: period)
    }

    static let cases: [Case] = [
        // Baseline → target: one indicator with its baseline, never two.
        Case(
            paragraph: "到2025年，全省研发经费投入强度由2020年的2.1%提高到2.6%。",
            want: [Want(name: "研发经费投入强度", value: 2.6, unit: "%", baseline: 2.1, baselineYear: 2020)]),
        Case(
            paragraph: "到2025年，高新技术企业数量从8600家增加到1.5万家。",
            want: [Want(name: "高新技术企业数量", value: 15000, unit: "家", baseline: 8600)]),
        Case(
            paragraph: "到2025年，技术合同成交额由2020年底的500亿元扩大到1000亿元左右。",
            want: [Want(name: "技术合同成交额", value: 1e11, unit: "元", baseline: 5e10, baselineYear: 2020, comparator: "左右")]),
        Case(
            paragraph: "到2025年，万元地区生产总值能耗由0.9吨标准煤降低到0.8吨标准煤。",
            want: [Want(name: "万元地区生产总值能耗", value: 0.8, unit: "吨标准煤", baseline: 0.9, comparator: "降至")]),
        Case(
            paragraph: "到2025年，科技成果转化周期缩短至2年。",
            want: [Want(name: "科技成果转化周期", value: 2, unit: "年", comparator: "降至")]),
        // 分别: one indicator per name.
        Case(
            paragraph: "到2025年，全省生产总值、人均生产总值分别突破8.5万亿元、13万元。",
            want: [
                Want(name: "生产总值", value: 8.5e12, unit: "元", comparator: "突破"),
                Want(name: "人均生产总值", value: 130000, unit: "元", comparator: "突破"),
            ]),
        // Comparators before and after the figure.
        Case(
            paragraph: "到2025年，城镇调查失业率控制在5.5%以内，细颗粒物浓度低于35微克/立方米。",
            want: [
                Want(name: "城镇调查失业率", value: 5.5, unit: "%", comparator: "控制在以内"),
                Want(name: "细颗粒物浓度", value: 35, unit: "微克/立方米", comparator: "控制在以内"),
            ]),
        // Relative targets.
        Case(
            paragraph: "到2025年，全社会研发经费投入年均增长7%以上，高技术产业增加值比2020年增长30%，科技进步贡献率提高5个百分点。",
            want: [
                Want(name: "全社会研发经费投入", value: 7, unit: "%", comparator: "以上", relative: "年均增长"),
                Want(name: "高技术产业增加值", value: 30, unit: "%", relative: "增长"),
                Want(name: "科技进步贡献率", value: 5, unit: "百分点", relative: "提高"),
            ]),
        // Ranges and compound units.
        Case(
            paragraph: "到2025年，数字经济增加值年均增长8%—10%，人均科研经费达到12万元/人。",
            want: [
                Want(name: "数字经济增加值", value: 8, unit: "%", relative: "年均增长", upper: 10),
                Want(name: "人均科研经费", value: 120000, unit: "元/人", comparator: "达到"),
            ]),
        // Number before the noun: named after the noun, never the verb or the enumerator.
        Case(
            paragraph: "到2025年，新建省级以上创新平台40个，四是建设45个科普基地。",
            want: [
                Want(name: "省级以上创新平台", value: 40, unit: "个"),
                Want(name: "科普基地", value: 45, unit: "个"),
            ]),
        // Physical units and 亿斤, 名, 户.
        Case(
            paragraph: "到2025年，粮食产量稳定在465亿斤以上，培养青年科技人才1000名，服务农户5万户。",
            want: [
                Want(name: "粮食产量", value: 4.65e10, unit: "斤", comparator: "以上"),
                Want(name: "青年科技人才", value: 1000, unit: "名"),
                Want(name: "服务农户", value: 50000, unit: "户"),
            ]),
        // Meta-counts are no indicators.
        Case(paragraph: "本规划提出11项指标，以上共计38项，从以下十个方面推进。", want: []),
        // An achievement is no target; a history year mark neither.
        Case(paragraph: "2020年，全省研发经费投入强度达到2.1%。目前已建成重点实验室500个。", want: []),
        // One figure for every name of a 分别 list.
        Case(
            paragraph: "到2025年，化学需氧量、二氧化硫排放分别减少8%，氨氮、氮氧化物排放分别减少10%。",
            want: [
                Want(name: "化学需氧量", value: 8, unit: "%", relative: "减少"),
                Want(name: "二氧化硫排放", value: 8, unit: "%", relative: "减少"),
                Want(name: "氨氮", value: 10, unit: "%", relative: "减少"),
                Want(name: "氮氧化物排放", value: 10, unit: "%", relative: "减少"),
            ]),
        // An index or coefficient has no unit: a number after a target verb is still a target.
        Case(
            paragraph: "到2025年，农业灌溉用水有效利用系数提高到0.53，居民消费价格指数控制在103.5左右。",
            want: [
                Want(name: "农业灌溉用水有效利用系数", value: 0.53, unit: nil),
                Want(name: "居民消费价格指数", value: 103.5, unit: nil, comparator: "左右"),
            ]),
        // Counts of the plan's indicators named before the figure are no targets.
        Case(paragraph: "规划共设置预期性指标28项、约束性指标10项，其中13个为新增指标。", want: []),
        // A starting point with its own comparator.
        Case(
            paragraph: "到2025年，国内生产总值从不到70万亿元增加到超过100万亿元。",
            want: [Want(name: "国内生产总值", value: 1e14, unit: "元", baseline: 7e13, comparator: "超过")]),
        // A bare verb before the figure: the noun after it names the target.
        Case(
            paragraph: "到2025年，严守18亿亩耕地红线。",
            want: [Want(name: "耕地红线", value: 1.8e9, unit: "亩")]),
        // A figure qualifying a noun belongs to the name.
        Case(
            paragraph: "到2025年，培育年营业收入超10亿元的企业20家。",
            want: [Want(name: "年营业收入超10亿元的企业", value: 20, unit: "家")]),
        // A target year inside the clause.
        Case(
            paragraph: "全省研发经费投入强度到2030年达到3%。",
            want: [Want(name: "研发经费投入强度", value: 3, unit: "%", year: 2030, comparator: "达到")]),
    ]

    @Test("Each form gives the indicators a reader finds, named by their noun, with value, unit, year and baseline", arguments: cases)
    func forms(c: Case) {
        let found = Self.read([c.paragraph]).indicators
        #expect(found.count == c.want.count, "found \(found.map { "\($0.name)=\($0.value.map { "\($0)" } ?? "nil")\($0.unit ?? "")" })")
        for (got, want) in zip(found, c.want) {
            #expect(got.name == want.name)
            #expect(got.value == want.value)
            #expect(got.unit == want.unit)
            #expect(got.year == want.year)
            #expect(got.baseline == want.baseline)
            #expect(got.baselineYear == want.baselineYear)
            #expect(got.comparator == want.comparator)
            #expect(got.relative == want.relative)
            #expect(got.upper == want.upper)
        }
    }

    @Test("A lead paragraph's year scopes the numbered items below it; the heading and then the plan period date the rest")
    func yearContext() {
        let scoped = Self.read(["到2030年，主要目标是：", "（1）创新能力明显提升。研发经费投入强度达到3%。", "（2）创新主体壮大。高新技术企业达到2万家。"])
        #expect(scoped.indicators.map(\.year) == [2030, 2030])
        #expect(scoped.goals.map(\.year) == [2030, 2030])
        #expect(scoped.goals.map(\.indicators) == [[0], [1]])
        let byHeading = Self.read(["——创新能力明显提升，研发经费投入强度达到3.2%。"], headings: ["三、发展目标", "（二）2035年远景目标"])
        #expect(byHeading.indicators.map(\.year) == [2035])
        let byPeriod = Self.read(["1.创新投入持续增加，研发经费投入强度达到2.6%。"])
        #expect(byPeriod.indicators.map(\.year) == [2025])
        #expect(byPeriod.diagnostics.allSatisfy { $0.code != "extract.indicator-no-year" })
        let nowhere = Self.read(["1.创新投入持续增加，研发经费投入强度达到2.6%。", "2.高新技术企业达到1万家。"], period: nil)
        #expect(nowhere.indicators.map(\.year) == [nil, nil])
        #expect(nowhere.diagnostics.filter { $0.code == "extract.indicator-no-year" }.count == 1)
    }

    @Test(
        "Every goal statement is a goal: numbered, dashed and run-in items; a bare lead is not",
        arguments: [
            ["到2025年，实现以下目标：", "（1）原始创新能力明显提升。基础研究投入占比达到8%。", "2. 成果转化更加顺畅。", "——创新生态持续优化。"]
        ])
    func goalStatements(paragraphs: [String]) {
        let goals = Self.read(paragraphs).goals
        #expect(goals.count == 3)
        #expect(goals.allSatisfy { $0.year == 2025 })
    }

    @Test("A paragraph declaring its targets is read outside the goals section, dated by its heading")
    func declaredTargets() {
        #expect(GoalExtractor.declaresTargets("经济社会发展的主要预期目标是：地区生产总值增长10%以上；城镇新增就业70万人以上。"))
        #expect(GoalExtractor.declaresTargets("具体目标如下："))
        #expect(!GoalExtractor.declaresTargets("围绕目标任务，加快建设创新平台。全年新建平台10个。"))
        #expect(!GoalExtractor.declaresTargets("今年是我国现代化建设进程中具有特殊重要性的一年。总体要求是：以……为指导。"))
    }

    @Test(
        "The plan period is read from how plans name it",
        arguments: [
            ("辽宁省科技创新“十四五”规划", 2021, 2025),
            ("中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要", 2021, 2025),
            ("辽宁省科技发展“十三五”规划", 2016, 2020),
            ("十五五时期科技发展规划", 2026, 2030),
            ("辽宁省中长期科技发展规划（2021—2035年）", 2021, 2035),
            ("浙江省2021年政府工作报告", 2021, 2021),
        ])
    func period(title: String, start: Int, end: Int) throws {
        let p = try #require(PlanPeriod.read([title]))
        #expect(p.start == start)
        #expect(p.end == end)
    }
}
