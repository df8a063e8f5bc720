/// The prose of a draft the master plan quotes and `DraftExtraction` does not carry: the
/// paragraphs of 发展基础 and 指导思想, the 基本原则 one by one, the 重大项目/重点工程 items.
/// Read by the extraction (`DraftExtractor.extractDraft`) with the draft's outline and sections,
/// so it agrees with them; the assembly only quotes it.
public struct DraftContent: Sendable, Hashable, Codable {
    /// Drop-folder file name (`DraftExtraction.source.file`).
    public var file: String
    /// Body paragraphs of the basis section(s), sub-headings left out.
    public var basis: [Statement]
    /// Body paragraphs of the guiding section.
    public var guiding: [Statement]
    /// One statement per principle: run-in or sub-heading title and its text.
    public var principles: [Statement]
    /// The items of the projects section(s), same shape as tasks.
    public var projects: [TaskItem]

    public init(file: String, basis: [Statement] = [], guiding: [Statement] = [], principles: [Statement] = [], projects: [TaskItem] = []) {
        self.file = file
        self.basis = basis
        self.guiding = guiding
        self.principles = principles
        self.projects = projects
    }
}

/// A paragraph or a titled statement of a draft, with where it stands.
public struct Statement: Sendable, Hashable, Codable {
    /// Run-in or heading title ("坚持创新引领"), nil for a plain paragraph.
    public var title: String?
    public var text: String
    public var location: DraftLocation

    public init(title: String? = nil, text: String, location: DraftLocation) {
        self.title = title
        self.text = text
        self.location = location
    }
}

/// Everything the extraction reads of one draft in one pass: the per-draft product
/// (`DraftExtraction`) and the prose the master plan quotes (`DraftContent`).
public struct ExtractedDraft: Sendable, Hashable {
    public var extraction: DraftExtraction
    public var content: DraftContent

    public init(extraction: DraftExtraction, content: DraftContent) {
        self.extraction = extraction
        self.content = content
    }
}
