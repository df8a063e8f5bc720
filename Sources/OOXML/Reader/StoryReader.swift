import DocumentModel
import PlanSupport

// Reads one WordprocessingML story (the body, a note, a comment) into `Block`s.
//
// Handled (ECMA-376 Part 1 §17): w:p, w:tbl (w:tr, w:tc, gridSpan, gridBefore, vMerge,
// tblHeader, row insert/delete), w:sdt (block, row, cell, inline), w:customXml, w:smartTag,
// w:hyperlink, w:fldSimple, complex fields (w:fldChar begin/separate/end, nested, across
// paragraphs: the result is kept, w:instrText dropped), w:r with w:t, w:tab, w:ptab, w:br,
// w:cr, w:noBreakHyphen, w:softHyphen, w:sym, w:delText, w:ruby (base text), w:ins, w:del,
// w:moveFrom, w:moveTo, deleted/inserted paragraph marks, w:footnoteReference,
// w:endnoteReference, w:commentRangeStart/End, w:commentReference, mc:AlternateContent
// (first mc:Choice, else mc:Fallback), text boxes (w:txbxContent inside w:drawing, w:pict,
// w:object, in reading order after the anchoring paragraph), Office Math (m:t text),
// w:bdo, w:dir.
//
// Not interpreted (reported once per element name as `reader.skipped-element`): w:altChunk
// (imported external content), w:subDoc, and any element not listed here or in
// `ignorable`. Formatting-only elements are ignored without a diagnostic.

/// The state of reading one story: styles, numbering counters, field stack, open comments.
struct StoryReader {
    let part: String
    let view: RevisionView
    let styles: StyleSheet
    var numbering: NumberingState
    var paragraphCounter = 0
    var diagnostics: [Diagnostic] = []
    var revisions = RevisionSummary()
    /// Comment id → paragraph indexes and text it spans.
    var commentAnchors: [String: (paragraphs: [Int], text: String)] = [:]

    private var skipped: [String: (count: Int, first: SourceLocation)] = [:]
    private var openComments: [String] = []
    private var commentLimitReported = false
    private var fieldStack = FieldStack()
    private var pendingJoin: PendingParagraph?
    private var pathStack: [PathFrame] = []
    /// The last run's direct properties and paragraph style with the effective properties
    /// `styles.effectiveRun` gave for them: consecutive runs are mostly formatted alike, and
    /// that call is a function of its arguments (the style sheet does not change while a story
    /// is read; an unknown style is reported once per id, on the first call).
    private var lastRun: (direct: RunProperties, paragraphStyle: String?, effective: RunProperties)?

    /// Most comment ranges tracked at once, and most comment ids on one paragraph. Without a
    /// bound a hostile file opening thousands of ranges made every paragraph carry, and every
    /// run's text be copied into, thousands of anchors (a 13 KB file took 49 s and 360 MB).
    /// Real documents stay far below; ranges past the bound are reported once and not anchored.
    static let maxCommentRanges = 32
    /// Longest anchor text kept per comment, in UTF-8 bytes (downstream quotes its first 30
    /// characters): each run's text is copied into every open range.
    static let maxAnchorTextBytes = 64 << 10
    /// Largest `w:gridBefore` and `w:gridSpan` taken as written: Word's own limit on table
    /// columns. Hostile values (up to Int.max) overflowed the column count, and table layouts
    /// downstream visit every spanned column.
    static let maxGridSpan = 63

    init(part: String, view: RevisionView, styles: StyleSheet, numbering: NumberingState, root: String) {
        self.part = part
        self.view = view
        self.styles = styles
        self.numbering = numbering
        self.pathStack = [PathFrame(prefix: root)]
    }

    // MARK: - Block level

    /// Reads one block-level element (a child of w:body, w:tc, w:txbxContent, w:sdtContent …).
    mutating func readBlock(_ element: XMLElement, into blocks: inout [Block]) {
        if element.isIn(.w) {
            // The common case first, without making the name a String.
            if element.hasLocalName("p") {
                readParagraph(element, into: &blocks)
                return
            }
            switch element.localName {
            case "p":
                readParagraph(element, into: &blocks)
            case "tbl":
                flushPending(into: &blocks)
                blocks.append(.table(readTable(element)))
            case "sdt":
                if let content = element.child(.w, "sdtContent") {
                    for child in content.children { readBlock(child, into: &blocks) }
                }
            case "customXml", "ins", "moveTo":
                if element.localName != "customXml" { countRevision(element) }
                if element.localName == "customXml" || view == .accepted {
                    for child in element.children { readBlock(child, into: &blocks) }
                } else {
                    countOnly { reader in reader.readBlocks(element.children) }
                }
            case "del", "moveFrom":
                countRevision(element)
                if view == .rejected {
                    for child in element.children { readBlock(child, into: &blocks) }
                } else {
                    countOnly { reader in reader.readBlocks(element.children) }
                }
            case "commentRangeStart":
                if let id = element.attribute("id", .w) { _ = openComment(id) }
            case "commentRangeEnd":
                if let id = element.attribute("id", .w) { openComments.removeAll { $0 == id } }
            default:
                if !StoryReader.ignorable.contains(element.localName) { skip(element) }
            }
        } else if element.is(.mc, "AlternateContent") {
            if let chosen = StoryReader.choose(element) {
                for child in chosen.children { readBlock(child, into: &blocks) }
            }
        } else {
            skip(element)
        }
    }

    /// Emits a paragraph whose mark was deleted (accepted view) and that had no successor.
    mutating func finish(into blocks: inout [Block]) {
        flushPending(into: &blocks)
        for (name, entry) in skipped.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(
                Diagnostic(.readerSkippedElement, message: "\(name): content not read (\(entry.count)×)", location: entry.first))
        }
        skipped = [:]
    }

    // MARK: - Paragraphs

    private struct PendingParagraph {
        var paragraph: Paragraph
        var bold: BoldTally
    }

    /// Characters of visible text in bold runs, and the leading bold text.
    struct BoldTally {
        var boldCount = 0
        var total = 0
        var lead = ""
        var leadOpen = true

        mutating func add(_ text: String, bold: Bool) {
            let visible = Self.visibleScalars(text)
            guard visible > 0 else {
                if leadOpen, bold { lead += text }
                return
            }
            total += visible
            if bold { boldCount += visible }
            if leadOpen {
                if bold { lead += text } else { leadOpen = false }
            }
        }

        /// The scalars of `text` that are not White_Space (`isUnicodeWhitespace`), counted on its
        /// UTF-8 bytes: one per lead byte, less the whitespace ones, which are decoded by hand.
        static func visibleScalars(_ text: String) -> Int {
            var text = text
            return text.withUTF8 { u in
                var visible = 0
                let n = u.count
                var i = 0
                while i < n {
                    let b = u[i]
                    if b < 0x80 {
                        if !(b == 0x20 || (0x09...0x0D).contains(b)) { visible += 1 }
                        i += 1
                        continue
                    }
                    if b & 0xC0 == 0x80 { i += 1; continue }  // continuation byte
                    let b1: UInt8 = i + 1 < n ? u[i + 1] : 0
                    let b2: UInt8 = i + 2 < n ? u[i + 2] : 0
                    let space: Bool
                    switch b {
                    case 0xC2: space = b1 == 0x85 || b1 == 0xA0  // U+0085, U+00A0
                    case 0xE1: space = b1 == 0x9A && b2 == 0x80  // U+1680
                    case 0xE2:  // U+2000–200A, 2028, 2029, 202F, 205F
                        space =
                            (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF))
                            || (b1 == 0x81 && b2 == 0x9F)
                    case 0xE3: space = b1 == 0x80 && b2 == 0x80  // U+3000
                    default: space = false
                    }
                    if !space { visible += 1 }
                    // Past the lead byte's continuation bytes (a String is valid UTF-8).
                    i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                }
                return visible
            }
        }

        /// True when the first scalar of `text` is certainly not White_Space: an ASCII byte
        /// other than space and U+0009–000D, or a scalar U+4000–U+9FFF (lead byte E4–E9; the
        /// White_Space scalars above ASCII all have lead bytes C2, E1, E2 or E3). False says
        /// nothing.
        static func startsWithVisibleScalar(_ text: String) -> Bool {
            guard let b = text.utf8.first else { return false }
            if b < 0x80 { return !(b == 0x20 || (0x09...0x0D).contains(b)) }
            return b >= 0xE4 && b <= 0xE9
        }

        mutating func merge(_ other: BoldTally) {
            if leadOpen { lead += other.lead; leadOpen = other.leadOpen }
            boldCount += other.boldCount
            total += other.total
        }

        var isBold: Bool { total > 0 && boldCount * 2 > total }
        var boldLead: String? {
            guard boldCount > 0, boldCount < total else { return nil }
            let trimmed = lead.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Accumulates one paragraph's runs.
    private struct ParagraphBuilder {
        var text = ""
        var otherText = ""
        var bold = BoldTally()
        var maxSize: Int?
        var revisions = ParagraphRevisions()
        var commentIds: [String] = []
        var notes: [NoteReference] = []
        var textBoxes: [TextBox] = []
    }

    private mutating func readParagraph(_ p: XMLElement, into blocks: inout [Block]) {
        let index = paragraphCounter
        paragraphCounter += 1
        let location = SourceLocation(part: part, paragraphIndex: index, path: nextPath("p"))
        let pPr = ParagraphProperties(p.child(.w, "pPr"))
        if let pPrElement = p.child(.w, "pPr") { countPropertyChanges(pPrElement) }
        let style = styles.resolveParagraph(styleId: pPr.styleId)

        var b = ParagraphBuilder()
        for id in openComments { b.commentIds.append(id) }
        if let markRPr = p.child(.w, "pPr")?.child(.w, "rPr") {
            if markRPr.child(.w, "ins") != nil || markRPr.child(.w, "moveTo") != nil {
                b.revisions.markInserted = true
                revisions.insertions += 1
            }
            if markRPr.child(.w, "del") != nil || markRPr.child(.w, "moveFrom") != nil {
                b.revisions.markDeleted = true
                revisions.deletions += 1
            }
        }
        readInline(children: p, paragraphStyle: style.styleId, state: .normal, builder: &b)

        // Numbering: direct numPr wins over the style's; numId 0 removes it.
        var label: NumberingLabel?
        let numId = pPr.numId ?? style.numId
        if let numId, numId != 0 {
            let ilvl = pPr.ilvl ?? (pPr.numId != nil ? 0 : style.ilvl ?? 0)
            label = numbering.label(numId: numId, ilvl: ilvl)
        }

        var outline = style.outlineLevel
        if let direct = pPr.outlineLevel { outline = direct < 9 ? direct : nil }

        // In place, and against the last index only (a paragraph's loop is the only one that
        // appends its index): copying the anchor out and searching it made this quadratic.
        for id in b.commentIds where commentAnchors[id]?.paragraphs.last != index {
            commentAnchors[id, default: (paragraphs: [], text: "")].paragraphs.append(index)
        }

        var paragraph = Paragraph(
            location: location, styleId: style.styleId, styleName: style.name, outlineLevel: outline,
            numbering: label, isBold: false, alignment: pPr.justification ?? style.justification,
            fontSizeHalfPoints: b.maxSize, text: b.text, revisions: b.revisions,
            commentIds: b.commentIds, noteReferences: b.notes, textBoxes: b.textBoxes)
        if !b.otherText.isEmpty { paragraph.revisions.otherViewText = b.otherText }
        var tally = b.bold

        // A paragraph mark removed in this view joins the paragraph to the next one; whether
        // this one joins on depends on its own mark, not on the paragraphs joined into it.
        let joinsNext = view == .accepted ? paragraph.revisions.markDeleted : paragraph.revisions.markInserted
        if var pending = pendingJoin {
            pendingJoin = nil  // first, so that the pending text is uniquely held and grows in place
            paragraph = StoryReader.join(&pending.paragraph, paragraph)
            pending.bold.merge(tally)
            tally = pending.bold
        }
        if joinsNext {
            pendingJoin = PendingParagraph(paragraph: paragraph, bold: tally)
            return
        }
        paragraph.isBold = tally.isBold
        paragraph.boldLead = tally.boldLead
        blocks.append(.paragraph(paragraph))
    }

    private mutating func flushPending(into blocks: inout [Block]) {
        guard var pending = pendingJoin else { return }
        pendingJoin = nil
        pending.paragraph.isBold = pending.bold.isBold
        pending.paragraph.boldLead = pending.bold.boldLead
        blocks.append(.paragraph(pending.paragraph))
    }

    /// The first paragraph's text and annotations joined to the second, which keeps its own
    /// properties (its mark survives) and the first one's location. `first` is consumed: its
    /// text and lists are moved into the result and extended there, so a chain of thousands of
    /// joined paragraphs costs linear time, not quadratic (each join used to copy everything
    /// joined so far).
    private static func join(_ first: inout Paragraph, _ second: Paragraph) -> Paragraph {
        var merged = second
        merged.location = first.location
        merged.text = moved(&first.text, appending: second.text)
        let newIds = second.commentIds.filter { !first.commentIds.contains($0) }
        merged.commentIds = moved(&first.commentIds, appending: newIds)
        if merged.commentIds.count > maxCommentRanges { merged.commentIds.removeLast(merged.commentIds.count - maxCommentRanges) }
        merged.noteReferences = moved(&first.noteReferences, appending: second.noteReferences)
        merged.textBoxes = moved(&first.textBoxes, appending: second.textBoxes)
        merged.revisions.hasInsertions = first.revisions.hasInsertions || second.revisions.hasInsertions
        merged.revisions.hasDeletions = first.revisions.hasDeletions || second.revisions.hasDeletions
        merged.revisions.markDeleted = first.revisions.markDeleted || second.revisions.markDeleted
        merged.revisions.markInserted = first.revisions.markInserted || second.revisions.markInserted
        var other = first.revisions.otherViewText ?? ""
        first.revisions.otherViewText = nil
        other += second.revisions.otherViewText ?? ""
        merged.revisions.otherViewText = other.isEmpty ? nil : other
        if merged.fontSizeHalfPoints == nil { merged.fontSizeHalfPoints = first.fontSizeHalfPoints }
        return merged
    }

    /// `head` followed by `tail`, built in `head`'s storage (left empty): no copy of `head`.
    private static func moved<C: RangeReplaceableCollection>(_ head: inout C, appending tail: C) -> C {
        var out = C()
        swap(&out, &head)
        out.append(contentsOf: tail)
        return out
    }

    // MARK: - Inline level

    /// Whether the content being read is shown in the current view.
    private enum InlineState { case normal, hidden }

    private mutating func readInline(
        children parent: XMLElement, paragraphStyle: String?, state: InlineState, builder b: inout ParagraphBuilder
    ) {
        for element in parent.children {
            readInlineElement(element, paragraphStyle: paragraphStyle, state: state, builder: &b)
        }
    }

    private mutating func readInlineElement(
        _ element: XMLElement, paragraphStyle: String?, state: InlineState, builder b: inout ParagraphBuilder
    ) {
        if element.isIn(.w) {
            if element.hasLocalName("r") {
                readRun(element, paragraphStyle: paragraphStyle, state: state, builder: &b)
                return
            }
            switch element.localName {
            case "r":
                readRun(element, paragraphStyle: paragraphStyle, state: state, builder: &b)
            case "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo":
                readInline(children: element, paragraphStyle: paragraphStyle, state: state, builder: &b)
            case "sdt":
                if let content = element.child(.w, "sdtContent") {
                    readInline(children: content, paragraphStyle: paragraphStyle, state: state, builder: &b)
                }
            case "ins", "moveTo":
                countRevision(element)
                b.revisions.hasInsertions = true
                let shown: InlineState = view == .accepted ? state : .hidden
                readInline(children: element, paragraphStyle: paragraphStyle, state: shown, builder: &b)
            case "del", "moveFrom":
                countRevision(element)
                b.revisions.hasDeletions = true
                let shown: InlineState = view == .rejected ? state : .hidden
                readInline(children: element, paragraphStyle: paragraphStyle, state: shown, builder: &b)
            case "commentRangeStart":
                if let id = element.attribute("id", .w), openComment(id),
                    b.commentIds.count < StoryReader.maxCommentRanges, !b.commentIds.contains(id)
                {
                    b.commentIds.append(id)
                }
            case "commentRangeEnd":
                if let id = element.attribute("id", .w) { openComments.removeAll { $0 == id } }
            case "pPr":
                break
            default:
                if !StoryReader.ignorable.contains(element.localName) { skip(element) }
            }
        } else if element.is(.mc, "AlternateContent") {
            if let chosen = StoryReader.choose(element) {
                readInline(children: chosen, paragraphStyle: paragraphStyle, state: state, builder: &b)
            }
        } else if element.isIn(.m) {
            // Office Math: oMath / oMathPara hold m:r/m:t; keep the text.
            let text = StoryReader.mathText(element)
            if !text.isEmpty { emit(text, bold: false, size: nil, state: state, builder: &b) }
        } else {
            skip(element)
        }
    }

    private mutating func readRun(
        _ run: XMLElement, paragraphStyle: String?, state: InlineState, builder b: inout ParagraphBuilder
    ) {
        let rPrElement = run.child(.w, "rPr")
        if let rPrElement { countPropertyChanges(rPrElement) }
        let direct = RunProperties(rPrElement)
        let effective: RunProperties
        if let last = lastRun, last.direct == direct, last.paragraphStyle == paragraphStyle {
            effective = last.effective
        } else {
            effective = styles.effectiveRun(direct: direct, paragraphStyleId: paragraphStyle)
            lastRun = (direct, paragraphStyle, effective)
        }
        let bold = effective.bold ?? false
        let size = effective.sizeHalfPoints
        for child in run.children {
            if child.isIn(.w) {
                // The common cases first, without making the name a String.
                if child.hasLocalName("t") {
                    emit(child.directText, bold: bold, size: size, state: state, builder: &b)
                    continue
                }
                if child.hasLocalName("rPr") { continue }
                switch child.localName {
                case "t":
                    emit(child.directText, bold: bold, size: size, state: state, builder: &b)
                case "delText":
                    // Deleted text: shown only in the rejected view (it sits inside w:del).
                    emit(child.directText, bold: bold, size: size, state: view == .rejected ? state : .hidden, builder: &b)
                case "tab", "ptab":
                    emit("\t", bold: bold, size: nil, state: state, builder: &b)
                case "br":
                    let type = child.attribute("type", .w)
                    if type == nil || type == "textWrapping" { emit("\n", bold: bold, size: nil, state: state, builder: &b) }
                case "cr":
                    emit("\n", bold: bold, size: nil, state: state, builder: &b)
                case "noBreakHyphen":
                    emit("-", bold: bold, size: size, state: state, builder: &b)
                case "softHyphen":
                    break
                case "sym":
                    if let s = StoryReader.symbol(child) { emit(s, bold: bold, size: size, state: state, builder: &b) }
                case "fldChar":
                    switch child.attribute("fldCharType", .w) {
                    case "begin": fieldStack.begin()
                    case "separate": fieldStack.separate()
                    case "end": fieldStack.end()
                    default: break
                    }
                case "footnoteReference", "endnoteReference":
                    if let id = child.attribute("id", .w), state == .normal {
                        b.notes.append(NoteReference(kind: child.localName == "footnoteReference" ? .footnote : .endnote, id: id))
                    }
                case "commentReference":
                    if let id = child.attribute("id", .w), !b.commentIds.contains(id) { b.commentIds.append(id) }
                case "drawing", "pict", "object":
                    readTextBoxes(in: child, state: state, builder: &b)
                case "ruby":
                    if let base = child.child(.w, "rubyBase") {
                        readInline(children: base, paragraphStyle: paragraphStyle, state: state, builder: &b)
                    }
                case "rPr", "instrText", "delInstrText":
                    break
                default:
                    if !StoryReader.ignorable.contains(child.localName) { skip(child) }
                }
            } else if child.is(.mc, "AlternateContent") {
                if let chosen = StoryReader.choose(child) {
                    // A chosen branch holds run content (w:drawing, w:pict, w:t …).
                    let wrapper = chosen
                    for grandchild in wrapper.children {
                        if grandchild.is(.w, "drawing") || grandchild.is(.w, "pict") {
                            readTextBoxes(in: grandchild, state: state, builder: &b)
                        } else if grandchild.is(.w, "t") {
                            emit(grandchild.directText, bold: bold, size: size, state: state, builder: &b)
                        } else {
                            readTextBoxes(in: grandchild, state: state, builder: &b)
                        }
                    }
                }
            } else {
                skip(child)
            }
        }
    }

    /// Appends visible text to the paragraph (or to the other view's text when hidden).
    private mutating func emit(_ text: String, bold: Bool, size: Int?, state: InlineState, builder b: inout ParagraphBuilder) {
        // Inside a complex field's instruction part nothing is shown.
        if fieldStack.inInstructions > 0 { return }
        guard state == .normal else {
            b.otherText += text
            return
        }
        b.text += text
        b.bold.add(text, bold: bold)
        // A first scalar outside White_Space starts a Character that is not whitespace
        // (`Character.isWhitespace` tests its first scalar): the Character walk is needed only
        // when the text starts with whitespace.
        if let size, BoldTally.startsWithVisibleScalar(text) || text.contains(where: { !$0.isWhitespace }) {
            b.maxSize = max(b.maxSize ?? 0, size)
        }
        for id in openComments where (commentAnchors[id]?.text.utf8.count ?? 0) < StoryReader.maxAnchorTextBytes {
            commentAnchors[id, default: (paragraphs: [], text: "")].text += text
        }
    }

    /// Every `w:txbxContent` below `element`, in document order, read as its own story of blocks.
    private mutating func readTextBoxes(in element: XMLElement, state: InlineState, builder b: inout ParagraphBuilder) {
        guard state == .normal else {
            countOnly { reader in
                var unread = ParagraphBuilder()
                reader.readTextBoxes(in: element, state: .normal, builder: &unread)
            }
            return
        }
        var stack: [XMLElement] = [element]
        var found: [XMLElement] = []
        // Iterative pre-order search; stops descending at a text box.
        while let e = stack.popLast() {
            if e.is(.w, "txbxContent") {
                found.append(e)
                continue
            }
            if e.is(.mc, "AlternateContent") {
                if let chosen = StoryReader.choose(e) { stack.append(chosen) }
                continue
            }
            let kids = Array(e.children)
            stack.append(contentsOf: kids.reversed())
        }
        for box in found {
            // Fields and comment ranges inside a text box are the box's own.
            let savedFields = fieldStack
            fieldStack = FieldStack()
            pathStack.append(PathFrame(prefix: currentPathPrefix() + "/txbx[\(b.textBoxes.count)]"))
            var blocks: [Block] = []
            for child in box.children { readBlock(child, into: &blocks) }
            flushPending(into: &blocks)
            pathStack.removeLast()
            fieldStack = savedFields
            b.textBoxes.append(TextBox(blocks: blocks))
        }
    }

    // MARK: - Tables

    private mutating func readTable(_ tbl: XMLElement) -> Table {
        let location = SourceLocation(part: part, paragraphIndex: nil, path: nextPath("tbl"))
        pathStack.append(PathFrame(prefix: location.path))
        defer { pathStack.removeLast() }
        var table = Table(location: location)
        if let grid = tbl.child(.w, "tblGrid") {
            table.gridColumns = grid.children.filter { $0.is(.w, "gridCol") }.map { Int($0.attribute("w", .w) ?? "") ?? 0 }
        }
        for row in StoryReader.rowElements(of: tbl) {
            if let r = readRow(row) { table.rows.append(r) }
        }
        return table
    }

    /// `w:tr` children of a table, looking through w:sdt and w:customXml wrappers.
    private static func rowElements(of tbl: XMLElement) -> [XMLElement] {
        var rows: [XMLElement] = []
        func collect(_ parent: XMLElement) {
            for c in parent.children {
                if c.is(.w, "tr") {
                    rows.append(c)
                } else if c.is(.w, "sdt"), let content = c.child(.w, "sdtContent") {
                    collect(content)
                } else if c.is(.w, "customXml") {
                    collect(c)
                }
            }
        }
        collect(tbl)
        return rows
    }

    /// `countingOnly`: the row is read only to count its tracked changes (its own mark is
    /// already counted), see `countOnly`.
    private mutating func readRow(_ tr: XMLElement, countingOnly: Bool = false) -> TableRow? {
        let trPr = tr.child(.w, "trPr")
        if !countingOnly {
            let inserted = trPr?.child(.w, "ins") != nil
            let deleted = trPr?.child(.w, "del") != nil
            if inserted { revisions.insertions += 1 }
            if deleted { revisions.deletions += 1 }
            if (view == .accepted && deleted) || (view == .rejected && inserted) {
                countOnly { reader in _ = reader.readRow(tr, countingOnly: true) }
                return nil
            }
        }
        let rowIndex = pathStack[pathStack.count - 1].next("tr")
        pathStack.append(PathFrame(prefix: currentPathPrefix() + "/tr[\(rowIndex)]"))
        defer { pathStack.removeLast() }
        var row = TableRow(isHeader: trPr?.child(.w, "tblHeader").map(RunProperties.toggle) ?? false)
        var column = min(max(Int(trPr?.child(.w, "gridBefore")?.attribute("val", .w) ?? "") ?? 0, 0), StoryReader.maxGridSpan)
        var cells: [XMLElement] = []
        func collect(_ parent: XMLElement) {
            for c in parent.children {
                if c.is(.w, "tc") {
                    cells.append(c)
                } else if c.is(.w, "sdt"), let content = c.child(.w, "sdtContent") {
                    collect(content)
                } else if c.is(.w, "customXml") {
                    collect(c)
                }
            }
        }
        collect(tr)
        for tc in cells {
            let tcPr = tc.child(.w, "tcPr")
            let span = min(max(1, Int(tcPr?.child(.w, "gridSpan")?.attribute("val", .w) ?? "") ?? 1), StoryReader.maxGridSpan)
            var merge: VerticalMerge?
            if let vMerge = tcPr?.child(.w, "vMerge") {
                merge = vMerge.attribute("val", .w) == "restart" ? .restart : .continue
            }
            let cellIndex = pathStack[pathStack.count - 1].next("tc")
            pathStack.append(PathFrame(prefix: currentPathPrefix() + "/tc[\(cellIndex)]"))
            var blocks: [Block] = []
            for child in tc.children where !child.is(.w, "tcPr") { readBlock(child, into: &blocks) }
            flushPending(into: &blocks)
            pathStack.removeLast()
            row.cells.append(TableCell(blocks: blocks, gridColumn: column, gridSpan: span, verticalMerge: merge))
            column += span
        }
        return row
    }

    // MARK: - Paths

    private struct PathFrame {
        let prefix: String
        var counters: [String: Int] = [:]
        init(prefix: String) { self.prefix = prefix }
        mutating func next(_ kind: String) -> Int {
            let n = counters[kind, default: 0]
            counters[kind] = n + 1
            return n
        }
    }

    private func currentPathPrefix() -> String { pathStack[pathStack.count - 1].prefix }

    private mutating func nextPath(_ kind: String) -> String {
        let n = pathStack[pathStack.count - 1].next(kind)
        return currentPathPrefix() + "/\(kind)[\(n)]"
    }

    // MARK: - Revisions and diagnostics

    /// Opens comment range `id`, unless `maxCommentRanges` are open already (reported once).
    private mutating func openComment(_ id: String) -> Bool {
        guard openComments.count < StoryReader.maxCommentRanges else {
            if !commentLimitReported {
                commentLimitReported = true
                diagnostics.append(
                    Diagnostic(
                        .readerCommentRangesLimit,
                        message: "more than \(StoryReader.maxCommentRanges) comment ranges open at once; the others are not anchored",
                        location: SourceLocation(
                            part: part, paragraphIndex: paragraphCounter > 0 ? paragraphCounter - 1 : nil, path: currentPathPrefix())))
            }
            return false
        }
        openComments.append(id)
        return true
    }

    private mutating func countRevision(_ element: XMLElement) {
        switch element.localName {
        case "ins": revisions.insertions += 1
        case "del": revisions.deletions += 1
        default: revisions.moves += 1
        }
    }

    /// Reads content this view does not show (a row or block deleted when accepting, inserted
    /// when rejecting; a text box in hidden text) only to count its tracked changes, then puts
    /// every other piece of state back (paragraph counter, numbering, fields, comments, joins,
    /// paths, skipped elements). Counting through the same reading code is what makes the
    /// document's `RevisionSummary` the same whatever the view.
    private mutating func countOnly(_ read: (inout StoryReader) -> Void) {
        let saved = self
        read(&self)
        let counted = revisions
        self = saved
        revisions = counted
    }

    /// Reads block-level elements into a scratch list (for `countOnly`).
    private mutating func readBlocks(_ elements: XMLChildren) {
        var unread: [Block] = []
        for element in elements { readBlock(element, into: &unread) }
        flushPending(into: &unread)
    }

    private mutating func countPropertyChanges(_ properties: XMLElement) {
        // The byte test first: only a name whose bytes end with "Change" can have that suffix.
        for c in properties.children where c.localNameBytesEnd(with: "Change") && c.isIn(.w) && c.localName.hasSuffix("Change") {
            revisions.formatChanges += 1
        }
        if let rPr = properties.child(.w, "rPr") {
            for c in rPr.children where c.is(.w, "rPrChange") { revisions.formatChanges += 1 }
        }
    }

    private mutating func skip(_ element: XMLElement) {
        let name = element.qualifiedName
        if var entry = skipped[name] {
            entry.count += 1
            skipped[name] = entry
        } else {
            skipped[name] = (
                1, SourceLocation(part: part, paragraphIndex: paragraphCounter > 0 ? paragraphCounter - 1 : nil, path: currentPathPrefix())
            )
        }
    }

    /// Elements that carry no text of their own and need no diagnostic.
    static let ignorable: Set<String> = [
        "pPr", "rPr", "sectPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
        "lastRenderedPageBreak", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
        "annotationRef", "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "pgNum",
        "dayShort", "dayLong", "monthShort", "monthLong", "yearShort", "yearLong", "tblPr", "tblGrid",
        "tblPrEx", "trPr", "tcPr", "sdtPr", "sdtEndPr", "fldData", "contentPart", "background",
        "softHyphen", "commentRangeStart", "commentRangeEnd", "instrText", "delInstrText", "noProof",
    ]

    // MARK: - Small helpers

    /// The complex fields open at this point (`w:fldChar` begin … separate … end), innermost
    /// last, with a count of those still in their instruction part, where nothing is shown:
    /// `emit` asks that for every piece of text, in constant time (scanning every open field
    /// was quadratic in a file that begins thousands of fields and never ends them).
    struct FieldStack {
        private var inResult: [Bool] = []
        private(set) var inInstructions = 0

        mutating func begin() {
            inResult.append(false)
            inInstructions += 1
        }

        mutating func separate() {
            guard let last = inResult.last, !last else { return }
            inResult[inResult.count - 1] = true
            inInstructions -= 1
        }

        mutating func end() {
            guard let last = inResult.popLast() else { return }
            if !last { inInstructions -= 1 }
        }
    }

    /// `mc:AlternateContent`: the first `mc:Choice`, else `mc:Fallback`.
    static func choose(_ alternate: XMLElement) -> XMLElement? {
        alternate.child(.mc, "Choice") ?? alternate.child(.mc, "Fallback")
    }

    /// `w:sym`: the character code (symbol-font private-use codes F0xx mapped back to xx).
    static func symbol(_ sym: XMLElement) -> String? {
        guard let hex = sym.attribute("char", .w), var code = UInt32(hex, radix: 16) else { return nil }
        if code >= 0xF000, code <= 0xF0FF { code -= 0xF000 }
        guard let scalar = Unicode.Scalar(code), code >= 0x20 else { return nil }
        return String(Character(scalar))
    }

    /// The text of `m:t` elements below an Office Math element.
    static func mathText(_ element: XMLElement) -> String {
        var out = ""
        var stack: [XMLElement] = [element]
        while let e = stack.popLast() {
            if e.is(.m, "t") { out += e.directText; continue }
            stack.append(contentsOf: Array(e.children).reversed())
        }
        return out
    }
}
