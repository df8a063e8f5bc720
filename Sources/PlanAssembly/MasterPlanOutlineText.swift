import PlanSupport
import PlanModel

/// The master plan as a readable indented outline, for review and golden tests: numbered
/// headings, each item with its kind, title, the start of its text and its source topics,
/// missing entries and embedded tables.
public enum MasterPlanOutlineText {
    /// Characters of an item's text shown.
    public static let textPrefix = 24

    public static func render(_ plan: MasterPlan, textPrefix: Int = textPrefix) -> String {
        var out: [String] = [plan.title]
        if let subtitle = plan.subtitle { out.append(subtitle) }
        for (i, chapter) in plan.chapters.enumerated() {
            node(chapter, level: 1, index: i, depth: 0, into: &out, prefix: textPrefix, plan: plan)
        }
        if !plan.conflicts.isEmpty {
            out.append("指标冲突：")
            for c in plan.conflicts {
                let values = c.values.map { v in "\(v.text)〔\(topics(v.sources))〕" }
                out.append("  \(c.name) \(c.year)：" + values.joined(separator: " ≠ "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func label(level: Int, index: Int) -> String {
        let n = index + 1
        switch level {
        case 1: return chinese(n) + "、"
        case 2: return "（" + chinese(n) + "）"
        case 3: return "\(n)."
        default: return "（\(n)）"
        }
    }

    static func chinese(_ n: Int) -> String { ChineseNumerals.counting(n) ?? String(n) }

    private static func node(_ n: PlanNode, level: Int, index: Int, depth: Int, into out: inout [String], prefix: Int, plan: MasterPlan) {
        let pad = String(repeating: "  ", count: depth)
        out.append(pad + label(level: level, index: index) + n.title)
        if let missing = n.missing { out.append(pad + "  ［缺］" + missing.message) }
        for item in n.items { self.item(item, depth: depth + 1, into: &out, prefix: prefix) }
        for theme in n.themes ?? [] {
            if theme.isTaskIndex {
                out.append(
                    pad
                        + "  ［任务主题］\(theme.label)（\(theme.topicCount)个专题，\(theme.statements.count)项任务）〔\(topics(theme.statements.flatMap(\.sources)))〕"
                )
                continue
            }
            out.append(pad + "  ［主题］\(theme.label)（\(theme.topicCount)个专题）〔\(topics(theme.statements.flatMap(\.sources)))〕")
            self.item(theme.representative, depth: depth + 2, into: &out, prefix: prefix)
            for w in theme.wordings { self.item(w, depth: depth + 3, into: &out, prefix: prefix) }
        }
        if let embed = n.embed { out.append(pad + "  ［表］" + table(embed, plan)) }
        for (i, child) in n.children.enumerated() {
            node(child, level: level + 1, index: i, depth: depth + 1, into: &out, prefix: prefix, plan: plan)
        }
    }

    private static func item(_ item: PlanItem, depth: Int, into out: inout [String], prefix: Int) {
        let pad = String(repeating: "  ", count: depth)
        var line = pad + "- " + kind(item)
        if let title = item.title { line += " " + title + (item.text.isEmpty ? "" : "：") } else { line += " " }
        if !item.text.isEmpty {
            let flat = item.text.replacingOccurrences(of: "\n", with: " ")
            line += flat.count > prefix ? String(flat.prefix(prefix)) + "…" : flat
        }
        line += "〔\(topics(item.sources))〕"
        out.append(line)
        for child in item.children { self.item(child, depth: depth + 1, into: &out, prefix: prefix) }
    }

    private static func kind(_ item: PlanItem) -> String {
        switch item.kind {
        case .text: "［文］"
        case .guiding: "［指导思想］"
        case .principle: "［原则］"
        case .goal: "［目标\(item.year.map { " \($0)" } ?? "")］"
        case .task: "［任务］"
        case .project: "［项目］"
        case .safeguard: "［措施］"
        }
    }

    /// Source topics in order, repeated topics once ("1, 2, S4").
    static func topics(_ sources: [ItemSource]) -> String {
        var seen: [String] = []
        for s in sources {
            let t = s.topic ?? "?"
            if !seen.contains(t) { seen.append(t) }
        }
        return seen.joined(separator: ", ")
    }

    private static func table(_ embed: EmbeddedTable, _ plan: MasterPlan) -> String {
        switch embed {
        case .indicatorSummary: "主要指标表（\(plan.indicators.filter(\.main).count) 项）"
        case .indicatorTable: "指标汇总表（\(plan.indicators.count) 项，\(plan.indicators.filter(\.conflict).count) 项数值不一致）"
        case .coverageTable:
            "专题规划编制情况表（\(plan.coverage.count) 个专题，已收到 \(plan.coverage.filter { $0.status == .present }.count) 个）"
        case .conflictTable: "指标冲突表（\(plan.conflicts.count) 处）"
        }
    }
}

/// Figures of an assembled plan: how much was merged.
public struct MasterPlanStatistics: Sendable, Hashable {
    /// Items in the chapters, sub-items included.
    public var items: Int
    /// Items that merge statements of several drafts.
    public var mergedItems: Int
    /// Statements folded into another one (sources beyond the first, from other files).
    public var foldedStatements: Int
    public var indicatorRows: Int
    public var conflicts: Int
    public var missingTopics: Int

    public init(_ plan: MasterPlan) {
        var items = 0
        var merged = 0
        var folded = 0
        func visit(_ item: PlanItem) {
            items += 1
            let files = Set(item.sources.map(\.file)).count
            if files > 1 {
                merged += 1
                folded += files - 1
            }
            item.children.forEach(visit)
        }
        func visit(_ node: PlanNode) {
            node.items.forEach(visit)
            (node.themes ?? []).flatMap(\.statements).forEach(visit)
            node.children.forEach(visit)
        }
        plan.chapters.forEach(visit)
        self.items = items
        mergedItems = merged
        foldedStatements = folded
        indicatorRows = plan.indicators.count
        conflicts = plan.conflicts.count
        missingTopics = plan.coverage.filter { $0.status == .missing }.count
    }
}
