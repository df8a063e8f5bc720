import PlanSupport

/// A Word document as read from a package: the main story's blocks, notes, comments,
/// properties, and what the reader noticed on the way. A value: no C, no I/O.
public struct Document: Sendable, Hashable, Codable {
    /// The input file as the user named it (path or file name).
    public var file: String
    /// SHA-256 of the file's bytes (hex), so a draft can be identified by content.
    public var sha256: String
    /// The file's size in bytes.
    public var byteCount: Int
    /// Which view of tracked changes `body` shows.
    public var view: RevisionView
    /// `docProps/core.xml` (and the title from `docProps/app.xml` is not used).
    public var properties: DocumentProperties
    /// The main document story (`w:body`) in document order.
    public var body: [Block]
    /// Footnotes and endnotes (separator notes excluded), in id order of appearance.
    public var notes: [Note]
    /// Comments from `comments.xml`, with the paragraphs they are anchored to.
    public var comments: [Comment]
    /// Counts of the tracked changes the package holds, whatever the view.
    public var revisions: RevisionSummary
    /// Everything the reader skipped, tolerated or found odd.
    public var diagnostics: [Diagnostic]

    public init(
        file: String, sha256: String = "", byteCount: Int = 0, view: RevisionView = .accepted, properties: DocumentProperties = .init(),
        body: [Block] = [], notes: [Note] = [], comments: [Comment] = [],
        revisions: RevisionSummary = .init(), diagnostics: [Diagnostic] = []
    ) {
        self.file = file
        self.sha256 = sha256
        self.byteCount = byteCount
        self.view = view
        self.properties = properties
        self.body = body
        self.notes = notes
        self.comments = comments
        self.revisions = revisions
        self.diagnostics = diagnostics
    }
}

/// Which text tracked changes leave: accepted (insertions kept, deletions dropped) or rejected.
public enum RevisionView: String, Sendable, Hashable, Codable, CaseIterable {
    case accepted
    case rejected
}

/// `docProps/core.xml` (Dublin Core and OPC core properties). Dates are kept as written (W3CDTF).
public struct DocumentProperties: Sendable, Hashable, Codable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var keywords: String?
    public var description: String?
    public var lastModifiedBy: String?
    public var revision: String?
    public var created: String?
    public var modified: String?

    public init(
        title: String? = nil, subject: String? = nil, creator: String? = nil, keywords: String? = nil,
        description: String? = nil, lastModifiedBy: String? = nil, revision: String? = nil,
        created: String? = nil, modified: String? = nil
    ) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.keywords = keywords
        self.description = description
        self.lastModifiedBy = lastModifiedBy
        self.revision = revision
        self.created = created
        self.modified = modified
    }
}

/// How many tracked changes the package holds (main story, notes and comments included).
public struct RevisionSummary: Sendable, Hashable, Codable {
    /// `w:ins` runs and inserted paragraph marks.
    public var insertions: Int
    /// `w:del` runs and deleted paragraph marks.
    public var deletions: Int
    /// `w:moveFrom` / `w:moveTo` ranges.
    public var moves: Int
    /// Property changes (`w:rPrChange`, `w:pPrChange`, table property changes, …).
    public var formatChanges: Int

    public init(insertions: Int = 0, deletions: Int = 0, moves: Int = 0, formatChanges: Int = 0) {
        self.insertions = insertions
        self.deletions = deletions
        self.moves = moves
        self.formatChanges = formatChanges
    }

    /// True when the draft still carries revisions nobody accepted or rejected.
    public var hasUnresolvedRevisions: Bool { insertions + deletions + moves + formatChanges > 0 }
}
