import DocumentModel
import PlanSupport
import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// Sections by role and position: the synonyms of every kind, safeguards that are about carrying
/// out the plan (not a subject that merely holds 保障), task chapters by position, 篇 labels and
/// chapter numbers running on across 篇, numbered items before unnumbered run-ins.
struct StructureRolesTests {
    typealias Line = OutlineDraft.Line

    /// A heading as chapter 一 of a plan that goes on with 二 (so it is not the closing chapter).
    static func kindInTheMiddle(_ title: String) throws -> SectionKind? {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("一、" + title), OutlineDraft.body("正文。"), OutlineDraft.bold("二、其他"), OutlineDraft.body("正文。"),
        ])
        return s.outline.first?.kind
    }

    @Test(
        "Every kind's synonyms name it, wherever the heading stands",
        arguments: [
            // 发展基础
            ("发展环境", SectionKind?.some(.basis)), ("发展形势", .basis), ("现状与形势", .basis), ("面临形势", .basis),
            ("我国发展环境面临深刻复杂变化", .basis), ("2020年主要工作和“十三五”发展成就", .basis), ("现状与问题", .basis),
            ("2020年工作和“十三五”时期回顾", .basis),
            // 指导思想
            ("指导思想", .guiding), ("指导方针", .guiding), ("总体思路", .guiding), ("发展思路", .guiding),
            // 基本原则
            ("基本原则", .principles), ("必须遵循的原则", .principles), ("基本遵循", .principles), ("发展理念", .principles),
            ("主要原则", .principles),
            // 发展目标
            ("主要目标", .goals), ("总体目标", .goals), ("预期目标", .goals), ("“十四五”时期经济社会发展主要目标", .goals),
            // 重点任务
            ("主要任务", .tasks), ("重点任务", .tasks), ("重点工作", .tasks), ("今年重点工作", .tasks), ("2021年工作安排", .tasks),
            // 保障措施
            ("保障措施", .safeguards), ("实施保障", .safeguards), ("规划实施", .safeguards), ("组织实施", .safeguards),
            ("保障体系", .safeguards), ("加强规划实施保障", .safeguards), ("强化组织实施", .safeguards),
            ("政策建议与保障措施", .safeguards), ("完善保障措施", .safeguards), ("规划实施保障", .safeguards),
            // no kind
            ("总体要求", nil), ("战略导向", nil), ("建设布局", nil),
        ])
    func synonym(_ title: String, _ kind: SectionKind?) throws {
        #expect(try Self.kindInTheMiddle(title) == kind)
    }

    @Test(
        "A heading about a subject that merely holds 保障 is not a safeguards section",
        arguments: [
            "完善社会保障体系", "健全多层次社会保障体系", "加强住房保障", "完善科技人才住房保障", "强化粮食安全保障", "提升能源保障能力",
            "加强民生保障和社会治理创新", "促进辽宁科技创新的保障措施", "保障妇女未成年人和残疾人基本权益", "完善规划实施机制建设",
        ])
    func subjectIsNotSafeguards(_ title: String) throws {
        #expect(try Self.kindInTheMiddle(title) == nil)
    }

    @Test(
        "The plan's last top-level chapter (appendices aside) names safeguards with any 保障 word",
        arguments: [
            ("五、促进辽宁科技创新的保障措施", SectionKind?.some(.safeguards)), ("五、支撑与保障", .safeguards),
            ("五、推动科技型中小企业发展的对策建议", .safeguards), ("五、完善政策保障体系", .safeguards),
        ])
    func closingChapter(_ heading: String, _ kind: SectionKind?) throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("四、重点任务"), OutlineDraft.bold("（一）平台"), OutlineDraft.body("任务。"),
            OutlineDraft.bold(heading), OutlineDraft.runIn("（一）加强组织领导。", "措施。"),
            OutlineDraft.bold("附表 主要指标"), OutlineDraft.body("表。"),
        ])
        #expect(s.outline.nodesForTests.first { $0.displayTitle == heading }?.kind == kind)
        #expect(s.safeguards.map(\.title) == ["加强组织领导"])
    }

    struct PositionCase: Sendable, CustomTestStringConvertible {
        var name: String
        var lines: [Line]
        /// Headings of the task sections, in order.
        var taskSections: [String]
        /// Task titles (with their number of sub-items): the items of the task sections.
        var tasks: [String: Int]
        var safeguards: Int
        var testDescription: String { name }
    }

    static let positionCases: [PositionCase] = [
        PositionCase(
            name: "national outline: the 篇 between 第一篇 and 加强规划实施保障 are the tasks",
            lines: [
                OutlineDraft.heading(1, "第一篇　开启全面建设社会主义现代化国家新征程"),
                OutlineDraft.heading(2, "第一章　发展环境"), OutlineDraft.body("环境。"),
                OutlineDraft.heading(2, "第二章　指导方针"), OutlineDraft.heading(3, "第一节　指导思想"), OutlineDraft.body("思想。"),
                OutlineDraft.heading(3, "第二节　必须遵循的原则"), OutlineDraft.body("原则。"),
                OutlineDraft.heading(2, "第三章　主要目标"), OutlineDraft.body("到2025年……。"),
                OutlineDraft.heading(1, "第二篇　坚持创新驱动发展 全面塑造发展新优势"),
                OutlineDraft.heading(2, "第四章　强化国家战略科技力量"), OutlineDraft.heading(3, "第一节　整合优化科技资源配置"),
                OutlineDraft.body("……。"), OutlineDraft.heading(3, "第二节　加强原创性引领性科技攻关"), OutlineDraft.body("……。"),
                OutlineDraft.heading(2, "第五章　提升企业技术创新能力"), OutlineDraft.body("……。"),
                OutlineDraft.heading(1, "第三篇　增进民生福祉"),
                OutlineDraft.heading(2, "第六章　健全多层次社会保障体系"), OutlineDraft.body("……。"),
                OutlineDraft.heading(1, "第四篇　加强规划实施保障"),
                OutlineDraft.heading(2, "第七章　加强党中央集中统一领导"), OutlineDraft.body("……。"),
                OutlineDraft.heading(2, "第八章　完善规划实施机制"), OutlineDraft.body("……。"),
            ],
            taskSections: ["第二篇　坚持创新驱动发展 全面塑造发展新优势", "第三篇　增进民生福祉"],
            tasks: ["强化国家战略科技力量": 2, "提升企业技术创新能力": 0, "健全多层次社会保障体系": 0], safeguards: 2),
        PositionCase(
            name: "provincial plan without a task heading: the chapters after 总体要求 and before 保障措施",
            lines: [
                OutlineDraft.bold("一、发展基础"), OutlineDraft.body("基础。"),
                OutlineDraft.bold("二、总体要求"), OutlineDraft.bold("（一）指导思想"), OutlineDraft.body("思想。"),
                OutlineDraft.bold("（二）基本原则"), OutlineDraft.body("原则。"), OutlineDraft.bold("（三）发展目标"),
                OutlineDraft.body("到2025年……。"),
                OutlineDraft.bold("三、提升原始创新能力"), OutlineDraft.bold("（一）加强基础研究"), OutlineDraft.body("……。"),
                OutlineDraft.bold("（二）完善科技人才住房保障"), OutlineDraft.body("……。"),
                OutlineDraft.bold("四、建设创新平台"), OutlineDraft.runIn("（一）建设辽宁实验室。", "……。"),
                OutlineDraft.bold("五、保障措施"), OutlineDraft.runIn("（一）加强组织领导。", "……。"),
            ],
            taskSections: ["三、提升原始创新能力", "四、建设创新平台"],
            tasks: ["加强基础研究": 0, "完善科技人才住房保障": 0, "建设辽宁实验室": 0], safeguards: 1),
        PositionCase(
            name: "no safeguards: the chapters after the goals up to the appendix",
            lines: [
                OutlineDraft.bold("一、现状与形势"), OutlineDraft.body("……。"),
                OutlineDraft.bold("二、发展目标"), OutlineDraft.body("到2025年……。"),
                OutlineDraft.bold("三、构建产业创新体系"), OutlineDraft.bold("（一）装备"), OutlineDraft.body("……。"),
                OutlineDraft.bold("附表 主要指标"), OutlineDraft.body("……。"),
            ],
            taskSections: ["三、构建产业创新体系"], tasks: ["装备": 0], safeguards: 0),
        PositionCase(
            name: "government work report: 主要目标和任务 with numbered run-ins, then this year's work chapter",
            lines: [
                OutlineDraft.bold("一、2020年主要工作和“十三五”发展成就"), OutlineDraft.runIn("（一）疫情防控取得重大成果。", "……。"),
                OutlineDraft.bold("二、“十四五”时期的主要目标和任务"), OutlineDraft.body("主要目标是：……。"),
                OutlineDraft.runIn("坚定不移推动高质量发展。", "……。"), OutlineDraft.runIn("坚定不移促进高水平均衡。", "……。"),
                OutlineDraft.runIn("（一）强化创新驱动发展，全力打造发展新优势。", "……。"),
                OutlineDraft.runIn("（二）全面推动协调发展，加快提升均衡发展水平。", "……。"),
                OutlineDraft.bold("三、全力以赴做好“十四五”开局工作"), OutlineDraft.body("今年……。"),
                OutlineDraft.bold("（一）慎终如始做好常态化疫情防控"), OutlineDraft.body("……。"),
                OutlineDraft.bold("（二）全力推进科技创新和产业提升双联动"), OutlineDraft.runIn("加快提高科技创新能力。", "……。"),
                OutlineDraft.runIn("全面提升制造业竞争力。", "……。"),
                OutlineDraft.bold("（三）加强民生保障和社会治理创新"), OutlineDraft.body("……。"),
            ],
            taskSections: ["二、“十四五”时期的主要目标和任务", "三、全力以赴做好“十四五”开局工作"],
            tasks: [
                "强化创新驱动发展，全力打造发展新优势": 0, "全面推动协调发展，加快提升均衡发展水平": 0, "慎终如始做好常态化疫情防控": 0,
                "全力推进科技创新和产业提升双联动": 2, "加强民生保障和社会治理创新": 0,
            ], safeguards: 0),
        PositionCase(
            name: "work report: the chapters after the last of goals and tasks are tasks too",
            lines: [
                OutlineDraft.bold("一、“十三五”发展成就和2020年主要工作"), OutlineDraft.body("……。"),
                OutlineDraft.bold("二、2021年工作安排"), OutlineDraft.body("重点做好以下七个方面工作。"),
                OutlineDraft.body("（一）着力依靠科技创新催生新发展动能。坚持……。"), OutlineDraft.runIn("推进关键核心技术攻关。", "……。"),
                OutlineDraft.runIn("加快科技成果转化应用。", "……。"), OutlineDraft.body("（二）着力抓好产业转型优化升级。……。"),
                OutlineDraft.bold("三、“十四五”时期和2035年远景目标任务"), OutlineDraft.body("（一）“十四五”发展目标。……。"),
                OutlineDraft.bold("四、全面推进政府治理能力现代化"), OutlineDraft.runIn("旗帜鲜明强化政治建设。", "……。"),
            ],
            taskSections: ["二、2021年工作安排", "四、全面推进政府治理能力现代化"],
            tasks: ["着力依靠科技创新催生新发展动能": 2, "着力抓好产业转型优化升级": 0, "旗帜鲜明强化政治建设": 0], safeguards: 0),
        PositionCase(
            name: "goals and tasks named together (主要目标任务和2021年工作安排): its numbered paragraphs are the tasks",
            lines: [
                OutlineDraft.bold("一、2020年工作和“十三五”时期回顾"), OutlineDraft.body("……。"),
                OutlineDraft.bold("二、“十四五”时期主要目标任务和2021年工作安排"), OutlineDraft.body("主要指标是：……。"),
                OutlineDraft.body("（一）保持经济平稳健康发展。坚持……。"), OutlineDraft.body("（二）推进体制机制改革创新。……。"),
            ],
            taskSections: ["二、“十四五”时期主要目标任务和2021年工作安排"],
            tasks: ["保持经济平稳健康发展": 0, "推进体制机制改革创新": 0], safeguards: 0),
        PositionCase(
            name: "a task heading exists: nothing is added by position (三、建设布局 stays as it is)",
            lines: [
                OutlineDraft.bold("一、发展基础"), OutlineDraft.body("……。"), OutlineDraft.bold("二、发展目标"), OutlineDraft.body("……。"),
                OutlineDraft.bold("三、建设布局"), OutlineDraft.body("……。"),
                OutlineDraft.bold("四、重点任务"), OutlineDraft.bold("（一）平台"), OutlineDraft.body("……。"),
                OutlineDraft.bold("五、保障措施"), OutlineDraft.runIn("（一）加强组织领导。", "……。"),
            ],
            taskSections: ["四、重点任务"], tasks: ["平台": 0], safeguards: 1),
    ]

    @Test("Where no heading names tasks, the top-level chapters between goals and safeguards are the tasks", arguments: positionCases)
    func tasksByPosition(_ c: PositionCase) throws {
        let s = try OutlineDraft.structure(c.lines)
        #expect(s.sections.filter { $0.kind == .tasks }.map(\.heading) == c.taskSections)
        #expect(s.tasks.count == c.tasks.count, "\(s.tasks.map(\.title))")
        for (title, children) in c.tasks {
            #expect(s.tasks.first { $0.title == title }?.children.count == children, "\(title)")
        }
        #expect(s.safeguards.count == c.safeguards)
        #expect(!s.sections.contains { $0.kind == .safeguards && $0.heading.contains("社会保障") })
    }

    @Test("A later chapter that only mentions goals is a task chapter; 强化实施 closing the plan is its safeguards")
    func restatedGoalsAndClosingImplementation() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.heading(1, "第一篇　总论"), OutlineDraft.heading(2, "第一章　发展环境"), OutlineDraft.body("……。"),
            OutlineDraft.heading(2, "第二章　主要目标"), OutlineDraft.body("……。"),
            OutlineDraft.heading(1, "第二篇　如期实现建军一百年奋斗目标 高质量推进国防和军队现代化"),
            OutlineDraft.heading(2, "第三章　着力提高国防和军队现代化质量效益"), OutlineDraft.body("……。"),
            OutlineDraft.heading(1, "第三篇　强化实施 实现宏伟发展蓝图"),
            OutlineDraft.heading(2, "第四章　完善规划实施和评估机制"), OutlineDraft.body("……。"),
        ])
        #expect(s.sections.map(\.kind) == [.basis, .goals, .tasks, .safeguards])
        #expect(s.tasks.map(\.title) == ["着力提高国防和军队现代化质量效益"])
        #expect(s.safeguards.map(\.title) == ["完善规划实施和评估机制"])
    }

    @Test(
        "Upper labels up to twice the heading length are headings when they do not end like a sentence",
        arguments: [
            ("（一）深入推进粤港澳大湾区和深圳先行示范区建设，强化广州、深圳“双城”联动，打造高质量发展动力源", true),
            ("（一）深入推进粤港澳大湾区和深圳先行示范区建设，强化广州、深圳“双城”联动，打造高质量发展动力源。", false),
            ("1.深入推进粤港澳大湾区和深圳先行示范区建设，强化广州、深圳“双城”联动，打造高质量发展动力源", false),
        ])
    func longUpperHeadings(_ text: String, _ heading: Bool) throws {
        let outline = try OutlineDraft.outline([OutlineDraft.body(text), OutlineDraft.body("正文。")])
        #expect(outline.nodes.count == (heading ? 1 : 0))
    }

    @Test("第一，…… paragraphs are numbered items of a work report; 名词解释 at the end is an appendix, not a task chapter")
    func ordinalItemsAndNotes() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("一、2020年工作回顾和“十三五”发展主要成就"), OutlineDraft.body("……。"),
            OutlineDraft.bold("二、“十四五”规划和2035年远景目标的总体考虑"), OutlineDraft.body("……。"),
            OutlineDraft.bold("三、2021年工作安排"), OutlineDraft.body("做好今年政府工作的总体要求是：……。"),
            OutlineDraft.body("第一，以成渝地区双城经济圈建设为战略牵引，深入推进“一干多支、五区协同”。……。"),
            OutlineDraft.body("第二，深入推进创新驱动发展，加快建设创新型省份。……。"),
            OutlineDraft.bold("名词解释和说明"), OutlineDraft.runIn("“六稳”：", "稳就业、稳金融……。"),
        ])
        #expect(s.sections.map(\.kind) == [.basis, .goals, .tasks, .appendix])
        #expect(s.tasks.map(\.title) == ["以成渝地区双城经济圈建设为战略牵引，深入推进“一干多支、五区协同”", "深入推进创新驱动发展，加快建设创新型省份"])
        let label = try #require(HeadingLabel.parse(prefixOf: "第二，深入推进创新驱动发展"))
        #expect(label.label.kind == .chineseComma && label.label.variant == "ordinal" && label.label.ordinal == 2)
    }

    @Test("The national sections: 发展环境, 指导方针 > 指导思想 / 必须遵循的原则, 主要目标, tasks by position, 加强规划实施保障")
    func nationalSections() throws {
        let s = try OutlineDraft.structure(Self.positionCases[0].lines)
        #expect(s.sections.map(\.kind) == [.basis, .guiding, .principles, .goals, .tasks, .tasks, .safeguards])
        #expect(s.missingSections.isEmpty)
    }

    @Test(
        "篇 and 编 are chapter-like labels above 章",
        arguments: [
            ("第一篇　开启全面建设社会主义现代化国家新征程", "第一篇", 1, "开启全面建设社会主义现代化国家新征程"),
            ("第十九篇 加强规划实施保障", "第十九篇", 19, "加强规划实施保障"), ("第二编 重点任务", "第二编", 2, "重点任务"),
        ])
    func volumeLabels(_ text: String, _ label: String, _ ordinal: Int, _ rest: String) throws {
        let parsed = try #require(HeadingLabel.parse(prefixOf: text))
        #expect(parsed.label.text == label)
        #expect(parsed.label.kind == .chapter)
        #expect(parsed.label.variant == "volume")
        #expect(parsed.label.ordinal == ordinal)
        #expect(parsed.rest == rest)
    }

    @Test("Chapter numbers running on across 篇 are no heading-order problem; a gap still is")
    func runningChapterNumbers() throws {
        let running = try OutlineDraft.outline([
            OutlineDraft.bold("第一篇 总论"), OutlineDraft.bold("第一章 发展环境"), OutlineDraft.body("……。"),
            OutlineDraft.bold("第二章 主要目标"), OutlineDraft.body("……。"),
            OutlineDraft.bold("第二篇 创新驱动"), OutlineDraft.bold("第三章 科技力量"), OutlineDraft.body("……。"),
            OutlineDraft.bold("第四章 企业创新"), OutlineDraft.body("……。"),
            OutlineDraft.bold("第三篇 实施保障"), OutlineDraft.bold("第五章 组织领导"), OutlineDraft.body("……。"),
        ])
        #expect(running.nodes.map(\.displayTitle) == ["第一篇总论", "第二篇创新驱动", "第三篇实施保障"])
        #expect(!running.diagnostics.contains { $0.code == "extract.heading-order" })
        let restarting = try OutlineDraft.outline([
            OutlineDraft.bold("第一篇 总论"), OutlineDraft.bold("第一章 发展环境"), OutlineDraft.body("……。"),
            OutlineDraft.bold("第二篇 创新驱动"), OutlineDraft.bold("第一章 科技力量"), OutlineDraft.body("……。"),
        ])
        #expect(!restarting.diagnostics.contains { $0.code == "extract.heading-order" })
        let gap = try OutlineDraft.outline([
            OutlineDraft.bold("第一篇 总论"), OutlineDraft.bold("第一章 发展环境"), OutlineDraft.body("……。"),
            OutlineDraft.bold("第二篇 创新驱动"), OutlineDraft.bold("第五章 科技力量"), OutlineDraft.body("……。"),
        ])
        let order = gap.diagnostics.filter { $0.code == "extract.heading-order" }
        #expect(order.count == 1)
        #expect(order.first?.message.contains("序号应为 1 或接续“第一章 发展环境”为 2，实为 5") == true)
    }

    @Test("A table of contents typed as a list of the headings is no outline; the headings after it are")
    func typedContents() throws {
        let toc = ["第一篇　总论", "第一章　发展环境", "第二章　主要目标", "第二篇　创新驱动", "第三章　科技力量", "第三篇　实施保障", "第四章　组织领导"]
        let lines: [Line] =
            [OutlineDraft.bold("目录")] + toc.map { OutlineDraft.Line(text: $0, numbering: "•", numberingFormat: "bullet") } + [
                OutlineDraft.heading(1, "第一篇　总论"), OutlineDraft.heading(2, "第一章　发展环境"), OutlineDraft.body("……。"),
                OutlineDraft.heading(2, "第二章　主要目标"), OutlineDraft.body("……。"),
                OutlineDraft.heading(1, "第二篇　创新驱动"), OutlineDraft.heading(2, "第三章　科技力量"), OutlineDraft.body("……。"),
                OutlineDraft.heading(1, "第三篇　实施保障"), OutlineDraft.heading(2, "第四章　组织领导"), OutlineDraft.body("……。"),
            ]
        let s = try OutlineDraft.structure(lines)
        #expect(s.outline.map(\.displayTitle) == ["目录", "第一篇总论", "第二篇创新驱动", "第三篇实施保障"])
        #expect(s.sections.map(\.kind) == [.basis, .goals, .tasks, .safeguards])
        #expect(s.sections.allSatisfy { $0.paragraphCount > 0 })
        #expect(!s.diagnostics.contains { $0.code == "extract.heading-order" })
        // One heading repeated later is no contents.
        let once = try OutlineDraft.structure([
            OutlineDraft.bold("一、总体要求"), OutlineDraft.bold("（一）发展目标"), OutlineDraft.bold("二、重点任务"),
            OutlineDraft.bold("（一）发展目标"), OutlineDraft.body("……。"),
        ])
        #expect(once.outline.nodesForTests.count == 4)
    }
}
