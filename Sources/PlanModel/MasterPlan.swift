import PlanSupport

/// The consolidated master plan outline (规划纲要) assembled from all drafts: what
/// `plan-assembler build` writes as `Output/master-plan.json` and renders as DOCX and HTML.
/// Schema: `Templates/schema/master-plan.schema.json`.
public struct MasterPlan: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Document title, e.g. 辽宁省“十四五”科技创新规划纲要.
    public var title: String
    /// Second title line, e.g. （2021—2035年）.
    public var subtitle: String?
    /// The date the outline stands for (W3CDTF): `SOURCE_DATE_EPOCH`, else the newest input's
    /// modified date — never the clock, so the same inputs give the same outputs.
    public var date: String
    /// The chapters in the order of `Templates/master-outline.yaml`.
    public var chapters: [PlanNode]
    /// 主要指标汇总表: every indicator by key, with baseline, 2025 and 2035 targets.
    public var indicators: [IndicatorRow]
    /// Indicators whose drafts disagree on a target (or baseline) for the same year.
    public var conflicts: [IndicatorConflict]
    /// 专题规划编制情况: one row per catalog entry.
    public var coverage: [CoverageEntry]
    /// Every file of the drop folder and what became of it.
    public var inputs: [InputRecord]
    /// Problems of the assembly itself (template references that found nothing …).
    public var diagnostics: [Diagnostic]

    public init(
        title: String, subtitle: String? = nil, date: String, chapters: [PlanNode] = [], indicators: [IndicatorRow] = [],
        conflicts: [IndicatorConflict] = [], coverage: [CoverageEntry] = [], inputs: [InputRecord] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.schemaVersion = MasterPlan.currentSchemaVersion
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.chapters = chapters
        self.indicators = indicators
        self.conflicts = conflicts
        self.coverage = coverage
        self.inputs = inputs
        self.diagnostics = diagnostics
    }
}

/// A heading of the master outline with its content and sub-headings. Level 1 = chapter (一、),
/// 2 = section (（一）), 3 = 1., 4 = （1）; the writer numbers them, titles carry no label.
public struct PlanNode: Sendable, Hashable, Codable {
    public var title: String
    /// Where this node's content came from in the template ("topic 1 basis", "part P3 tasks" …), for review.
    public var origin: String?
    /// Content paragraphs under the heading, before the children.
    public var items: [PlanItem]
    public var children: [PlanNode]
    /// A table the template embeds here.
    public var embed: EmbeddedTable?
    /// Set when the node stands for a catalog entry without a current draft: the gap stays visible.
    public var missing: MissingNote?
    /// The statements grouped by theme (principles, safeguard measures), when the outline says
    /// so: shown after `items`, theme by theme. Optional and additive: nil when not grouped.
    public var themes: [PlanTheme]?

    public init(
        title: String, origin: String? = nil, items: [PlanItem] = [], children: [PlanNode] = [],
        embed: EmbeddedTable? = nil, missing: MissingNote? = nil, themes: [PlanTheme]? = nil
    ) {
        self.title = title
        self.origin = origin
        self.items = items
        self.children = children
        self.embed = embed
        self.missing = missing
        self.themes = themes
    }
}

/// Statements of several drafts that say the same idea in other words (需求导向, 需求牵引, 问题导向):
/// one theme, its representative wording, and every other wording with its sources.
public struct PlanTheme: Sendable, Hashable, Codable {
    /// How the statements were found to share the theme.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// A term of the office's theme lexicon (`Templates/themes.yaml`) in the lead phrase.
        case lexicon
        /// The same key term opens the lead phrases (坚持安全可控, 安全优先 → 安全).
        case keyTerm
        /// Lead phrases or statements alike by character n-grams.
        case similarity
        /// Safeguard measures whose lead phrases name their category (加强组织领导), no other rule
        /// having placed them.
        case category
        /// A statement no other draft shares.
        case alone
    }

    /// The theme's label (the lexicon's, else the representative's lead phrase).
    public var label: String
    public var basis: Basis
    /// Catalog ids of the drafts that state it, in catalog order; its count orders the themes.
    public var topics: [String]
    /// The most widely shared wording (or the lead topic's), with every draft that worded it so.
    public var representative: PlanItem
    /// Every other wording, each with its sources, in catalog order: nothing is dropped.
    public var wordings: [PlanItem]

    public init(label: String, basis: Basis, topics: [String], representative: PlanItem, wordings: [PlanItem] = []) {
        self.label = label
        self.basis = basis
        self.topics = topics
        self.representative = representative
        self.wordings = wordings
    }

    /// Number of topics that state the theme.
    public var topicCount: Int { topics.count }

    /// The representative, then the other wordings.
    public var statements: [PlanItem] { [representative] + wordings }

    /// A theme of key tasks (or projects): an index over tasks that stand under their topics,
    /// not content of its own.
    public var isTaskIndex: Bool { representative.kind == .task || representative.kind == .project }

    enum CodingKeys: String, CodingKey {
        case label, basis, topics, topicCount, representative, wordings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        basis = try c.decode(Basis.self, forKey: .basis)
        topics = try c.decode([String].self, forKey: .topics)
        representative = try c.decode(PlanItem.self, forKey: .representative)
        wordings = try c.decodeIfPresent([PlanItem].self, forKey: .wordings) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(basis, forKey: .basis)
        try c.encode(topics, forKey: .topics)
        try c.encode(topicCount, forKey: .topicCount)
        try c.encode(representative, forKey: .representative)
        try c.encode(wordings, forKey: .wordings)
    }
}

/// Tables the outline can place under a heading.
public enum EmbeddedTable: String, Sendable, Hashable, Codable, CaseIterable {
    /// The indicators marked as main (or all) with baseline, 2025, 2035, attribute, topics.
    case indicatorSummary
    /// All indicators (附表一).
    case indicatorTable
    /// Catalog entries: draft, version, date, contributions, what is missing (附表二).
    case coverageTable
    /// The conflict list.
    case conflictTable
}

/// A catalog entry with no usable draft.
public struct MissingNote: Sendable, Hashable, Codable {
    public var topicId: String
    /// In Chinese, e.g. "尚未收到该专题规划稿".
    public var message: String

    public init(topicId: String, message: String) {
        self.topicId = topicId
        self.message = message
    }
}

/// One merged statement: a paragraph of basis text, a principle, a goal, a task (with its
/// sub-tasks), a safeguard measure.
public struct PlanItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case text, guiding, principle, goal, task, project, safeguard
    }

    public var kind: Kind
    /// A run-in title (principle "坚持创新引领", task or safeguard heading), nil for plain text.
    public var title: String?
    public var text: String
    /// For goals: the target year.
    public var year: Int?
    /// For safeguards: the category.
    public var category: String?
    /// Every draft that said this (near-duplicates merged), in catalog order.
    public var sources: [ItemSource]
    /// Sub-items (a task's sub-tasks).
    public var children: [PlanItem]

    public init(
        kind: Kind, title: String? = nil, text: String, year: Int? = nil, category: String? = nil,
        sources: [ItemSource], children: [PlanItem] = []
    ) {
        self.kind = kind
        self.title = title
        self.text = text
        self.year = year
        self.category = category
        self.sources = sources
        self.children = children
    }
}

/// Where a merged item came from.
public struct ItemSource: Sendable, Hashable, Codable {
    /// Drop-folder file name.
    public var file: String
    /// Catalog id, nil for an unidentified draft.
    public var topic: String?
    public var location: DraftLocation

    public init(file: String, topic: String?, location: DraftLocation) {
        self.file = file
        self.topic = topic
        self.location = location
    }
}

/// One row of the consolidated indicator table.
public struct IndicatorRow: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    public var unit: String?
    /// 预期性 / 约束性 (the values found, when drafts differ they are all listed).
    public var attributes: [String]
    public var baseline: [SourcedValue]
    /// Target values by year ("2025", "2035", other years as they come), each value with its sources.
    public var targets: [String: [SourcedValue]]
    /// Catalog ids of the drafts that set it, in catalog order.
    public var topics: [String]
    /// True when a year (or the baseline) has more than one distinct value.
    public var conflict: Bool
    /// A main indicator (主要指标, the `indicatorSummary` table): set by one of the outline's
    /// `indicators.mainTopics`.
    public var main: Bool

    public init(
        key: String, name: String, unit: String?, attributes: [String], baseline: [SourcedValue],
        targets: [String: [SourcedValue]], topics: [String], conflict: Bool, main: Bool = false
    ) {
        self.key = key
        self.name = name
        self.unit = unit
        self.attributes = attributes
        self.baseline = baseline
        self.targets = targets
        self.topics = topics
        self.conflict = conflict
        self.main = main
    }
}

/// A value as drafts state it, with every draft that states it.
public struct SourcedValue: Sendable, Hashable, Codable {
    public var value: Double?
    /// As written ("1万", "2.5", "翻一番").
    public var text: String
    public var comparator: String?
    public var relative: String?
    public var sources: [ItemSource]

    public init(value: Double?, text: String, comparator: String? = nil, relative: String? = nil, sources: [ItemSource]) {
        self.value = value
        self.text = text
        self.comparator = comparator
        self.relative = relative
        self.sources = sources
    }
}

/// Drafts disagree: nothing is picked, every value is listed with its sources.
public struct IndicatorConflict: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    /// "2025", "2035", or "baseline".
    public var year: String
    public var values: [SourcedValue]

    public init(key: String, name: String, year: String, values: [SourcedValue]) {
        self.key = key
        self.name = name
        self.year = year
        self.values = values
    }
}

/// One catalog entry in the coverage table.
public struct CoverageEntry: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// A current draft was used.
        case present
        /// No draft was received (or none could be read or identified).
        case missing
    }

    public var topicId: String
    public var part: String
    /// The part's title from the catalog (科技发展顶层设计 …), for headings in the report; optional and
    /// additive: the report falls back to `part` when nil.
    public var partTitle: String?
    public var title: String
    public var status: Status
    /// The current draft's file.
    public var draft: String?
    public var version: String?
    /// core.xml modified date of the current draft.
    public var modified: String?
    /// Older drafts of the topic that were superseded.
    public var superseded: [String]
    public var goals: Int
    public var indicators: Int
    public var tasks: Int
    public var safeguards: Int
    /// Section kinds the draft lacks (raw values of SectionKind).
    public var missingSections: [String]
    /// Indicator keys of this topic that are in conflict with another draft.
    public var conflicts: [String]
    /// The draft's diagnostics (warnings and errors), with locations.
    public var problems: [Diagnostic]
    /// Where the paragraphs the problems point to stand in the draft (paragraph index and heading
    /// path), one per distinct paragraph, so the report can say 第 27 段（二、总体要求 > （三）发展目标）.
    /// Optional and additive: nil when the assembly does not provide it.
    public var problemLocations: [DraftLocation]?

    public init(
        topicId: String, part: String, title: String, status: Status, draft: String? = nil, version: String? = nil,
        modified: String? = nil, superseded: [String] = [], goals: Int = 0, indicators: Int = 0, tasks: Int = 0,
        safeguards: Int = 0, missingSections: [String] = [], conflicts: [String] = [], problems: [Diagnostic] = [],
        problemLocations: [DraftLocation]? = nil, partTitle: String? = nil
    ) {
        self.topicId = topicId
        self.part = part
        self.title = title
        self.status = status
        self.draft = draft
        self.version = version
        self.modified = modified
        self.superseded = superseded
        self.goals = goals
        self.indicators = indicators
        self.tasks = tasks
        self.safeguards = safeguards
        self.missingSections = missingSections
        self.conflicts = conflicts
        self.problems = problems
        self.problemLocations = problemLocations
        self.partTitle = partTitle
    }
}

/// What became of one file of the drop folder.
public struct InputRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Read, identified, current: its content is in the plan.
        case used
        /// Read, but a newer draft of the same topic is used.
        case superseded
        /// Read, but another draft of the same topic with the same version word and dates (two
        /// editors' parallel versions) was taken by file-name order: `takenInstead` names it.
        /// Not an older draft, so never called superseded.
        case parallel
        /// Read, but its topic could not be identified (unknown or ambiguous): not merged.
        case unassigned
        /// Could not be read (reason given).
        case rejected
        /// Not a draft: Word/LibreOffice lock files, temporary files, other file types.
        case ignored
    }

    public var file: String
    public var status: Status
    /// Why, in Chinese for people, with the reader's reason for rejected files.
    public var reason: String?
    public var topic: String?
    public var sha256: String?
    /// For superseded files, the file used instead.
    public var supersededBy: String?
    /// For a parallel version set aside, the version taken instead (by file-name order).
    public var takenInstead: String?
    /// The draft's JSON in the output folder (`drafts/….json`), for the files that have one.
    public var output: String?

    public init(
        file: String, status: Status, reason: String? = nil, topic: String? = nil, sha256: String? = nil,
        supersededBy: String? = nil, takenInstead: String? = nil, output: String? = nil
    ) {
        self.output = output
        self.takenInstead = takenInstead
        self.file = file
        self.status = status
        self.reason = reason
        self.topic = topic
        self.sha256 = sha256
        self.supersededBy = supersededBy
    }
}
