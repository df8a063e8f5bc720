@testable import PlanExtraction
import PlanTemplates
import Testing

/// Indicator keys: synonyms from Templates/indicators.yaml, normalization of other names.
struct IndicatorKeyTests {
    let lexicon = IndicatorTestLexicon.shipped

    func key(_ name: String, unit: String? = nil) -> String {
        IndicatorGrammar.resolve(name: name, unit: unit, lexicon: lexicon).key
    }

    @Test(
        "Synonyms share the key of their canonical indicator",
        arguments: [
            ("研发经费投入强度", ["R&D经费投入强度", "全社会研发经费投入强度", "全社会研发投入强度", "研究与试验发展经费投入强度", "Ｒ＆Ｄ经费投入强度", "全省R&D经费投入强度"]),
            ("科技型中小企业数量", ["评价入库科技型中小企业数量"]),
            ("研究与试验发展人员全时当量", ["R&D人员全时当量"]),
            ("高校院所科技成果省内转化率", ["高校院所科技成果本省转化率", "科技成果本省转化率"]),
        ])
    func synonyms(canonical: String, names: [String]) {
        for name in names {
            #expect(key(name) == key(canonical), "\(name)")
            #expect(IndicatorGrammar.resolve(name: name, unit: nil, lexicon: lexicon).canonical == canonical)
        }
    }

    @Test(
        "Look-alike names keep different keys",
        arguments: [
            ("农业科技进步贡献率", "科技进步贡献率"),
            ("首台（套）重大技术装备认定数量", "首台（套）重大技术装备累计认定数量"),
            ("瞪羚企业数量", "瞪羚企业和独角兽企业数量"),
            ("人工智能核心产业规模", "人工智能相关产业规模"),
            ("规上工业企业研发经费支出与营业收入之比", "规模以上工业企业研发经费支出占营业收入比重"),
            ("某新指标数量", "某新指标"),
        ])
    func lookAlikes(a: String, b: String) {
        #expect(key(a) != key(b))
    }

    @Test("Unlisted names consolidate on exact repeats after normalization")
    func unlistedNames() {
        let k = key("新增研发平台数量")
        #expect(key("全省新增研发平台数量") == k)
        #expect(key("我省 新增研发平台数量。") == k)
        #expect(key("新增研发平台数量") == "新增研发平台数量")
        #expect(IndicatorGrammar.resolve(name: "全省新增研发平台数量", unit: nil, lexicon: lexicon).canonical == "新增研发平台数量")
    }

    @Test("A thing counted in 个/家 is its 数量 indicator when that one is listed")
    func countedThing() {
        #expect(key("省级重点实验室", unit: "个") == key("省级重点实验室数量"))
        #expect(key("省级重点实验室", unit: "%") != key("省级重点实验室数量"))
    }

    @Test("The shipped lexicon lists every canonical name once with its units")
    func shippedLexicon() {
        #expect(lexicon.indicators.count >= 150)
        #expect(Set(lexicon.indicators.map { lexicon.key(of: $0) }).count == lexicon.indicators.count)
        #expect(lexicon.unitSpellings.first.map { $0.count > 1 } == true)
        #expect(lexicon.isCountUnit("家"))
        #expect(!lexicon.isCountUnit("%"))
    }

    @Test("A name listed under two indicators is refused with its line")
    func duplicateSynonym() {
        let yaml = """
            units:
              counts: [个]
              others: []
              aliases: {}
            indicators:
              - name: 科技进步贡献率
                synonyms: [科技贡献率]
              - name: 农业科技进步贡献率
                synonyms: [科技贡献率]
            """
        #expect {
            _ = try IndicatorSynonyms.decode(yaml: yaml, file: "indicators.yaml")
        } throws: { error in
            guard let e = error as? TemplateError else { return false }
            return e.line == 9 && e.message.contains("科技贡献率")
        }
    }

    @Test("A malformed entry is refused with the line of the node")
    func malformed() {
        let yaml = """
            units:
              counts: [个]
              others: []
              aliases: {}
            indicators:
              - synonyms: [科技贡献率]
            """
        #expect {
            _ = try IndicatorSynonyms.decode(yaml: yaml, file: "indicators.yaml")
        } throws: { error in
            (error as? TemplateError)?.line != nil
        }
    }
}
