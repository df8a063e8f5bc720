import PlanModel

/// The main story while it is written: headings (numbered by the list, bookmarked for the table
/// of contents), items with their run-in titles and provenance, tables, gaps.
struct BodyContext {
    /// A heading for the table of contents.
    struct TOCEntry {
        var level: Int
        var label: String
        var text: String
        var bookmark: String
    }

    let styles: StyleIds
    /// The text block's width in twentieths of a point (page width less the margins).
    let textWidth: Int
    var notes: ProvenanceNotes
    /// The indicatorSummary table shows the main indicators only (the 纲要 edition).
    var mainIndicatorsOnly = false
    private(set) var xml = ""
    private(set) var toc: [TOCEntry] = []
    private var counter = HeadingCounter()
    private var bookmarks = 0
    private var tables = 0
    private var pageBreakPending = true

    init(styles: StyleIds, textWidth: Int, notes: ProvenanceNotes) {
        self.styles = styles
        self.textWidth = textWidth
        self.notes = notes
    }

    // MARK: - Nodes

    /// `node` at `depth` (1 = chapter): its heading, items, embedded table, gap note, children.
    mutating func node(_ node: PlanNode, depth: Int, plan: MasterPlan) {
        heading(node.title, level: depth, numbered: true)
        if let missing = node.missing { pending(missing.message) }
        for item in node.items { self.item(item) }
        // Task themes are an index (master-plan.json, the report): the tasks stand under their topics.
        for theme in node.themes ?? [] where !theme.isTaskIndex { self.theme(theme) }
        if let embed = node.embed { table(embed, plan: plan) }
        for child in node.children { self.node(child, depth: depth + 1, plan: plan) }
    }

    /// A heading paragraph. Levels 1–4 use the heading styles (numbered by the list, in the
    /// outline and the table of contents down to level 3); deeper ones are bold body paragraphs.
    /// `numbered: false` keeps the outline level without a number (the appendix tables).
    mutating func heading(_ title: String, level: Int, numbered: Bool) {
        guard level <= 4 else {
            xml += "<w:p><w:pPr><w:keepNext/></w:pPr>\(W.run(title, rPr: W.bold))</w:p>"
            return
        }
        var pPr = W.pStyle(styles.headings[level - 1])
        if level == 1, pageBreakPending {
            pPr += "<w:pageBreakBefore/>"
            pageBreakPending = false
        }
        if !numbered {
            pPr += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>"
            // An appendix label ("附表1") stands at the margin, in Word as in LibreOffice.
            pPr += "<w:ind w:left=\"0\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
        } else if !styles.headingsNumbered {
            pPr += "<w:numPr><w:ilvl w:val=\"\(level - 1)\"/><w:numId w:val=\"\(HeadingNumbering.numId)\"/></w:numPr>"
        }
        bookmarks += 1
        let bookmark = "_Toc" + String(repeating: "0", count: max(0, 8 - String(bookmarks).count)) + String(bookmarks)
        let label = numbered ? counter.next(level: level - 1) : ""
        if level <= 3 { toc.append(TOCEntry(level: level, label: label, text: title, bookmark: bookmark)) }
        xml += "<w:p><w:pPr>\(pPr)</w:pPr><w:bookmarkStart w:id=\"\(bookmarks)\" w:name=\"\(bookmark)\"/>"
        xml += W.run(title) + "<w:bookmarkEnd w:id=\"\(bookmarks)\"/></w:p>"
    }

    /// The next chapter starts on a new page (after the appendix heading, for instance).
    mutating func breakBeforeNextChapter() { pageBreakPending = true }

    // MARK: - Items

    /// An item's paragraph — run-in bold title ("坚持创新引领。") then its text — with its sources
    /// as a comment or footnote; sub-items follow as paragraphs of their own.
    mutating func item(_ item: PlanItem) {
        var runs = ""
        var text = item.text
        if let title = item.title?.trimmingCharacters(in: .whitespaces), !title.isEmpty {
            var quotedWhole = false
            if text.hasPrefix(title) {
                let rest = text.dropFirst(title.count)
                if let next = rest.first, !"。．.：:；;，, ".contains(next) {
                    // The statement opens with the title's words as its subject ("区域科技发展的总体目标是……"):
                    // it is quoted whole; a run-in title would only repeat them and cut the sentence.
                    quotedWhole = true
                } else {
                    text = String(rest).trimmingCharacters(in: .whitespaces)
                    while let f = text.first, "。．.：:；;，,".contains(f) { text.removeFirst() }
                }
            }
            if !quotedWhole { runs += W.run(ChineseText.runInTitle(title), rPr: W.bold) }
        }
        if !text.isEmpty { runs += W.run(text) }
        let anchor = notes.anchor(ChineseText.sourceLines(item.sources))
        // No w:pStyle: the default paragraph style (正文) applies, whatever its id.
        xml += "<w:p>" + anchor.start + runs + anchor.end + "</w:p>"
        for child in item.children { self.item(child) }
    }

    /// A theme: its label and how many topics state it (when it gathers several statements or
    /// its label is not the statement's own title), the representative statement as an item,
    /// then every other wording in a compact list, each with its topic and its sources.
    mutating func theme(_ theme: PlanTheme) {
        let ownTitle = theme.representative.title.map { ChineseText.runInTitle($0) } == ChineseText.runInTitle(theme.label)
        if theme.statements.count > 1 || !ownTitle {
            // Left-aligned: a justified line before a long list of topics would be stretched.
            xml +=
                "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"left\"/></w:pPr>" + W.run("【\(theme.label)】", rPr: W.bold)
                + W.run("\(theme.topicCount)个专题提出：" + ChineseText.topics(theme.topics.map { Optional($0) }, breakable: true)) + "</w:p>"
        }
        item(theme.representative)
        guard !theme.wordings.isEmpty else { return }
        let compact =
            "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"400\" w:lineRule=\"exact\"/>"
            + "<w:ind w:left=\"640\" w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"both\"/>"
        let size = "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
        xml += "<w:p><w:pPr><w:keepNext/>\(compact)</w:pPr>" + W.run("其他表述：", rPr: W.bold + size) + "</w:p>"
        for wording in theme.wordings {
            var runs = ""
            var text = wording.text
            if let title = wording.title?.trimmingCharacters(in: .whitespaces), !title.isEmpty {
                runs += W.run(ChineseText.runInTitle(title), rPr: W.bold + size)
                if text.hasPrefix(title) {
                    text = String(text.dropFirst(title.count))
                    while let f = text.first, "。．.：:；;，, ".contains(f) { text.removeFirst() }
                }
            }
            runs += W.run(text + "（" + ChineseText.topics(wording.sources.map(\.topic)) + "）", rPr: size)
            let anchor = notes.anchor(ChineseText.sourceLines(wording.sources))
            xml += "<w:p><w:pPr>\(compact)</w:pPr>" + anchor.start + runs + anchor.end + "</w:p>"
        }
    }

    /// A gap the office must fill: "【待补】尚未收到该专题规划稿".
    mutating func pending(_ message: String) {
        let style = styles.pending
        let colour = style == nil ? "<w:color w:val=\"C00000\"/>" : ""
        xml += "<w:p><w:pPr>\(W.pStyle(style))</w:pPr>\(W.run("【待补】", rPr: W.bold + colour))\(W.run(message, rPr: colour))</w:p>"
    }

    // MARK: - Tables

    /// A numbered caption ("表1　主要指标"), the table, its notes.
    /// 修改说明: what changed since the previous build, as a table (or a note when nothing did).
    mutating func changesTable(_ changes: PlanChanges) {
        let rows = changes.rows
        if changes.compared, !rows.isEmpty {
            let columns: [TableMarkup.Column] = [
                .init(header: "序号", maxWidth: 600), .init(header: "类别", maxWidth: 900), .init(header: "变化", maxWidth: 1000),
                .init(header: "内容", minWidth: 2600, leftAligned: true, grows: true),
                .init(header: "来源稿件", minWidth: 1400, maxWidth: 2600, leftAligned: true),
            ]
            let cells = rows.enumerated().map { i, row in
                [
                    TableMarkup.Cell(String(i + 1)), TableMarkup.Cell(row.category), TableMarkup.Cell(row.kind),
                    TableMarkup.Cell(row.text), TableMarkup.Cell(row.source.isEmpty ? "—" : row.source),
                ]
            }
            tables += 1
            xml += TableMarkup(columns: columns, rows: cells).markup(styles: styles, width: textWidth)
        }
        xml += "<w:p><w:pPr>\(W.pStyle(styles.tableNote))</w:pPr>\(W.run("注：" + changes.headline))</w:p>"
    }

    mutating func table(_ kind: EmbeddedTable, plan: MasterPlan, caption: String? = nil) {
        let (table, notes) = PlanTables.markup(kind, plan: plan, body: &self)
        if let table {
            tables += 1
            // Under an appendix heading that names the table, no caption (caption: "").
            let text = caption ?? "表\(tables)　" + PlanTables.caption(kind)
            if !text.isEmpty { xml += "<w:p><w:pPr>\(W.pStyle(styles.caption))</w:pPr>\(W.run(text))</w:p>" }
            xml += table
        }
        for note in notes {
            xml += "<w:p><w:pPr>\(W.pStyle(styles.tableNote))</w:pPr>\(W.run(note))</w:p>"
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: CharacterSetLike) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

/// Spaces, including the ideographic space.
enum CharacterSetLike {
    case whitespaces
    func contains(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\n" }
}
