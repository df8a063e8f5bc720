import DocumentModel
import PlanSupport
import PlanModel
import PlanTemplates
import Testing

@testable import PlanExtraction

struct TopicIdentifierTests {
    static func byName(_ fileName: String) -> TopicMatch {
        TopicFixtures.identifier.identify(fileName: fileName, coreTitle: nil, titleParagraphs: [], leadText: "")
    }

    /// Every file name of Inputs/ on its own, without title or body (draft-07.docx says nothing).
    static let inputNames: [(String, String?)] = [
        ("10-新材料领域科技发展规划（征求意见稿）.docx", "10"),
        ("16 生物医药领域科技发展规划（2021-2035）.docx", "16"),
        ("17-卫生健康领域科技发展规划（修改稿）.docx", "17"),
        ("23.农业农村科技发展“十四五”规划.docx", "23"),
        ("5 沈大鞍国家科技成果转移转化示范区科技发展规划（征求意见稿）.docx", "5"),
        ("6.辽宁省科技创新基地平台建设规划（2021-2035年）.docx", "6"),
        ("S1 区域科技发展战略研究报告.docx", "S1"),
        ("S4 科技投入与绩效评价问题研究.docx", "S4"),
        ("draft-07.docx", nil),
        ("“一带五基地”建设科技发展战略研究（征求意见稿）.docx", "S2"),
        ("【军民融合】科技创新战略研究 修改稿.docx", "S3"),
        ("【对外合作】科技对外开放合作规划（讨论稿）.docx", "29"),
        ("公共安全科技规划 征求意见稿.docx", "21"),
        ("城镇化与城市发展科技创新规划（修改稿）  .docx", "22"),
        ("新一代信息技术领域科技发展规划  修改稿.docx", "13"),
        ("沈大国家自主创新示范区科技发展“十四五”规划 （修改稿）.docx", "4"),
        ("现代种业创新领域科技发展规划（讨论稿）.docx", "24"),
        ("社会发展科技创新“十四五”规划(征求意见稿).docx", "18"),
        ("科技创新文化与创新生态研究（修改稿）.docx", "S5"),
        ("科技服务业发展规划（征求意见稿）.docx", "26"),
        ("能源领域科技发展规划（修改稿）-20201020.docx", "11"),
        ("资源环境领域科技发展规划-初稿0915.docx", "19"),
        ("辽宁省交通领域科技发展战略研究及规划(征求意见稿).docx", "12"),
        ("辽宁省人工智能领域科技发展“十四五”规划（征求意见稿）.docx", "14"),
        ("辽宁省先进装备制造领域科技发展战略研究及规划 （2020年9月）.docx", "9"),
        ("辽宁省公共安全领域科技发展规划（初稿）.docx", "21"),
        ("辽宁省创新创业和成果转化“十四五”规划 修改稿.docx", "27"),
        ("辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）.docx", "13"),
        ("辽宁省海洋领域科技发展规划（2021－2035年）.docx", "20"),
        ("辽宁省现代食品加工领域科技发展规划 （2021-2035年）初稿.docx", "25"),
        ("辽宁省生物技术及产业科技发展十四五规划 .docx", "15"),
        ("辽宁省科技人才与基础科学发展规划  终稿.docx", "28"),
        ("辽宁省科技体制改革与创新体系建设“十四五”规划（征求意见稿）.docx", "2"),
        ("辽宁省科技发展总体战略研究及规划（送审稿）.docx", "1"),
        ("辽宁省科技型中小企业发展问题研究 终稿.docx", "S6"),
        ("辽宁省高新技术产业科技发展规划（2021—2035年）  修改稿.docx", "8"),
        ("高新区科技发展规划 修改稿.docx", "3"),
    ]

    @Test("Each file name of Inputs alone names its topic", arguments: inputNames)
    func inputFileNames(name: String, topic: String?) {
        #expect(Self.byName(name).id == topic)
    }

    /// Made-up names: near neighbours, full-width forms, extra spaces, numbers, paths.
    static let madeUpNames: [(String, String)] = [
        ("高新区科技发展规划 修改稿.docx", "3"),
        ("辽宁省高新技术产业科技发展规划（2021—2035年）  修改稿.docx", "8"),
        ("辽宁省高新技术产业开发区科技发展规划.docx", "3"),
        ("高新技术产业规划.docx", "8"),
        ("生物技术.docx", "15"),
        ("生物技术产业规划.docx", "15"),
        ("生物医药.docx", "16"),
        ("生物医药规划（讨论稿）.docx", "16"),
        ("［新材料］科技规划　（征求意见稿）.docx", "10"),
        ("〔卫生健康〕科技规划.docx", "17"),
        ("辽宁省  人工智能   领域  科技发展规划.docx", "14"),
        ("S4 科技投入绩效评价研究.docx", "S4"),
        ("s6_科技型中小企业.docx", "S6"),
        ("科技成果转化规划.docx", "27"),
        ("沈大鞍成果转移转化示范区规划.docx", "5"),
        ("沈大自创区规划（二稿）.docx", "4"),
        ("种业.docx", "24"),
        ("农业农村科技规划.docx", "23"),
        ("草稿/2020/辽宁省海洋科技规划.DOCX", "20"),
        ("5 高新区科技发展规划.docx", "3"),
    ]

    @Test("Tricky made-up names find the right topic", arguments: madeUpNames)
    func madeUpFileNames(name: String, topic: String) {
        let match = Self.byName(name)
        #expect(match.id == topic, "\(name): \(match.candidates)")
        #expect(match.title == TopicFixtures.catalog.topic(topic)?.title)
        #expect(match.matchedBy.contains("fileName"))
        #expect(match.confidence >= TopicFixtures.rules.thresholds.accept)
    }

    @Test(
        "An unrelated or empty name is unknown, with no id and no guess",
        arguments: [
            "会议纪要.docx", "新建 Microsoft Word 文档.docx", "draft-07.docx", "10-规划（征求意见稿）.docx", "附件2.docx",
        ])
    func unknownNames(name: String) {
        let match = Self.byName(name)
        #expect(match.id == nil)
        #expect(match.title == nil)
        #expect(match.confidence == 0)
        #expect(match.matchedBy.isEmpty)
        #expect((match.candidates.first?.score ?? 0) < TopicFixtures.rules.thresholds.accept)
        let diagnostics = TopicFixtures.identifier.diagnostics(for: match, fileName: name)
        #expect(diagnostics.map(\.code) == ["extract.topic-unknown"])
    }

    @Test(
        "A name naming two close topics is ambiguous: no id, both candidates reported",
        arguments: [
            ("生物技术与生物医药科技发展规划.docx", "15", "16"),
            ("农业农村与现代种业科技规划.docx", "23", "24"),
            ("科技型中小企业创新创业规划.docx", "S6", "27"),
            ("社会发展与公共安全科技规划.docx", "18", "21"),
        ])
    func ambiguousNames(name: String, first: String, second: String) {
        let match = Self.byName(name)
        #expect(match.id == nil)
        #expect(Set(match.candidates.prefix(2).map(\.id)) == [first, second])
        #expect(match.candidates.count >= 2)
        let diagnostics = TopicFixtures.identifier.diagnostics(for: match, fileName: name)
        #expect(diagnostics.map(\.code) == ["extract.topic-ambiguous"])
        #expect(diagnostics.first.map { $0.message.contains("专题\(first)") && $0.message.contains("专题\(second)") } == true)
    }

    @Test("The title paragraph identifies a draft whose file name says nothing")
    func titleParagraphAlone() {
        let match = TopicFixtures.identifier.identify(
            fileName: "新建 Microsoft Word 文档.docx", coreTitle: "",
            titleParagraphs: ["辽宁省海洋领域科技发展“十四五”规划及中长期发展规划", "（征求意见稿）"], leadText: "")
        #expect(match.id == "20")
        #expect(match.matchedBy == ["titleParagraph"])
    }

    @Test("The title paragraph tells 3 高新技术产业开发区 from 8 高新技术产业 (the longer name wins)")
    func longerNameShadowsShorter() {
        let match = TopicFixtures.identifier.identify(
            fileName: "规划.docx", coreTitle: nil,
            titleParagraphs: ["辽宁省高新技术产业开发区科技发展“十四五”规划及中长期发展规划"], leadText: "")
        #expect(match.id == "3")
        #expect(match.candidates.map(\.id).prefix(2) == ["3", "8"])
    }

    @Test("A file name and a title paragraph naming different topics leave the draft ambiguous")
    func conflictingSignals() {
        let match = TopicFixtures.identifier.identify(
            fileName: "人工智能规划.docx", coreTitle: nil,
            titleParagraphs: ["辽宁省新一代信息技术领域科技发展规划"], leadText: "")
        #expect(match.id == nil)
        #expect(Set(match.candidates.prefix(2).map(\.id)) == ["13", "14"])
    }

    @Test("Keywords in the body never identify a draft on their own")
    func keywordsAreWeak() {
        let match = TopicFixtures.identifier.identify(
            fileName: "会议纪要.docx", coreTitle: nil, titleParagraphs: [],
            leadText: "会议研究了高新区、开发区和园区建设，讨论了高新区管理体制。")
        #expect(match.id == nil)
    }

    @Test("Keywords and a matching leading number add to the score and are named in matchedBy")
    func keywordsAndNumberSupport() {
        let match = TopicFixtures.identifier.identify(
            fileName: "11 能源科技规划.docx", coreTitle: nil, titleParagraphs: [], leadText: "推进核电、风电、氢能和储能技术攻关。")
        #expect(match.id == "11")
        #expect(match.matchedBy == ["fileName", "keywords"])
    }

    @Test("A leading number naming another topic than the title is reported, the title wins")
    func numberMismatch() {
        let match = Self.byName("5 高新区科技发展规划.docx")
        #expect(match.id == "3")
        let diagnostics = TopicFixtures.identifier.diagnostics(for: match, fileName: "5 高新区科技发展规划.docx")
        #expect(diagnostics.map(\.code) == ["extract.topic-number-mismatch"])
        #expect(diagnostics.first?.severity == .info)
    }

    @Test("At most three candidates are reported, best first")
    func candidatesAreRanked() {
        let match = Self.byName("辽宁省高新技术产业科技发展规划（2021—2035年）  修改稿.docx")
        #expect(match.candidates.count <= 3)
        #expect(match.candidates.map(\.score) == match.candidates.map(\.score).sorted(by: >))
        #expect(match.candidates.first?.id == "8")
    }
}

struct TopicTextTests {
    @Test(
        "A leading number in the file name is read as a hint",
        arguments: [
            ("5 沈大鞍国家科技成果转移转化示范区科技发展规划", "5", "沈大鞍国家科技成果转移转化示范区科技发展规划"),
            ("10-新材料领域科技发展规划", "10", "新材料领域科技发展规划"),
            ("23.农业农村科技发展规划", "23", "农业农村科技发展规划"),
            ("6.辽宁省科技创新基地平台建设规划", "6", "辽宁省科技创新基地平台建设规划"),
            ("16 生物医药领域", "16", "生物医药领域"),
            ("S4 科技投入与绩效评价问题研究", "S4", "科技投入与绩效评价问题研究"),
            ("s6_科技型中小企业", "S6", "科技型中小企业"),
            ("０７　重大科技项目", "7", "重大科技项目"),
            ("7重大科技项目", "7", "重大科技项目"),
        ])
    func leadingNumbers(stem: String, hint: String, rest: String) {
        let read = TopicText.leadingNumber(stem)
        #expect(read.hint == hint)
        #expect(read.rest == rest)
    }

    @Test(
        "Years, numbers glued to letters and names without a number give no hint",
        arguments: [
            "draft-07", "2021年规划", "5G通信规划", "Summary", "科技规划", "123 规划",
        ])
    func noLeadingNumber(stem: String) {
        #expect(TopicText.leadingNumber(stem).hint == nil)
    }

    @Test(
        "Names are reduced to their distinctive core",
        arguments: [
            ("辽宁省高新技术产业开发区科技发展战略研究及规划", "高新技术产业开发区"),
            ("辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）", "新一代信息技术"),
            ("能源领域科技发展规划（修改稿）-20201020", "能源"),
            ("辽宁省先进装备制造领域科技发展战略研究及规划 （2020年9月）", "先进装备制造"),
            ("辽宁省卫生健康领域科技发展“十四五”规划及中长期发展规划", "卫生健康"),
            ("沈大国家自主创新示范区科技发展“十四五”规划及2035年远景目标", "沈大国家自主创新示范区"),
            ("【军民融合】科技创新战略研究 修改稿", "军民融合科技创新"),
            ("辽宁省科技投入与绩效评价问题研究", "科技投入与绩效评价"),
            ("ＡＢＣ　规划", "abc"),
        ])
    func heavyNormalization(text: String, core: String) {
        let topicText = TopicText(rules: TopicFixtures.rules, versions: TopicFixtures.versions)
        #expect(topicText.heavy(text) == core)
    }

    @Test("File names lose folders and extensions, not dots inside the name")
    func stems() {
        #expect(TopicText.stem(ofFileName: "a/b/规划.docx") == "规划")
        #expect(TopicText.stem(ofFileName: "23.农业农村规划.docx") == "23.农业农村规划")
        #expect(TopicText.stem(ofFileName: "23.农业农村规划") == "23.农业农村规划")
    }

    @Test("Bigram similarity is 1 for equal texts and 0 for disjoint ones")
    func dice() {
        #expect(Bigrams("生物技术").dice(Bigrams("生物技术")) == 1)
        #expect(Bigrams("生物技术").dice(Bigrams("海洋领域")) == 0)
        #expect(Bigrams("生物技术").dice(Bigrams("生物医药")) == 2.0 / 6.0)
    }
}

struct TopicMatchingRulesTests {
    @Test("The shipped matching rules load and lie in range")
    func shippedRules() throws {
        let rules = TopicFixtures.rules
        #expect(rules.genericWords.contains("辽宁省"))
        #expect(rules.thresholds.accept > rules.thresholds.margin)
    }

    @Test("A threshold out of range is refused, naming the file and the key")
    func outOfRange() {
        let yaml = """
            genericWords: [规划]
            weights: {fileName: 0.8, title: 0.8, titleParagraph: 1.0}
            thresholds: {accept: 1.5, margin: 0.1, signalFloor: 0.3}
            scores: {exactBase: 0.75, fuzzyScale: 0.8, keywordBonus: 0.1, keywordSaturation: 3, numberHintBonus: 0.1}
            """
        #expect {
            _ = try TopicMatchingRules.decode(yaml: yaml, file: "topic-matching.yaml")
        } throws: { error in
            guard let e = error as? TemplateError else { return false }
            return e.file == "topic-matching.yaml" && e.message.contains("thresholds.accept")
        }
    }

    @Test("A missing key is refused with its line")
    func missingKey() {
        let yaml = "genericWords: [规划]\nweights: {fileName: 0.8, title: 0.8}\n"
        #expect {
            _ = try TopicMatchingRules.decode(yaml: yaml, file: "t.yaml")
        } throws: { error in
            (error as? TemplateError)?.line != nil
        }
    }
}
