import DocumentModel
import PlanSupport
import PlanModel

/// A top-level body block with where it stands in the draft.
public struct LocatedBlock: Sendable, Hashable {
    public var block: Block
    /// Paragraph index (the first paragraph of a table), the headings above it, the part path.
    public var location: DraftLocation

    public init(block: Block, location: DraftLocation) {
        self.block = block
        self.location = location
    }

    /// The paragraph, when the block is one.
    public var paragraph: Paragraph? {
        if case .paragraph(let p) = block { return p }
        return nil
    }
}

/// The body blocks of a draft against its outline: which heading each block stands under, and
/// the block ranges that headings cover.
struct BodyMap: Sendable {
    let body: [Block]
    let headings: [OutlineHeading]
    let roles: [ParagraphRole]
    /// Heading index of each block that is a heading.
    private(set) var headingAt: [Int: Int] = [:]
    /// For each block, the heading it stands under (the block's own heading for a heading).
    private(set) var owner: [Int?] = []

    init(body: [Block], outline: Outline) {
        self.body = body
        headings = outline.headings
        roles = outline.roles
        for (i, h) in headings.enumerated() { headingAt[h.candidate.blockIndex] = i }
        var current: Int? = nil
        for b in body.indices {
            if let h = headingAt[b] { current = h }
            owner.append(current)
        }
    }

    /// Display titles of `heading` and its ancestors, outermost first.
    func path(through heading: Int?) -> [String] {
        var out: [String] = []
        var cursor = heading
        while let i = cursor {
            out.insert(headings[i].candidate.displayTitle, at: 0)
            cursor = headings[i].parent
        }
        return out
    }

    /// Where block `b` stands: for a heading, the headings above it; for body, every enclosing heading.
    func location(ofBlock b: Int) -> DraftLocation {
        let pathHeading: Int? = headingAt[b].map { headings[$0].parent } ?? owner[b]
        let block = body[b]
        switch block {
        case .paragraph(let p):
            return DraftLocation(paragraph: p.location.paragraphIndex, headingPath: path(through: pathHeading), path: p.location.path)
        case .table(let t):
            return DraftLocation(
                paragraph: block.paragraphs.first?.location.paragraphIndex, headingPath: path(through: pathHeading),
                path: t.location.path)
        }
    }

    /// Index past the last heading of `heading`'s subtree.
    func subtreeEnd(_ heading: Int) -> Int {
        var k = heading + 1
        while k < headings.count, headings[k].level > headings[heading].level { k += 1 }
        return k
    }

    /// Blocks under `heading`, sub-headings included (the heading itself excluded).
    func range(of heading: Int) -> Range<Int> {
        let start = headings[heading].candidate.blockIndex + 1
        let k = subtreeEnd(heading)
        let end = k < headings.count ? headings[k].candidate.blockIndex : body.count
        return start..<max(start, end)
    }

    /// Blocks between `heading` and its first sub-heading.
    func directRange(of heading: Int) -> Range<Int> {
        let start = headings[heading].candidate.blockIndex + 1
        let end = heading + 1 < headings.count ? headings[heading + 1].candidate.blockIndex : body.count
        return start..<max(start, end)
    }

    func isHeading(_ b: Int) -> Bool { headingAt[b] != nil }

    /// Non-heading blocks under `heading` that carry content (non-empty paragraphs, tables).
    func bodyBlocks(of heading: Int) -> [Int] {
        range(of: heading).filter { !isHeading($0) && hasContent($0) }
    }

    func hasContent(_ b: Int) -> Bool {
        switch body[b] {
        case .paragraph(let p): return !OutlineText.trim(p.text).isEmpty
        case .table: return true
        }
    }

    func text(ofBlock b: Int) -> String {
        switch body[b] {
        case .paragraph(let p): return OutlineText.trim(p.text)
        case .table(let t): return t.rows.map { $0.cells.map(\.text).joined(separator: "\t") }.joined(separator: "\n")
        }
    }
}
