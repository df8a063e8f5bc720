import OOXML

/// Where each merged item came from, as Word comments (the default: editors trace a statement to
/// its draft, then delete the comments) or footnotes, or not at all.
public enum Provenance: String, Sendable, Hashable, CaseIterable {
    /// A comment per item, author "PlanAssembler", one "来源：…" line per source.
    case comments
    /// The same lines as a footnote per item.
    case footnotes
    /// No provenance in the document.
    case none
}

/// Collects the comments or footnotes while the body is written, and writes their part.
struct ProvenanceNotes {
    static let author = "PlanAssembler"
    static let initials = "PA"

    let mode: Provenance
    /// `xsd:dateTime` of every comment: the plan's date.
    let date: String
    let styles: StyleIds
    private(set) var notes: [[String]] = []

    init(mode: Provenance, date: String, styles: StyleIds) {
        self.mode = mode
        self.date = date
        self.styles = styles
    }

    /// Registers a note with `lines` and returns the markup that goes at the start of the
    /// anchored content and the markup that goes at its end. No lines, or `.none`: nothing.
    mutating func anchor(_ lines: [String]) -> (start: String, end: String) {
        guard !lines.isEmpty else { return ("", "") }
        switch mode {
        case .none:
            return ("", "")
        case .comments:
            let id = notes.count
            notes.append(lines)
            let reference = "<w:r><w:rPr>\(W.rStyle(styles.commentReference))</w:rPr><w:commentReference w:id=\"\(id)\"/></w:r>"
            return ("<w:commentRangeStart w:id=\"\(id)\"/>", "<w:commentRangeEnd w:id=\"\(id)\"/>" + reference)
        case .footnotes:
            // Ids -1 and 0 are the separators.
            let id = notes.count + 1
            notes.append(lines)
            return ("", "<w:r><w:rPr>\(footnoteReferenceProperties)</w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>")
        }
    }

    /// The footnote reference mark: the reference's character style, or superscript.
    private var footnoteReferenceProperties: String {
        styles.footnoteReference.map { W.rStyle($0) } ?? "<w:vertAlign w:val=\"superscript\"/>"
    }

    /// `word/comments.xml`, nil unless comments were made.
    func commentsPart() -> [UInt8]? {
        guard mode == .comments, !notes.isEmpty else { return nil }
        var xml = Namespace.declaration + W.root("comments")
        for (id, lines) in notes.enumerated() {
            xml +=
                "<w:comment w:id=\"\(id)\" w:author=\"\(ProvenanceNotes.author)\" w:date=\"\(XMLEscape.attribute(date))\" w:initials=\"\(ProvenanceNotes.initials)\">"
            for (index, line) in lines.enumerated() {
                xml += "<w:p><w:pPr>\(W.pStyle(styles.commentText))</w:pPr>"
                if index == 0 { xml += "<w:r><w:rPr>\(W.rStyle(styles.commentReference))</w:rPr><w:annotationRef/></w:r>" }
                xml += W.run(line) + "</w:p>"
            }
            xml += "</w:comment>"
        }
        return Array((xml + "</w:comments>").utf8)
    }

    /// `word/footnotes.xml`, nil unless footnotes were made.
    func footnotesPart() -> [UInt8]? {
        guard mode == .footnotes, !notes.isEmpty else { return nil }
        var xml = Namespace.declaration + W.root("footnotes")
        xml +=
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
        xml +=
            "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        for (index, lines) in notes.enumerated() {
            xml += "<w:footnote w:id=\"\(index + 1)\">"
            for (n, line) in lines.enumerated() {
                xml += "<w:p><w:pPr>\(W.pStyle(styles.footnoteText))</w:pPr>"
                if n == 0 { xml += "<w:r><w:rPr>\(footnoteReferenceProperties)</w:rPr><w:footnoteRef/></w:r>" + W.run(" ") }
                xml += W.run(line) + "</w:p>"
            }
            xml += "</w:footnote>"
        }
        return Array((xml + "</w:footnotes>").utf8)
    }
}
