import PlanModel
import PlanTemplates

/// The editions of the master plan: the full compilation is the plan as assembled; the 纲要
/// edition keeps, heading by heading, what `master-outline.yaml` says (`outline:` on a heading,
/// inherited by its sub-headings): everything, the themes' representative statements, the
/// items' titles, the heading alone, or nothing. Sources are kept with whatever stays, so the
/// 纲要 carries the same provenance (a representative carries every source of its theme).
public enum PlanEditions {
    /// The 纲要 edition of `plan`, nil when the outline asks for none.
    public static func outline(_ plan: MasterPlan, outline: MasterOutline) -> MasterPlan? {
        guard let edition = outline.outlineEdition else { return nil }
        var copy = plan
        if let subtitle = edition.subtitle { copy.subtitle = subtitle }
        copy.chapters = plan.chapters.enumerated().compactMap { i, chapter in
            reduce(chapter, template: i < outline.chapters.count ? outline.chapters[i] : nil, inherited: .full)
        }
        return copy
    }

    static func reduce(_ node: PlanNode, template: MasterOutline.Node?, inherited: MasterOutline.EditionContent) -> PlanNode? {
        let mode = template?.outline ?? inherited
        if mode == .omit { return nil }
        var n = node
        switch mode {
        case .full, .omit:
            break
        case .themes:
            n.items += representatives(node.themes)
            n.themes = nil
        case .titles:
            n.items = titleLine(node.items + representatives(node.themes)).map { [$0] } ?? []
            n.themes = nil
        case .heading:
            n.items = []
            n.themes = nil
        }
        // Children: first those the content generated (they follow this heading's mode), then
        // the template's own sub-headings.
        let written = template?.children ?? []
        let generated = max(0, node.children.count - written.count)
        n.children = node.children.enumerated().compactMap { i, child in
            i < generated ? reduce(child, template: nil, inherited: mode) : reduce(child, template: written[i - generated], inherited: mode)
        }
        return n
    }

    /// Each theme's representative, carrying the sources of every wording of the theme.
    static func representatives(_ themes: [PlanTheme]?) -> [PlanItem] {
        (themes ?? []).filter { !$0.isTaskIndex }.map { theme in
            var item = theme.representative
            item.sources = theme.statements.flatMap(\.sources)
            return item
        }
    }

    /// The items' titles run together in one paragraph, "；" between them, each item's sub-item
    /// titles in brackets after it ("建设创新平台（临床医学研究中心、研究型医院）；……。"), carrying
    /// every item's sources; nil when no item has a title.
    static func titleLine(_ items: [PlanItem]) -> PlanItem? {
        let titled = items.flatMap(titles)
        guard let first = titled.first else { return nil }
        func words(_ item: PlanItem) -> String {
            let own = trimmed(item.title ?? "")
            let below = item.children.map(words)
            return below.isEmpty ? own : own + "（" + below.joined(separator: "、") + "）"
        }
        func sources(_ item: PlanItem) -> [ItemSource] { item.sources + item.children.flatMap(sources) }
        return PlanItem(
            kind: first.kind, text: titled.map(words).joined(separator: "；") + "。",
            sources: items.flatMap(sources))
    }

    private static func trimmed(_ title: String) -> String {
        var t = Substring(title)
        while let last = t.last, "。．.：:；;，, \u{3000}".contains(last) { t = t.dropLast() }
        return String(t)
    }

    /// An item's title (its text dropped), sub-items' titles below it; an untitled item gives
    /// way to its titled sub-items.
    static func titles(_ item: PlanItem) -> [PlanItem] {
        let children = item.children.flatMap(titles)
        guard let title = item.title, !title.isEmpty else { return children }
        var copy = item
        copy.text = ""
        copy.children = children
        return [copy]
    }
}
