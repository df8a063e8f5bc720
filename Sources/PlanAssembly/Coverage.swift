import PlanSupport
import PlanModel
import PlanTemplates

/// 专题规划编制情况: one row per catalog entry, in catalog order.
struct CoverageBuilder {
    /// Section kinds every draft should have (`sections.yaml` `required`).
    let required: [String]
    let catalog: Catalog

    func coverage(slots: [TopicSlot], conflicts: [IndicatorConflict]) -> [CoverageEntry] {
        slots.map { slot in
            var entry = CoverageEntry(
                topicId: slot.topic.id, part: slot.topic.part, title: slot.topic.title, status: .missing,
                superseded: slot.superseded)
            entry.partTitle = catalog.part(slot.topic.part)?.title
            guard let draft = slot.draft else { return entry }
            entry.status = .present
            entry.draft = draft.source.file
            entry.version = draft.version
            entry.modified = draft.source.modified
            entry.goals = draft.goals.count
            entry.indicators = draft.indicators.count
            entry.tasks = draft.tasks.count
            entry.safeguards = draft.safeguards.count
            let found = Set(draft.sections.map(\.kind.rawValue))
            entry.missingSections = required.filter { !found.contains($0) }
            var keys: [String] = []
            for c in conflicts where c.values.contains(where: { v in v.sources.contains { $0.topic == slot.topic.id } }) {
                if !keys.contains(c.key) { keys.append(c.key) }
            }
            entry.conflicts = keys
            entry.problems = draft.diagnostics.filter { $0.severity >= .warning }
            let paragraphs = Array(Set(entry.problems.compactMap { $0.location?.paragraphIndex })).sorted()
            entry.problemLocations = paragraphs.map {
                DraftLocation(paragraph: $0, headingPath: CoverageBuilder.headingPath(of: $0, in: draft.outline))
            }
            return entry
        }
    }
}

extension CoverageBuilder {
    /// The headings (label + title) a paragraph stands under: at each level, the last heading
    /// that starts at or before it.
    static func headingPath(of paragraph: Int, in outline: [OutlineNode]) -> [String] {
        var path: [String] = []
        var level = outline
        while let node = level.last(where: { $0.paragraph <= paragraph }) {
            path.append(node.displayTitle)
            level = node.children
        }
        return path
    }
}

/// The drop-folder accounting: the lead's records, sorted by file name, with the topic, the
/// newer draft and a reason filled in from the drafts where the record has none.
enum InputAccounting {
    static func records(_ inputs: [InputRecord], drafts: [DraftExtraction], catalog: Catalog) -> [InputRecord] {
        let byFile = Dictionary(drafts.map { ($0.source.file, $0) }, uniquingKeysWith: { a, _ in a })
        return inputs.map { record in
            var r = record
            guard let draft = byFile[r.file] else { return r }
            if r.topic == nil { r.topic = draft.topic.id }
            if r.sha256 == nil { r.sha256 = draft.source.sha256 }
            switch r.status {
            case .used:
                if r.reason == nil, let id = draft.topic.id {
                    let title = catalog.topic(id)?.title ?? draft.topic.title ?? ""
                    r.reason = "已汇总：专题\(id)《\(title)》" + (draft.version.map { "（\($0)）" } ?? "")
                }
            case .superseded:
                if r.supersededBy == nil { r.supersededBy = draft.supersededBy }
                if r.reason == nil, let newer = r.supersededBy {
                    r.reason = "已被同一专题的较新稿件“\(newer)”取代，未汇总"
                }
            case .unassigned:
                if r.reason == nil {
                    let near = draft.topic.candidates.prefix(2).map { c in
                        "专题\(c.id)（\(ValueText.number((c.score * 100).rounded()))%）"
                    }
                    r.reason = "未能确定所属专题，未汇总" + (near.isEmpty ? "" : "；最接近：" + near.joined(separator: "、"))
                }
            case .parallel:
                if r.takenInstead == nil { r.takenInstead = draft.supersededBy }
                if r.reason == nil, let other = r.takenInstead {
                    r.reason = "两个版本无法区分先后：按文件名顺序采用“\(other)”，本稿未汇总（请确认以哪一份为准）"
                }
            case .rejected, .ignored:
                break
            }
            return r
        }
    }
}
