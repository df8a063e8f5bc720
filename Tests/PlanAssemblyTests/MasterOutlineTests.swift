import Foundation
import PlanAssembly
import PlanModel
import PlanTemplates
import Testing

/// `Templates/master-outline.yaml`: the shipped outline, the topic headings, and the refusal
/// of a wrong outline with the line of the offending entry.
struct MasterOutlineTests {
    static let catalog = AssemblyFixture.templates.catalog

    @Test("The shipped outline follows a provincial 科技创新规划纲要")
    func shippedOutline() {
        let outline = AssemblyFixture.outline
        #expect(outline.title == "辽宁省“十四五”科技创新规划和中长期（2021—2035年）科技发展规划纲要")
        #expect(outline.primaryTopic == "1")
        #expect(
            outline.chapters.map(\.title) == [
                "发展基础与面临形势", "总体要求", "科技发展顶层设计", "科技发展战略", "产业科技创新", "科技创新保障", "重大战略研究",
                "保障措施", "附表",
            ])
        #expect(outline.chapters[1].children.map(\.title) == ["指导思想", "基本原则", "发展目标"])
        #expect(outline.merge.threshold == 0.7)
        #expect(outline.merge.ngrams == [2, 3])
        #expect(outline.merge.stopPhrases.contains("加强") && outline.merge.stopPhrases.contains("强化"))
        #expect(outline.safeguards.order.first == "组织领导")
        #expect(outline.indicators.mainTopics == ["1"])
        // Every part of the catalog has its task chapter.
        let perTopicParts = outline.chapters.flatMap(\.content).filter { $0.mode == .perTopic || $0.mode == .perTopicThemes }.compactMap {
            c -> String? in
            if case .part(let id) = c.from { return id }
            return nil
        }
        #expect(perTopicParts == Self.catalog.parts.map(\.id))
        #expect(outline.chapters[0].line > 0 && outline.chapters[0].children[0].content[0].line > outline.chapters[0].line)
        // Loading beside its catalog gives the same outline.
        let again = try? MasterOutline.load(from: AssemblyFixture.templatesPath + "/" + MasterOutline.fileName)
        #expect(again == outline)
    }

    @Test(
        "A catalog title becomes a short section heading",
        arguments: [
            ("3", "高新技术产业开发区"), ("9", "先进装备制造领域"), ("1", "科技发展总体战略"), ("2", "科技体制改革与创新体系建设"),
            ("26", "科技服务业"), ("29", "科技对外开放合作"), ("S1", "区域科技发展"), ("S4", "科技投入与绩效评价"),
            ("S5", "科技创新文化与创新生态"),
        ])
    func topicHeadings(id: String, heading: String) throws {
        let topic = try #require(Self.catalog.topic(id))
        #expect(AssemblyFixture.outline.topicTitles.heading(id: id, title: topic.title) == heading)
    }

    static let valid = """
        title: 规划纲要
        primaryTopic: "1"
        chapters:
          - title: 总体要求
            children:
              - title: 基本原则
                content:
                  - {from: all, section: principles, mode: merge}
          - title: 产业科技创新
            content:
              - from: {part: P3}
                section: [tasks, projects]
                mode: perTopic
        """

    @Test("A minimal outline loads with its vocabulary")
    func minimalOutline() throws {
        let outline = try MasterOutline.decode(yaml: Self.valid, file: "outline.yaml", catalog: Self.catalog)
        #expect(outline.chapters.count == 2)
        let merge = try #require(outline.chapters[0].children.first?.content.first)
        #expect(merge.from == .all && merge.sections == [.principles] && merge.mode == .merge)
        #expect(merge.line == 8)
        let perTopic = try #require(outline.chapters[1].content.first)
        #expect(perTopic.from == .part("P3") && perTopic.sections == [.tasks, .projects] && perTopic.mode == .perTopic)
        #expect(outline.merge == MergeSettings())
    }

    /// (replace this, with that, the line the error must name, words of the message)
    static let wrongOutlines: [(String, String, Int, String)] = [
        ("section: principles", "section: principle", 8, "unknown section kind \"principle\""),
        ("{part: P3}", "{part: P9}", 11, "unknown part id \"P9\""),
        ("from: all", "from: {topic: \"99\"}", 8, "unknown topic id \"99\""),
        ("mode: merge", "mode: mingle", 8, "unknown mode \"mingle\""),
        ("mode: perTopic", "mode: perTopic\n    embed: pie", 14, "unknown table \"pie\""),
        ("mode: merge}", "mode: groupByCategory}", 8, "groupByCategory takes section safeguards only"),
        ("primaryTopic: \"1\"", "primaryTopic: \"X\"", 2, "unknown topic \"X\""),
        ("    children:", "    child:", 5, "unknown key \"child\""),
        ("title: 规划纲要", "title: 规划纲要\nmerge: {threshold: 1.5}", 2, "threshold"),
        ("  - title: 产业科技创新", "  - titel: 产业科技创新", 9, "unknown key \"titel\""),
        ("from: all, ", "from: everything, ", 8, "from must be all, others"),
        ("      - title: 基本原则", "      - title: 基本原则\n  bad: [", 7, "not valid YAML"),
        ("    children:", "    outline: brief\n    children:", 5, "unknown outline content \"brief\""),
        ("title: 规划纲要", "title: 规划纲要\noutlineEdition: {file: a/b.docx}", 2, "outlineEdition.file"),
        ("mode: merge}", "mode: categoryThemes}", 8, "categoryThemes takes section safeguards only"),
    ]

    @Test("A wrong outline is refused with the line of the offending entry", arguments: wrongOutlines)
    func wrongOutline(replace: String, with: String, line: Int, message: String) {
        #expect(Self.valid.contains(replace), "the case must change the template")
        let yaml = Self.valid.replacingOccurrences(of: replace, with: with)
        do {
            _ = try MasterOutline.decode(yaml: yaml, file: "outline.yaml", catalog: Self.catalog)
            Issue.record("accepted: \(with)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("outline.yaml:\(line)"))
        }
    }

    @Test("A missing title or chapter list is refused")
    func missingKeys() {
        for yaml in [
            "primaryTopic: \"1\"\nchapters: [{title: 一}]", "title: 纲要\nprimaryTopic: \"1\"", "title: 纲要\nprimaryTopic: \"1\"\nchapters: []",
        ] {
            #expect(throws: TemplateError.self) { try MasterOutline.decode(yaml: yaml, file: "o.yaml", catalog: Self.catalog) }
        }
    }

    @Test("Reordering and retitling chapters in the YAML reorders the plan without code")
    func editedOutline() throws {
        let yaml = """
            title: 另一份纲要
            primaryTopic: "1"
            chapters:
              - title: 保障体系
                content:
                  - {from: {part: P4}, section: safeguards, mode: groupByCategory}
              - title: 产业原则
                content:
                  - {from: {part: P3}, section: principles, mode: full}
                embed: conflictTable
            """
        let outline = try MasterOutline.decode(yaml: yaml, file: "o.yaml", catalog: Self.catalog)
        let drafts = AssemblyFixture.drafts(topics: ["9", "10", "27", "28"])
        let plan = AssemblyFixture.assemble(drafts, assembler: Assembler(templates: AssemblyFixture.templates, outline: outline))
        #expect(plan.title == "另一份纲要")
        #expect(plan.chapters.map(\.title) == ["保障体系", "产业原则"])
        let safeguardTopics = Set(plan.chapters[0].children.flatMap(\.items).flatMap(\.sources).compactMap(\.topic))
        #expect(safeguardTopics == ["27", "28"])
        #expect(plan.chapters[1].items.allSatisfy { $0.kind == .principle })
        #expect(Set(plan.chapters[1].items.flatMap(\.sources).compactMap(\.topic)) == ["9", "10"])
        #expect(plan.chapters[1].embed == .conflictTable)
    }
}
