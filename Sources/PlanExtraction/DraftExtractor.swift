import DocumentModel
import PlanSupport
import Foundation
import PlanModel
import PlanTemplates

/// From one read draft to what a planner would find in it: topic, version, outline, sections,
/// goals, indicators, tasks, safeguards, and the problems an editor should fix.
public struct DraftExtractor: Sendable {
    public let templates: TemplateSet
    private let identifier: TopicIdentifier
    private let versions: VersionDetector
    /// Built once: its word lists are sorted from the indicator lexicon.
    private let proseIndicators: ProseIndicatorReader
    /// Built once: its section matcher is prepared from the section synonyms.
    private let outlineBuilder: OutlineBuilder

    public init(templates: TemplateSet) {
        self.templates = templates
        proseIndicators = ProseIndicatorReader(lexicon: templates.indicators)
        outlineBuilder = OutlineBuilder(sections: templates.sections)
        identifier = TopicIdentifier(catalog: templates.catalog, rules: templates.topicMatching, versions: templates.versions)
        versions = VersionDetector(words: templates.versions)
    }

    /// Extracts one draft. `fileName` is the name in the drop folder (the document's `file` may be a path).
    public func extract(_ document: Document, fileName: String) -> DraftExtraction {
        extraction(of: document, fileName: fileName, structure: readStructure(document))
    }

    /// Extracts one draft and reads the prose the master plan quotes (`DraftContent`), in one
    /// pass: the content is read through the same structure (outline, sections) as the extraction.
    public func extractDraft(_ document: Document, fileName: String) -> ExtractedDraft {
        let structure = readStructure(document)
        let extraction = self.extraction(of: document, fileName: fileName, structure: structure)
        let content = ContentReader.content(
            file: fileName, paragraphs: structure.allBlocks.compactMap(\.paragraph), outline: structure.outline,
            sections: structure.sections)
        return ExtractedDraft(extraction: extraction, content: content)
    }

    private func readStructure(_ document: Document) -> DraftStructure {
        DraftStructure.extract(document: document, outline: outlineBuilder, safeguards: templates.safeguards)
    }

    private func extraction(of document: Document, fileName: String, structure: DraftStructure) -> DraftExtraction {
        // The plan period (十四五 → 2021–2025) dates undated targets and splits table columns into
        // baselines and targets: from the title lines, the core title, then the file name.
        let leadLines = document.body.allParagraphs.prefix(3).map(\.text).filter { $0.count <= 80 }
        let period = PlanPeriod.read(
            structure.titleParagraphs.map(\.text) + [document.properties.title ?? "", fileName] + leadLines)

        // Goals and indicators: the goals section, then indicator tables anywhere else (附表).
        let goalBlocks = structure.goalBlocks
        let goalsResult = GoalExtractor.extract(
            blocks: goalBlocks.map { (block: $0.block, location: $0.location) }, synonyms: templates.indicators,
            reader: proseIndicators, period: period)
        var indicators = goalsResult.indicators
        var diagnostics = document.diagnostics + structure.diagnostics + goalsResult.diagnostics
        indicators += statedTargets(outside: structure, period: period)
        let readTables = Set(
            goalBlocks.compactMap { located -> String? in
                if case .table(let t) = located.block { return t.location.path }
                return nil
            })
        for located in structure.allBlocks {
            guard case .table(let table) = located.block, !readTables.contains(table.location.path),
                IndicatorTable.isIndicatorTable(table)
            else { continue }
            let (more, problems) = IndicatorTable.read(
                table, location: located.location, synonyms: templates.indicators, scanner: proseIndicators.scanner,
                period: period,
                contextYear: GoalExtractor.headingYear(located.location.headingPath, period: period))
            indicators += more
            diagnostics += problems
        }

        // Which catalog entry, which version.
        let titles = structure.titleParagraphs.map(\.text)
        var lead = ""
        // Block by block (the order of `allParagraphs`), without listing every paragraph of the body.
        leading: for block in document.body {
            for paragraph in block.paragraphs {
                if !lead.isEmpty { lead += "\n" }
                lead += paragraph.text
                if lead.count >= 500 { break leading }
            }
        }
        lead = String(lead.prefix(500))
        var topic = identifier.identify(
            fileName: fileName, coreTitle: document.properties.title, titleParagraphs: titles, leadText: lead)
        if let finding = identifier.scopeFinding(
            fileName: fileName, coreTitle: document.properties.title, titleParagraphs: titles,
            coverLines: structure.frontMatter.map(\.text))
        {
            // Another region's or period's draft: no topic (the candidates stay, for the editor).
            topic = TopicMatch(candidates: topic.candidates, outOfScope: identifier.scopeReason(finding))
            diagnostics.append(identifier.diagnostic(for: finding, fileName: fileName))
        } else {
            diagnostics += identifier.diagnostics(for: topic, fileName: fileName)
        }
        let version = versions.version(fileName: fileName, titleParagraphs: titles)

        // What is left unresolved in the draft.
        let r = document.revisions
        if r.hasUnresolvedRevisions {
            var parts: [String] = []
            if r.insertions > 0 { parts.append("插入 \(r.insertions) 处") }
            if r.deletions > 0 { parts.append("删除 \(r.deletions) 处") }
            if r.moves > 0 { parts.append("移动 \(r.moves) 处") }
            if r.formatChanges > 0 { parts.append("格式修改 \(r.formatChanges) 处") }
            let first = document.body.allParagraphs.first { !$0.revisions.isEmpty }
            diagnostics.append(
                Diagnostic(
                    .extractUnresolvedRevisions, message: "文档含有未处理的修订（\(parts.joined(separator: "，"))）；已按“接受全部修订”读取，请定稿前接受或拒绝",
                    location: first?.location))
        }
        let paragraphs = document.body.allParagraphs
        for comment in document.comments {
            let anchor = comment.anchorParagraphs.first.flatMap { index in paragraphs.first { $0.location.paragraphIndex == index } }
            let quoted = comment.anchorText.isEmpty ? "" : "（批注内容所指：“\(comment.anchorText.prefix(30))”）"
            diagnostics.append(
                Diagnostic(
                    .extractOpenComment, message: "未处理的批注\(comment.author.map { "（\($0)）" } ?? "")：\(comment.text)\(quoted)",
                    location: anchor?.location))
        }

        let source = DraftSource(
            file: fileName, sha256: document.sha256, size: document.byteCount,
            modified: document.properties.modified, created: document.properties.created,
            title: document.properties.title, titleText: structure.titleText)
        return DraftExtraction(
            source: source, topic: topic, version: version, supersededBy: nil, outline: structure.outline,
            sections: structure.sections, goals: goalsResult.goals, indicators: indicators, tasks: structure.tasks,
            safeguards: structure.safeguards,
            revisions: RevisionState(
                unresolved: r.hasUnresolvedRevisions, insertions: r.insertions, deletions: r.deletions,
                comments: document.comments.count),
            diagnostics: diagnostics)
    }

    /// Targets stated outside the goals section ("基础研究经费投入占研发经费投入比重提高到8%以上"
    /// in a tasks chapter, "今年……主要预期目标是：" in a work report): a clause with its own
    /// target year, or a ratio stated as a level or change to reach. Counts in task prose
    /// ("建设10个平台") are work, not indicators; the basis section is history.
    func statedTargets(outside structure: DraftStructure, period: PlanPeriod?) -> [Indicator] {
        var skipped = Set<String>()
        for kind in [SectionKind.goals, .basis] {
            for b in structure.blocks(of: kind) { if let p = b.location.path { skipped.insert(p) } }
        }
        var out: [Indicator] = []
        for located in structure.allBlocks {
            guard case .paragraph(let p) = located.block, p.outlineLevel == nil,
                !skipped.contains(located.location.path ?? "")
            else { continue }
            // A target needs a figure, and every clause the reader cuts holds only scalars of the
            // paragraph: without a scalar a figure can start with, there is nothing to read (the
            // year state the reader would carry is not used here).
            guard p.text.mayHoldFigureScalar(FigureScanner.figureStartScalars) else { continue }
            let (targets, _) = proseIndicators.read(p.text, period: period)
            guard !targets.isEmpty else { continue }
            // "经济社会发展的主要预期目标是：……": a paragraph declaring itself a statement of targets.
            let declared = GoalExtractor.declaresTargets(p.text)
            for t in targets {
                let ratio = ["%", "‰", "百分点"].contains(t.figure.unit ?? "")
                // A report about one year (政府工作报告) reviews the past in plain sentences: there,
                // only a stated target year makes a target.
                let plan = period.map { $0.documentYear == nil } ?? true
                guard (t.hasYearMark && t.year != nil) || (plan && t.stated && ratio) || declared else { continue }
                let year = t.hasYearMark ? t.year : GoalExtractor.headingYear(located.location.headingPath, period: period) ?? period?.end
                let (key, canonical) = IndicatorGrammar.resolve(name: t.name, unit: t.figure.unit, lexicon: templates.indicators)
                out.append(
                    Indicator(
                        name: t.name, key: key, canonicalName: canonical, value: t.figure.value, text: t.figure.text,
                        unit: t.figure.unit, comparator: t.comparator, year: year, baseline: t.baseline,
                        baselineYear: t.baseline == nil ? nil : t.baselineYear, relative: t.relative, from: "prose",
                        quote: t.sentence, location: located.location, upper: t.figure.upper, note: t.figure.note))
            }
        }
        return out
    }

    /// The topic a file name alone names (for drafts that could not be read), nil when unsure.
    public func topic(fromFileName fileName: String) -> String? {
        if identifier.scopeFinding(fileName: fileName, coreTitle: nil, titleParagraphs: []) != nil { return nil }
        return identifier.identify(fileName: fileName, coreTitle: nil, titleParagraphs: [], leadText: "").id
    }

    /// Marks drafts superseded by a newer draft of the same topic (`supersededBy` and an
    /// `extract.superseded` diagnostic on the older one). `fileTimes` are the drop folder's
    /// modification times, used only when core properties and version words do not decide.
    public func resolveSuperseded(_ drafts: [DraftExtraction], fileTimes: [String: Date] = [:]) -> [DraftExtraction] {
        let summaries = drafts.map {
            DraftSummary(
                file: $0.source.file, topicId: $0.topic.id, modified: $0.source.modified, version: $0.version,
                fileModified: fileTimes[$0.source.file],
                outOfScope: $0.topic.outOfScope != nil)
        }
        let resolution = SupersedeResolver(versions: templates.versions).resolution(summaries)
        return drafts.map { draft in
            var d = draft
            if let newer = resolution.supersededBy[d.source.file] {
                d.supersededBy = newer
                if let note = resolution.diagnosticByFile[d.source.file] { d.diagnostics.append(note) }
            }
            for warning in resolution.warningsByFile[d.source.file] ?? [] where !d.diagnostics.contains(warning) {
                d.diagnostics.append(warning)
            }
            return d
        }
    }
}
