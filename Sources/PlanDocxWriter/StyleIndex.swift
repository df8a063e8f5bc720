import OOXML

/// The styles of the reference's `styles.xml`, looked up by name: built-in styles by the English
/// name Word stores whatever the interface language ("heading 1", "toc 1", "annotation text",
/// compared without regard to case), custom styles by their own name ("表格文字"). The writer
/// uses the reference's style ids, so a Chinese Word's ids ("1", "2" …) work as well as ours.
struct StyleIndex: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var id: String
        var type: String
        var name: String
        /// `w:numPr` of a paragraph style (numId, ilvl), when it has one.
        var numId: Int?
        var ilvl: Int?
    }

    private(set) var entries: [Entry] = []

    init(_ styles: XMLTree) {
        for style in styles.elements where style.localName == "style" && Namespace.isW(style.namespaceURI) {
            guard let id = style.attribute("styleId", in: style.namespaceURI) else { continue }
            let type = style.attribute("type", in: style.namespaceURI) ?? "paragraph"
            let name = style.element("name", in: style.namespaceURI)?.attribute("val", in: style.namespaceURI) ?? id
            let numPr = style.element("pPr", in: style.namespaceURI)?.element("numPr", in: style.namespaceURI)
            entries.append(
                Entry(
                    id: id, type: type, name: name,
                    numId: numPr?.element("numId", in: style.namespaceURI)?.attribute("val", in: style.namespaceURI).flatMap { Int($0) },
                    ilvl: numPr?.element("ilvl", in: style.namespaceURI)?.attribute("val", in: style.namespaceURI).flatMap { Int($0) }))
        }
    }

    private func entry(named name: String, type: String) -> Entry? {
        let key = name.lowercased()
        return entries.first { $0.type == type && $0.name.lowercased() == key }
    }

    func paragraphStyle(named name: String) -> String? { entry(named: name, type: "paragraph")?.id }
    func characterStyle(named name: String) -> String? { entry(named: name, type: "character")?.id }
    func tableStyle(named name: String) -> String? { entry(named: name, type: "table")?.id }

    /// Whether "heading n" (1…4) carries the heading list (`numId`) at level n-1 in its own
    /// `w:numPr`. When it does not, the writer puts the numbering on each heading paragraph.
    func headingsCarry(numId: Int) -> Bool {
        (1...4).allSatisfy { level in
            guard let heading = entry(named: "heading \(level)", type: "paragraph") else { return false }
            return heading.numId == numId && (heading.ilvl ?? 0) == level - 1
        }
    }
}

/// The style ids the writer uses, resolved against the reference once. Optional styles absent
/// from a user's reference fall back to Normal (no `w:pStyle`).
struct StyleIds: Sendable, Hashable {
    var normal: String
    var headings: [String]
    var title: String?
    var subtitle: String?
    var tocHeading: String?
    var toc: [String?]
    var caption: String?
    var tableText: String?
    var tableTextLeft: String?
    var tableHeading: String?
    var tableNote: String?
    var pending: String?
    var tableGrid: String?
    var commentText: String?
    var commentReference: String?
    var footnoteText: String?
    var footnoteReference: String?
    /// Whether the heading styles carry the heading list themselves.
    var headingsNumbered: Bool

    init(_ index: StyleIndex) {
        normal = index.paragraphStyle(named: "Normal") ?? "Normal"
        headings = (1...4).map { index.paragraphStyle(named: "heading \($0)") ?? "Heading\($0)" }
        title = index.paragraphStyle(named: "Title")
        subtitle = index.paragraphStyle(named: "Subtitle")
        tocHeading = index.paragraphStyle(named: "TOC Heading")
        toc = (1...3).map { index.paragraphStyle(named: "toc \($0)") }
        caption = index.paragraphStyle(named: "caption")
        tableText = index.paragraphStyle(named: "表格文字")
        tableTextLeft = index.paragraphStyle(named: "表格文字（左对齐）") ?? tableText
        tableHeading = index.paragraphStyle(named: "表格标题行") ?? tableText
        tableNote = index.paragraphStyle(named: "表注")
        pending = index.paragraphStyle(named: "待补说明")
        tableGrid = index.tableStyle(named: "Table Grid")
        commentText = index.paragraphStyle(named: "annotation text")
        commentReference = index.characterStyle(named: "annotation reference")
        footnoteText = index.paragraphStyle(named: "footnote text")
        footnoteReference = index.characterStyle(named: "footnote reference")
        headingsNumbered = index.headingsCarry(numId: HeadingNumbering.numId)
    }
}
