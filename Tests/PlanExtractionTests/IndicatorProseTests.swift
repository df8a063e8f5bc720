import DocumentModel
import PlanSupport
@testable import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// Indicators read from goal sentences.
struct IndicatorProseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var clause: String
        var name: String
        var value: Double?
        var unit: String?
        var comparator: String?
        var relative: String? = nil
        var canonical: String? = nil
        var testDescription: String { clause }
    }

    static func read(_ paragraphs: [String]) -> (goals: [Goal], indicators: [Indicator], diagnostics: [Diagnostic]) {
        let blocks = paragraphs.enumerated().map { i, text -> (block: Block, location: DraftLocation) in
            let p = Paragraph(location: SourceLocation(part: "word/document.xml", paragraphIndex: i, path: "body/p[\(i)]"), text: text)
            return (.paragraph(p), DraftLocation(paragraph: i, headingPath: ["（三）发展目标"], path: "body/p[\(i)]"))
        }
        return GoalExtractor.extract(blocks: blocks, synonyms: IndicatorTestLexicon.shipped)
    }

    static let cases: [Case] = [
        Case(clause: "全社会研发经费投入强度达到2.5%", name: "全社会研发经费投入强度", value: 2.5, unit: "%", comparator: "达到", canonical: "研发经费投入强度"),
        Case(clause: "高新技术企业数量突破1万家", name: "高新技术企业数量", value: 10000, unit: "家", comparator: "突破"),
        Case(clause: "国家级科技企业孵化器数量超过45个", name: "国家级科技企业孵化器数量", value: 45, unit: "个", comparator: "超过"),
        Case(clause: "科技进步贡献率提高到63%左右", name: "科技进步贡献率", value: 63, unit: "%", comparator: "左右"),
        Case(clause: "研发经费投入强度达到3%以上", name: "研发经费投入强度", value: 3, unit: "%", comparator: "以上"),
        Case(clause: "省级重点实验室数量控制在700个以内", name: "省级重点实验室数量", value: 700, unit: "个", comparator: "控制在以内"),
        Case(clause: "公民具备科学素质的比例不低于15%", name: "公民具备科学素质的比例", value: 15, unit: "%", comparator: "不低于"),
        Case(clause: "集成电路装备及零部件产业产值力争达到300亿元", name: "集成电路装备及零部件产业产值", value: 30_000_000_000, unit: "元", comparator: "力争"),
        Case(clause: "规上工业企业研发经费支出与营业收入之比力争1.3%", name: "规上工业企业研发经费支出与营业收入之比", value: 1.3, unit: "%", comparator: "力争"),
        Case(clause: "累计实施“揭榜挂帅”项目200项", name: "“揭榜挂帅”项目", value: 200, unit: "项", comparator: "累计", canonical: "“揭榜挂帅”项目数量"),
        Case(clause: "省级重大科技专项累计实施60项", name: "省级重大科技专项", value: 60, unit: "项", comparator: "累计", canonical: "省级重大科技专项数量"),
        Case(clause: "首台（套）重大技术装备累计认定数量超过150项", name: "首台（套）重大技术装备累计认定数量", value: 150, unit: "项", comparator: "超过"),
        Case(clause: "规模以上工业企业研发经费年均增长10%", name: "规模以上工业企业研发经费", value: 10, unit: "%", comparator: nil, relative: "年均增长"),
        Case(clause: "高新区规模以上工业增加值年均增长8%以上", name: "高新区规模以上工业增加值", value: 8, unit: "%", comparator: "以上", relative: "年均增长"),
        Case(clause: "高校院所技术转让许可收入翻一番", name: "高校院所技术转让许可收入", value: nil, unit: nil, comparator: nil, relative: "翻一番"),
        Case(clause: "科技型中小企业贷款余额实现翻一番", name: "科技型中小企业贷款余额", value: nil, unit: nil, comparator: nil, relative: "翻一番"),
        Case(clause: "育繁推一体化种业企业达到十五家", name: "育繁推一体化种业企业", value: 15, unit: "家", comparator: "达到", canonical: "育繁推一体化种业企业数量"),
        Case(clause: "国家级国际联合研究中心数量达到十个", name: "国家级国际联合研究中心数量", value: 10, unit: "个", comparator: "达到"),
        Case(clause: "地级及以上城市空气质量优良天数比例稳定在90%以上", name: "地级及以上城市空气质量优良天数比例", value: 90, unit: "%", comparator: "以上"),
        Case(clause: "高技术制造业增加值占规模以上工业增加值比重超过13%", name: "高技术制造业增加值占规模以上工业增加值比重", value: 13, unit: "%", comparator: "超过"),
        Case(clause: "规模以上电子信息制造业营业收入2000亿元左右", name: "规模以上电子信息制造业营业收入", value: 200_000_000_000, unit: "元", comparator: "左右"),
        Case(clause: "5G基站数量超过10万个", name: "5G基站数量", value: 100_000, unit: "个", comparator: "超过"),
        Case(clause: "建设省级以上人工智能开放创新平台50个", name: "省级以上人工智能开放创新平台", value: 50, unit: "个", comparator: nil, canonical: "省级以上人工智能开放创新平台数量"),
        Case(clause: "累计建成省级以上工业互联网平台100个", name: "省级以上工业互联网平台", value: 100, unit: "个", comparator: "累计", canonical: "省级以上工业互联网平台数量"),
        Case(clause: "突破关键核心技术100项以上", name: "关键核心技术", value: 100, unit: "项", comparator: "以上", canonical: "攻克关键核心技术数量"),
        Case(clause: "全省技术合同成交额突破1200亿元", name: "技术合同成交额", value: 120_000_000_000, unit: "元", comparator: "突破"),
        Case(clause: "研究与试验发展人员全时当量达到12万人年", name: "研究与试验发展人员全时当量", value: 120_000, unit: "人年", comparator: "达到"),
        Case(clause: "其中国家级高新技术企业数量达到5000家", name: "国家级高新技术企业数量", value: 5000, unit: "家", comparator: "达到"),
        Case(clause: "科技特派员数量稳定在6000人以上", name: "科技特派员数量", value: 6000, unit: "人", comparator: "以上"),
        Case(clause: "技术进出口合同金额力争40亿美元（主要指标见附表）", name: "技术进出口合同金额", value: 4_000_000_000, unit: "美元", comparator: "力争"),
        Case(clause: "培育10家左右龙头企业", name: "龙头企业", value: 10, unit: "家", comparator: "左右"),
        Case(clause: "高校院所技术转让许可收入比2020年翻一番", name: "高校院所技术转让许可收入", value: nil, unit: nil, comparator: nil, relative: "翻一番"),
        Case(clause: "单位地区生产总值能耗较2020年下降13.5%", name: "单位地区生产总值能耗", value: 13.5, unit: "%", comparator: nil, relative: "下降"),
        Case(clause: "企业研发经费支出占比提高2个百分点", name: "企业研发经费支出占比", value: 2, unit: "百分点", comparator: nil, relative: "提高"),
        Case(clause: "全省人均可支配收入达到5万元", name: "人均可支配收入", value: 50000, unit: "元", comparator: "达到"),
    ]

    @Test("A target clause gives its name, value, unit, comparator and relative", arguments: cases)
    func clause(c: Case) throws {
        let (_, indicators, _) = Self.read(["到2025年，\(c.clause)。"])
        let i = try #require(indicators.count == 1 ? indicators.first : nil, "\(indicators.map(\.name))")
        #expect(i.name == c.name)
        #expect(i.value == c.value)
        #expect(i.unit == c.unit)
        #expect(i.comparator == c.comparator)
        #expect(i.relative == c.relative)
        #expect(i.year == 2025)
        #expect(i.from == "prose")
        #expect(i.canonicalName == (c.canonical ?? c.name))
    }

    @Test("Several targets in one sentence, separated by ， and ；, all take the governing year")
    func severalTargets() {
        let (_, indicators, _) = Self.read(["到2035年，研发经费投入强度达到3%，高新技术企业数量突破2万家；科技进步贡献率超过70%，建成科技强省。"])
        #expect(indicators.map(\.name) == ["研发经费投入强度", "高新技术企业数量", "科技进步贡献率"])
        #expect(indicators.allSatisfy { $0.year == 2035 })
        #expect(indicators.allSatisfy { $0.quote.hasPrefix("到2035年") })
    }

    @Test("Targets joined by 、 are read one by one")
    func enumeration() {
        let (_, indicators, _) = Self.read(["到2025年，建设省级临床医学研究中心60个、国家临床医学研究中心分中心30个。"])
        #expect(indicators.map(\.name) == ["省级临床医学研究中心", "国家临床医学研究中心分中心"])
        #expect(indicators.map(\.value) == [60, 30])
    }

    @Test("A clause without its own subject takes the name of the clause before it")
    func inheritedName() {
        let (_, indicators, _) = Self.read(["到2025年，人工智能核心产业规模突破500亿元，年均增长23%，带动人工智能相关产业规模达到2500亿元。"])
        #expect(indicators.map(\.name) == ["人工智能核心产业规模", "人工智能核心产业规模", "人工智能相关产业规模"])
        #expect(indicators[1].relative == "年均增长")
        #expect(indicators[1].value == 23)
        let (_, doubled, _) = Self.read(["到2025年，生物制造产业产值实现翻一番，达到500亿元左右。"])
        #expect(doubled.map(\.relative) == ["翻一番", nil])
        #expect(doubled.map(\.comparator) == [nil, "左右"])
        #expect(doubled.allSatisfy { $0.name == "生物制造产业产值" })
    }

    @Test(
        "The year comes from the governing phrase",
        arguments: [
            ("到2025年，高新技术企业数量达到1万家。", 2025 as Int?),
            ("“十四五”期间，高新技术企业数量达到1万家。", 2025),
            ("力争到2035年，高新技术企业数量达到2万家。", 2035),
            ("到本世纪中叶，高新技术企业数量达到5万家。", nil),
        ])
    func governingYear(text: String, year: Int?) throws {
        let (_, indicators, diagnostics) = Self.read([text])
        let i = try #require(indicators.first)
        #expect(i.year == year)
        #expect(!diagnostics.contains { $0.code == "extract.indicator-no-year" })
    }

    @Test("A target without a year is kept and reported")
    func noYear() throws {
        let (_, indicators, diagnostics) = Self.read(["高新技术企业数量达到1万家。"])
        #expect(try #require(indicators.first).year == nil)
        #expect(diagnostics.contains { $0.code == "extract.indicator-no-year" })
    }

    @Test("Figures of a past year are history, not targets")
    func history() {
        let (_, indicators, _) = Self.read(["2020年，全省研发经费投入强度达到2.19%。"])
        #expect(indicators.isEmpty)
    }

    @Test("A starting point before 提高到 becomes the baseline")
    func startingPoint() throws {
        let (_, indicators, _) = Self.read(["到2025年，研发经费投入强度由2.19%提高到2.5%。"])
        let i = try #require(indicators.count == 1 ? indicators.first : nil)
        #expect(i.value == 2.5)
        #expect(i.baseline == 2.19)
    }

    @Test("Names holding 以上 keep it; 以上 after the figure is the comparator")
    func yiShangInNames() {
        let (_, indicators, _) = Self.read(["到2025年，省级以上科普教育基地数量超过400个，规模以上工业企业中有研发活动企业占比达到30%以上。"])
        #expect(indicators.map(\.name) == ["省级以上科普教育基地数量", "规模以上工业企业中有研发活动企业占比"])
        #expect(indicators.map(\.comparator) == ["超过", "以上"])
    }
}
