import Foundation
import PlanAssembly
import PlanModel
import Testing

/// 专题规划编制情况, the gaps of the outline, and the drop-folder accounting.
struct AssemblyCoverageTests {
    @Test("Every catalog entry has one coverage row, in catalog order, with its current draft")
    func oneRowPerEntry() {
        let coverage = AssemblyFixture.plan.coverage
        #expect(coverage.map(\.topicId) == AssemblyFixture.templates.catalog.topics.map(\.id))
        #expect(coverage.count == 35)
        #expect(coverage.allSatisfy { $0.status == .present && $0.draft != nil })
        let first = coverage[0]
        #expect(first.draft == "辽宁省科技发展总体战略研究及规划（送审稿）.docx")
        #expect(first.version == "送审稿" && first.modified == "2020-10-28T17:40:00Z")
        #expect(first.conflicts == ["研发经费投入强度", "高新技术企业数量", "技术合同成交额"])
        #expect(first.goals == 3 && first.tasks == 6 && first.safeguards == 6 && first.indicators > 0)
    }

    @Test("Topic 19 is reported without safeguards")
    func topic19() throws {
        let entry = try #require(AssemblyFixture.plan.coverage.first { $0.topicId == "19" })
        #expect(entry.missingSections == ["safeguards"])
        #expect(entry.safeguards == 0)
        #expect(entry.problems.contains { $0.code == "extract.missing-section" })
        #expect(AssemblyFixture.plan.coverage.filter { !$0.missingSections.isEmpty }.map(\.topicId) == ["19"])
    }

    @Test("The superseded 初稿 are listed with the topic that uses the newer draft")
    func superseded() throws {
        let coverage = AssemblyFixture.plan.coverage
        let t13 = try #require(coverage.first { $0.topicId == "13" })
        #expect(t13.superseded == ["辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）.docx"])
        #expect(t13.draft == "新一代信息技术领域科技发展规划  修改稿.docx")
        let t21 = try #require(coverage.first { $0.topicId == "21" })
        #expect(t21.superseded == ["辽宁省公共安全领域科技发展规划（初稿）.docx"])
        #expect(coverage.filter { !$0.superseded.isEmpty }.map(\.topicId) == ["13", "21"])
        // The old draft's statements are nowhere in the plan.
        let files = Set(AssemblyFixture.plan.chapters.flatMap(Self.sources).map(\.file))
        #expect(!files.contains { $0.contains("初稿）.docx") && $0.hasPrefix("辽宁省新一代") })
        #expect(files.count == 35)
    }

    static func sources(_ node: PlanNode) -> [ItemSource] {
        func item(_ i: PlanItem) -> [ItemSource] { i.sources + i.children.flatMap(item) }
        return node.items.flatMap(item) + node.children.flatMap(sources)
    }

    static func find(_ title: String, in nodes: [PlanNode]) -> PlanNode? {
        for n in nodes {
            if n.title == title { return n }
            if let hit = find(title, in: n.children) { return hit }
        }
        return nil
    }

    @Test("A catalog entry without a draft stays in the outline, marked missing")
    func missingEntry() throws {
        let drafts = AssemblyFixture.drafts.filter { $0.extraction.topic.id != "7" }
        let plan = AssemblyFixture.assemble(drafts)
        let node = try #require(Self.find("重大科技项目", in: plan.chapters))
        #expect(node.missing == MissingNote(topicId: "7", message: "尚未收到该专题规划稿"))
        #expect(node.items.isEmpty)
        let chapter = try #require(plan.chapters.first { $0.title == "科技发展战略" })
        #expect(chapter.children.map(\.title) == ["高新技术产业开发区", "沈大国家自主创新示范区", "沈大鞍国家科技成果转移转化示范区", "科技创新基地平台建设", "重大科技项目"])
        let entry = try #require(plan.coverage.first { $0.topicId == "7" })
        #expect(entry.status == .missing && entry.draft == nil && entry.goals == 0)
        #expect(!plan.chapters.flatMap(Self.sources).contains { $0.topic == "7" })
    }

    @Test("An unreadable draft of a topic is named with its reason")
    func unreadableEntry() throws {
        let drafts = AssemblyFixture.drafts.filter { $0.extraction.topic.id != "7" }
        let rejected = InputRecord(file: "07-重大科技项目.docx", status: .rejected, reason: "文件已损坏（不是有效的 zip 包）", topic: "7")
        let plan = AssemblyFixture.assembler.assemble(
            drafts: drafts.map(\.extraction), contents: drafts.map(\.content),
            inputs: AssemblyFixture.inputs(drafts) + [rejected], date: AssemblyFixture.date)
        let node = try #require(Self.find("重大科技项目", in: plan.chapters))
        #expect(node.missing?.message == "该专题规划稿无法读取（07-重大科技项目.docx：文件已损坏（不是有效的 zip 包））")
        #expect(plan.inputs.contains(rejected))
    }

    @Test("Without the primary plan its headings are marked missing and the template line is reported")
    func missingPrimary() throws {
        let plan = AssemblyFixture.assemble(AssemblyFixture.drafts.filter { $0.extraction.topic.id != "1" })
        let guiding = try #require(Self.find("指导思想", in: plan.chapters))
        #expect(guiding.missing?.topicId == "1")
        #expect(guiding.items.isEmpty)
        let notes = plan.diagnostics.filter { $0.code == "assembly.source-missing" }
        #expect(notes.count == 3, "basis, guiding and goals of topic 1")
        #expect(notes.contains { $0.message.contains("master-outline.yaml 第") && $0.message.contains("指导思想") })
        let principles = try #require(Self.find("基本原则", in: plan.chapters))
        let themes = try #require(principles.themes)
        #expect(principles.missing == nil && !themes.isEmpty)
        #expect(!themes.flatMap(\.statements).flatMap(\.sources).contains { $0.topic == "1" })
    }

    @Test("Every file of the drop folder is accounted for, with a reason")
    func inputs() throws {
        let plan = AssemblyFixture.plan
        #expect(plan.inputs.count == 37)
        #expect(plan.inputs.map(\.file) == plan.inputs.map(\.file).sorted())
        #expect(plan.inputs.allSatisfy { $0.reason != nil && $0.topic != nil && $0.sha256 != nil })
        let old = try #require(plan.inputs.first { $0.file == "辽宁省公共安全领域科技发展规划（初稿）.docx" })
        #expect(old.status == .superseded && old.supersededBy == "公共安全科技规划 征求意见稿.docx")
        #expect(old.reason?.contains("公共安全科技规划 征求意见稿.docx") == true)
        #expect(plan.inputs.filter { $0.status == .used }.count == 35)
    }

    @Test("An unidentified draft is accounted for and named where its likely topic is missing")
    func unassigned() throws {
        var drafts = AssemblyFixture.drafts
        let index = try #require(drafts.firstIndex { $0.extraction.topic.id == "7" })
        drafts[index].extraction.topic = TopicMatch(id: nil, confidence: 0.3, candidates: [TopicCandidate(id: "7", score: 0.3)])
        let plan = AssemblyFixture.assemble(drafts)
        let record = try #require(plan.inputs.first { $0.file == "draft-07.docx" })
        #expect(record.status == .unassigned)
        #expect(record.reason == "未能确定所属专题，未汇总；最接近：专题7（30%）")
        let node = try #require(Self.find("重大科技项目", in: plan.chapters))
        #expect(node.missing?.message == "收到的稿件未能确认属于该专题（draft-07.docx），请核对")
    }
}
