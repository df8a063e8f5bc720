import PlanSupport
import PlanModel
import PlanTemplates

/// Turns the template's headings into plan nodes: each collector takes a section of some
/// drafts and places it as the mode says.
struct ChapterBuilder {
    let outline: MasterOutline
    let slots: [TopicSlot]
    /// Safeguard categories in the order of `safeguards.yaml`.
    let categories: [String]
    /// Each category's keywords (`safeguards.yaml`), for its theme when grouping by theme.
    let categoryKeywords: [String: [String]]
    let similarity: TextSimilarity
    private(set) var diagnostics: [Diagnostic] = []

    init(outline: MasterOutline, slots: [TopicSlot], categories: [SafeguardCategories.Category]) {
        self.outline = outline
        self.slots = slots
        self.categories = categories.map(\.name)
        categoryKeywords = Dictionary(categories.map { ($0.name, $0.keywords) }, uniquingKeysWith: { a, _ in a })
        similarity = TextSimilarity(settings: outline.merge)
        for name in outline.safeguards.order where !self.categories.contains(name) {
            diagnostics.append(
                Diagnostic(.assemblyUnknownCategory, message: "\(Self.file(outline))：保障措施类别顺序中的“\(name)”不是 safeguards.yaml 中的类别"))
        }
    }

    static func file(_ outline: MasterOutline) -> String {
        outline.file.split(separator: "/").last.map(String.init) ?? outline.file
    }

    mutating func node(_ template: MasterOutline.Node) -> PlanNode {
        var node = PlanNode(title: template.title)
        node.embed = template.embed
        var origins: [String] = []
        var generated: [PlanNode] = []
        for collector in template.content {
            origins.append("\(collector.from) \(collector.sections.map(\.rawValue).joined(separator: "+")) (\(collector.mode.rawValue))")
            let chosen = selected(collector.from)
            if case .topic = collector.from, let slot = chosen.first {
                if let note = slot.missing {
                    node.missing = node.missing ?? note
                    report(collector, template, "所取的专题\(slot.topic.id)没有现行规划稿")
                } else if items(collector.sections, of: slot).isEmpty {
                    node.missing = node.missing ?? MissingNote(topicId: slot.topic.id, message: outline.missing.noSection)
                    report(
                        collector, template, "专题\(slot.topic.id)的规划稿没有所取的内容（\(collector.sections.map(\.rawValue).joined(separator: "、"))）")
                }
            }
            switch collector.mode {
            case .full:
                node.items += chosen.flatMap { items(collector.sections, of: $0) }
            case .summary:
                node.items += chosen.compactMap { summary(collector.sections, of: $0) }
            case .merge:
                node.items += NearDuplicateMerger(similarity: similarity).merge(chosen.flatMap { items(collector.sections, of: $0) }).items
            case .groupByCategory:
                generated += categoryGroups(chosen.flatMap { items(collector.sections, of: $0) })
            case .themes:
                let grouped = grouper(collector.sections).group(chosen.flatMap { items(collector.sections, of: $0) })
                node.themes = (node.themes ?? []) + grouped
            case .categoryThemes:
                generated += categoryGroups(chosen.flatMap { items(collector.sections, of: $0) }, themes: grouper(collector.sections))
            case .perTopic, .perTopicThemes:
                if collector.mode == .perTopicThemes {
                    let tasks = chosen.flatMap { items(collector.sections, of: $0) }.map { task -> PlanItem in
                        var top = task
                        top.children = []
                        return top
                    }
                    node.themes = (node.themes ?? []) + grouper(collector.sections).group(tasks)
                }
                generated += chosen.map { slot in
                    var child = PlanNode(title: slot.heading, origin: "topic \(slot.topic.id)", items: items(collector.sections, of: slot))
                    if let note = slot.missing {
                        child.missing = note
                    } else if child.items.isEmpty {
                        child.missing = MissingNote(topicId: slot.topic.id, message: outline.missing.noSection)
                    }
                    return child
                }
            case .groupByPart:
                generated += partGroups(chosen, sections: collector.sections)
            }
        }
        node.origin = origins.isEmpty ? nil : origins.joined(separator: "; ")
        node.children = generated + template.children.map { self.node($0) }
        return node
    }

    private mutating func report(_ collector: MasterOutline.Collector, _ template: MasterOutline.Node, _ what: String) {
        diagnostics.append(
            Diagnostic(.assemblySourceMissing, message: "\(Self.file(outline)) 第\(collector.line)行（“\(template.title)”）：\(what)"))
    }

    /// The catalog entries a collector reads, in catalog order.
    private func selected(_ source: MasterOutline.Source) -> [TopicSlot] {
        switch source {
        case .topic(let id): slots.filter { $0.topic.id == id }
        case .part(let id): slots.filter { $0.topic.part == id }
        case .all: slots
        case .others: slots.filter { $0.topic.id != outline.primaryTopic }
        }
    }

    // MARK: Statements of one draft

    /// The statements of `sections` of a draft, in section order, each with its source.
    func items(_ sections: [MasterOutline.SectionName], of slot: TopicSlot) -> [PlanItem] {
        guard let draft = slot.draft else { return [] }
        let src = { (location: DraftLocation) in [ItemSource(file: draft.source.file, topic: slot.topic.id, location: location)] }
        return sections.flatMap { section -> [PlanItem] in
            switch section {
            case .basis:
                return (slot.content?.basis ?? []).map { PlanItem(kind: .text, text: $0.text, sources: src($0.location)) }
            case .guiding:
                return (slot.content?.guiding ?? []).map { PlanItem(kind: .guiding, text: $0.text, sources: src($0.location)) }
            case .principles:
                return (slot.content?.principles ?? []).map {
                    PlanItem(kind: .principle, title: $0.title, text: $0.text, sources: src($0.location))
                }
            case .goals:
                return draft.goals.map { PlanItem(kind: .goal, text: $0.text, year: $0.year, sources: src($0.location)) }
            case .tasks:
                return draft.tasks.map { task($0, kind: .task, source: src) }
            case .projects:
                return (slot.content?.projects ?? []).map { task($0, kind: .project, source: src) }
            case .safeguards:
                return draft.safeguards.map {
                    PlanItem(kind: .safeguard, title: $0.title, text: $0.text, category: $0.category, sources: src($0.location))
                }
            case .appendix:
                return []  // not collectable (MasterOutline.collectableSections)
            }
        }
    }

    private func task(_ t: TaskItem, kind: PlanItem.Kind, source: (DraftLocation) -> [ItemSource]) -> PlanItem {
        PlanItem(
            kind: kind, title: t.title.isEmpty ? nil : t.title, text: t.text, sources: source(t.location),
            children: t.children.map { task($0, kind: kind, source: source) })
    }

    /// One item for a draft: its first statement, cut to the summary length (a goal whole), titled
    /// by the topic.
    private func summary(_ sections: [MasterOutline.SectionName], of slot: TopicSlot) -> PlanItem? {
        guard let first = items(sections, of: slot).first(where: { !$0.text.isEmpty || $0.title != nil }) else { return nil }
        let text = first.text.isEmpty ? (first.title ?? "") : first.text
        // A goal is quoted whole: cutting it would change what the draft commits to.
        let quoted = first.kind == .goal ? text : SummaryText.summary(text, limit: outline.merge.summaryLength)
        return PlanItem(
            kind: first.kind, title: slot.heading, text: quoted,
            year: first.year, category: first.category, sources: first.sources)
    }

    // MARK: Generated sub-headings

    /// Safeguards by category (template order, then safeguards.yaml order, uncategorized last),
    /// near-duplicates merged inside each category.
    private func categoryGroups(_ items: [PlanItem], themes: ThemeGrouper? = nil) -> [PlanNode] {
        var order = outline.safeguards.order.filter { categories.contains($0) }
        order += categories.filter { !order.contains($0) }
        order += items.compactMap(\.category).filter { !order.contains($0) }.reduce(into: [String]()) { seen, c in
            if !seen.contains(c) { seen.append(c) }
        }
        let merger = NearDuplicateMerger(similarity: similarity)
        var nodes: [PlanNode] = []
        for category in order {
            let mine = items.filter { $0.category == category }
            if mine.isEmpty { continue }
            let title = outline.safeguards.titles[category] ?? category
            if let themes {
                let grouper = themes.forCategory(title: title, keywords: categoryKeywords[category] ?? [])
                nodes.append(PlanNode(title: title, origin: "category \(category)", themes: grouper.group(mine)))
            } else {
                nodes.append(PlanNode(title: title, origin: "category \(category)", items: merger.merge(mine).items))
            }
        }
        let other = items.filter { $0.category == nil }
        if !other.isEmpty {
            if let themes {
                nodes.append(PlanNode(title: outline.safeguards.otherTitle, origin: "category none", themes: themes.group(other)))
            } else {
                nodes.append(PlanNode(title: outline.safeguards.otherTitle, origin: "category none", items: merger.merge(other).items))
            }
        }
        return nodes
    }

    /// The theme grouper for statements of `sections`, with the lexicon's themes for their kind.
    private func grouper(_ sections: [MasterOutline.SectionName]) -> ThemeGrouper {
        let kind =
            sections.contains(.safeguards)
            ? "safeguards"
            : sections.contains(where: { $0 == .tasks || $0 == .projects }) ? "tasks" : "principles"
        return ThemeGrouper(lexicon: outline.themes.scoped(to: kind), similarity: similarity)
    }

    /// One sub-heading per catalog part, with the statements of its drafts; an untitled
    /// statement takes its topic's heading as title.
    private func partGroups(_ chosen: [TopicSlot], sections: [MasterOutline.SectionName]) -> [PlanNode] {
        var parts: [Catalog.Part] = []
        for slot in chosen {
            if let p = slot.part, !parts.contains(where: { $0.id == p.id }) { parts.append(p) }
        }
        return parts.compactMap { part in
            let items = chosen.filter { $0.topic.part == part.id }.flatMap { slot in
                self.items(sections, of: slot).map { item in
                    var titled = item
                    if titled.title == nil { titled.title = slot.heading }
                    return titled
                }
            }
            return items.isEmpty ? nil : PlanNode(title: part.title, origin: "part \(part.id)", items: items)
        }
    }
}
