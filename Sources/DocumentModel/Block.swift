import PlanSupport

/// A block of a story: what `w:body`, a table cell, a note or a text box holds.
public enum Block: Sendable, Hashable, Codable {
    case paragraph(Paragraph)
    case table(Table)
}

extension Block {
    /// The paragraphs of this block in reading order, descending into tables and text boxes.
    public var paragraphs: [Paragraph] {
        switch self {
        case .paragraph(let p): return [p] + p.textBoxes.flatMap(\.paragraphs)
        case .table(let t): return t.rows.flatMap { $0.cells.flatMap { $0.blocks.flatMap(\.paragraphs) } }
        }
    }
}

extension Array where Element == Block {
    /// Every paragraph in reading order, descending into tables and text boxes.
    public var allParagraphs: [Paragraph] { flatMap(\.paragraphs) }
}

/// A paragraph (`w:p`) as the reader resolved it.
public struct Paragraph: Sendable, Hashable, Codable {
    /// Where it stands in the package.
    public var location: SourceLocation
    /// `w:pStyle` after resolution (the default paragraph style when none is given).
    public var styleId: String?
    /// The style's `w:name` as Word writes it ("heading 1", "Normal", "标题 1" …).
    public var styleName: String?
    /// Outline level 0…8 from direct `w:outlineLvl`, the style chain, or a built-in heading
    /// style name; nil for body text (Word's level 9).
    public var outlineLevel: Int?
    /// Automatic numbering from `numbering.xml`, when the paragraph is numbered.
    public var numbering: NumberingLabel?
    /// True when most of the paragraph's visible text is bold (direct, character style,
    /// paragraph style chain and document defaults resolved).
    public var isBold: Bool
    /// `w:jc` resolved through the style chain ("center", "both", "left" …).
    public var alignment: String?
    /// The largest font size of its text, in half-points (`w:sz`), resolved.
    public var fontSizeHalfPoints: Int?
    /// When the paragraph starts with bold text but is not bold throughout, that leading bold
    /// text (a run-in heading such as "（一）加强组织领导。"); nil otherwise.
    public var boldLead: String?
    /// The text in the document's view: fields show their result, tabs are "\t", line breaks "\n".
    public var text: String
    /// Tracked changes inside this paragraph (whatever the view).
    public var revisions: ParagraphRevisions
    /// Ids of the comments anchored in this paragraph.
    public var commentIds: [String]
    /// Ids of footnotes and endnotes referenced from this paragraph.
    public var noteReferences: [NoteReference]
    /// Text boxes anchored in this paragraph, in reading order.
    public var textBoxes: [TextBox]

    public init(
        location: SourceLocation, styleId: String? = nil, styleName: String? = nil,
        outlineLevel: Int? = nil, numbering: NumberingLabel? = nil, isBold: Bool = false,
        alignment: String? = nil, fontSizeHalfPoints: Int? = nil, boldLead: String? = nil, text: String = "",
        revisions: ParagraphRevisions = .init(), commentIds: [String] = [],
        noteReferences: [NoteReference] = [], textBoxes: [TextBox] = []
    ) {
        self.location = location
        self.styleId = styleId
        self.styleName = styleName
        self.outlineLevel = outlineLevel
        self.numbering = numbering
        self.isBold = isBold
        self.alignment = alignment
        self.fontSizeHalfPoints = fontSizeHalfPoints
        self.boldLead = boldLead
        self.text = text
        self.revisions = revisions
        self.commentIds = commentIds
        self.noteReferences = noteReferences
        self.textBoxes = textBoxes
    }

    /// The label Word shows in front of the text (when numbered) and the text.
    public var displayText: String {
        guard let label = numbering?.label, !label.isEmpty else { return text }
        return label + (numbering?.suffix ?? "") + text
    }
}

/// The number Word renders for a numbered paragraph.
public struct NumberingLabel: Sendable, Hashable, Codable {
    /// `w:numId` of the concrete numbering instance.
    public var numId: Int
    /// `w:ilvl`, 0…8.
    public var level: Int
    /// The rendered label, e.g. "（三）", "1.2", "①".
    public var label: String
    /// `w:numFmt` of the level ("chineseCounting", "decimal", "bullet" …).
    public var format: String
    /// What Word puts between label and text: "\t", " " or "" (`w:suff`).
    public var suffix: String

    public init(numId: Int, level: Int, label: String, format: String, suffix: String = "\t") {
        self.numId = numId
        self.level = level
        self.label = label
        self.format = format
        self.suffix = suffix
    }
}

/// Tracked changes found in one paragraph.
public struct ParagraphRevisions: Sendable, Hashable, Codable {
    /// Some runs were inserted (`w:ins`, `w:moveTo`).
    public var hasInsertions: Bool
    /// Some runs were deleted (`w:del`, `w:moveFrom`).
    public var hasDeletions: Bool
    /// The paragraph mark itself was inserted.
    public var markInserted: Bool
    /// The paragraph mark was deleted (in the accepted view the paragraph is joined to the next).
    public var markDeleted: Bool
    /// Text that the other view would show instead (deleted text in the accepted view,
    /// inserted text in the rejected view), so a caller can report what changed.
    public var otherViewText: String?

    public init(
        hasInsertions: Bool = false, hasDeletions: Bool = false, markInserted: Bool = false,
        markDeleted: Bool = false, otherViewText: String? = nil
    ) {
        self.hasInsertions = hasInsertions
        self.hasDeletions = hasDeletions
        self.markInserted = markInserted
        self.markDeleted = markDeleted
        self.otherViewText = otherViewText
    }

    public var isEmpty: Bool { !hasInsertions && !hasDeletions && !markInserted && !markDeleted }
}

/// A reference to a footnote or endnote from body text.
public struct NoteReference: Sendable, Hashable, Codable {
    public var kind: NoteKind
    public var id: String
    public init(kind: NoteKind, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// A text box (`w:txbxContent`, from DrawingML or VML) with its own blocks.
public struct TextBox: Sendable, Hashable, Codable {
    public var blocks: [Block]
    public init(blocks: [Block]) { self.blocks = blocks }
    public var paragraphs: [Paragraph] { blocks.allParagraphs }
}
