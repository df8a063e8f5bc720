import DocumentModel
import PlanSupport
import Foundation

/// Text renderings of a read document, for `dump` and golden tests.
public enum DocumentRendering {
    /// One body paragraph per line (label + text), tables cell by cell in reading order,
    /// text boxes after their paragraph, then footnotes and endnotes (as pandoc does).
    public static func plainText(_ document: Document) -> String {
        // Each line and its newline appended in place (no array of lines joined, then copied),
        // into storage sized once (growing it copied the text of a large draft several times).
        var out = ""
        func size(_ blocks: [Block]) -> Int {
            var n = 0
            for block in blocks {
                switch block {
                case .paragraph(let p):
                    n += p.text.utf8.count + (p.numbering.map { $0.label.utf8.count + $0.suffix.utf8.count } ?? 0) + 1
                    for box in p.textBoxes { n += size(box.blocks) }
                case .table(let t):
                    for row in t.rows { for cell in row.cells { n += size(cell.blocks) } }
                }
            }
            return n
        }
        out.reserveCapacity(size(document.body) + document.notes.reduce(0) { $0 + size($1.blocks) })
        func emit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let p):
                    out += p.displayText
                    out += "\n"
                    for box in p.textBoxes { emit(box.blocks) }
                case .table(let t):
                    for row in t.rows { for cell in row.cells { emit(cell.blocks) } }
                }
            }
        }
        emit(document.body)
        for note in document.notes { emit(note.blocks) }
        return out
    }

    /// The structure: one line per block with index, style, outline level, numbering label.
    public static func tree(_ document: Document) -> String {
        var out = "document \(document.file) view=\(document.view.rawValue)\n"
        let p = document.properties
        if let t = p.title { out += "  title: \(t)\n" }
        if let m = p.modified { out += "  modified: \(m)\n" }
        let r = document.revisions
        if r.hasUnresolvedRevisions {
            out += "  revisions: ins=\(r.insertions) del=\(r.deletions) moves=\(r.moves) format=\(r.formatChanges)\n"
        }
        func emit(_ blocks: [Block], indent: String) {
            for block in blocks {
                switch block {
                case .paragraph(let para):
                    var attrs: [String] = ["p#\(para.location.paragraphIndex ?? -1)"]
                    if let s = para.styleId { attrs.append("style=\(s)" + (para.styleName.map { "(\($0))" } ?? "")) }
                    if let l = para.outlineLevel { attrs.append("lvl=\(l)") }
                    if let n = para.numbering { attrs.append("num=\(n.numId).\(n.level)\"\(n.label)\"") }
                    if para.isBold { attrs.append("bold") }
                    if let lead = para.boldLead { attrs.append("lead=\"\(lead)\"") }
                    if !para.revisions.isEmpty {
                        var flags: [String] = []
                        if para.revisions.hasInsertions { flags.append("ins") }
                        if para.revisions.hasDeletions { flags.append("del") }
                        if para.revisions.markInserted { flags.append("mark-ins") }
                        if para.revisions.markDeleted { flags.append("mark-del") }
                        attrs.append("rev=" + flags.joined(separator: ","))
                    }
                    if !para.commentIds.isEmpty { attrs.append("comments=" + para.commentIds.joined(separator: ",")) }
                    out += indent + attrs.joined(separator: " ") + " | " + escape(para.text) + "\n"
                    for (i, box) in para.textBoxes.enumerated() {
                        out += indent + "  textbox \(i)\n"
                        emit(box.blocks, indent: indent + "    ")
                    }
                case .table(let table):
                    out += indent + "table \(table.location.path) rows=\(table.rows.count)\n"
                    for (ri, row) in table.rows.enumerated() {
                        out += indent + "  row \(ri)" + (row.isHeader ? " header" : "") + "\n"
                        for cell in row.cells {
                            var c = "    cell col=\(cell.gridColumn)"
                            if cell.gridSpan > 1 { c += " span=\(cell.gridSpan)" }
                            if let v = cell.verticalMerge { c += " vmerge=\(v.rawValue)" }
                            out += indent + c + "\n"
                            emit(cell.blocks, indent: indent + "      ")
                        }
                    }
                }
            }
        }
        emit(document.body, indent: "  ")
        for note in document.notes {
            out += "  \(note.kind.rawValue) \(note.id)\n"
            emit(note.blocks, indent: "    ")
        }
        for c in document.comments {
            out += "  comment \(c.id) by \(c.author ?? "?") on p\(c.anchorParagraphs) \"\(escape(c.anchorText))\": \(escape(c.text))\n"
        }
        for d in document.diagnostics {
            out += "  \(d.severity.rawValue) \(d.code): \(d.message)\n"
        }
        return out
    }

    /// The model as JSON with sorted keys.
    public static func json(_ document: Document) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }
}
