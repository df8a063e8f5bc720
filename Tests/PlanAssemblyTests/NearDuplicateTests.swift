@testable import PlanAssembly
import PlanModel
import PlanTemplates
import Testing

/// Near-duplicate statements: character bigrams and trigrams, Dice over counts, on text without
/// punctuation and generic stop phrases; the threshold from master-outline.yaml. The pairs are
/// titles of safeguard measures and principles of the drafts in Inputs/.
struct NearDuplicateTests {
    static let similarity = TextSimilarity(settings: AssemblyFixture.outline.merge)

    /// Every safeguard and principle title of the current drafts of Inputs/.
    static let titles: Set<String> = Set(
        AssemblyFixture.drafts.filter { $0.extraction.supersededBy == nil }.flatMap { d in
            d.extraction.safeguards.map(\.title) + d.content.principles.compactMap(\.title)
        })

    /// Same measure or principle worded differently (topics in brackets).
    static let same: [(String, String)] = [
        ("加强组织领导", "强化组织领导"),  // 1, 28
        ("强化科技人才支撑", "强化人才支撑"),  // 1, 16
        ("汇聚创新人才", "集聚创新人才"),  // S2, 13
        ("开展监测评价", "开展监测评估"),  // 5, S5
        ("加强人才队伍建设", "强化人才队伍建设"),  // S3, 6
        ("健全工作机制", "健全工作推进机制"),  // 26, S6
        ("坚持企业主体、市场导向", "企业主体，市场导向"),  // principles of 1, 8
    ]

    /// Different measures or principles, some of them close in wording.
    static let different: [(String, String)] = [
        ("加强人才队伍建设", "加大资金投入"),
        ("加强统筹协调", "加强组织领导"),
        ("深化医学科技体制改革", "深化农业科技体制改革"),
        ("推进科技管理数字化", "推进应急管理数字化"),
        ("坚持特色发展", "坚持绿色发展"),
        ("坚持安全可靠", "坚持安全可控"),
        ("坚持企业主体、市场导向", "坚持企业主体"),
    ]

    @Test("Statements worded slightly differently reach the threshold", arguments: same)
    func nearDuplicates(a: String, b: String) {
        #expect(Self.titles.contains(a) && Self.titles.contains(b), "both come from the drafts of Inputs/")
        let score = Self.similarity.similarity(a, b)
        print("similar \(a) ~ \(b): \(String(format: "%.2f", score))")
        #expect(score >= AssemblyFixture.outline.merge.threshold)
        #expect(Self.similarity.isNearDuplicate(title: a, text: "", title: b, text: ""))
    }

    @Test("Different statements stay below the threshold", arguments: different)
    func distinct(a: String, b: String) {
        #expect(Self.titles.contains(a) && Self.titles.contains(b), "both come from the drafts of Inputs/")
        let score = Self.similarity.similarity(a, b)
        print("distinct \(a) ~ \(b): \(String(format: "%.2f", score))")
        #expect(score < AssemblyFixture.outline.merge.threshold)
    }

    @Test("Normalizing removes punctuation, spaces and the stop phrases, longest first")
    func normalizing() {
        #expect(Self.similarity.normalized("（一）加强 组织领导。") == "一组织领导")
        #expect(Self.similarity.normalized("进一步加强统筹协调") == "统筹协调")
        #expect(Self.similarity.similarity("加强组织领导", "加强组织领导") == 1)
        #expect(Self.similarity.similarity("", "加强组织领导") == 0)
        #expect(Self.similarity.similarity("加强", "强化") == 0, "nothing is left to compare")
    }

    @Test("Without stop phrases the brief's pair falls below the threshold")
    func stopPhrasesMatter() {
        let plain = TextSimilarity(settings: MergeSettings(threshold: 0.7, ngrams: [2, 3], stopPhrases: []))
        #expect(plain.similarity("加强组织领导", "强化组织领导") < 0.7)
        #expect(Self.similarity.similarity("加强组织领导", "强化组织领导") == 1)
    }

    static func item(_ title: String, _ text: String, file: String, topic: String) -> PlanItem {
        PlanItem(
            kind: .safeguard, title: title, text: text,
            sources: [ItemSource(file: file, topic: topic, location: DraftLocation(paragraph: 1, headingPath: []))])
    }

    @Test("Merging keeps every source in order and never merges two statements of one draft")
    func merging() {
        let merger = NearDuplicateMerger(similarity: Self.similarity)
        let result = merger.merge([
            Self.item("加强组织领导", "建立省级协调机制。", file: "a.docx", topic: "1"),
            Self.item("强化组织领导", "各市制定落实方案。", file: "a.docx", topic: "1"),
            Self.item("强化组织领导", "成立高新区工作专班。", file: "b.docx", topic: "3"),
            Self.item("加大资金投入", "设立专项资金。", file: "b.docx", topic: "3"),
            Self.item("加强组织领导", "区域协同推进。", file: "c.docx", topic: "S1"),
        ])
        #expect(result.items.map(\.title) == ["加强组织领导", "强化组织领导", "加大资金投入"])
        #expect(result.items[0].sources.map(\.file) == ["a.docx", "b.docx", "c.docx"])
        #expect(result.items[1].sources.map(\.file) == ["a.docx"])
        #expect(result.folded == 2)
    }

    @Test("On Inputs, principles and safeguards grouped by theme list every draft that states them")
    func mergedOnInputs() throws {
        let plan = AssemblyFixture.plan
        let principles = try #require(plan.chapters[1].children.first { $0.title == "基本原则" })
        let themes = try #require(principles.themes)
        let enterprise = try #require(themes.first { $0.statements.contains { $0.title == "坚持企业主体、市场导向" } })
        #expect(Set(["1", "8", "19", "27"]).isSubset(of: Set(enterprise.topics)))
        #expect(enterprise.statements.contains { $0.title == "企业主体，市场导向" && $0.sources.first?.topic == "8" })
        #expect(themes.count <= 12)
        #expect(themes.reduce(0) { $0 + $1.statements.reduce(0) { $0 + $1.sources.count } } == 146)
        let safeguards = try #require(plan.chapters.first { $0.title == "保障措施" })
        let leadership = try #require(safeguards.children.first { $0.title == "加强组织领导" })
        let first = try #require(leadership.themes?.first)
        #expect(first.statements.contains { $0.title == "加强组织领导" } && first.statements.contains { $0.title == "强化组织领导" })
        #expect(Set(["1", "3", "4", "17", "22", "23", "24", "25", "28", "S3", "S5"]).isSubset(of: Set(first.topics)))
        let talent = try #require(safeguards.children.first { $0.title == "强化人才支撑" })
        #expect(!(talent.themes ?? []).flatMap(\.statements).contains { $0.title == "加大资金投入" })
        let stats = MasterPlanStatistics(plan)
        print("merged items \(stats.mergedItems), statements folded \(stats.foldedStatements), items \(stats.items)")
        #expect(stats.items >= 146, "every statement of every theme is counted")
    }
}
