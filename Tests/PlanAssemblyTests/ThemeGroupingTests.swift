import DocumentModel
import PlanSupport
import Foundation
@testable import PlanAssembly
import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// Theme grouping against statements grouped by hand (`Tests/Fixtures/themes/`): the principles
/// of Inputs/ and the 政策支持 measures (grouped before the grouper was written), and the
/// principles of the frozen evaluation set (grouped before the grouper was run on them, never
/// tuned on). Agreement is over every pair of statements: "same theme" or not.
struct ThemeGroupingTests {
    struct Fixture: Decodable {
        struct Statement: Decodable {
            var topic: String?
            var draft: String?
            var title: String?
            var text: String
            var theme: String
        }
        var statements: [Statement]
    }

    static let lexicon: ThemeLexicon = {
        let path = AssemblyFixture.templatesPath + "/" + ThemeLexicon.fileName
        return try! ThemeLexicon.decode(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
    }()
    static func grouper(_ kind: PlanItem.Kind) -> ThemeGrouper {
        ThemeGrouper(
            lexicon: lexicon.scoped(to: kind == .safeguard ? "safeguards" : kind == .task ? "tasks" : "principles"),
            similarity: TextSimilarity(settings: AssemblyFixture.outline.merge))
    }

    static func load(_ name: String) -> Fixture {
        let url = AssemblyFixture.root.appendingPathComponent("Tests/Fixtures/themes/\(name)")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static let safeguardCategories: SafeguardClassifier = {
        let path = AssemblyFixture.templatesPath + "/" + SafeguardCategories.fileName
        return SafeguardClassifier(try! SafeguardCategories.load(from: path))
    }()

    /// The grouper of one safeguard category, as the build makes it (its title, its keywords).
    static func categoryGrouper(_ category: String?) -> ThemeGrouper {
        let base = grouper(.safeguard)
        guard let category, let c = safeguardCategories.lexicon.categories.first(where: { $0.name == category }) else { return base }
        return base.forCategory(title: AssemblyFixture.outline.safeguards.titles[category] ?? category, keywords: c.keywords)
    }

    /// The grouper's theme of each statement (index of its theme), and the themes. Safeguard
    /// measures are grouped within their category, as the build does (`categoryThemes`).
    static func run(_ fixture: Fixture, kind: PlanItem.Kind) -> (labels: [Int], themes: [PlanTheme]) {
        let items = fixture.statements.enumerated().map { i, s in
            PlanItem(
                kind: kind, title: s.title, text: s.text,
                category: kind == .safeguard ? safeguardCategories.category(title: s.title ?? "", text: s.text) : nil,
                sources: [
                    ItemSource(
                        file: "\(i).docx", topic: s.topic ?? s.draft,
                        location: DraftLocation(paragraph: i, headingPath: []))
                ])
        }
        var categories: [String?] = []
        for item in items where !categories.contains(item.category) { categories.append(item.category) }
        let themes = categories.flatMap { c in
            (kind == .safeguard ? categoryGrouper(c) : grouper(kind)).group(items.filter { $0.category == c })
        }
        var labels = Array(repeating: -1, count: items.count)
        for (t, theme) in themes.enumerated() {
            for item in theme.statements { for source in item.sources { labels[Int(source.file.dropLast(5))!] = t } }
        }
        return (labels, themes)
    }

    static func agreement(_ name: String, kind: PlanItem.Kind) -> (PairwiseAgreement, [PlanTheme]) {
        let fixture = load(name)
        let (labels, themes) = run(fixture, kind: kind)
        let a = PairwiseAgreement(predicted: labels, reference: fixture.statements.map(\.theme))
        print(
            "themes \(name): precision \(String(format: "%.3f", a.precision)) recall \(String(format: "%.3f", a.recall)) "
                + "(\(a.truePairs) of \(a.predictedPairs) predicted pairs, \(a.referencePairs) hand pairs), \(themes.count) themes")
        if kind == .safeguard {
            let categories = fixture.statements.map { safeguardCategories.category(title: $0.title ?? "", text: $0.text) }
            let w = PairwiseAgreement(
                predicted: labels, reference: fixture.statements.map(\.theme), counting: { categories[$0] == categories[$1] })
            print(
                "  within categories: precision \(String(format: "%.3f", w.precision)) recall \(String(format: "%.3f", w.recall)) "
                    + "(\(w.truePairs) of \(w.predictedPairs) predicted pairs, \(w.referencePairs) hand pairs)")
        }
        for theme in themes {
            let hands = theme.statements.flatMap { item in item.sources.map { fixture.statements[Int($0.file.dropLast(5))!].theme } }
            let category = theme.representative.category.map { "{\($0)} " } ?? ""
            print("  \(category)\(theme.label) [\(theme.basis.rawValue)] \(theme.topicCount): " + hands.joined(separator: " "))
        }
        return (a, themes)
    }

    @Test func inputsPrinciplesAgreeWithTheHandGrouping() {
        let (a, themes) = Self.agreement("inputs-principles.hand.json", kind: .principle)
        #expect(a.precision >= 0.85)
        #expect(a.recall >= 0.85)
        #expect(themes.count <= 12)
        #expect(themes.reduce(0) { $0 + $1.statements.reduce(0) { $0 + $1.sources.count } } == 146)
    }

    @Test func policyMeasuresAgreeWithTheHandGrouping() {
        let (a, _) = Self.agreement("inputs-policy-safeguards.hand.json", kind: .safeguard)
        #expect(a.precision >= 0.85)
        #expect(a.recall >= 0.85)
    }

    /// Held out: measured, not tuned on. The floor is the figure measured when the grouper was
    /// first run on it, so that a change that makes it worse is seen.
    @Test func frozenPrinciplesHeldOut() {
        let (a, _) = Self.agreement("frozen-principles.hand.json", kind: .principle)
        // First run (before any change made after seeing it): precision 0.646, recall 0.970.
        #expect(a.precision >= 0.6)
        #expect(a.recall >= 0.9)
    }

    /// The same 55 statements grouped blind at the office's scale (a theme = what a 纲要 keeps as
    /// one principle, the scale of the Inputs grouping), by someone who saw neither the grouper
    /// nor its lexicon. First measured before any change made after seeing it: precision 0.952,
    /// recall 0.917.
    @Test func frozenPrinciplesAtTheOfficeScale() {
        let (a, _) = Self.agreement("frozen-principles.office-scale.hand.json", kind: .principle)
        #expect(a.precision >= 0.85)
        #expect(a.recall >= 0.85)
    }

    /// Key tasks of two catalog parts of Inputs/, grouped blind by hand (`inputs-tasks-*.hand.json`).
    /// Tasks of one topic are shown under that topic anyway; what the themes add is the same task
    /// in several topics, so agreement is counted over pairs of statements of different topics.
    /// 产业科技创新 was used to write the task themes of the lexicon; 科技发展战略 was not (first
    /// measured after that change: precision 0.667, recall 0.286 of 21 hand pairs). Floors, so
    /// that a change making either worse is seen.
    @Test(arguments: [("inputs-tasks-strategy.hand.json", 0.6, 0.25), ("inputs-tasks-industry.hand.json", 0.5, 0.15)])
    func tasksAcrossTopics(file: String, precision: Double, recall: Double) {
        let fixture = Self.load(file)
        let (labels, _) = Self.run(fixture, kind: .task)
        let topics = fixture.statements.map { $0.topic ?? $0.draft ?? "" }
        let across = PairwiseAgreement(
            predicted: labels, reference: fixture.statements.map(\.theme), counting: { topics[$0] != topics[$1] })
        print(
            "task themes \(file), pairs across topics: precision \(String(format: "%.3f", across.precision)) recall \(String(format: "%.3f", across.recall)) (\(across.truePairs) of \(across.predictedPairs), \(across.referencePairs) hand pairs)"
        )
        #expect(across.precision >= precision)
        #expect(across.recall >= recall)
    }

    @Test("The shipped outline groups principles and safeguards by theme and asks for a 纲要 edition")
    func shippedOutline() throws {
        let outline = AssemblyFixture.outline
        #expect(outline.outlineEdition?.file == "master-plan-outline.docx")
        #expect(!outline.themes.themes.isEmpty)
        let principles = try #require(outline.chapters[1].children.first { $0.title == "基本原则" })
        #expect(principles.content.first?.mode == .themes && principles.outline == .themes)
        #expect(outline.chapters.first { $0.title == "保障措施" }?.content.first?.mode == .categoryThemes)
    }

    @Test("The 纲要 edition keeps headings, representatives with every source of their theme, task titles")
    func outlineEdition() throws {
        let plan = AssemblyFixture.plan
        let short = try #require(PlanEditions.outline(plan, outline: AssemblyFixture.outline))
        #expect(short.subtitle == "（纲要）")
        // 发展基础: headings only.
        #expect(short.chapters[0].children.allSatisfy { $0.items.isEmpty } && short.chapters[0].items.isEmpty)
        // 基本原则: one item per theme, carrying the sources of the whole theme.
        let themes = try #require(plan.chapters[1].children[1].themes)
        let principles = short.chapters[1].children[1]
        #expect(principles.themes == nil)
        #expect(principles.items.count == themes.count)
        #expect(principles.items.map(\.sources.count) == themes.map { $0.statements.reduce(0) { $0 + $1.sources.count } })
        // Goals as they are.
        #expect(short.chapters[1].children[2] == plan.chapters[1].children[2])
        // Task chapters: at most one line of titles per topic, no task text.
        for chapter in short.chapters[2...6] {
            for topic in chapter.children {
                #expect(topic.items.count <= 1)
                #expect(topic.items.allSatisfy { $0.title == nil && $0.children.isEmpty && $0.text.hasSuffix("。") })
            }
        }
        // The full indicator table is left to the compilation; the coverage and conflicts stay.
        let appendix = try #require(short.chapters.last)
        #expect(appendix.children.map(\.title) == ["专题规划编制情况", "指标数值不一致情况"])
        // The plan itself is untouched.
        #expect(plan.chapters[1].children[1].themes != nil)
    }

    @Test(
        "A wrong theme lexicon is refused with the line",
        arguments: [
            ("  - label: 开放合作", "  - label: 需求导向", "appears twice"),
            ("    scope: [safeguards]", "    scope: [measures]", "unknown scope"),
            ("leadSimilarity: 0.6", "leadSimilarity: 1.6", "leadSimilarity"),
            ("keyTermScope: [principles, safeguards]", "keyTermScope: [principles, measures]", "keyTermScope: unknown scope"),
        ])
    func wrongLexicon(replace: String, with: String, message: String) throws {
        let path = AssemblyFixture.templatesPath + "/" + ThemeLexicon.fileName
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(replace))
        do {
            _ = try ThemeLexicon.decode(yaml: text.replacingOccurrences(of: replace, with: with), file: "themes.yaml")
            Issue.record("accepted: \(with)")
        } catch {
            #expect(error.line != nil && error.message.contains(message), "\(error)")
        }
    }

    static func item(_ title: String?, _ text: String, topic: String) -> PlanItem {
        PlanItem(
            kind: .principle, title: title, text: text,
            sources: [ItemSource(file: "\(topic).docx", topic: topic, location: DraftLocation(paragraph: 1, headingPath: []))])
    }

    @Test("The rules in order: lexicon term, key term, text terms, shared key term, similarity, alone")
    func rules() {
        let lexicon = ThemeLexicon(
            themes: [
                .init(label: "需求导向", terms: ["需求导向", "需求牵引", "问题导向"]),
                .init(label: "开放合作", terms: ["开放协同", "开放合作"]),
            ],
            leadPrefixes: ["坚持"], keyTermLength: 2, genericKeyTerms: ["发展"], minimumTextScore: 4)
        let grouper = ThemeGrouper(lexicon: lexicon, similarity: TextSimilarity(settings: AssemblyFixture.outline.merge))
        let items = [
            Self.item("坚持需求导向", "围绕需求。", topic: "1"),
            Self.item("需求牵引，聚焦重点", "集中资源。", topic: "2"),
            Self.item("坚持开放共享", "资源向社会开放。", topic: "3"),  // key term 开放 → 开放合作
            Self.item("坚持平战结合", "加强开放协同，统筹平时和战时。", topic: "4"),  // text term → 开放合作
            Self.item("坚持安全可控", "统筹开放与安全。", topic: "5"),
            Self.item("坚持安全有效", "确保产品安全。", topic: "6"),  // shared key term 安全
            Self.item("坚持需求导向", "围绕需求。", topic: "7"),  // identical to topic 1: one wording
            Self.item("坚持特色发展", "错位发展。", topic: "8"),  // generic key term, stands alone
        ]
        let themes = grouper.group(items)
        #expect(themes.map(\.label) == ["需求导向", "开放合作", "坚持安全可控", "坚持特色发展"])
        #expect(themes.map(\.basis) == [.lexicon, .lexicon, .keyTerm, .alone])
        #expect(themes.map(\.topics) == [["1", "7", "2"], ["3", "4"], ["5", "6"], ["8"]])
        // The lead phrase most topics share is the representative; identical statements are one wording.
        #expect(themes[0].representative.title == "坚持需求导向")
        #expect(themes[0].representative.sources.map(\.topic) == ["1", "7"])
        #expect(themes[0].wordings.map(\.title) == ["需求牵引，聚焦重点"])
        // Nothing is dropped.
        #expect(themes.reduce(0) { $0 + $1.statements.reduce(0) { $0 + $1.sources.count } } == items.count)
        // Deterministic.
        #expect(grouper.group(items) == themes)
    }

    @Test("A safeguard measure no rule places whose lead names its category joins the category's theme")
    func categoryTheme() {
        var lexicon = ThemeLexicon(
            themes: [.init(label: "税收优惠", terms: ["税收优惠"])], leadPrefixes: ["加强", "强化", "健全"], keyTermLength: 2,
            minimumTextScore: 4, categoryTheme: true)
        func measure(_ title: String, _ topic: String) -> PlanItem {
            let texts = ["省财政逐年增加。", "多渠道筹措。", "规范使用。", "专款专用。", "落实到位。", "保障平台运行。"]
            return PlanItem(
                kind: .safeguard, title: title, text: texts[Int(topic)! - 1], category: "资金投入",
                sources: [ItemSource(file: "\(topic).docx", topic: topic, location: DraftLocation(paragraph: 1, headingPath: []))])
        }
        let items = [
            measure("加大资金投入", "1"), measure("健全经费投入机制", "2"), measure("强化资金管理", "3"),
            measure("强化资金管理", "4"),  // a shared key term: joins the category's theme too
            measure("落实税收优惠", "5"),  // the lexicon first
            measure("强化运维保障", "6"),  // names no keyword: alone
        ]
        let similarity = TextSimilarity(settings: AssemblyFixture.outline.merge)
        let themes = ThemeGrouper(lexicon: lexicon, similarity: similarity)
            .forCategory(title: "加大资金投入", keywords: ["资金", "投入", "经费"]).group(items)
        #expect(themes.map(\.label) == ["加大资金投入", "税收优惠", "强化运维保障"])
        #expect(themes.map(\.basis) == [.category, .lexicon, .alone])
        #expect(Set(themes[0].topics) == ["1", "2", "3", "4"])
        // Off in the lexicon: the measures stand as the other rules leave them.
        lexicon.categoryTheme = false
        let plain = ThemeGrouper(lexicon: lexicon, similarity: similarity)
            .forCategory(title: "加大资金投入", keywords: ["资金", "投入", "经费"]).group(items)
        #expect(!plain.contains { $0.basis == .category })
        #expect(plain.map(\.label) == ["强化资金管理", "加大资金投入", "健全经费投入机制", "税收优惠", "强化运维保障"])
    }

    @Test("Pairwise agreement counts pairs put together")
    func agreement() {
        let a = PairwiseAgreement(predicted: [1, 1, 1, 2], reference: ["a", "a", "b", "b"])
        #expect(a.predictedPairs == 3 && a.referencePairs == 2 && a.truePairs == 1)
        #expect(abs(a.precision - 1.0 / 3) < 1e-9 && a.recall == 0.5)
    }
}
