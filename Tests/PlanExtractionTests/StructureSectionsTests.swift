import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// Section kinds from heading texts, at whatever depth they stand.
struct StructureSectionsTests {
    typealias Line = OutlineDraft.Line

    @Test("The template knows exactly the section kinds of PlanModel")
    func knownKinds() {
        #expect(SectionSynonyms.knownKinds == SectionKind.allCases.map(\.rawValue))
    }

    @Test(
        "A heading text names its kind through the synonyms of sections.yaml",
        arguments: [
            ("发展基础与面临形势", SectionKind?.some(.basis)), ("现状与形势", .basis), ("“十三五”农业农村科技发展成效与形势", .basis),
            ("存在问题与原因分析", .basis), ("指导思想", .guiding), ("基本原则", .principles), ("发展目标", .goals),
            ("主要目标", .goals), ("总体目标", .goals), ("目标任务", .goals), ("战略思路与目标", .goals),
            ("重点任务", .tasks), ("主要任务", .tasks), ("重点发展方向与任务", .tasks), ("重点领域与主要任务", .tasks),
            ("重点研究任务", .tasks), ("重大项目布局", .projects), ("重点工程", .projects), ("重大工程", .projects),
            ("保障措施", .safeguards), ("保障体系", .safeguards), ("政策保障", .safeguards), ("对策建议", .safeguards),
            ("组织实施", .safeguards), ("政策建议", .safeguards), ("附表 科技对外开放合作主要指标", .appendix),
            ("附件", .appendix), ("总体要求", nil), ("建设布局", nil), ("国内外经验借鉴", nil), ("战略定位", nil),
        ])
    func kind(_ title: String, _ kind: SectionKind?) throws {
        let s = try OutlineDraft.structure([OutlineDraft.bold("一、" + title), OutlineDraft.body("正文。")])
        #expect(s.outline.first?.kind == kind)
    }

    /// A draft shaped like S2: 目标任务 under the general requirements, 重点任务 later.
    static let s2: [Line] = [
        OutlineDraft.heading(1, "一、发展现状与突出问题"), OutlineDraft.heading(2, "（一）建设进展"), OutlineDraft.body("现状。"),
        OutlineDraft.heading(2, "（二）突出问题"), OutlineDraft.body("问题。"),
        OutlineDraft.heading(1, "二、面临的新形势新要求"), OutlineDraft.body("形势。"),
        OutlineDraft.heading(1, "三、战略思路与目标"), OutlineDraft.heading(2, "（一）指导思想"), OutlineDraft.body("指导。"),
        OutlineDraft.heading(2, "（二）基本原则"), OutlineDraft.runIn("服务国家战略。", "原则。"),
        OutlineDraft.heading(2, "（三）目标任务"), OutlineDraft.body("总体上，……。"), OutlineDraft.body("到2025年，……。"),
        Line(text: "表1 主要指标", style: "caption"),
        OutlineDraft.heading(1, "四、重点任务"), OutlineDraft.heading(2, "（一）提升装备制造"), OutlineDraft.body("任务。"),
        OutlineDraft.heading(1, "五、政策保障"), OutlineDraft.heading(2, "（一）强化统筹推进"), OutlineDraft.body("措施。"),
    ]

    @Test("目标任务 under the general requirements is goals while 重点任务 is tasks; a heading naming goals above other kinds is a container")
    func s2Shape() throws {
        let s = try OutlineDraft.structure(Self.s2, tableAfter: 15)
        #expect(s.sections.map(\.kind) == [.basis, .basis, .guiding, .principles, .goals, .tasks, .safeguards])
        #expect(
            s.sections.map(\.heading) == [
                "一、发展现状与突出问题", "二、面临的新形势新要求", "（一）指导思想", "（二）基本原则", "（三）目标任务", "四、重点任务", "五、政策保障",
            ])
        #expect(s.missingSections.isEmpty)
        let goals = try #require(s.sections.first { $0.kind == .goals })
        #expect(goals.paragraphCount == 4)
        #expect(goals.location.headingPath == ["三、战略思路与目标"])
        #expect(goals.location.paragraph == 12)
    }

    @Test("The goals section's blocks come in order, tables included, each with its location")
    func goalBlocks() throws {
        let s = try OutlineDraft.structure(Self.s2, tableAfter: 15)
        let blocks = s.goalBlocks
        #expect(blocks.count == 4)
        #expect(blocks.map { $0.paragraph?.text ?? "table" } == ["总体上，……。", "到2025年，……。", "表1 主要指标", "table"])
        #expect(blocks.allSatisfy { $0.location.headingPath == ["三、战略思路与目标", "（三）目标任务"] })
        #expect(blocks.map(\.location.paragraph) == [13, 14, 15, 16])
        #expect(blocks.last?.location.path == "body/tbl[0]")
        #expect(s.blocks(of: .basis).count == 3)
    }

    @Test("Sub-headings naming the kind of their parent leave one section, the outer one")
    func sameKindBelow() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("一、发展基础与面临形势"), OutlineDraft.bold("（一）发展基础"), OutlineDraft.body("基础。"),
            OutlineDraft.bold("（二）面临形势"), OutlineDraft.body("形势。"),
        ])
        #expect(s.sections.map(\.heading) == ["一、发展基础与面临形势"])
        #expect(s.sections.first?.paragraphCount == 2)
        #expect(s.outline.nodesForTests.map(\.kind) == [.basis, nil, nil])
    }

    @Test("A heading naming two kinds covers the second when no other heading does")
    func twoKindsInOneHeading() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("一、指导思想和基本原则"), OutlineDraft.body("以……为指导。"), OutlineDraft.runIn("坚持创新驱动。", "……。"),
            OutlineDraft.bold("二、发展目标"), OutlineDraft.body("到2025年……。"),
        ])
        #expect(Set(s.sections.map(\.kind)) == [.guiding, .principles, .goals])
        #expect(s.sections.filter { $0.heading == "一、指导思想和基本原则" }.count == 2)
        #expect(s.missingSections == [.basis, .tasks, .safeguards])
    }

    @Test("Missing kinds and empty sections are reported")
    func missingAndEmpty() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("一、发展基础"), OutlineDraft.body("基础。"), OutlineDraft.bold("二、指导思想"),
            OutlineDraft.bold("三、基本原则"), OutlineDraft.body("原则。"), OutlineDraft.bold("四、发展目标"), OutlineDraft.body("目标。"),
            OutlineDraft.bold("五、重点任务"), OutlineDraft.bold("（一）平台"), OutlineDraft.body("任务。"),
        ])
        #expect(s.missingSections == [.safeguards])
        let missing = s.diagnostics.filter { $0.code == "extract.missing-section" }
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("保障措施") == true)
        let empty = s.diagnostics.filter { $0.code == "extract.empty-section" }
        #expect(empty.count == 1)
        #expect(empty.first?.location?.paragraphIndex == 2)
        #expect(s.sections.first { $0.kind == .guiding }?.paragraphCount == 0)
    }
}
