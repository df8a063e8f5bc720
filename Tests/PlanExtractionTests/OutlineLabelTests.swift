import PlanExtraction
import PlanModel
import Testing

/// The label grammar of Chinese official documents.
struct OutlineLabelTests {
    struct Typed: Sendable, CustomTestStringConvertible {
        var text: String
        var label: String
        var kind: LabelKind
        var ordinal: Int
        var rest: String
        var testDescription: String { text }
    }

    static let typed: [Typed] = [
        .init(text: "第一章 发展基础", label: "第一章", kind: .chapter, ordinal: 1, rest: "发展基础"),
        .init(text: "第十二节　人才", label: "第十二节", kind: .section, ordinal: 12, rest: "人才"),
        .init(text: "第二部分 重点任务", label: "第二部分", kind: .chapter, ordinal: 2, rest: "重点任务"),
        .init(text: "一、发展基础", label: "一、", kind: .chineseComma, ordinal: 1, rest: "发展基础"),
        .init(text: "一、　区域科技发展现状", label: "一、", kind: .chineseComma, ordinal: 1, rest: "区域科技发展现状"),
        .init(text: "十一、附则", label: "十一、", kind: .chineseComma, ordinal: 11, rest: "附则"),
        .init(text: "二十三、其他", label: "二十三、", kind: .chineseComma, ordinal: 23, rest: "其他"),
        .init(text: "（三）加强组织领导", label: "（三）", kind: .chineseParen, ordinal: 3, rest: "加强组织领导"),
        .init(text: "(一)加强组织领导", label: "(一)", kind: .chineseParen, ordinal: 1, rest: "加强组织领导"),
        .init(text: "（十）营造氛围", label: "（十）", kind: .chineseParen, ordinal: 10, rest: "营造氛围"),
        .init(text: "1.推进装备制造", label: "1.", kind: .arabicDot, ordinal: 1, rest: "推进装备制造"),
        .init(text: "2、发展高端新材料", label: "2、", kind: .arabicDot, ordinal: 2, rest: "发展高端新材料"),
        .init(text: "3．建设平台", label: "3．", kind: .arabicDot, ordinal: 3, rest: "建设平台"),
        .init(text: "12. 完善机制", label: "12.", kind: .arabicDot, ordinal: 12, rest: "完善机制"),
        .init(text: "（1）聚焦优势领域", label: "（1）", kind: .arabicParen, ordinal: 1, rest: "聚焦优势领域"),
        .init(text: "(2) 创新体制机制", label: "(2)", kind: .arabicParen, ordinal: 2, rest: "创新体制机制"),
        .init(text: "3）推动转化", label: "3）", kind: .arabicParen, ordinal: 3, rest: "推动转化"),
        .init(text: "①优势领域", label: "①", kind: .circled, ordinal: 1, rest: "优势领域"),
        .init(text: "⑫ 其他", label: "⑫", kind: .circled, ordinal: 12, rest: "其他"),
        .init(text: "1.2 数控机床", label: "1.2", kind: .decimalMultilevel, ordinal: 2, rest: "数控机床"),
        .init(text: "2.3.1 关键部件", label: "2.3.1", kind: .decimalMultilevel, ordinal: 1, rest: "关键部件"),
    ]

    @Test("A typed label at the start of a paragraph is read with its kind, number and the text after it", arguments: typed)
    func typedLabel(_ c: Typed) throws {
        let parsed = try #require(HeadingLabel.parse(prefixOf: c.text))
        #expect(parsed.label.text == c.label)
        #expect(parsed.label.kind == c.kind)
        #expect(parsed.label.ordinal == c.ordinal)
        #expect(parsed.rest == c.rest)
    }

    @Test(
        "Figures, years and enumerations in running text are not labels",
        arguments: ["2025年，全省研发投入", "1.5亿元用于", "2.5%以上", "一是加强组织领导", "十三五期间", "（2021—2035年）", "1、2号线建成", "第一批试点", "（一是）", "3.5倍"])
    func notALabel(_ text: String) {
        #expect(HeadingLabel.parse(prefixOf: text) == nil)
    }

    @Test(
        "A label rendered from numbering.xml is classified by its text",
        arguments: [
            ("（三）", LabelKind.chineseParen, 3), ("第二章", .chapter, 2), ("第三节", .section, 3), ("四、", .chineseComma, 4),
            ("1.", .arabicDot, 1), ("7", .arabicDot, 7), ("（2）", .arabicParen, 2), ("③", .circled, 3),
            ("1.2", .decimalMultilevel, 2),
        ])
    func renderedLabel(_ label: String, _ kind: LabelKind, _ ordinal: Int) throws {
        let parsed = try #require(HeadingLabel.parse(rendered: label))
        #expect(parsed.kind == kind)
        #expect(parsed.ordinal == ordinal)
    }

    @Test("Bullets and empty numbering labels have no kind", arguments: ["", "•", "", "  ", "-"])
    func bulletLabel(_ label: String) {
        #expect(HeadingLabel.parse(rendered: label) == nil)
    }
}
