import PlanSupport

/// A comment (`w:comment`) and where it is anchored.
public struct Comment: Sendable, Hashable, Codable {
    public var id: String
    public var author: String?
    public var initials: String?
    public var date: String?
    /// The comment's own text, paragraphs joined by "\n".
    public var text: String
    /// Paragraph indexes (`SourceLocation.paragraphIndex`) the comment range touches;
    /// empty when the anchor was not found in the main story.
    public var anchorParagraphs: [Int]
    /// The commented text in the document's view (may be empty for point comments).
    public var anchorText: String

    public init(
        id: String, author: String? = nil, initials: String? = nil, date: String? = nil, text: String,
        anchorParagraphs: [Int] = [], anchorText: String = ""
    ) {
        self.id = id
        self.author = author
        self.initials = initials
        self.date = date
        self.text = text
        self.anchorParagraphs = anchorParagraphs
        self.anchorText = anchorText
    }
}

public enum NoteKind: String, Sendable, Hashable, Codable {
    case footnote
    case endnote
}

/// A footnote or endnote (`w:footnote` / `w:endnote`), separators excluded.
public struct Note: Sendable, Hashable, Codable {
    public var kind: NoteKind
    public var id: String
    public var blocks: [Block]

    public init(kind: NoteKind, id: String, blocks: [Block]) {
        self.kind = kind
        self.id = id
        self.blocks = blocks
    }

    public var text: String { blocks.allParagraphs.map(\.text).joined(separator: "\n") }
}
