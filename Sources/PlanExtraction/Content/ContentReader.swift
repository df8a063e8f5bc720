import DocumentModel
import PlanSupport
import PlanModel

// What `DraftContent` reads, and how its rules still differ from the outline's and the items'
// (`BodyMap`, `ItemExtractor`): kept as they were when the reading moved here from the assembly,
// so the outputs did not change; the next step should make each rule one.
// - Items of a section without sub-headings: `ContentText.runIn` (its own label regex, the bold
//   lead, the numbering label, titles up to 30 characters) against the outline's paragraph roles
//   (`ParagraphRole.item` from `HeadingLabel`'s grammar) and `ItemExtractor.split` (titles up to
//   `headings.maxLength` of Templates/sections.yaml, 40).
// - Plain paragraphs before the first item: untitled items here unless they end with "："
//   (`ContentText.isIntro`); the intro in `ItemExtractor.listItems` (dropped for a section,
//   the text of a heading's item).
// - A sub-heading without sub-headings of its own: its whole body is the item's text here;
//   `ItemExtractor.taskItem` makes children of its labelled paragraphs and keeps the rest as text.
// - Heading paths: `OutlineNode.displayTitle` (label + title, "第一章总则") here, the heading as
//   Word shows it (`HeadingCandidate.displayTitle`, "第一章 总则") in `BodyMap.location`, so a
//   statement's `headingPath` can differ from a section's or a task's.
// - What a heading covers: subtree ends recomputed here from the outline tree, in paragraph
//   indices; `BodyMap.range` has them in block indices.
// - Body: top-level paragraphs with a paragraph index only (tables skipped), texts trimmed and
//   empty ones told by `ContentText.trim` (Unicode scalars, `trimmingWhitespace`);
//   `BodyMap.bodyBlocks` keeps tables (so `Section.paragraphCount` counts them) and `BodyMap`
//   trims by `OutlineText.trim` (Characters).
//   `ContentText.stripEnd` is `ItemExtractor.stripEnd` with the other trim.
// - Projects: `DraftStructure.projects` (by `ItemExtractor`) is computed but not used by any
//   product; the plan quotes `DraftContent.projects`, read here.

extension ContentReader {
    /// The prose of a draft: the body paragraphs and items under its sections, read through its
    /// outline. `paragraphs` are the top-level paragraphs of the body (others are skipped).
    static func content(file: String, paragraphs: [Paragraph], outline: [OutlineNode], sections: [Section]) -> DraftContent {
        let reader = ContentReader(paragraphs: paragraphs, outline: outline)
        let heads = { (kind: SectionKind) in
            reader.outermost(sections.filter { $0.kind == kind }.compactMap { $0.location.paragraph })
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
        return DraftContent(
            file: file,
            basis: heads(.basis).flatMap { reader.paragraphs(under: $0) },
            guiding: guidingHeads.flatMap { reader.paragraphs(under: $0) }.filter { p in
                !titled.contains(p.location.paragraph ?? -1)
            },
            principles: principles.filter { shared.isEmpty || $0.title != nil },
            projects: heads(.projects).flatMap { reader.items(under: $0) })
    }
}

/// The body of a draft seen through its outline: which paragraphs stand under which heading.
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

    init(paragraphs: [Paragraph], outline: [OutlineNode]) {
        self.paragraphs = paragraphs.filter { p in
            p.location.paragraphIndex != nil && !ContentText.trim(p.text).isEmpty
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
