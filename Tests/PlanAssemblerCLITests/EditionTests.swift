import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanModel
import Testing

/// The two editions built from Inputs/: the full compilation holds every principle and
/// safeguard measure of every theme (read back through the project's reader), the 纲要 edition
/// the representatives of each theme only, with the sources of the whole theme.
@Suite(.serialized) struct EditionTests {
    static func built() throws -> (plan: MasterPlan, full: Document, outline: Document) {
        let out = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pa-editions-\(getpid())")
        try? FileManager.default.removeItem(at: out)
        let run = try CLI.run(["build", CLI.projectRoot.appendingPathComponent("Inputs").path, "--out", out.path, "--quiet", "--no-cache"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try JSONDecoder().decode(MasterPlan.self, from: Data(contentsOf: out.appendingPathComponent("master-plan.json")))
        let full = try DocxReader().read(path: out.appendingPathComponent("master-plan.docx").path)
        let outline = try DocxReader().read(path: out.appendingPathComponent("master-plan-outline.docx").path)
        try? FileManager.default.removeItem(at: out)
        return (plan, full, outline)
    }

    static func themes(_ plan: MasterPlan) -> [PlanTheme] {
        func walk(_ node: PlanNode) -> [PlanTheme] { (node.themes ?? []) + node.children.flatMap(walk) }
        return plan.chapters.flatMap(walk)
    }

    /// Body paragraphs outside tables, one a line.
    static func text(_ document: Document) -> String {
        document.body.compactMap { if case .paragraph(let p) = $0 { p.displayText } else { nil } }.joined(separator: "\n")
    }

    /// The words of a statement the document must show: its text without a leading title.
    static func words(_ item: PlanItem) -> String {
        var text = item.text
        if let title = item.title, text.hasPrefix(title) { text = String(text.dropFirst(title.count)) }
        return String(text.drop { "。．.：:；;，, ".contains($0) }.prefix(40))
    }

    @Test("Every statement of every theme is in the full compilation; the 纲要 holds the representatives only")
    func editions() throws {
        let (plan, full, outline) = try Self.built()
        let fullText = Self.text(full)
        let outlineText = Self.text(outline)
        let themes = Self.themes(plan)
        #expect(!themes.isEmpty)
        var statements = 0
        for theme in themes {
            if theme.isTaskIndex {
                // An index of the tasks, which stand under their topics: their titles are in both editions.
                for item in theme.statements {
                    let title = item.title ?? Self.words(item)
                    #expect(fullText.contains(title) && outlineText.contains(title), "task \(title) missing")
                }
                continue
            }
            for item in theme.statements {
                statements += item.sources.count
                #expect(fullText.contains(Self.words(item)), "\(theme.label): \(item.title ?? "") missing from the full compilation")
            }
            #expect(outlineText.contains(Self.words(theme.representative)), "\(theme.label): representative missing from the 纲要")
        }
        let principles = try #require(plan.chapters[1].children.first { $0.title == "基本原则" }?.themes)
        #expect(principles.count <= 12)
        #expect(principles.reduce(0) { $0 + $1.statements.reduce(0) { $0 + $1.sources.count } } == 146)
        // The 纲要 is much shorter and has no other-wordings list.
        #expect(outlineText.count * 2 < fullText.count)
        #expect(!outlineText.contains("其他表述："))
        #expect(fullText.contains("其他表述："))
        print("editions: \(themes.count) themes, \(statements) statements; full \(fullText.count) characters, 纲要 \(outlineText.count)")
    }
}
