import PlanSupport

/// What PlanAssembler understood of one draft: the per-draft product interface
/// (`plan-assembler extract` writes it as JSON, `Templates/schema/draft-extraction.schema.json`).
public struct DraftExtraction: Sendable, Hashable, Codable {
    /// Bumped on any incompatible change of this structure.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var source: DraftSource
    public var topic: TopicMatch
    /// Version word found in the file name, title or subtitle (初稿, 征求意见稿, 修改稿, 送审稿, 终稿 …).
    public var version: String?
    /// The file of a newer draft of the same topic, when this one is superseded.
    public var supersededBy: String?
    /// The heading tree, every signal resolved.
    public var outline: [OutlineNode]
    public var sections: [Section]
    public var goals: [Goal]
    public var indicators: [Indicator]
    public var tasks: [TaskItem]
    public var safeguards: [Safeguard]
    public var revisions: RevisionState
    public var diagnostics: [Diagnostic]

    public init(
        source: DraftSource, topic: TopicMatch, version: String? = nil, supersededBy: String? = nil,
        outline: [OutlineNode] = [], sections: [Section] = [], goals: [Goal] = [], indicators: [Indicator] = [],
        tasks: [TaskItem] = [], safeguards: [Safeguard] = [], revisions: RevisionState = .init(),
        diagnostics: [Diagnostic] = []
    ) {
        self.schemaVersion = DraftExtraction.currentSchemaVersion
        self.source = source
        self.topic = topic
        self.version = version
        self.supersededBy = supersededBy
        self.outline = outline
        self.sections = sections
        self.goals = goals
        self.indicators = indicators
        self.tasks = tasks
        self.safeguards = safeguards
        self.revisions = revisions
        self.diagnostics = diagnostics
    }

    /// The draft without its body (outline, sections, items, revisions, diagnostics): what a
    /// build keeps of a draft it lists but does not merge (superseded, unassigned), and what
    /// its cache index holds.
    public var header: DraftExtraction {
        DraftExtraction(source: source, topic: topic, version: version, supersededBy: supersededBy)
    }
}

/// The input file.
public struct DraftSource: Sendable, Hashable, Codable {
    /// File name as it stands in the drop folder.
    public var file: String
    public var sha256: String
    public var size: Int
    /// `docProps/core.xml` dcterms:modified (W3CDTF), else nil.
    public var modified: String?
    public var created: String?
    /// `docProps/core.xml` dc:title.
    public var title: String?
    /// The title paragraph(s) at the top of the body, joined by a space.
    public var titleText: String?

    public init(
        file: String, sha256: String, size: Int, modified: String? = nil, created: String? = nil,
        title: String? = nil, titleText: String? = nil
    ) {
        self.file = file
        self.sha256 = sha256
        self.size = size
        self.modified = modified
        self.created = created
        self.title = title
        self.titleText = titleText
    }
}

/// Which catalog entry the draft is.
public struct TopicMatch: Sendable, Hashable, Codable {
    /// Catalog id ("13", "S2"), nil when unknown or ambiguous.
    public var id: String?
    /// The catalog title of `id`.
    public var title: String?
    /// 0…1.
    public var confidence: Double
    /// The signals that matched: "fileName", "title", "titleParagraph", "keywords".
    public var matchedBy: [String]
    /// The best candidates with their scores, best first (at most 3).
    public var candidates: [TopicCandidate]
    /// Why the draft lies outside the plan (another region or plan period), in Chinese; `id` is
    /// then nil. Carried in the header, so supersession and the drop-folder accounting see it.
    public var outOfScope: String?

    public init(
        id: String? = nil, title: String? = nil, confidence: Double = 0, matchedBy: [String] = [],
        candidates: [TopicCandidate] = [], outOfScope: String? = nil
    ) {
        self.outOfScope = outOfScope
        self.id = id
        self.title = title
        self.confidence = confidence
        self.matchedBy = matchedBy
        self.candidates = candidates
    }
}

public struct TopicCandidate: Sendable, Hashable, Codable {
    public var id: String
    public var score: Double
    public init(id: String, score: Double) {
        self.id = id
        self.score = score
    }
}

/// Where an extracted item stands in its draft, so an editor can find it in Word.
public struct DraftLocation: Sendable, Hashable, Codable {
    /// Paragraph index in the main story (DocumentModel's `SourceLocation.paragraphIndex`).
    public var paragraph: Int?
    /// The headings above it, outermost first, as displayed (label + text).
    public var headingPath: [String]
    /// Path in the part, e.g. "body/tbl[1]/tr[3]".
    public var path: String?

    public init(paragraph: Int?, headingPath: [String], path: String? = nil) {
        self.paragraph = paragraph
        self.headingPath = headingPath
        self.path = path
    }
}

/// Tracked changes and comments left in the draft.
public struct RevisionState: Sendable, Hashable, Codable {
    public var unresolved: Bool
    public var insertions: Int
    public var deletions: Int
    public var comments: Int

    public init(unresolved: Bool = false, insertions: Int = 0, deletions: Int = 0, comments: Int = 0) {
        self.unresolved = unresolved
        self.insertions = insertions
        self.deletions = deletions
        self.comments = comments
    }
}
