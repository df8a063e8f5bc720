/// What changed between the previous build's master plan and this one (`changes.json`,
/// schema `Templates/schema/changes.schema.json`): drafts added, replaced, superseded and
/// removed; indicator values, units and years changed; statements added or removed per
/// chapter; coverage and conflicts that appeared or were resolved.
public struct PlanChanges: Sendable, Hashable, Codable {
    public var schemaVersion: Int
    /// False on a first build (nothing to compare with): every list is empty.
    public var compared: Bool
    /// The earlier master plan's date, when compared.
    public var previousDate: String?
    public var drafts: [DraftChange]
    public var indicators: [IndicatorChange]
    public var statements: [StatementChange]
    public var coverage: [CoverageChange]
    public var conflicts: [ConflictChange]

    public init(
        compared: Bool, previousDate: String? = nil, drafts: [DraftChange] = [], indicators: [IndicatorChange] = [],
        statements: [StatementChange] = [], coverage: [CoverageChange] = [], conflicts: [ConflictChange] = []
    ) {
        self.schemaVersion = 1
        self.compared = compared
        self.previousDate = previousDate
        self.drafts = drafts
        self.indicators = indicators
        self.statements = statements
        self.coverage = coverage
        self.conflicts = conflicts
    }

    /// Compared, and nothing changed.
    public var isEmpty: Bool {
        drafts.isEmpty && indicators.isEmpty && statements.isEmpty && coverage.isEmpty && conflicts.isEmpty
    }

    /// One sentence for the report and the DOCX (Chinese).
    public var headline: String {
        if !compared { return "首次汇编，没有可比较的上一版。" }
        if isEmpty { return "与上一版（\(previousDate ?? "日期不详")）相比没有变化（no changes）。" }
        return "与上一版（\(previousDate ?? "日期不详")）相比：稿件变化 \(drafts.count) 项，指标变化 \(indicators.count) 项，"
            + "条目增删 \(statements.count) 项，覆盖变化 \(coverage.count) 项，冲突变化 \(conflicts.count) 项。"
    }
}

public struct DraftChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A file not in the previous build.
        case added
        /// The draft a topic is taken from is another file (a newer version).
        case replaced
        /// A file used before is now superseded by a newer one.
        case superseded
        /// A file of the previous build no longer in the drop folder.
        case removed
    }

    public var kind: Kind
    public var file: String
    public var topic: String?
    /// replaced: the file it replaces.
    public var previousFile: String?
    public var version: String?
    public var previousVersion: String?

    public init(
        kind: Kind, file: String, topic: String? = nil, previousFile: String? = nil, version: String? = nil, previousVersion: String? = nil
    ) {
        self.kind = kind
        self.file = file
        self.topic = topic
        self.previousFile = previousFile
        self.version = version
        self.previousVersion = previousVersion
    }
}

public struct IndicatorChange: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    /// The target year ("2025") or "baseline".
    public var year: String
    /// Values as written, with their unit and the files they come from; empty when the
    /// indicator had (or has) no value for that year.
    public var before: [ChangedValue]
    public var after: [ChangedValue]

    public init(key: String, name: String, year: String, before: [ChangedValue], after: [ChangedValue]) {
        self.key = key
        self.name = name
        self.year = year
        self.before = before
        self.after = after
    }
}

public struct ChangedValue: Sendable, Hashable, Codable {
    public var text: String
    public var unit: String?
    public var files: [String]

    public init(text: String, unit: String?, files: [String]) {
        self.text = text
        self.unit = unit
        self.files = files
    }
}

public struct StatementChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case added, removed }
    public var kind: Kind
    /// The top-level chapter's title.
    public var chapter: String
    public var text: String
    public var files: [String]

    public init(kind: Kind, chapter: String, text: String, files: [String]) {
        self.kind = kind
        self.chapter = chapter
        self.text = text
        self.files = files
    }
}

public struct CoverageChange: Sendable, Hashable, Codable {
    public var topicId: String
    public var title: String
    public var before: String
    public var after: String

    public init(topicId: String, title: String, before: String, after: String) {
        self.topicId = topicId
        self.title = title
        self.before = before
        self.after = after
    }
}

public struct ConflictChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case appeared, resolved }
    public var kind: Kind
    public var key: String
    public var name: String
    public var year: String

    public init(kind: Kind, key: String, name: String, year: String) {
        self.kind = kind
        self.key = key
        self.name = name
        self.year = year
    }
}

extension PlanChanges {
    /// One line of the 修改说明 table (report and DOCX): category, what happened, what, source.
    public struct Row: Sendable, Hashable {
        public var category: String
        public var kind: String
        public var text: String
        public var source: String
    }

    /// Every change as a row, in the order of `changes.json` (Chinese).
    public var rows: [Row] {
        var out: [Row] = []
        func topic(_ id: String?) -> String { id.map { CatalogLabel.topic($0) + " " } ?? "" }
        for d in drafts {
            switch d.kind {
            case .added:
                out.append(
                    Row(
                        category: "稿件", kind: "新增", text: "\(topic(d.topic))《\(d.file)》\(d.version.map { "（\($0)）" } ?? "")", source: d.file
                    ))
            case .replaced:
                out.append(
                    Row(
                        category: "稿件", kind: "替换",
                        text:
                            "\(topic(d.topic))《\(d.previousFile ?? "")》（\(d.previousVersion ?? "未注明")）→《\(d.file)》（\(d.version ?? "未注明")）",
                        source: d.file))
            case .superseded:
                out.append(
                    Row(category: "稿件", kind: "被取代", text: "\(topic(d.topic))《\(d.file)》已被《\(d.previousFile ?? "")》取代", source: d.file))
            case .removed:
                out.append(Row(category: "稿件", kind: "移除", text: "\(topic(d.topic))《\(d.file)》不再在收稿文件夹中", source: d.file))
            }
        }
        func values(_ v: [ChangedValue]) -> String {
            v.isEmpty
                ? "无" : v.map { value in value.text + (value.unit.map { value.text.hasSuffix($0) ? "" : $0 } ?? "") }.joined(separator: "、")
        }
        for i in indicators {
            let year = i.year == "baseline" ? "基期值" : "\(i.year)年"
            let kind = i.before.isEmpty ? "新增" : i.after.isEmpty ? "删除" : "修改"
            let files = Set(i.after.flatMap(\.files) + i.before.flatMap(\.files)).sorted()
            out.append(
                Row(
                    category: "指标", kind: kind, text: "\(i.name)（\(year)）：\(values(i.before)) → \(values(i.after))",
                    source: files.joined(separator: "、")))
        }
        for s in statements {
            out.append(
                Row(
                    category: "条目", kind: s.kind == .added ? "新增" : "删除", text: "【\(s.chapter)】\(s.text)",
                    source: s.files.joined(separator: "、")))
        }
        func status(_ s: String) -> String { s == "present" ? "有稿件" : s == "missing" ? "缺稿" : "无此专题" }
        for c in coverage {
            out.append(
                Row(
                    category: "覆盖", kind: c.after == "present" ? "补齐" : "缺失",
                    text: "\(CatalogLabel.topic(c.topicId)) \(c.title)：\(status(c.before)) → \(status(c.after))", source: ""))
        }
        for c in conflicts {
            let year = c.year == "baseline" ? "基期值" : "\(c.year)年"
            out.append(Row(category: "冲突", kind: c.kind == .appeared ? "出现" : "已解决", text: "\(c.name)（\(year)）", source: ""))
        }
        return out
    }
}
