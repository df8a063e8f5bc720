import PlanModel

/// This build's master plan against an earlier one (`changes.json`). Deterministic: every
/// list is in a fixed order (chapter order, then text; indicator key, then year; file name).
public enum PlanComparison {
    public static func compare(previous: MasterPlan?, current: MasterPlan) -> PlanChanges {
        guard let previous else { return PlanChanges(compared: false) }
        return PlanChanges(
            compared: true, previousDate: previous.date,
            drafts: drafts(previous, current), indicators: indicators(previous, current),
            statements: statements(previous, current), coverage: coverage(previous, current),
            conflicts: conflicts(previous, current))
    }

    // MARK: Drafts

    static func drafts(_ old: MasterPlan, _ new: MasterPlan) -> [DraftChange] {
        let oldInputs = Dictionary(old.inputs.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let newInputs = Dictionary(new.inputs.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let oldCoverage = Dictionary(old.coverage.map { ($0.topicId, $0) }, uniquingKeysWith: { a, _ in a })
        let newCoverage = Dictionary(new.coverage.map { ($0.topicId, $0) }, uniquingKeysWith: { a, _ in a })
        func version(_ plan: [String: CoverageEntry], _ file: String, _ topic: String?) -> String? {
            topic.flatMap { plan[$0] }.flatMap { $0.draft == file ? $0.version : nil }
        }
        var out: [DraftChange] = []
        var replacedFiles: Set<String> = []
        // Files a replacement took over from: listed with it, not again as superseded or removed.
        var replacedBy: Set<String> = []
        // A topic now taken from another file.
        for entry in new.coverage.sorted(by: { $0.topicId < $1.topicId }) {
            guard let file = entry.draft, let before = oldCoverage[entry.topicId]?.draft, before != file else { continue }
            out.append(
                DraftChange(
                    kind: .replaced, file: file, topic: entry.topicId, previousFile: before, version: entry.version,
                    previousVersion: oldCoverage[entry.topicId]?.version))
            replacedFiles.insert(file)
            replacedBy.insert(before)
        }
        for record in new.inputs.sorted(by: { $0.file < $1.file }) where record.status != .ignored {
            if oldInputs[record.file] == nil, !replacedFiles.contains(record.file) {
                out.append(
                    DraftChange(
                        kind: .added, file: record.file, topic: record.topic, version: version(newCoverage, record.file, record.topic)))
            } else if record.status == .superseded, !replacedBy.contains(record.file), let before = oldInputs[record.file],
                before.status != .superseded
            {
                out.append(
                    DraftChange(
                        kind: .superseded, file: record.file, topic: record.topic, previousFile: record.supersededBy,
                        previousVersion: version(oldCoverage, record.file, before.topic)))
            }
        }
        for record in old.inputs.sorted(by: { $0.file < $1.file })
        where record.status != .ignored && newInputs[record.file] == nil && !replacedBy.contains(record.file) {
            out.append(
                DraftChange(
                    kind: .removed, file: record.file, topic: record.topic, previousVersion: version(oldCoverage, record.file, record.topic)
                ))
        }
        return out
    }

    // MARK: Indicators

    static func values(_ plan: MasterPlan) -> [String: (name: String, values: [ChangedValue])] {
        var out: [String: (String, [ChangedValue])] = [:]
        for row in plan.indicators {
            func add(_ year: String, _ list: [SourcedValue]) {
                let values = list.map { ChangedValue(text: $0.text, unit: row.unit, files: unique($0.sources.map(\.file)).sorted()) }
                out[row.key + "\u{1}" + year] = (row.name, values.sorted { ($0.text, $0.files.joined()) < ($1.text, $1.files.joined()) })
            }
            if !row.baseline.isEmpty { add("baseline", row.baseline) }
            for (year, list) in row.targets where !list.isEmpty { add(year, list) }
        }
        return out
    }

    static func indicators(_ old: MasterPlan, _ new: MasterPlan) -> [IndicatorChange] {
        let a = values(old)
        let b = values(new)
        var out: [IndicatorChange] = []
        for id in Set(a.keys).union(b.keys).sorted() {
            let before = a[id]?.values ?? []
            let after = b[id]?.values ?? []
            // Compared by what is written and its unit: the same figures from renamed files are no change.
            func shape(_ v: [ChangedValue]) -> [String] { v.map { $0.text + "\u{1}" + ($0.unit ?? "") }.sorted() }
            guard shape(before) != shape(after) else { continue }
            let parts = id.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
            out.append(
                IndicatorChange(key: parts[0], name: b[id]?.name ?? a[id]?.name ?? parts[0], year: parts[1], before: before, after: after))
        }
        return out
    }

    // MARK: Statements

    static func statements(_ plan: MasterPlan) -> [(chapter: String, text: String, files: [String])] {
        var out: [(String, String, [String])] = []
        func items(_ list: [PlanItem], _ chapter: String) {
            for item in list {
                let text = ((item.title.map { $0 + "：" }) ?? "") + item.text
                if !text.isEmpty { out.append((chapter, text, unique(item.sources.map(\.file)).sorted())) }
                items(item.children, chapter)
            }
        }
        func node(_ n: PlanNode, _ chapter: String) {
            items(n.items, chapter)
            for c in n.children { node(c, chapter) }
        }
        for chapter in plan.chapters { node(chapter, chapter.title) }
        return out
    }

    static func statements(_ old: MasterPlan, _ new: MasterPlan) -> [StatementChange] {
        let a = statements(old)
        let b = statements(new)
        let oldKeys = Set(a.map { $0.chapter + "\u{1}" + $0.text })
        let newKeys = Set(b.map { $0.chapter + "\u{1}" + $0.text })
        var out: [StatementChange] = []
        var seen: Set<String> = []
        for s in b where !oldKeys.contains(s.chapter + "\u{1}" + s.text) && seen.insert("+" + s.chapter + s.text).inserted {
            out.append(StatementChange(kind: .added, chapter: s.chapter, text: s.text, files: s.files))
        }
        for s in a where !newKeys.contains(s.chapter + "\u{1}" + s.text) && seen.insert("-" + s.chapter + s.text).inserted {
            out.append(StatementChange(kind: .removed, chapter: s.chapter, text: s.text, files: s.files))
        }
        // Chapter order of the current plan, then the earlier one's.
        let order = unique(new.chapters.map(\.title) + old.chapters.map(\.title))
        let rank = Dictionary(order.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return out.enumerated().sorted { x, y in
            let (i, a) = x
            let (j, b) = y
            let ra = rank[a.chapter] ?? Int.max
            let rb = rank[b.chapter] ?? Int.max
            if ra != rb { return ra < rb }
            return i < j
        }.map(\.element)
    }

    // MARK: Coverage and conflicts

    static func coverage(_ old: MasterPlan, _ new: MasterPlan) -> [CoverageChange] {
        let before = Dictionary(old.coverage.map { ($0.topicId, $0.status.rawValue) }, uniquingKeysWith: { a, _ in a })
        return new.coverage.compactMap { entry in
            let was = before[entry.topicId] ?? "absent"
            return was == entry.status.rawValue
                ? nil
                : CoverageChange(topicId: entry.topicId, title: entry.title, before: was, after: entry.status.rawValue)
        }
    }

    static func conflicts(_ old: MasterPlan, _ new: MasterPlan) -> [ConflictChange] {
        func keyed(_ plan: MasterPlan) -> [String: IndicatorConflict] {
            Dictionary(plan.conflicts.map { ($0.key + "\u{1}" + $0.year, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let a = keyed(old)
        let b = keyed(new)
        var out: [ConflictChange] = []
        for k in Set(a.keys).union(b.keys).sorted() {
            if let c = b[k], a[k] == nil { out.append(ConflictChange(kind: .appeared, key: c.key, name: c.name, year: c.year)) }
            if let c = a[k], b[k] == nil { out.append(ConflictChange(kind: .resolved, key: c.key, name: c.name, year: c.year)) }
        }
        return out
    }

    private static func unique(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }
}

import Foundation

extension PlanComparison {
    /// The master plan in the JSON file at `path` (an earlier build's master-plan.json), or nil
    /// when there is none or it cannot be read (then there is nothing to compare with).
    public static func previousPlan(_ path: String) -> MasterPlan? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(MasterPlan.self, from: data)
    }
}
