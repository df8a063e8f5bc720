import DocumentModel
import Foundation
@testable import PlanAssembly
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
            lexicon: lexicon.scoped(to: kind == .safeguard ? "safeguards" : "principles"),
            similarity: TextSimilarity(settings: AssemblyFixture.outline.merge))
    }

    static func load(_ name: String) -> Fixture {
        let url = AssemblyFixture.root.appendingPathComponent("Tests/Fixtures/themes/\(name)")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// The grouper's theme of each statement (index of its theme), and the themes.
    static func run(_ fixture: Fixture, kind: PlanItem.Kind) -> (labels: [Int], themes: [PlanTheme]) {
        let items = fixture.statements.enumerated().map { i, s in
            PlanItem(
                kind: kind, title: s.title, text: s.text,
                sources: [ItemSource(
                    file: "\(i).docx", topic: s.topic ?? s.draft,
                    location: DraftLocation(paragraph: i, headingPath: []))])
        }
        let themes = grouper(kind).group(items)
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
        print("themes \(name): precision \(String(format: "%.3f", a.precision)) recall \(String(format: "%.3f", a.recall)) "
            + "(\(a.truePairs) of \(a.predictedPairs) predicted pairs, \(a.referencePairs) hand pairs), \(themes.count) themes")
        for theme in themes {
            let hands = theme.statements.flatMap { item in item.sources.map { fixture.statements[Int($0.file.dropLast(5))!].theme } }
            print("  \(theme.label) [\(theme.basis.rawValue)] \(theme.topicCount): " + hands.joined(separator: " "))
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
}
