import PlanExtraction
import PlanModel
import Testing

/// One heading tree from every signal, levels normalised within the draft.
struct OutlineBuilderTests {
    typealias Line = OutlineDraft.Line

    struct SignalCase: Sendable, CustomTestStringConvertible {
        var name: String
        var line: Line
        var signal: HeadingSignal
        var label: String?
        var title: String
        var testDescription: String { name }
    }

    static let signals: [SignalCase] = [
        .init(name: "heading style", line: OutlineDraft.heading(1, "一、发展基础"), signal: .headingStyle, label: "一、", title: "发展基础"),
        .init(
            name: "localized heading style without outline level", line: Line(text: "一、发展基础", style: "标题 1"),
            signal: .headingStyle, label: "一、", title: "发展基础"),
        .init(
            name: "direct outline level on a Normal paragraph", line: Line(text: "一、发展基础", outlineLevel: 0),
            signal: .outlineLevel, label: "一、", title: "发展基础"),
        .init(
            name: "a label only numbering.xml holds", line: OutlineDraft.numbered("（三）", "加强组织领导", format: "chineseCounting"),
            signal: .numbering, label: "（三）", title: "加强组织领导"),
        .init(
            name: "a typed label in a bold Normal paragraph", line: OutlineDraft.bold("（一）总体情况"), signal: .typedLabel,
            label: "（一）", title: "总体情况"),
        .init(
            name: "a typed label split across runs (joined by the reader), full-width space after it",
            line: OutlineDraft.bold("一、　区域科技发展现状"), signal: .typedLabel, label: "一、", title: "区域科技发展现状"),
        .init(
            name: "a numbering label typed again in the text", line: OutlineDraft.numbered("一、", "一、发展基础", bold: true),
            signal: .numbering, label: "一、", title: "发展基础"),
        .init(
            name: "half-width parentheses", line: OutlineDraft.bold("(二)基本原则"), signal: .typedLabel, label: "(二)",
            title: "基本原则"),
        .init(
            name: "a short bold paragraph without label", line: OutlineDraft.bold("附表 主要指标"), signal: .boldParagraph,
            label: nil, title: "附表 主要指标"),
    ]

    @Test("Each signal alone makes a heading, and the signal is recorded", arguments: signals)
    func signal(_ c: SignalCase) throws {
        let outline = try OutlineDraft.outline([c.line, OutlineDraft.body("正文。")])
        let node = try #require(outline.nodes.first)
        #expect(outline.nodes.count == 1)
        #expect(node.signal == c.signal)
        #expect(node.label == c.label)
        #expect(node.title == c.title)
        #expect(node.level == 1)
    }

    struct RoleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var line: Line
        var isHeading: Bool
        var testDescription: String { name }
    }

    static let roles: [RoleCase] = [
        .init(name: "bold 1. heading", line: OutlineDraft.bold("1.推进装备制造智能化升级"), isHeading: true),
        .init(name: "1. heading from a heading style", line: OutlineDraft.heading(3, "1.推进装备制造智能化升级"), isHeading: true),
        .init(
            name: "1. list item: long text ending with 。",
            line: OutlineDraft.bold("1.围绕数控机床、工业机器人、智能成套装备等领域，突破高精度传感、智能控制、工业软件等关键技术，推动装备产品向智能化发展。"),
            isHeading: false),
        .init(name: "short 1. item ending with ；", line: OutlineDraft.bold("1.研发投入强度达到2.5%；"), isHeading: false),
        .init(name: "a plain (not bold) short 1. item", line: OutlineDraft.body("1.研发经费投入强度"), isHeading: false),
        .init(
            name: "a numbered list paragraph from numbering.xml",
            line: OutlineDraft.numbered("1.", "全面落实研发费用加计扣除政策，实施企业研发投入后补助。"), isHeading: false),
        .init(name: "a plain short numbered list entry", line: OutlineDraft.numbered("1.", "研发经费投入强度"), isHeading: false),
        .init(name: "a bold numbered heading from numbering.xml", line: OutlineDraft.numbered("1.", "推进智能制造", bold: true), isHeading: true),
        .init(name: "a plain short （一） line", line: OutlineDraft.body("（一）指导思想"), isHeading: true),
        .init(
            name: "a run-in bold heading", line: OutlineDraft.runIn("（一）加强组织领导。", "建立省级统筹协调机制。"), isHeading: false),
        .init(name: "a bold sentence", line: OutlineDraft.bold("必须坚持创新在现代化建设全局中的核心地位。"), isHeading: false),
        .init(name: "a bold table caption", line: OutlineDraft.bold("表1 主要指标"), isHeading: false),
        .init(
            name: "a long sentence in a heading style",
            line: OutlineDraft.heading(
                2, "围绕数控机床、工业机器人、智能成套装备等领域，突破高精度传感、智能控制、工业软件等关键技术，推动装备产品向智能化、高端化发展，提升整机可靠性和精度保持性，加快首台（套）装备示范应用。"),
            isHeading: false),
    ]

    @Test("Length, bold, style and final punctuation tell a heading from a list item", arguments: roles)
    func role(_ c: RoleCase) throws {
        let outline = try OutlineDraft.outline([OutlineDraft.bold("一、重点任务"), c.line, OutlineDraft.body("正文。")])
        #expect(outline.nodes.levelsForTests.count == (c.isHeading ? 2 : 1))
    }

    @Test("Chapters and sections stand above 一、 and （一）")
    func chapters() throws {
        let outline = try OutlineDraft.outline([
            OutlineDraft.heading(1, "第一章 发展基础"), OutlineDraft.heading(2, "第一节 发展现状"),
            OutlineDraft.heading(3, "一、创新投入"), OutlineDraft.bold("（一）研发经费"), OutlineDraft.body("正文。"),
            OutlineDraft.heading(1, "第二章 重点任务"), OutlineDraft.heading(2, "第一节 平台"), OutlineDraft.heading(3, "一、实验室"),
        ])
        #expect(outline.nodes.levelsForTests.map(\.level) == [1, 2, 3, 4, 1, 2, 3])
        #expect(outline.nodes.map(\.labelKind) == [.chapter, .chapter])
    }

    @Test("A draft that skips a kind nests the next kind directly: depth follows the order of nesting")
    func skippedKind() throws {
        let outline = try OutlineDraft.outline([
            OutlineDraft.bold("一、重点任务"), OutlineDraft.bold("1.平台建设"), OutlineDraft.body("正文。"),
            OutlineDraft.bold("2.人才"), OutlineDraft.body("正文。"), OutlineDraft.bold("二、保障措施"),
            OutlineDraft.bold("（1）组织"), OutlineDraft.body("正文。"),
        ])
        #expect(outline.nodes.levelsForTests.map(\.level) == [1, 2, 2, 1, 2])
    }

    @Test("A kind keeps its depth even when the heading style says otherwise")
    func labelOverridesStyle() throws {
        let outline = try OutlineDraft.outline([
            OutlineDraft.heading(1, "一、发展基础"), OutlineDraft.heading(2, "（一）现状"), OutlineDraft.body("正文。"),
            OutlineDraft.heading(2, "二、总体要求"), OutlineDraft.heading(2, "（一）指导思想"), OutlineDraft.body("正文。"),
        ])
        #expect(outline.nodes.levelsForTests.map(\.level) == [1, 2, 1, 2])
        let mismatch = outline.diagnostics.filter { $0.code == "extract.heading-style-mismatch" }
        #expect(mismatch.map(\.location?.paragraphIndex) == [3])
    }

    @Test("Unlabelled headings take the depth of their style, or follow the heading before them")
    func unlabelled() throws {
        let outline = try OutlineDraft.outline([
            OutlineDraft.heading(1, "一、发展基础"), OutlineDraft.heading(2, "（一）现状"), OutlineDraft.body("正文。"),
            OutlineDraft.heading(2, "国内外经验"), OutlineDraft.body("正文。"),
            OutlineDraft.bold("典型案例"), OutlineDraft.body("正文。"),
            OutlineDraft.heading(1, "结语"), OutlineDraft.body("正文。"),
        ])
        #expect(outline.nodes.levelsForTests.map(\.level) == [1, 2, 2, 2, 1])
    }

    @Test("An unlabelled bold 附表 after the last chapter goes back to the top level")
    func appendixTopLevel() throws {
        let outline = try OutlineDraft.outline([
            OutlineDraft.bold("一、重点任务"), OutlineDraft.bold("（一）平台"), OutlineDraft.bold("1.实验室"),
            OutlineDraft.body("正文。"), OutlineDraft.bold("附表 主要指标"),
        ])
        #expect(outline.nodes.levelsForTests.map(\.level) == [1, 2, 3, 1])
        #expect(outline.nodes.last?.kind == .appendix)
    }

    @Test("Headings out of order are reported; numbers in order are not")
    func headingOrder() throws {
        let wrong = try OutlineDraft.outline([
            OutlineDraft.bold("一、保障措施"), OutlineDraft.bold("（一）组织"), OutlineDraft.body("正文。"),
            OutlineDraft.bold("（三）资金"), OutlineDraft.body("正文。"), OutlineDraft.bold("三、附则"),
        ])
        let codes = wrong.diagnostics.filter { $0.code == "extract.heading-order" }
        #expect(codes.count == 2)
        #expect(codes.first?.message.contains("（三）资金") == true)
        #expect(codes.first?.location?.paragraphIndex == 3)

        let right = try OutlineDraft.outline([
            OutlineDraft.bold("一、保障措施"), OutlineDraft.bold("（一）组织"), OutlineDraft.bold("（二）资金"),
            OutlineDraft.bold("二、附则"), OutlineDraft.bold("（一）解释"),
        ])
        #expect(!right.diagnostics.contains { $0.code == "extract.heading-order" })
    }

    @Test("Headings carry the section kind their text names")
    func kinds() throws {
        let outline = try OutlineDraft.outline([
            OutlineDraft.heading(1, "一、发展基础与面临形势"), OutlineDraft.body("正文。"),
            OutlineDraft.heading(1, "二、总体要求"), OutlineDraft.heading(2, "（一）指导思想"), OutlineDraft.body("正文。"),
            OutlineDraft.heading(1, "三、重点任务"), OutlineDraft.heading(2, "（一）加强组织实施"), OutlineDraft.body("正文。"),
        ])
        #expect(outline.nodes.nodesForTests.map(\.kind) == [.basis, nil, .guiding, .tasks, nil])
    }

    @Test("A numbering label is displayed with its separator in the heading path")
    func displayedWithSeparator() throws {
        var line = OutlineDraft.heading(1, "发展基础", numbering: "第一章")
        line.numberingSuffix = "\t"
        let s = try OutlineDraft.structure([line, OutlineDraft.body("正文。")])
        #expect(s.outline.first?.label == "第一章")
        #expect(s.outline.first?.title == "发展基础")
        #expect(s.allBlocks.last?.location.headingPath == ["第一章 发展基础"])
    }
}
