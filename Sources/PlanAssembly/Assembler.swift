import PlanSupport
import PlanModel
import PlanTemplates

/// All drafts into the master plan `Templates/master-outline.yaml` describes: chapters fed by
/// the drafts' sections (near-duplicates merged), the consolidated indicators with their
/// conflicts, one coverage row per catalog entry, and the drop-folder accounting.
///
/// Deterministic: drafts are ordered by catalog entry and file name before anything else, so
/// the same set of drafts in any order gives the same plan.
public struct Assembler: Sendable {
    public let templates: TemplateSet
    public let outline: MasterOutline

    public init(templates: TemplateSet, outline: MasterOutline) {
        self.templates = templates
        self.outline = outline
    }

    /// Assembles the plan.
    /// - Parameters:
    ///   - drafts: every extraction, superseded ones (`supersededBy` set) and unidentified ones
    ///     (`topic.id` nil) included: only current identified drafts are merged.
    ///   - contents: the prose of the drafts (read by the extraction with each draft,
    ///     `DraftExtractor.extractDraft`), matched by file name; without it basis, guiding,
    ///     principles and projects stay empty.
    ///   - inputs: the drop-folder accounting; copied, with reasons filled in where missing.
    ///   - date: the date the plan stands for (W3CDTF).
    public func assemble(drafts: [DraftExtraction], contents: [DraftContent] = [], inputs: [InputRecord], date: String) -> MasterPlan {
        let catalog = templates.catalog
        let order = Dictionary(catalog.topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = drafts.sorted { a, b in
            let x = a.topic.id.flatMap { order[$0] } ?? Int.max
            let y = b.topic.id.flatMap { order[$0] } ?? Int.max
            return x != y ? x < y : a.source.file < b.source.file
        }
        var contentByFile: [String: DraftContent] = [:]
        for c in contents.sorted(by: { $0.file < $1.file }) where contentByFile[c.file] == nil { contentByFile[c.file] = c }
        let sortedInputs = inputs.sorted { $0.file != $1.file ? $0.file < $1.file : $0.status.rawValue < $1.status.rawValue }

        var diagnostics: [Diagnostic] = []
        var slots: [TopicSlot] = []
        for topic in catalog.topics {
            let mine = sorted.filter { $0.topic.id == topic.id }
            let current = mine.filter { $0.supersededBy == nil }
            if current.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        .assemblyDuplicateTopic,
                        message: "专题\(topic.id)有多份现行稿（\(current.map(\.source.file).joined(separator: "、"))），"
                            + "采用“\(current[0].source.file)”，其余未汇总，请确认版本"))
            }
            let draft = current.first
            slots.append(
                TopicSlot(
                    topic: topic, part: catalog.part(topic.part), heading: outline.topicTitles.heading(id: topic.id, title: topic.title),
                    draft: draft, content: draft.flatMap { contentByFile[$0.source.file] },
                    superseded: mine.filter { $0.supersededBy != nil }.map(\.source.file),
                    missing: draft == nil ? missingNote(topic: topic.id, drafts: sorted, inputs: sortedInputs) : nil))
        }
        let used = slots.compactMap(\.draft)
        if !used.isEmpty && !used.contains(where: { contentByFile[$0.source.file] != nil }) {
            diagnostics.append(Diagnostic(.assemblyNoContent, message: "未提供各稿的正文内容，发展基础、指导思想、基本原则和重大项目无法汇总"))
        }

        var chapters = ChapterBuilder(
            outline: outline, slots: slots, categories: templates.safeguards.categories)
        let built = outline.chapters.map { chapters.node($0) }
        diagnostics += chapters.diagnostics

        let indicators = IndicatorConsolidator(mainTopics: Set(outline.indicators.mainTopics)).consolidate(slots)
        diagnostics += indicators.diagnostics
        let coverage = CoverageBuilder(required: templates.sections.required, catalog: templates.catalog)
            .coverage(slots: slots, conflicts: indicators.conflicts)
        let records = InputAccounting.records(sortedInputs, drafts: sorted, catalog: catalog)

        return MasterPlan(
            title: outline.title, subtitle: outline.subtitle, date: date, chapters: built, indicators: indicators.rows,
            conflicts: indicators.conflicts, coverage: coverage, inputs: records, diagnostics: diagnostics)
    }

    /// Why a catalog entry has no current draft: unreadable file of the topic, unidentified
    /// drafts that might be it, or simply none received.
    private func missingNote(topic: String, drafts: [DraftExtraction], inputs: [InputRecord]) -> MissingNote {
        let messages = outline.missing
        if let rejected = inputs.first(where: { $0.status == .rejected && $0.topic == topic }) {
            let text = messages.unreadable.replacingOccurrences(of: "{file}", with: rejected.file)
                .replacingOccurrences(of: "{reason}", with: rejected.reason ?? "")
            return MissingNote(topicId: topic, message: text)
        }
        let candidates = drafts.filter { $0.topic.id == nil && $0.topic.candidates.first?.id == topic }.map(\.source.file)
        if !candidates.isEmpty {
            return MissingNote(
                topicId: topic, message: messages.unidentified.replacingOccurrences(of: "{files}", with: candidates.joined(separator: "、")))
        }
        return MissingNote(topicId: topic, message: messages.noDraft)
    }
}

/// A catalog entry with what the assembly has of it.
struct TopicSlot {
    let topic: Catalog.Topic
    let part: Catalog.Part?
    /// The heading of its section in the master plan.
    let heading: String
    /// The current draft, nil when none.
    let draft: DraftExtraction?
    let content: DraftContent?
    /// Files of older drafts, by name.
    let superseded: [String]
    /// Set when `draft` is nil.
    let missing: MissingNote?

    func source(_ location: DraftLocation) -> ItemSource? {
        draft.map { ItemSource(file: $0.source.file, topic: topic.id, location: location) }
    }
}
