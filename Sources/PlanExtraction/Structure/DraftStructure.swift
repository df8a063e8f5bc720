import DocumentModel
import PlanSupport
import PlanModel
import PlanTemplates

/// A section with the body blocks under it (sub-headings left out, their text kept), in order.
public struct SectionBlocks: Sendable, Hashable {
    public var section: Section
    public var blocks: [LocatedBlock]

    public init(section: Section, blocks: [LocatedBlock]) {
        self.section = section
        self.blocks = blocks
    }
}

/// What the structure of a draft says: title lines, outline, sections, tasks, projects, safeguards.
public struct DraftStructure: Sendable, Hashable {
    public var titleParagraphs: [TitleParagraph]
    /// Cover lines around the title that are not part of it (document number, authority, date …).
    public var frontMatter: [TitleParagraph]
    public var outline: [OutlineNode]
    /// Sections of known kinds in document order (a kind may have several, e.g. basis).
    /// `paragraphCount` counts the non-empty body paragraphs and the tables under the heading,
    /// sub-headings excluded.
    public var sections: [Section]
    /// Kinds `Templates/sections.yaml` requires that no heading names.
    public var missingSections: [SectionKind]
    /// The items under the tasks section(s): each heading directly below, with its sub-items.
    public var tasks: [TaskItem]
    /// The items under the projects section(s) (重大项目 / 重点工程), same shape as tasks.
    public var projects: [TaskItem]
    public var safeguards: [Safeguard]
    public var diagnostics: [Diagnostic]
    /// Every section with its body blocks.
    public var sectionBlocks: [SectionBlocks]
    /// Every top-level body block with its location.
    public var allBlocks: [LocatedBlock]

    /// The body blocks of every section of `kind`, in document order.
    public func blocks(of kind: SectionKind) -> [LocatedBlock] {
        sectionBlocks.filter { $0.section.kind == kind }.flatMap(\.blocks)
    }

    /// The goals section's blocks in order (for goal and indicator extraction).
    public var goalBlocks: [LocatedBlock] { blocks(of: .goals) }

    /// The title lines joined by a space (`DraftSource.titleText`), nil when none was found.
    public var titleText: String? {
        titleParagraphs.isEmpty ? nil : titleParagraphs.map(\.text).joined(separator: " ")
    }

    /// Reads the structure of `document` with the office's synonyms and safeguard lexicon.
    public static func extract(
        document: Document, sections synonyms: SectionSynonyms, safeguards lexicon: SafeguardCategories
    ) -> DraftStructure {
        extract(document: document, outline: OutlineBuilder(sections: synonyms), safeguards: lexicon)
    }

    /// The same with an outline builder made once for many drafts.
    public static func extract(
        document: Document, outline builder: OutlineBuilder, safeguards lexicon: SafeguardCategories
    ) -> DraftStructure {
        let synonyms = builder.synonyms
        let outline = builder.build(document)
        let map = BodyMap(body: document.body, outline: outline)
        let extractor = ItemExtractor(map: map, headingSettings: synonyms.headings)
        var diagnostics = outline.diagnostics

        // Sections: every heading with a kind, then kinds a heading names beside its own
        // ("指导思想和基本原则", "主要目标和任务") when no other heading's words name them.
        var found: [(heading: Int, kind: SectionKind)] = map.headings.indices.compactMap { i in
            map.headings[i].kind.map { (i, $0) }
        }
        let named = Set(map.headings.filter { !$0.kindByPosition }.compactMap(\.kind))
        for kind in SectionKind.allCases where !named.contains(kind) {
            if let i = map.headings.indices.first(where: { map.headings[$0].namedKinds.contains(kind) }) {
                found.append((i, kind))
            }
        }
        found.sort { $0.heading != $1.heading ? $0.heading < $1.heading : $0.kind.order < $1.kind.order }

        var sectionBlocks: [SectionBlocks] = []
        for (i, kind) in found {
            let h = map.headings[i]
            let blocks = map.bodyBlocks(of: i).map { LocatedBlock(block: document.body[$0], location: map.location(ofBlock: $0)) }
            let section = Section(
                kind: kind, heading: h.candidate.displayTitle, location: map.location(ofBlock: h.candidate.blockIndex),
                paragraphCount: blocks.count)
            sectionBlocks.append(SectionBlocks(section: section, blocks: blocks))
            if blocks.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .extractEmptySection, message: "“\(h.candidate.displayTitle)”部分没有正文内容",
                        location: SourceLocation(
                            part: "word/document.xml", paragraphIndex: h.candidate.paragraph, path: h.candidate.path)))
            }
        }
        let kindsFound = Set(found.map(\.kind))
        let missing = synonyms.required.compactMap(SectionKind.init(rawValue:)).filter { !kindsFound.contains($0) }
        for kind in missing {
            let name = synonyms.entry(kind.rawValue)?.name ?? kind.rawValue
            diagnostics.append(Diagnostic(.extractMissingSection, message: "未找到“\(name)”部分"))
        }

        let sectionHeadings = { (kind: SectionKind) in found.filter { $0.kind == kind }.map(\.heading) }
        let tasks = sectionHeadings(.tasks).flatMap(extractor.items(of:))
        let projects = sectionHeadings(.projects).flatMap(extractor.items(of:))
        let classifier = SafeguardClassifier(lexicon)
        var safeguards: [Safeguard] = []
        for i in sectionHeadings(.safeguards) {
            let items: [(TaskItem, String)]
            if map.headings[i].children.isEmpty {
                items = extractor.listItems(in: map.directRange(of: i)).items.map { ($0, $0.text) }
            } else {
                items = map.headings[i].children.map { c in
                    (extractor.taskItem(c), map.bodyBlocks(of: c).map(map.text(ofBlock:)).joined(separator: "\n"))
                }
            }
            if items.isEmpty {
                let h = map.headings[i].candidate
                diagnostics.append(
                    Diagnostic(
                        .extractSafeguardsUnstructured, message: "“\(h.displayTitle)”部分既无下级标题也无段首加粗小标题，未能逐条识别保障措施",
                        location: SourceLocation(part: "word/document.xml", paragraphIndex: h.paragraph, path: h.path)))
            }
            for (item, text) in items {
                safeguards.append(
                    Safeguard(
                        title: item.title, text: text, category: classifier.category(title: item.title, text: text),
                        location: item.location))
            }
        }

        return DraftStructure(
            titleParagraphs: outline.titleParagraphs, frontMatter: outline.frontMatter, outline: outline.nodes,
            sections: sectionBlocks.map(\.section),
            missingSections: missing, tasks: tasks, projects: projects, safeguards: safeguards,
            diagnostics: diagnostics, sectionBlocks: sectionBlocks,
            allBlocks: document.body.indices.map { LocatedBlock(block: document.body[$0], location: map.location(ofBlock: $0)) })
    }
}

extension SectionKind {
    /// Position in the customary order of a plan (for stable sorting).
    fileprivate var order: Int { SectionKind.allCases.firstIndex(of: self) ?? 0 }
}
