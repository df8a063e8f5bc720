import DocumentModel
import PlanModel

/// Sets the section kind of each heading from its text and the nesting rules of
/// `Templates/sections.yaml`: below a kind whose sub-headings are items (tasks, measures) nothing
/// is a section; a heading whose sub-headings name only its own kind keeps it alone; a heading
/// with sub-headings of other kinds is a mere container (二、总体要求, 三、战略思路与目标).
struct SectionKindResolver: Sendable {
    var matcher: SectionMatcher

    func resolve(_ headings: inout [OutlineHeading]) {
        for i in headings.indices where headings[i].parent == nil {
            visit(i, insideItems: false, &headings)
        }
    }

    private func visit(_ i: Int, insideItems: Bool, _ headings: inout [OutlineHeading]) {
        if insideItems {
            headings[i].kind = nil
            headings[i].namedKinds = []
            for c in headings[i].children { visit(c, insideItems: true, &headings) }
            return
        }
        let matches = matcher.matches(headings[i].candidate.title)
        let kind = matches.first?.kind
        headings[i].kind = kind
        headings[i].namedKinds =
            matches.first?.exact == true ? [] : Array(matches.dropFirst().filter { !$0.exact }.map(\.kind))
        let itemsBelow = kind.map(matcher.itemsBelow) ?? false
        for c in headings[i].children { visit(c, insideItems: itemsBelow, &headings) }
        guard let kind, !itemsBelow else { return }

        let below = descendants(of: i, headings).filter { headings[$0].kind != nil }
        if below.isEmpty { return }
        if below.allSatisfy({ headings[$0].kind == kind }) {
            // "一、发展基础与面临形势" > "（三）面临的形势": one basis section, the outer one.
            for d in below { headings[d].kind = nil }
        } else {
            // "三、战略思路与目标" > 指导思想, 基本原则, 目标任务: the sub-headings are the sections.
            headings[i].kind = nil
            headings[i].namedKinds = []
        }
    }

    private func descendants(of i: Int, _ headings: [OutlineHeading]) -> [Int] {
        headings[i].children.flatMap { [$0] + descendants(of: $0, headings) }
    }
}

/// Reports labelled sibling headings whose numbers do not follow one another (（三） after （一）).
enum HeadingOrderCheck {
    static func check(_ headings: [OutlineHeading]) -> [Diagnostic] {
        var groups: [[Int]] = [headings.indices.filter { headings[$0].parent == nil }]
        groups += headings.map(\.children)
        var out: [Diagnostic] = []
        for group in groups {
            var last: [String: (ordinal: Int, display: String)] = [:]
            for i in group {
                let c = headings[i].candidate
                guard let label = c.label, let n = label.ordinal else { continue }
                let previous = last[label.depthKey]
                let expected = (previous?.ordinal ?? 0) + 1
                if n != expected {
                    let after = previous.map { "位于“\($0.display)”之后" } ?? "是上级标题下同类标题的第一个"
                    out.append(Diagnostic(
                        severity: .warning, code: "extract.heading-order",
                        message: "标题“\(c.displayTitle)”\(after)，序号应为 \(expected)，实为 \(n)",
                        location: SourceLocation(part: "word/document.xml", paragraphIndex: c.paragraph, path: c.path)))
                }
                last[label.depthKey] = (n, c.displayTitle)
            }
        }
        return out.sorted { ($0.location?.paragraphIndex ?? 0) < ($1.location?.paragraphIndex ?? 0) }
    }

    /// Reports headings whose style level differs from that of the first heading of the same
    /// label kind (a （一） in "heading 3" where the others are "heading 2"): the label decides the
    /// depth, the draft's styles should be fixed.
    static func styleMismatches(_ headings: [OutlineHeading]) -> [Diagnostic] {
        var first: [String: (level: Int, display: String)] = [:]
        var out: [Diagnostic] = []
        for h in headings {
            let c = h.candidate
            guard let key = c.label?.depthKey, let style = c.styleLevel else { continue }
            guard let known = first[key] else {
                first[key] = (style, c.displayTitle)
                continue
            }
            if known.level != style {
                out.append(Diagnostic(
                    severity: .info, code: "extract.heading-style-mismatch",
                    message: "标题“\(c.displayTitle)”的大纲级别为 \(style + 1) 级，而同类编号的“\(known.display)”为 \(known.level + 1) 级；已按编号归入第 \(h.level) 级，建议统一标题样式",
                    location: SourceLocation(part: "word/document.xml", paragraphIndex: c.paragraph, path: c.path)))
            }
        }
        return out
    }
}
