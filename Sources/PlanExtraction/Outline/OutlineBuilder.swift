import DocumentModel
import PlanSupport
import PlanModel
import PlanTemplates

/// A heading of the outline in a flat list (document order), linked to its parent and children.
struct OutlineHeading: Sendable, Hashable {
    var candidate: HeadingCandidate
    /// 1 = top level, after normalisation.
    var level: Int
    var parent: Int?
    var children: [Int] = []
    /// The section kind the heading stands for, after the nesting rules.
    var kind: SectionKind?
    /// Further kinds its text names (used only when no other heading has them).
    var namedKinds: [SectionKind] = []
    /// The kind comes from where the heading stands (a task chapter between the goals and the
    /// safeguards), not from its words.
    var kindByPosition = false
}

/// The outline of a draft: title lines, the heading tree, and the flat lists behind it.
public struct Outline: Sendable, Hashable {
    public var titleParagraphs: [TitleParagraph]
    /// Cover lines around the title (attachment marks, document numbers, authorities, dates).
    public var frontMatter: [TitleParagraph]
    /// The heading tree.
    public var nodes: [OutlineNode]
    public var diagnostics: [Diagnostic]
    /// Headings in document order.
    var headings: [OutlineHeading]
    /// The role of every top-level body block (index as in `Document.body`).
    var roles: [ParagraphRole]
}

/// Builds one heading tree from every signal (outline levels, heading styles, numbering labels,
/// typed labels, short bold paragraphs), with levels normalised within the draft: the same label
/// kind always sits at the same depth, and a kind first met below another nests under it.
public struct OutlineBuilder: Sendable {
    public var synonyms: SectionSynonyms {
        didSet { matcher = SectionMatcher(synonyms) }
    }
    /// Made once per builder, not per document: its patterns are prepared from the synonyms.
    private var matcher: SectionMatcher

    public init(sections: SectionSynonyms) {
        synonyms = sections
        matcher = SectionMatcher(sections)
    }

    public func build(_ document: Document) -> Outline {
        let block = TitleDetector(settings: synonyms.title, headings: synonyms.headings).read(document.body)
        let titles = block.titles
        let titleSet = Set((block.titles + block.frontMatter).map(\.paragraph))
        let classifier = HeadingClassifier(settings: synonyms)
        let matcher = self.matcher

        var roles: [ParagraphRole] = document.body.enumerated().map { index, block in
            guard case .paragraph(let p) = block else { return .text }
            if let i = p.location.paragraphIndex, titleSet.contains(i) { return .text }
            return classifier.role(of: p, blockIndex: index)
        }
        var (candidates, hasBodyAfter) = Self.candidates(document.body, roles)
        // A table of contents typed as a list of the headings (no page numbers to tell it by):
        // its lines are plain text.
        let contents = Self.contentsEntries(candidates, bodyAfter: hasBodyAfter)
        if !contents.isEmpty {
            for i in contents { roles[candidates[i].blockIndex] = .text }
            (candidates, hasBodyAfter) = Self.candidates(document.body, roles)
        }

        let levels = normaliseLevels(candidates, bodyAfter: hasBodyAfter, matcher: matcher)
        var headings = link(candidates, levels: levels)
        SectionKindResolver(matcher: matcher).resolve(&headings)
        var diagnostics = HeadingOrderCheck.check(headings) + HeadingOrderCheck.styleMismatches(headings)
        if titles.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .extractTitleNotFound, message: "第一个标题之前未找到文件标题",
                    location: SourceLocation(part: "word/document.xml", path: "body")))
        }
        return Outline(
            titleParagraphs: titles, frontMatter: block.frontMatter, nodes: tree(headings), diagnostics: diagnostics, headings: headings,
            roles: roles)
    }

    /// The heading candidates in order, and for each whether body content follows it before the next.
    static func candidates(_ body: [Block], _ roles: [ParagraphRole]) -> ([HeadingCandidate], [Bool]) {
        var candidates: [HeadingCandidate] = []
        var hasBodyAfter: [Bool] = []
        for (index, block) in body.enumerated() {
            if case .heading(let c) = roles[index] {
                candidates.append(c)
                hasBodyAfter.append(false)
                continue
            }
            let content: Bool
            switch block {
            case .table: content = true
            case .paragraph(let p): content = !OutlineText.trim(p.text).isEmpty
            }
            if content, !hasBodyAfter.isEmpty { hasBodyAfter[hasBodyAfter.count - 1] = true }
        }
        return (candidates, hasBodyAfter)
    }

    /// Candidates that are lines of a table of contents: in a run of headings with no body text
    /// between them, those whose text comes again as a later heading — when at least three do
    /// (one repeated heading is a coincidence, a list of them is a contents).
    static func contentsEntries(_ candidates: [HeadingCandidate], bodyAfter: [Bool]) -> [Int] {
        let keys = candidates.map { OutlineText.squash($0.displayTitle) }
        var lastIndex: [String: Int] = [:]
        for (k, key) in keys.enumerated() { lastIndex[key] = k }
        var out: [Int] = []
        var i = 0
        while i < candidates.count {
            var j = i
            while j < candidates.count, !bodyAfter[j] { j += 1 }
            // i...j: headings followed directly by the next heading, and the last of them.
            let end = min(j + 1, candidates.count)
            if end - i >= 3 {
                let repeated = (i..<end).filter { (lastIndex[keys[$0]] ?? $0) > $0 }
                if repeated.count >= 3 { out += repeated }
            }
            i = end
        }
        return out
    }

    /// Depth of every candidate. A labelled heading takes the depth of its label kind. A kind met
    /// for the first time takes the depth its style level already has; else it nests under the
    /// heading just before it when nothing came between, or — after body text — under the nearest
    /// open heading that is labelled or styled (a bare bold line such as 前言 does not hold the
    /// chapters that follow it). An unlabelled heading takes the depth of its style level;
    /// without style it goes to level 1 when it names a top-level kind (附表), stays beside a bare
    /// bold line before it or after body text, and nests directly under a heading otherwise.
    func normaliseLevels(_ candidates: [HeadingCandidate], bodyAfter: [Bool], matcher: SectionMatcher) -> [Int] {
        var kindDepth: [String: Int] = [:]
        var styleDepth: [Int: Int] = [:]
        var levels: [Int] = []
        var open: [Int] = []  // indices of the headings enclosing the current position
        func isBare(_ j: Int) -> Bool { candidates[j].label == nil && candidates[j].styleLevel == nil }
        for (i, c) in candidates.enumerated() {
            let previous = levels.last ?? 0
            let directlyBelow = i > 0 && !bodyAfter[i - 1]
            var level: Int
            if let label = c.label {
                if let known = kindDepth[label.depthKey] {
                    level = known
                } else if let s = c.styleLevel, let d = styleDepth[s] {
                    level = d
                } else if directlyBelow {
                    level = previous + 1
                } else {
                    level = (open.last { !isBare($0) }.map { levels[$0] } ?? 0) + 1
                }
                if kindDepth[label.depthKey] == nil { kindDepth[label.depthKey] = level }
            } else if let s = c.styleLevel {
                level = styleDepth[s] ?? min(s + 1, previous + 1)
            } else if let kind = matcher.kind(of: c.title), matcher.topLevel(kind) {
                level = 1
            } else if i == 0 {
                level = 1
            } else if bodyAfter[i - 1] || isBare(i - 1) {
                level = previous
            } else {
                level = previous + 1
            }
            level = max(level, 1)
            if let s = c.styleLevel, styleDepth[s] == nil { styleDepth[s] = level }
            levels.append(level)
            while let top = open.last, levels[top] >= level { open.removeLast() }
            open.append(i)
        }
        return levels
    }

    /// Parent and children links from levels (a heading belongs to the nearest shallower one above).
    func link(_ candidates: [HeadingCandidate], levels: [Int]) -> [OutlineHeading] {
        var headings: [OutlineHeading] = []
        var stack: [Int] = []
        for (i, c) in candidates.enumerated() {
            while let top = stack.last, headings[top].level >= levels[i] { stack.removeLast() }
            headings.append(OutlineHeading(candidate: c, level: levels[i], parent: stack.last))
            if let parent = stack.last { headings[parent].children.append(i) }
            stack.append(i)
        }
        return headings
    }

    func tree(_ headings: [OutlineHeading]) -> [OutlineNode] {
        func node(_ i: Int) -> OutlineNode {
            let h = headings[i]
            return OutlineNode(
                level: h.level, label: h.candidate.label?.text, labelKind: h.candidate.label?.kind,
                title: h.candidate.title, signal: h.candidate.signal, paragraph: h.candidate.paragraph,
                kind: h.kind, children: h.children.map(node))
        }
        return headings.indices.filter { headings[$0].parent == nil }.map(node)
    }
}
