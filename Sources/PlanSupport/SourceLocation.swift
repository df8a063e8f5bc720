/// Where a block came from, so every diagnostic and record can point back into the draft.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The package part, e.g. "word/document.xml" or "word/footnotes.xml".
    public var part: String
    /// Ordinal of the paragraph among all paragraphs of the part in reading order
    /// (table cells and text boxes included), from 0; nil for a table.
    public var paragraphIndex: Int?
    /// A readable path inside the part, e.g. "body/p[12]", "body/tbl[2]/tr[3]/tc[1]/p[0]".
    public var path: String

    public init(part: String, paragraphIndex: Int? = nil, path: String) {
        self.part = part
        self.paragraphIndex = paragraphIndex
        self.path = path
    }
}
