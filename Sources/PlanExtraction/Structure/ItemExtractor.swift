import DocumentModel
import PlanSupport
import PlanModel
import PlanTemplates

/// Items under a heading: sub-headings (recursively), or — when there are none — the labelled
/// paragraphs of its body: run-in bold headings ("（一）加强组织领导。正文……") and numbered list
/// paragraphs ("1.……。" typed or from numbering.xml).
struct ItemExtractor: Sendable {
    let map: BodyMap
    let headingSettings: SectionSynonyms.Headings

    /// The task (or project) headed by heading `i`, with its sub-items.
    func taskItem(_ i: Int) -> TaskItem {
        let h = map.headings[i]
        let children: [TaskItem]
        let text: String
        if h.children.isEmpty {
            let list = listItems(in: map.directRange(of: i))
            children = list.items
            text = list.intro.joined(separator: "\n")
        } else {
            children = h.children.map(taskItem)
            text = paragraphTexts(map.directRange(of: i)).joined(separator: "\n")
        }
        return TaskItem(
            label: h.candidate.label?.text, title: h.candidate.title, text: text, children: children,
            location: map.location(ofBlock: h.candidate.blockIndex))
    }

    /// The items of a section heading: its sub-headings, else its labelled body paragraphs.
    func items(of i: Int) -> [TaskItem] {
        let h = map.headings[i]
        if !h.children.isEmpty { return h.children.map(taskItem) }
        return listItems(in: map.directRange(of: i)).items
    }

    /// Labelled paragraphs in `range` as items; the plain paragraphs before the first item are the intro,
    /// those after an item continue its text. Where some items carry a numbered label (（一）, 1.),
    /// the numbered ones are the list: unnumbered run-in items before the first of them belong to
    /// the intro ("坚定不移推动高质量发展。……" ahead of "（一）……"), those after one are its sub-items.
    func listItems(in range: Range<Int>) -> (intro: [String], items: [TaskItem]) {
        var intro: [String] = []
        var items: [TaskItem] = []
        let numbered = range.contains { b in
            if case .item(let label?, _, _) = map.roles[b], label.ordinal != nil { return true }
            return false
        }
        for b in range where map.hasContent(b) {
            guard case .paragraph = map.body[b] else { continue }
            switch map.roles[b] {
            case .item(let label, let lead, let rest) where !numbered || label?.ordinal != nil:
                let (title, body) = split(lead: lead, rest: rest)
                items.append(
                    TaskItem(
                        label: label?.text, title: title, text: body, children: [], location: map.location(ofBlock: b)))
            case .item(let label, let lead, let rest):
                // An unnumbered item among numbered ones.
                if items.isEmpty {
                    intro.append(map.text(ofBlock: b))
                } else {
                    let (title, body) = split(lead: lead, rest: rest)
                    items[items.count - 1].children.append(
                        TaskItem(
                            label: label?.text, title: title, text: body, children: [], location: map.location(ofBlock: b)))
                }
            default:
                let text = map.text(ofBlock: b)
                if items.isEmpty {
                    intro.append(text)
                } else if var parent = items.last, !parent.children.isEmpty {
                    let last = parent.children.count - 1
                    parent.children[last].text += (parent.children[last].text.isEmpty ? "" : "\n") + text
                    items[items.count - 1] = parent
                } else {
                    let last = items.count - 1
                    items[last].text += (items[last].text.isEmpty ? "" : "\n") + text
                }
            }
        }
        return (intro, items)
    }

    /// Title and text of an item paragraph: the bold lead is the title; without one, the first
    /// clause when it is short enough for a title, else the whole paragraph.
    func split(lead: String?, rest: String) -> (title: String, text: String) {
        if let lead, !lead.isEmpty {
            let body = rest.hasPrefix(lead) ? String(rest.dropFirst(lead.count)) : rest
            return (Self.stripEnd(lead), OutlineText.trim(body))
        }
        if let cut = rest.firstIndex(where: { "。：:；;".contains($0) }) {
            let head = String(rest[..<cut])
            let tail = OutlineText.trim(rest[rest.index(after: cut)...])
            if head.count <= headingSettings.maxLength && !tail.isEmpty { return (OutlineText.trim(head), tail) }
        }
        return (Self.stripEnd(rest), "")
    }

    /// Without trailing punctuation and spaces ("加强组织领导。" → "加强组织领导").
    static func stripEnd(_ text: String) -> String {
        var t = Substring(OutlineText.trim(text))
        while let last = t.last, "。．.，,；;：:、".contains(last) || last.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    /// Texts of the non-empty paragraphs in `range` (tables left out).
    func paragraphTexts(_ range: Range<Int>) -> [String] {
        range.compactMap { b in
            guard case .paragraph = map.body[b], map.hasContent(b), !map.isHeading(b) else { return nil }
            return map.text(ofBlock: b)
        }
    }
}

/// Sorts safeguard measures into the categories of `Templates/safeguards.yaml` (rules there).
public struct SafeguardClassifier: Sendable {
    public let lexicon: SafeguardCategories
    /// Per category, its keywords squashed once (distinct, empty ones dropped), with their lengths.
    private let keywords: [[(text: String, length: Int)]]

    public init(_ lexicon: SafeguardCategories) {
        self.lexicon = lexicon
        keywords = lexicon.categories.map { category in
            Set(category.keywords.map { OutlineText.squash($0) }).filter { !$0.isEmpty }.sorted().map { ($0, $0.count) }
        }
    }

    /// The category of a measure: scored on the title, then on the text; nil when nothing fits.
    public func category(title: String, text: String) -> String? {
        if let best = best(in: title, minimum: 1) { return best }
        return best(in: text, minimum: lexicon.minimumTextScore)
    }

    private func best(in text: String, minimum: Int) -> String? {
        let key = OutlineText.squash(text)
        var winner: (name: String, score: Int)? = nil
        for (index, category) in lexicon.categories.enumerated() {
            let score = keywords[index].filter { key.containsText($0.text) }.reduce(0) { $0 + $1.length }
            if score >= minimum, score > (winner?.score ?? 0) { winner = (category.name, score) }
        }
        return winner?.name
    }
}
