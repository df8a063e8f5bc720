import DocumentModel
import PlanModel

/// The prose of a draft the master plan quotes and `DraftExtraction` does not carry: the
/// paragraphs of 发展基础 and 指导思想, the 基本原则 one by one, the 重大项目/重点工程 items.
/// Read from the document with the extraction's outline and sections, so it agrees with them.
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

    /// Reads the content of `document`, extracted as `extraction`.
    public init(document: Document, extraction: DraftExtraction) {
        let reader = ContentReader(document: document, outline: extraction.outline)
        let heads = { (kind: SectionKind) in
            reader.outermost(extraction.sections.filter { $0.kind == kind }.compactMap { $0.location.paragraph })
        }
        let guidingHeads = heads(.guiding)
        let principleHeads = heads(.principles)
        // A heading naming both (指导思想和基本原则): its titled paragraphs are principles, the rest guiding.
        let shared = Set(guidingHeads).intersection(principleHeads)
        let principles = principleHeads.flatMap { reader.items(under: $0) }.map { item in
            Statement(
                title: item.title.isEmpty ? nil : item.title,
                text: ([item.text] + item.children.map { $0.title + "。" + $0.text }).filter { !$0.isEmpty }.joined(separator: "\n"),
                location: item.location)
        }
        let titled = shared.isEmpty ? [] : Set(principles.compactMap { $0.title == nil ? nil : $0.location.paragraph })
        self.init(
            file: extraction.source.file,
            basis: heads(.basis).flatMap { reader.paragraphs(under: $0) },
            guiding: guidingHeads.flatMap { reader.paragraphs(under: $0) }.filter { p in
                !titled.contains(p.location.paragraph ?? -1)
            },
            principles: principles.filter { shared.isEmpty || $0.title != nil },
            projects: heads(.projects).flatMap { reader.items(under: $0) })
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

/// The body of a document seen through its outline: which paragraphs stand under which heading.
struct ContentReader {
    struct Head {
        var node: OutlineNode
        var path: [String]
        /// Paragraph index of the first heading after this one's subtree (Int.max at the end).
        var end: Int
        var firstChild: Int?
    }

    /// Top-level body paragraphs with content, in document order.
    let paragraphs: [Paragraph]
    let heads: [Int: Head]
    let headingParagraphs: Set<Int>

    init(document: Document, outline: [OutlineNode]) {
        paragraphs = document.body.compactMap { block in
            guard case .paragraph(let p) = block, p.location.paragraphIndex != nil,
                  !ContentText.trim(p.text).isEmpty else { return nil }
            return p
        }
        var flat: [(node: OutlineNode, path: [String], last: Int)] = []
        func walk(_ nodes: [OutlineNode], _ path: [String]) -> Int {
            var last = -1
            for n in nodes {
                let index = flat.count
                flat.append((n, path, index))
                let deepest = walk(n.children, path + [n.displayTitle])
                flat[index].last = max(index, deepest)
                last = flat[index].last
            }
            return last
        }
        _ = walk(outline, [])
        var heads: [Int: Head] = [:]
        for entry in flat {
            let end = entry.last + 1 < flat.count ? flat[entry.last + 1].node.paragraph : Int.max
            heads[entry.node.paragraph] = Head(
                node: entry.node, path: entry.path, end: end, firstChild: entry.node.children.first?.paragraph)
        }
        self.heads = heads
        headingParagraphs = Set(flat.map(\.node.paragraph))
    }

    /// The headings of `starts` that are not inside another one of them.
    func outermost(_ starts: [Int]) -> [Int] {
        let known = starts.filter { heads[$0] != nil }
        return Array(Set(known)).sorted().filter { s in
            !known.contains { o in o != s && o < s && (heads[o]?.end ?? 0) > s }
        }
    }

    /// Every body paragraph under heading `start`, sub-headings left out.
    func paragraphs(under start: Int) -> [Statement] {
        guard let head = heads[start] else { return [] }
        return body(after: start, before: head.end).map { p in
            Statement(text: ContentText.trim(p.text), location: location(of: p))
        }
    }

    /// The items of heading `start`: its sub-headings (recursively), else its labelled or
    /// run-in paragraphs ("坚持创新引领。……", "1.……").
    func items(under start: Int) -> [TaskItem] {
        guard let head = heads[start] else { return [] }
        if !head.node.children.isEmpty { return head.node.children.map { item(heading: $0.paragraph) } }
        var items: [TaskItem] = []
        for p in body(after: start, before: head.end) {
            let loc = location(of: p)
            if let (label, title, text) = ContentText.runIn(p) {
                items.append(TaskItem(label: label, title: title, text: text, children: [], location: loc))
            } else if let last = items.indices.last {
                items[last].text += (items[last].text.isEmpty ? "" : "\n") + ContentText.trim(p.text)
            } else if !ContentText.isIntro(p.text) {
                items.append(TaskItem(label: nil, title: "", text: ContentText.trim(p.text), children: [], location: loc))
            }
        }
        return items
    }

    private func item(heading start: Int) -> TaskItem {
        let head = heads[start]!
        let children = head.node.children.isEmpty ? [] : head.node.children.map { item(heading: $0.paragraph) }
        let stop = head.firstChild ?? head.end
        let text = body(after: start, before: stop).map { ContentText.trim($0.text) }.joined(separator: "\n")
        return TaskItem(
            label: head.node.label, title: head.node.title, text: text, children: children,
            location: DraftLocation(paragraph: start, headingPath: head.path, path: path(ofParagraph: start)))
    }

    private func body(after start: Int, before end: Int) -> [Paragraph] {
        paragraphs.filter { p in
            let i = p.location.paragraphIndex ?? -1
            return i > start && i < end && !headingParagraphs.contains(i)
        }
    }

    private func path(ofParagraph index: Int) -> String? {
        paragraphs.first { $0.location.paragraphIndex == index }?.location.path
    }

    /// The location of a body paragraph: the headings above it, outermost first.
    private func location(of p: Paragraph) -> DraftLocation {
        let index = p.location.paragraphIndex ?? 0
        let enclosing = heads.values.filter { $0.node.paragraph < index && $0.end > index }
            .max { $0.node.paragraph < $1.node.paragraph }
        let path = enclosing.map { $0.path + [$0.node.displayTitle] } ?? []
        return DraftLocation(paragraph: index, headingPath: path, path: p.location.path)
    }
}
