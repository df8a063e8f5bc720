import Foundation
import PlanModel

/// The outline of the consolidated plan (`Templates/master-outline.yaml`): the chapters in
/// order, and for each heading which sections of which drafts feed it and how. Changing the
/// order, the titles or the feeding of a chapter is an edit of the YAML, not of code.
public struct MasterOutline: Sendable, Hashable {
    /// The file name under `Templates/`.
    public static let fileName = "master-outline.yaml"

    /// Where the outline was loaded from (named in diagnostics).
    public var file: String
    /// Document title of the master plan.
    public var title: String
    /// Second title line, e.g. （汇总稿）.
    public var subtitle: String?
    /// The catalog entry that stands for the whole plan (总体规划, topic "1"): `from: others`
    /// means every other entry.
    public var primaryTopic: String
    public var merge: MergeSettings
    public var topicTitles: TopicTitleRules
    public var missing: MissingMessages
    public var safeguards: SafeguardGrouping
    public var indicators: IndicatorSettings
    public var chapters: [Node]
    /// The theme lexicon (`themes.yaml`) for the `themes` and `categoryThemes` modes; empty when
    /// the outline was loaded on its own.
    public var themes: ThemeLexicon
    /// The 纲要 edition written beside the full compilation, nil when the outline asks for none.
    public var outlineEdition: Edition?

    public init(
        file: String, title: String, subtitle: String? = nil, primaryTopic: String, merge: MergeSettings = .init(),
        topicTitles: TopicTitleRules = .init(), missing: MissingMessages = .init(), safeguards: SafeguardGrouping = .init(),
        indicators: IndicatorSettings = .init(), chapters: [Node], themes: ThemeLexicon = .init(), outlineEdition: Edition? = nil
    ) {
        self.themes = themes
        self.outlineEdition = outlineEdition
        self.file = file
        self.title = title
        self.subtitle = subtitle
        self.primaryTopic = primaryTopic
        self.merge = merge
        self.topicTitles = topicTitles
        self.missing = missing
        self.safeguards = safeguards
        self.indicators = indicators
        self.chapters = chapters
    }

    /// A heading of the master plan: level 1 for a chapter, deeper for its children.
    public struct Node: Sendable, Hashable {
        public var title: String
        /// What feeds the heading's content, in order.
        public var content: [Collector]
        /// Sub-headings written out in the template (after the ones the content generates).
        public var children: [Node]
        /// A table placed under the heading.
        public var embed: Embed?
        /// 1-based line of the node in the template.
        public var line: Int
        /// What the 纲要 edition keeps of this heading; nil: as its parent (a chapter: `full`).
        public var outline: EditionContent?

        public init(
            title: String, content: [Collector] = [], children: [Node] = [], embed: Embed? = nil, line: Int = 0,
            outline: EditionContent? = nil
        ) {
            self.outline = outline
            self.title = title
            self.content = content
            self.children = children
            self.embed = embed
            self.line = line
        }
    }

    /// "Take these sections of these drafts, this way."
    public struct Collector: Sendable, Hashable {
        public var from: Source
        /// Section kinds, in the order their items are placed.
        public var sections: [SectionName]
        public var mode: Mode
        /// 1-based line of the entry in the template.
        public var line: Int

        public init(from: Source, sections: [SectionName], mode: Mode, line: Int = 0) {
            self.from = from
            self.sections = sections
            self.mode = mode
            self.line = line
        }
    }

    /// Which catalog entries a collector reads.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// One catalog entry.
        case topic(String)
        /// Every entry of a catalog part.
        case part(String)
        /// Every entry.
        case all
        /// Every entry but the primary topic.
        case others

        public var description: String {
            switch self {
            case .topic(let id): "topic \(id)"
            case .part(let id): "part \(id)"
            case .all: "all"
            case .others: "others"
            }
        }
    }

    /// The section kinds a collector names: `PlanModel.SectionKind`, the one owner.
    public typealias SectionName = SectionKind

    /// The section kinds a collector can read (all but the appendix tables).
    public static let collectableSections: [SectionKind] = SectionKind.allCases.filter { $0 != .appendix }

    /// How the collected statements become content.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Every statement as it stands, draft after draft in catalog order.
        case full
        /// One item per draft: the first paragraph of the section, cut to `merge.summaryLength`.
        case summary
        /// Every statement, near-duplicates from different drafts merged into one.
        case merge
        /// One sub-heading per safeguard category, near-duplicates merged inside each.
        case groupByCategory
        /// Every statement, grouped by theme (`themes.yaml`): representative and other wordings.
        case themes
        /// One sub-heading per safeguard category, the measures grouped by theme inside each.
        case categoryThemes
        /// One sub-heading per catalog entry (a missing draft stays as a heading marked missing).
        case perTopic
        /// As perTopic, and the entries' top-level tasks grouped by theme across them (the
        /// heading's `themes`: an index in master-plan.json and the report; the tasks themselves
        /// stay under their entries).
        case perTopicThemes
        /// One sub-heading per catalog part, the drafts' statements under it.
        case groupByPart
    }

    /// The 纲要 edition: a shorter document beside the full compilation.
    public struct Edition: Sendable, Hashable {
        /// Its file name in the output folder (master-plan-outline.docx).
        public var file: String
        /// Its second title line (（纲要）); nil: the outline's subtitle.
        public var subtitle: String?

        public init(file: String, subtitle: String? = nil) {
            self.file = file
            self.subtitle = subtitle
        }
    }

    /// What the 纲要 edition keeps of a heading.
    public enum EditionContent: String, Sendable, Hashable, CaseIterable {
        /// Everything, as in the full compilation.
        case full
        /// Each theme's representative statement only (with the sources of the whole theme); other
        /// items as they are.
        case themes
        /// The items' titles only (task names), sub-items' titles below them.
        case titles
        /// The heading (and its sub-headings' headings) without content; tables stay.
        case heading
        /// Not in the 纲要 edition at all.
        case omit
    }

    /// Tables a heading can embed: `PlanModel.EmbeddedTable`, the one owner.
    public typealias Embed = EmbeddedTable

    /// Loads and checks the outline; topic and part ids are checked against `catalog`.
    public static func load(from path: String, catalog: Catalog) throws(TemplateError) -> MasterOutline {
        let text = try TemplateLoader.text(of: path)
        var outline = try decode(yaml: text, file: path, catalog: catalog)
        // The theme lexicon beside it, when there is one.
        let themes = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(ThemeLexicon.fileName)
        if FileManager.default.fileExists(atPath: themes) {
            outline.themes = try ThemeLexicon.decode(yaml: TemplateLoader.text(of: themes), file: themes)
        }
        return outline
    }

    /// Loads the outline at `path`, checking it against `catalog.yaml` in the same directory.
    public static func load(from path: String) throws(TemplateError) -> MasterOutline {
        let directory = (path as NSString).deletingLastPathComponent
        let catalog = try Catalog.load(from: (directory as NSString).appendingPathComponent("catalog.yaml"))
        return try load(from: path, catalog: catalog)
    }

    /// Decodes and checks YAML text; `file` names it in errors.
    public static func decode(yaml text: String, file: String, catalog: Catalog) throws(TemplateError) -> MasterOutline {
        try MasterOutlineParser(file: file, catalog: catalog).parse(text)
    }
}
