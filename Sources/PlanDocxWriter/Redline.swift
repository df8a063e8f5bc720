import OOXML
import PlanSupport
import Foundation

/// The redline of two renderings of the body: the new document's blocks, with what differs from
/// the old one as Word tracked changes (`w:ins`/`w:del` with one author and date).
///
/// Works on the markup the writer itself generates (`BodyContext`), never on arbitrary
/// WordprocessingML: top-level blocks are `<w:p>…</w:p>`, `<w:p/>` and `<w:tbl>…</w:tbl>`;
/// runs are `<w:r>…</w:r>` without nested runs; cells hold paragraphs only.
///
/// Blocks are aligned by a Myers diff of their markup without the parts that shift when
/// something is inserted before them (bookmarks, comment anchors, note references). In a run of
/// differences, an old block is paired with the next similar new one (tables with tables,
/// paragraphs sharing at least half their text as common start and end): a paired
/// paragraph keeps the new paragraph's properties and holds the old runs deleted then the new runs
/// inserted; a paired table keeps the new table and diffs its rows (a changed row of the same
/// cells: its changed cells hold the old paragraphs deleted and the new ones inserted). Unpaired
/// old blocks are deleted where they stood (their paragraph marks too), unpaired new blocks
/// inserted. The accepted view is the new body, the rejected view the old one.
struct Redline {
    let author: String
    let date: String
    /// Revision ids, above the comment and bookmark ids the writer uses.
    private var nextId = 100_000

    init(author: String, date: String) {
        self.author = author
        self.date = date
    }

    private mutating func attributes() -> String {
        defer { nextId += 1 }
        return "w:id=\"\(nextId)\" w:author=\"\(XMLEscape.attribute(author))\" w:date=\"\(XMLEscape.attribute(date))\""
    }

    // MARK: - Body

    /// The redline of the old body markup against the new one. `lastInBody`: the new markup ends
    /// the body (its last paragraph mark is never marked: Word keeps the final mark).
    mutating func body(old: String, new: String) -> String {
        let oldBlocks = Self.blocks(old).map { Self.strip($0) }
        let newBlocks = Self.blocks(new)
        let newKeys = newBlocks.map { Self.key($0) }
        var out = ""
        var deleted: [String] = []
        var inserted: [String] = []
        func flush() {
            out += replace(deleted, inserted)
            deleted.removeAll()
            inserted.removeAll()
        }
        for op in Self.diff(oldBlocks.map { Self.key($0) }, newKeys) {
            switch op {
            case .equal(_, let j):
                flush()
                out += newBlocks[j]
            case .delete(let i): deleted.append(oldBlocks[i])
            case .insert(let j): inserted.append(newBlocks[j])
            }
        }
        flush()
        return out
    }

    /// A run of differences: old blocks (stripped) replaced by new ones.
    private mutating func replace(_ old: [String], _ new: [String]) -> String {
        var out = ""
        var i = 0
        var j = 0
        func delete(_ block: String) -> String {
            Self.isTable(block) ? wholeTable(block, inserted: false) : paragraph(block, inserted: false)
        }
        func insert(_ block: String) -> String {
            Self.isTable(block) ? wholeTable(block, inserted: true) : paragraph(block, inserted: true)
        }
        // Each old block is paired with the next similar new block (the ones before it are
        // inserted), else deleted where it stood.
        while i < old.count, j < new.count {
            // (A bounded look-ahead: a long run of differences stays linear.)
            guard let match = (j..<min(new.count, j + 64)).first(where: { Self.similar(old[i], new[$0]) }) else {
                out += delete(old[i])
                i += 1
                continue
            }
            for block in new[j..<match] { out += insert(block) }
            out += Self.isTable(old[i]) ? table(old: old[i], new: new[match]) : changedParagraph(old: old[i], new: new[match])
            i += 1
            j = match + 1
        }
        for block in old[i...] { out += delete(block) }
        for block in new[j...] { out += insert(block) }
        return out
    }

    /// Two blocks shown as one changed block: two tables, or two paragraphs whose texts share
    /// at least half of the longer one as a common start and end.
    static func similar(_ a: String, _ b: String) -> Bool {
        guard isTable(a) == isTable(b) else { return false }
        if isTable(a) { return true }
        let x = Array(plainText(a))
        let y = Array(plainText(b))
        var prefix = 0
        while prefix < x.count, prefix < y.count, x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < x.count - prefix, suffix < y.count - prefix, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
        return 2 * (prefix + suffix) >= max(x.count, y.count)
    }

    /// The text of a block's `w:t` elements (escaped as written).
    static func plainText(_ block: String) -> String {
        var out = ""
        var rest = Substring(block)
        while let open = rest.range(of: "<w:t") {
            rest = rest[open.upperBound...]
            guard rest.first == ">" || rest.first == " ", let close = rest.range(of: ">") else { continue }
            let text = rest[close.upperBound...]
            guard let end = text.range(of: "<") else { break }
            out += text[..<end.lowerBound]
            rest = text[end.lowerBound...]
        }
        return out
    }

    // MARK: - Paragraphs

    /// A paragraph wholly inserted or deleted: its runs and its mark.
    private mutating func paragraph(_ block: String, inserted: Bool, markMark: Bool = true) -> String {
        let (pPr, content) = Self.paragraphParts(block)
        var properties = pPr
        if markMark { properties = mark(pPr, inserted: inserted) }
        return "<w:p>" + properties + runs(content, inserted: inserted) + "</w:p>"
    }

    /// The old paragraph's runs deleted, then the new paragraph's inserted, with the new
    /// paragraph's properties.
    private mutating func changedParagraph(old: String, new: String) -> String {
        let (_, oldContent) = Self.paragraphParts(old)
        let (pPr, newContent) = Self.paragraphParts(new)
        if let fine = finer(old: oldContent, new: newContent) { return "<w:p>" + pPr + fine + "</w:p>" }
        return "<w:p>" + pPr + runs(oldContent, inserted: false) + runs(newContent, inserted: true) + "</w:p>"
    }

    /// A simple run: its properties (inner markup) and its text, when it is one `w:t`.
    private static func simpleRun(_ run: Substring) -> (rPr: String, text: String)? {
        var inner = run.dropFirst("<w:r>".count).dropLast("</w:r>".count)
        var rPr = ""
        if inner.hasPrefix("<w:rPr>"), let end = inner.range(of: "</w:rPr>") {
            rPr = String(inner[..<end.upperBound])
            inner = inner[end.upperBound...]
        }
        let open =
            inner.hasPrefix("<w:t>") ? "<w:t>" : inner.hasPrefix("<w:t xml:space=\"preserve\">") ? "<w:t xml:space=\"preserve\">" : nil
        guard let open, inner.hasSuffix("</w:t>") else { return nil }
        let text = inner.dropFirst(open.count).dropLast("</w:t>".count)
        guard !text.contains("<") else { return nil }
        return (rPr, unescape(String(text)))
    }

    /// The text of `w:t` markup (the five entities the writer's escaping produces).
    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Content split into runs and the markup between them.
    private static func segments(_ content: String) -> [(run: Bool, markup: Substring)] {
        var out: [(Bool, Substring)] = []
        var rest = Substring(content)
        while let start = rest.range(of: "<w:r>"), let end = rest.range(of: "</w:r>", range: start.upperBound..<rest.endIndex) {
            if start.lowerBound > rest.startIndex { out.append((false, rest[..<start.lowerBound])) }
            // A note or comment reference is an anchor, not text.
            let run = rest[start.lowerBound..<end.upperBound]
            out.append((!run.contains("<w:commentReference ") && !run.contains("<w:footnoteReference "), run))
            rest = rest[end.upperBound...]
        }
        if !rest.isEmpty { out.append((false, rest)) }
        return out
    }

    /// The run-level redline of two paragraphs with the same simple runs (same properties, one
    /// text each): each changed run as its common start, the old middle deleted, the new middle
    /// inserted, its common end (figures changed whole). Nil when the runs do not correspond.
    private mutating func finer(old: String, new: String) -> String? {
        let oldRuns = Self.segments(old).filter(\.run).map { Self.simpleRun($0.markup) }
        let newSegments = Self.segments(new)
        let newRuns = newSegments.filter(\.run).map { Self.simpleRun($0.markup) }
        guard oldRuns.count == newRuns.count, !oldRuns.isEmpty,
            zip(oldRuns, newRuns).allSatisfy({ $0 != nil && $1 != nil && $0!.rPr == $1!.rPr })
        else { return nil }
        var out = ""
        var index = 0
        for segment in newSegments {
            guard segment.run else {
                out += segment.markup
                continue
            }
            let (rPr, newText) = newRuns[index]!
            let oldText = oldRuns[index]!.text
            index += 1
            if oldText == newText {
                out += segment.markup
                continue
            }
            let a = Array(oldText)
            let b = Array(newText)
            var prefix = 0
            while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
            // A figure changes whole: "8000" → "9000", not "8" → "9".
            func figure(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == ".") }
            while prefix > 0, figure(b[prefix - 1]), (prefix < b.count && figure(b[prefix])) || (prefix < a.count && figure(a[prefix])) {
                prefix -= 1
            }
            while suffix > 0, figure(b[b.count - suffix]),
                (b.count - suffix - 1 >= prefix && figure(b[b.count - suffix - 1]))
                    || (a.count - suffix - 1 >= prefix && figure(a[a.count - suffix - 1]))
            {
                suffix -= 1
            }
            func run(_ text: ArraySlice<Character>, tag: String = "w:t") -> String {
                "<w:r>\(rPr)<\(tag) xml:space=\"preserve\">\(XMLEscape.text(String(text)))</\(tag)></w:r>"
            }
            if prefix > 0 { out += run(b[..<prefix]) }
            if a.count - suffix > prefix {
                out += "<w:del \(attributes())>" + run(a[prefix..<(a.count - suffix)], tag: "w:delText") + "</w:del>"
            }
            if b.count - suffix > prefix { out += "<w:ins \(attributes())>" + run(b[prefix..<(b.count - suffix)]) + "</w:ins>" }
            if suffix > 0 { out += run(b[(b.count - suffix)...]) }
        }
        return out
    }

    /// `pPr` (possibly empty) with its paragraph mark inserted or deleted.
    private mutating func mark(_ pPr: String, inserted: Bool) -> String {
        let revision = "<w:\(inserted ? "ins" : "del") \(attributes())/>"
        if pPr.isEmpty { return "<w:pPr><w:rPr>\(revision)</w:rPr></w:pPr>" }
        if let rPr = pPr.range(of: "<w:rPr>") {
            // The mark's revision comes first in CT_ParaRPr.
            return String(pPr[..<rPr.upperBound]) + revision + String(pPr[rPr.upperBound...])
        }
        if pPr == "<w:pPr/>" { return "<w:pPr><w:rPr>\(revision)</w:rPr></w:pPr>" }
        // rPr follows every other paragraph property the writer uses.
        return String(pPr.dropLast("</w:pPr>".count)) + "<w:rPr>\(revision)</w:rPr></w:pPr>"
    }

    /// Every `<w:r>` of `content` wrapped in `w:ins`, or in `w:del` with its text as `w:delText`.
    /// Other markup (comment ranges, bookmarks) is kept between the runs.
    private mutating func runs(_ content: String, inserted: Bool) -> String {
        var out = ""
        var rest = Substring(content)
        var keep = 0
        while let start = rest.range(of: "<w:r>") {
            out += rest[..<start.lowerBound]
            guard let end = rest.range(of: "</w:r>", range: start.upperBound..<rest.endIndex) else { break }
            var run = String(rest[start.lowerBound..<end.upperBound])
            // The table of contents' own field (begin, instruction, separator; its end after the
            // last entry) stays outside the revisions, so that it survives either view: the new
            // document's is kept as it is, the old one's left out (one field, not two).
            if run.contains("w:fldCharType=\"begin\" w:dirty=\"true\"") { keep = 3 }
            if keep > 0 || (out.hasSuffix("</w:hyperlink>") && run.contains("w:fldCharType=\"end\"")) {
                keep = max(0, keep - 1)
                if inserted { out += run }
                rest = rest[end.upperBound...]
                continue
            }
            if inserted {
                out += "<w:ins \(attributes())>" + run + "</w:ins>"
            } else {
                run = run.replacingOccurrences(of: "<w:t>", with: "<w:delText>")
                    .replacingOccurrences(of: "<w:t ", with: "<w:delText ")
                    .replacingOccurrences(of: "</w:t>", with: "</w:delText>")
                    .replacingOccurrences(of: "<w:instrText", with: "<w:delInstrText")
                    .replacingOccurrences(of: "</w:instrText>", with: "</w:delInstrText>")
                out += "<w:del \(attributes())>" + run + "</w:del>"
            }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    // MARK: - Tables

    /// A table wholly inserted or deleted: every row marked, every run wrapped.
    private mutating func wholeTable(_ block: String, inserted: Bool) -> String {
        let (head, rows) = Self.tableParts(block)
        var out = head
        for row in rows { out += self.row(row, inserted: inserted) }
        return out + "</w:tbl>"
    }

    /// A row inserted or deleted: `w:trPr/w:ins|del`, its cells' runs wrapped.
    private mutating func row(_ row: String, inserted: Bool) -> String {
        let revision = "<w:\(inserted ? "ins" : "del") \(attributes())/>"
        var body = String(row.dropFirst("<w:tr>".count).dropLast("</w:tr>".count))
        if body.hasPrefix("<w:trPr>"), let end = body.range(of: "</w:trPr>") {
            body.insert(contentsOf: revision, at: end.lowerBound)
        } else {
            body = "<w:trPr>\(revision)</w:trPr>" + body
        }
        // Only the runs: the row's revision carries its cells' paragraph marks.
        var out = ""
        var rest = Substring(body)
        while let start = rest.range(of: "<w:p>") {
            out += rest[..<start.lowerBound]
            guard let end = rest.range(of: "</w:p>", range: start.upperBound..<rest.endIndex) else { break }
            out += paragraph(String(rest[start.lowerBound..<end.upperBound]), inserted: inserted, markMark: false)
            rest = rest[end.upperBound...]
        }
        return "<w:tr>" + out + rest + "</w:tr>"
    }

    /// The new table, its rows aligned with the old table's.
    private mutating func table(old: String, new: String) -> String {
        let (_, oldRows) = Self.tableParts(old)
        let (head, newRows) = Self.tableParts(new)
        var out = head
        var deleted: [String] = []
        var inserted: [String] = []
        func flush() {
            var k = 0
            while k < deleted.count, k < inserted.count, Self.cells(deleted[k]).count == Self.cells(inserted[k]).count {
                out += changedRow(old: deleted[k], new: inserted[k])
                k += 1
            }
            for row in deleted[k...] { out += self.row(row, inserted: false) }
            for row in inserted[k...] { out += self.row(row, inserted: true) }
            deleted.removeAll()
            inserted.removeAll()
        }
        for op in Self.diff(oldRows.map { Self.rowKey($0) }, newRows.map { Self.rowKey($0) }) {
            switch op {
            case .equal(_, let j):
                flush()
                out += newRows[j]
            case .delete(let i): deleted.append(oldRows[i])
            case .insert(let j): inserted.append(newRows[j])
            }
        }
        flush()
        return out + "</w:tbl>"
    }

    /// A row of the same cells: unchanged cells as they are, changed ones with the old
    /// paragraphs deleted and the new inserted (paired in order, as for the body).
    private mutating func changedRow(old: String, new: String) -> String {
        let oldCells = Self.cells(old)
        let newCells = Self.cells(new)
        guard let firstCell = new.range(of: "<w:tc>") else { return new }
        var out = String(new[..<firstCell.lowerBound])
        for (oldCell, newCell) in zip(oldCells, newCells) {
            if Self.cellParts(Self.key(newCell)).paragraphs == Self.cellParts(Self.key(oldCell)).paragraphs {
                out += newCell
                continue
            }
            let (tcPr, newParagraphs) = Self.cellParts(newCell)
            let (_, oldParagraphs) = Self.cellParts(oldCell)
            out += "<w:tc>" + tcPr
            var k = 0
            while k < oldParagraphs.count, k < newParagraphs.count {
                out += changedParagraph(old: oldParagraphs[k], new: newParagraphs[k])
                k += 1
            }
            for p in oldParagraphs[k...] { out += paragraph(p, inserted: false) }
            for p in newParagraphs[k...] { out += paragraph(p, inserted: true) }
            out += "</w:tc>"
        }
        return out + "</w:tr>"
    }

    // MARK: - Markup

    /// The top-level blocks of body markup.
    static func blocks(_ xml: String) -> [String] {
        // Tags are found on the UTF-8 bytes by offset: Foundation's `range(of:)` on a Substring
        // of the whole body copied the rest of the body on every call (quadratic in the
        // blocks). The tags are ASCII and, in the writer's markup, always start after a tag's
        // `>` and end before the next `<`: a byte match is the match a Character search finds.
        let bytes = Array(xml.utf8)
        let n = bytes.count
        let emptyParagraph = Array("<w:p/>".utf8)
        let paragraphEnd = Array("</w:p>".utf8)
        let tableStart = Array("<w:tbl>".utf8)
        let tableEnd = Array("</w:tbl>".utf8)
        func matches(_ tag: [UInt8], at k: Int) -> Bool { Self.matches(bytes, tag, at: k) }
        func find(_ tag: [UInt8], from: Int, to: Int) -> Int? { Self.find(bytes, tag, from: from, to: to) }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var blocks: [String] = []
        var position = 0
        while position < n {
            if matches(emptyParagraph, at: position) {
                blocks.append("<w:p/>")
                position += emptyParagraph.count
            } else if matches(tableStart, at: position) {
                // Tables may nest: count them.
                var depth = 0
                var cursor = position
                while true {
                    guard let close = find(tableEnd, from: cursor, to: n) else {
                        blocks.append(text(position..<n))
                        return blocks
                    }
                    // A nested table opens before the next end tag (the two tags cannot overlap).
                    if let open = find(tableStart, from: cursor, to: close) {
                        depth += 1
                        cursor = open + tableStart.count
                    } else {
                        depth -= 1
                        cursor = close + tableEnd.count
                        if depth == 0 { break }
                    }
                }
                blocks.append(text(position..<cursor))
                position = cursor
            } else if let end = find(paragraphEnd, from: position, to: n) {
                blocks.append(text(position..<(end + paragraphEnd.count)))
                position = end + paragraphEnd.count
            } else {
                blocks.append(text(position..<n))
                break
            }
        }
        return blocks
    }

    /// Whether `tag` stands in `bytes` at offset `k`.
    static func matches(_ bytes: [UInt8], _ tag: [UInt8], at k: Int) -> Bool {
        guard k >= 0, k + tag.count <= bytes.count else { return false }
        for j in 0..<tag.count where bytes[k + j] != tag[j] { return false }
        return true
    }

    /// The offset of the first `tag` (not empty) lying wholly in `from..<to` of `bytes`.
    static func find(_ bytes: [UInt8], _ tag: [UInt8], from: Int, to: Int) -> Int? {
        var k = from
        while k + tag.count <= to {
            if bytes[k] == tag[0], matches(bytes, tag, at: k) { return k }
            k += 1
        }
        return nil
    }

    /// The key blocks are aligned by: the stripped markup, bookmark names ("_Toc00000012", which
    /// shift with the headings before) left out.
    static func key(_ block: String) -> String {
        // The table of contents' field ends after its last entry, whichever it is.
        var bytes = UTF8Search.replacing(
            Bytes.strip(Array(block.utf8)), Bytes.tocFieldEnd, with: Bytes.hyperlinkEnd)
        if UTF8Search.find(bytes, Bytes.toc, from: 0) != nil {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var at = 0
            while let found = UTF8Search.find(bytes, Bytes.toc, from: at) {
                let after = found + Bytes.toc.count
                out.append(contentsOf: bytes[at..<after])
                at = after
                while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 { at += 1 }
            }
            out.append(contentsOf: bytes[at...])
            bytes = out
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isTable(_ block: String) -> Bool { block.hasPrefix("<w:tbl>") }

    /// The markup without what shifts when blocks are inserted before it: bookmarks, comment
    /// ranges and references, note references.
    static func strip(_ block: String) -> String {
        String(decoding: Bytes.strip(Array(block.utf8)), as: UTF8.self)
    }

    /// `key` and `strip` on the UTF-8 bytes: every pattern is ASCII, and UTF-8 is
    /// self-synchronizing, so a byte match is a match of the same characters (Foundation's
    /// `range(of:)` on a String took 40 % of a rebuild that writes a redline).
    enum Bytes {
        static let toc = Array("_Toc".utf8)
        static let tocFieldEnd = Array("</w:hyperlink><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>".utf8)
        static let hyperlinkEnd = Array("</w:hyperlink>".utf8)
        static let open = Array("<w:".utf8)
        static let emptyEnd = Array("/>".utf8)
        static let runStart = Array("<w:r>".utf8)
        static let runEnd = Array("</w:r>".utf8)
        static let commentReference = Array("<w:commentReference ".utf8)
        static let footnoteReference = Array("<w:footnoteReference ".utf8)
        static let skippedEmpty = ["<w:bookmarkStart ", "<w:bookmarkEnd ", "<w:commentRangeStart ", "<w:commentRangeEnd "].map {
            Array($0.utf8)
        }
        static let shifting = ["<w:bookmark", "<w:comment", "<w:footnoteReference"].map { Array($0.utf8) }

        static func hasPrefix(_ hay: [UInt8], _ pattern: [UInt8], at: Int) -> Bool {
            hay.count - at >= pattern.count && hay[at..<(at + pattern.count)].elementsEqual(pattern)
        }

        /// The markup without bookmarks, comment ranges, and runs holding a comment or note
        /// reference (what shifts when blocks are inserted before it).
        static func strip(_ block: [UInt8]) -> [UInt8] {
            guard shifting.contains(where: { UTF8Search.find(block, $0, from: 0) != nil }) else { return block }
            var out: [UInt8] = []
            out.reserveCapacity(block.count)
            var at = 0
            while let start = UTF8Search.find(block, open, from: at) {
                out.append(contentsOf: block[at..<start])
                if skippedEmpty.contains(where: { hasPrefix(block, $0, at: start) }),
                    let end = UTF8Search.find(block, emptyEnd, from: start)
                {
                    at = end + emptyEnd.count
                } else if hasPrefix(block, runStart, at: start), let end = UTF8Search.find(block, runEnd, from: start),
                    UTF8Search.find(block, commentReference, from: start, before: end) != nil
                        || UTF8Search.find(block, footnoteReference, from: start, before: end) != nil
                {
                    at = end + runEnd.count
                } else {
                    out.append(contentsOf: open)
                    at = start + open.count
                }
            }
            out.append(contentsOf: block[at...])
            return out
        }
    }

    /// A paragraph's `w:pPr` (or "") and the rest of its content.
    static func paragraphParts(_ block: String) -> (pPr: String, content: String) {
        if block == "<w:p/>" { return ("", "") }
        let inner = block.dropFirst("<w:p>".count).dropLast("</w:p>".count)
        if inner.hasPrefix("<w:pPr/>") { return ("", String(inner.dropFirst("<w:pPr/>".count))) }
        if inner.hasPrefix("<w:pPr>"), let end = inner.range(of: "</w:pPr>") {
            return (String(inner[..<end.upperBound]), String(inner[end.upperBound...]))
        }
        return ("", String(inner))
    }

    /// A table's opening (up to its first row) and its rows.
    static func tableParts(_ block: String) -> (head: String, rows: [String]) {
        // On the UTF-8 bytes by offset, as `blocks` (a `range(of:)` on the rest of a long table
        // per row was quadratic in its rows).
        let bytes = Array(block.utf8)
        let rowStart = Array("<w:tr>".utf8)
        let rowEnd = Array("</w:tr>".utf8)
        guard let first = find(bytes, rowStart, from: 0, to: bytes.count) else {
            return (String(block.dropLast("</w:tbl>".count)), [])
        }
        let head = String(decoding: bytes[..<first], as: UTF8.self)
        var rows: [String] = []
        var position = first
        while matches(bytes, rowStart, at: position), let end = find(bytes, rowEnd, from: position, to: bytes.count) {
            rows.append(String(decoding: bytes[position..<(end + rowEnd.count)], as: UTF8.self))
            position = end + rowEnd.count
        }
        return (head, rows)
    }

    /// The key rows are aligned by: their cells' paragraphs, not the cells' widths (which follow
    /// the longest text of a column).
    static func rowKey(_ row: String) -> String {
        cells(key(row)).map { cellParts($0).paragraphs.joined() }.joined(separator: "\u{1}")
    }

    /// A row's cells.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var rest = Substring(row)
        while let start = rest.range(of: "<w:tc>"), let end = rest.range(of: "</w:tc>", range: start.upperBound..<rest.endIndex) {
            cells.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return cells
    }

    /// A cell's `w:tcPr` (or "") and its paragraphs.
    static func cellParts(_ cell: String) -> (tcPr: String, paragraphs: [String]) {
        var inner = cell.dropFirst("<w:tc>".count).dropLast("</w:tc>".count)
        var tcPr = ""
        if inner.hasPrefix("<w:tcPr>"), let end = inner.range(of: "</w:tcPr>") {
            tcPr = String(inner[..<end.upperBound])
            inner = inner[end.upperBound...]
        }
        return (tcPr, blocks(String(inner)))
    }

    // MARK: - Diff

    enum Operation: Equatable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// A shortest edit script from `a` to `b` (Myers), deterministic: deletions before insertions
    /// in a run of differences. Past `maxDifferences`, everything between the common prefix and
    /// suffix is deleted and inserted.
    static func diff(_ a: [String], _ b: [String], maxDifferences: Int = 4000) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x0 = Array(a[prefix..<(a.count - suffix)])
        let y0 = Array(b[prefix..<(b.count - suffix)])
        // Compare small integers, not strings.
        var ids: [String: Int] = [:]
        func id(_ s: String) -> Int {
            if let known = ids[s] { return known }
            let next = ids.count
            ids[s] = next
            return next
        }
        let x = x0.map(id)
        let y = y0.map(id)
        var ops: [Operation] = (0..<prefix).map { .equal($0, $0) }
        var middle =
            myers(x, y, maxDifferences: maxDifferences)
            ?? (x.indices.map { .delete($0) } + y.indices.map { .insert($0) })
        middle = middle.map {
            switch $0 {
            case .equal(let i, let j): .equal(i + prefix, j + prefix)
            case .delete(let i): .delete(i + prefix)
            case .insert(let j): .insert(j + prefix)
            }
        }
        ops += middle
        ops += (0..<suffix).map { .equal(a.count - suffix + $0, b.count - suffix + $0) }
        return ops
    }

    private static func myers(_ a: [Int], _ b: [Int], maxDifferences: Int) -> [Operation]? {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return a.indices.map { .delete($0) } + b.indices.map { .insert($0) } }
        let limit = min(n + m, maxDifferences)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found: Int?
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    found = d
                    break search
                }
            }
        }
        guard let total = found else { return nil }
        // Back from (n, m): each step d came from diagonal k±1 of the step before.
        var ops: [Operation] = []
        var x = n
        var y = m
        for d in stride(from: total, to: 0, by: -1) {
            let snapshot = trace[d]  // values after step d - 1, for k in -d...d
            func at(_ k: Int) -> Int { snapshot[k + d] }
            let k = x - y
            let down = k == -d || (k != d && at(k - 1) < at(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            let startX = down ? previousX : previousX + 1
            let startY = startX - k
            while x > startX, y > startY {
                ops.append(.equal(x - 1, y - 1))
                x -= 1
                y -= 1
            }
            ops.append(down ? .insert(previousY) : .delete(previousX))
            x = previousX
            y = previousY
        }
        while x > 0, y > 0 {
            ops.append(.equal(x - 1, y - 1))
            x -= 1
            y -= 1
        }
        ops.reverse()
        // Deletions before insertions within each run of differences.
        var ordered: [Operation] = []
        var pendingInserts: [Operation] = []
        for op in ops {
            switch op {
            case .insert: pendingInserts.append(op)
            case .delete: ordered.append(op)
            case .equal:
                ordered += pendingInserts
                pendingInserts.removeAll()
                ordered.append(op)
            }
        }
        return ordered + pendingInserts
    }
}
