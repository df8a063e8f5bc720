import PlanSupport
import PlanModel

/// The Chinese words of the report: labels of section kinds, severities, statuses, and the
/// way a place in a draft is written.
enum ReportWords {
    /// 专题1 / 战略研究S4.
    static func topicLabel(_ id: String) -> String { CatalogLabel.topic(id) }

    static func sectionName(_ raw: String) -> String {
        SectionKind(rawValue: raw)?.chineseName ?? raw
    }

    static func severityName(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }

    /// Two drafts of a topic nothing tells apart (parallel versions): never called superseded.
    static let undecidable = "两个版本无法区分先后"

    static func isUndecidable(_ record: InputRecord) -> Bool { record.status == .parallel }

    /// The status of an input as the report names it.
    static func inputStatusName(_ record: InputRecord) -> String { inputStatusName(record.status) }

    static func inputStatusName(_ s: InputRecord.Status) -> String {
        switch s {
        case .used: "已采用"
        case .superseded: "已被新稿替代"
        case .parallel: undecidable
        case .unassigned: "无法归属专题"
        case .rejected: "无法读取"
        case .ignored: "已忽略"
        }
    }

    /// "2025 年目标", "基期值".
    static func yearName(_ year: String) -> String {
        year == "baseline" ? "基期值" : "\(year) 年目标"
    }

    /// The day of a W3CDTF date ("2020-10-20T08:00:00Z" → "2020-10-20").
    static func day(_ w3cdtf: String?) -> String {
        guard let w3cdtf else { return "" }
        return String(w3cdtf.prefix(10))
    }

    /// Reader findings about styles, numbering and the package: counted, not listed, as in
    /// `plan-assembler check` — they do not affect what was understood of the content.
    static func isTechnical(_ d: Diagnostic) -> Bool {
        d.audience == .technical
    }

    /// "第 27 段（二、总体要求 > （三）发展目标）", "第 27 段", "（二、总体要求）", or "全文"
    /// when nothing is known. Paragraphs are counted from 1 for people (indices are from 0).
    static func place(paragraph: Int?, headingPath: [String]) -> String {
        let path = headingPath.joined(separator: " > ")
        switch (paragraph, path.isEmpty) {
        case (let p?, false): return "第 \(p + 1) 段（\(path)）"
        case (let p?, true): return "第 \(p + 1) 段"
        case (nil, false): return "（\(path)）"
        case (nil, true): return "全文"
        }
    }

    /// Where a diagnostic points, for parts other than the main story.
    static func partName(_ part: String) -> String {
        switch part {
        case "word/document.xml": "正文"
        case "word/styles.xml": "样式定义"
        case "word/numbering.xml": "编号定义"
        case "word/footnotes.xml": "脚注"
        case "word/endnotes.xml": "尾注"
        case "word/comments.xml": "批注"
        case "docProps/core.xml": "文档属性"
        default: part.hasPrefix("word/header") ? "页眉" : part.hasPrefix("word/footer") ? "页脚" : part
        }
    }
}
