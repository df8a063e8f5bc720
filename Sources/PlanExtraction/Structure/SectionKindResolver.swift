import DocumentModel
import PlanSupport
import PlanModel

/// Sets the section kind of each heading from its text, its place in the plan and the nesting
/// rules of `Templates/sections.yaml`: below a kind whose sub-headings are items (tasks, measures)
/// nothing is a section; a heading whose sub-headings name only its own kind keeps it alone; a
/// heading with sub-headings of other kinds is a mere container (二、总体要求, 三、战略思路与目标).
/// A plan-role kind (保障措施) named only by a contained word counts where the heading is about
/// the plan or is its last top-level heading. The top-level chapters without a kind of their own
/// between the goals (or the last task chapter) and the safeguards (or the end) are task chapters.
struct SectionKindResolver: Sendable {
    var matcher: SectionMatcher

    func resolve(_ headings: inout [OutlineHeading]) {
        let tops = headings.indices.filter { headings[$0].parent == nil }
        // The plan's last top-level heading, appendices aside: where it closes (保障措施).
        let closing = tops.last { i in !(matcher.kind(of: headings[i].candidate.title).map(matcher.topLevel) ?? false) }
        for i in tops {
            visit(i, insideItems: false, closing: closing, &headings)
        }
        assignTasksByPosition(&headings, tops: tops)
    }

    private func visit(_ i: Int, insideItems: Bool, closing: Int?, _ headings: inout [OutlineHeading]) {
        if insideItems {
            headings[i].kind = nil
            headings[i].namedKinds = []
            for c in headings[i].children { visit(c, insideItems: true, closing: closing, &headings) }
            return
        }
        let matches = matcher.matches(headings[i].candidate.title, closing: i == closing)
        let kind = matches.first?.kind
        headings[i].kind = kind
        headings[i].namedKinds =
            matches.first?.exact == true ? [] : Array(matches.dropFirst().filter { !$0.exact }.map(\.kind))
        let itemsBelow = kind.map(matcher.itemsBelow) ?? false
        for c in headings[i].children { visit(c, insideItems: itemsBelow, closing: closing, &headings) }
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

    /// A plan states what it will do in the top-level chapters after the one holding its goals
    /// (else principles, guiding ideas, basis) — or after the last one named tasks, when that
    /// comes later — and before the one holding its safeguards (else its appendices, else its
    /// end): those chapters without a kind of their own are task chapters, their sub-headings
    /// items (national outlines: the 篇 between 第一篇 and 加强规划实施保障; a work report's
    /// chapters after 主要目标和任务). A chapter that holds projects is left alone.
    private func assignTasksByPosition(_ headings: inout [OutlineHeading], tops: [Int]) {
        func top(_ i: Int) -> Int {
            var k = i
            while let p = headings[k].parent { k = p }
            return k
        }
        func firstTop(_ kind: SectionKind) -> Int? {
            headings.indices.first { headings[$0].kind == kind || headings[$0].namedKinds.contains(kind) }.map(top)
        }
        let before: [SectionKind] = [.goals, .principles, .guiding]
        guard let goals = before.compactMap(firstTop).max() ?? firstTop(.basis) else { return }
        let lastTasks = headings.indices.last { headings[$0].kind == .tasks || headings[$0].namedKinds.contains(.tasks) }.map(top)
        guard let from = tops.firstIndex(of: max(goals, lastTasks ?? goals)) else { return }
        let lastSafeguards = headings.indices.last { headings[$0].kind == .safeguards }.map(top)
        var to = tops.count
        if let s = lastSafeguards, let k = tops.firstIndex(of: s), k > from {
            to = k
        } else if let k = tops.indices.first(where: { $0 > from && headings[tops[$0]].kind == .appendix }) {
            to = k
        }
        guard from + 1 < to else { return }
        // A plan states its basis, guiding ideas, principles and goals once, before its tasks: a
        // later chapter that only mentions one of them ("如期实现建军一百年奋斗目标") is a task chapter.
        let opening: Set<SectionKind> = [.basis, .guiding, .principles, .goals]
        func restated(_ t: Int) -> Bool {
            guard let kind = headings[t].kind, opening.contains(kind), let first = firstTop(kind), first < t else { return false }
            return matcher.matches(headings[t].candidate.title).first?.exact != true
        }
        for t in tops[(from + 1)..<to] where headings[t].kind == nil || restated(t) {
            let below = descendants(of: t, headings)
            if below.contains(where: { headings[$0].kind == .projects }) { continue }
            headings[t].kind = .tasks
            headings[t].namedKinds = []
            headings[t].kindByPosition = true
            for d in below {
                headings[d].kind = nil
                headings[d].namedKinds = []
            }
        }
    }

    private func descendants(of i: Int, _ headings: [OutlineHeading]) -> [Int] {
        headings[i].children.flatMap { [$0] + descendants(of: $0, headings) }
    }
}

/// Reports labelled sibling headings whose numbers do not follow one another (（三） after （一）).
/// Numbering may also run on across parents, as national outlines number their chapters
/// through the 篇 (第一篇 第一章 第二章 第二篇 第三章): the first heading of a kind under a parent
/// may carry 1 or the number after the previous heading of that kind anywhere above it.
enum HeadingOrderCheck {
    static func check(_ headings: [OutlineHeading]) -> [Diagnostic] {
        var groups: [[Int]] = [headings.indices.filter { headings[$0].parent == nil }]
        groups += headings.map(\.children)
        // The ordinal of the previous heading of the same label kind in document order.
        var runningBefore: [Int: (ordinal: Int, display: String)] = [:]
        var lastOfKind: [String: (ordinal: Int, display: String)] = [:]
        for (i, h) in headings.enumerated() {
            guard let label = h.candidate.label, let n = label.ordinal else { continue }
            if let previous = lastOfKind[label.depthKey] { runningBefore[i] = previous }
            lastOfKind[label.depthKey] = (n, h.candidate.displayTitle)
        }
        var out: [Diagnostic] = []
        for group in groups {
            var last: [String: (ordinal: Int, display: String)] = [:]
            for i in group {
                let c = headings[i].candidate
                guard let label = c.label, let n = label.ordinal else { continue }
                let previous = last[label.depthKey]
                let expected = (previous?.ordinal ?? 0) + 1
                let runOn = previous == nil ? runningBefore[i] : nil
                if n != expected && n != runOn.map({ $0.ordinal + 1 }) {
                    let after: String
                    if let previous {
                        after = "位于“\(previous.display)”之后，序号应为 \(expected)"
                    } else if let runOn {
                        after = "是上级标题下同类标题的第一个，序号应为 1 或接续“\(runOn.display)”为 \(runOn.ordinal + 1)"
                    } else {
                        after = "是上级标题下同类标题的第一个，序号应为 1"
                    }
                    out.append(
                        Diagnostic(
                            .extractHeadingOrder, message: "标题“\(c.displayTitle)”\(after)，实为 \(n)",
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
                out.append(
                    Diagnostic(
                        .extractHeadingStyleMismatch,
                        message:
                            "标题“\(c.displayTitle)”的大纲级别为 \(style + 1) 级，而同类编号的“\(known.display)”为 \(known.level + 1) 级；已按编号归入第 \(h.level) 级，建议统一标题样式",
                        location: SourceLocation(part: "word/document.xml", paragraphIndex: c.paragraph, path: c.path)))
            }
        }
        return out
    }
}
