import DocumentModel
import PlanSupport
import PlanModel

/// What the office tells an editor about their draft, as comments anchored where each finding
/// is: missing and empty sections, goals without indicators, indicators without a year or
/// whose figure could not be read, values that differ from another draft's, tracked changes
/// and comments left open, and how the draft was taken (topic, version, used or not).
public enum DraftFindings {
    /// Diagnostic codes that become comments, with the label each comment starts with.
    static let labels: [DiagnosticCode: String] = [
        .extractMissingSection: "缺少章节",
        .extractEmptySection: "章节无正文",
        .extractGoalsNoIndicator: "目标缺少指标",
        .extractIndicatorNoYear: "指标缺少年份",
        .extractIndicatorUnparsed: "指标无法识别",
        .extractUnresolvedRevisions: "未处理的修订",
        .extractOpenComment: "未处理的批注",
        .extractHeadingOrder: "标题顺序",
        .extractSafeguardsUnstructured: "保障措施",
        .extractTopicUnknown: "专题无法识别",
        .extractTopicAmbiguous: "专题无法确定",
        .extractOutOfScope: "不属于本规划范围",
        .extractSupersedeUncertain: "版本无法确定",
    ]

    /// The comments for one draft. `document` is the draft as read (accepted view), for the
    /// title's place and paragraph indexes without a path; `plan` (when built with others)
    /// gives the conflicts with other drafts and what became of this draft.
    public static func comments(for draft: DraftExtraction, document: Document, plan: MasterPlan? = nil) -> [FeedbackComment] {
        comments(for: draft, basis: FeedbackBasis(draft: draft, document: document), plan: plan)
    }

    /// The comments for one draft from what was taken of it when it was read (`basis`):
    /// nothing is read again. `draft` needs only its header (source, topic, version,
    /// `supersededBy`); the findings and anchors are the basis's.
    public static func comments(for draft: DraftExtraction, basis: FeedbackBasis, plan: MasterPlan? = nil) -> [FeedbackComment] {
        func path(_ location: DraftLocation?) -> String? {
            guard let location else { return nil }
            return location.path ?? location.paragraph.flatMap { basis.paragraphPaths[$0] }
        }
        var out: [FeedbackComment] = []
        // How the draft was taken.
        out.append(FeedbackComment(path: basis.titlePath, text: summary(draft, plan: plan)))
        // The draft's own findings, anchored when it was read.
        out += basis.findings

        // Values that differ from other drafts' for the same indicator and year.
        for conflict in plan?.conflicts ?? [] {
            for value in conflict.values {
                for source in value.sources where source.file == draft.source.file {
                    let others = conflict.values.filter { $0 != value }.map { other in
                        let topics = other.sources.map { s in
                            s.topic.map { topicName($0, plan: plan) } ?? s.file
                        }
                        return "\(unique(topics).joined(separator: "、"))为 \(other.text)"
                    }
                    guard !others.isEmpty else { continue }
                    let year = conflict.year == "baseline" ? "基期值" : "\(conflict.year)年目标"
                    out.append(
                        FeedbackComment(
                            path: path(source.location) ?? basis.titlePath,
                            text: "【指标冲突】“\(conflict.name)”\(year)本稿为 \(value.text)，与\(others.joined(separator: "；"))不一致，请核对"))
                }
            }
        }
        return out
    }

    /// The comments of the draft's own diagnostics, anchored (`pathOfParagraph`: paths of the
    /// paragraphs by index; `titlePath`: where a finding without a place goes).
    static func findings(
        _ draft: DraftExtraction, titlePath: String?, pathOfParagraph: (Int) -> String?
    ) -> [FeedbackComment] {
        func path(_ location: DraftLocation?) -> String? {
            guard let location else { return nil }
            return location.path ?? location.paragraph.flatMap(pathOfParagraph)
        }
        var out: [FeedbackComment] = []
        for d in draft.diagnostics {
            guard let label = labels[d.code] else { continue }
            var anchor = d.location?.path ?? d.location?.paragraphIndex.flatMap(pathOfParagraph)
            if d.code == .extractMissingSection {
                anchor = missingSectionAnchor(d.message, draft: draft, path: path) ?? titlePath
            }
            out.append(FeedbackComment(path: anchor ?? titlePath, text: "【\(label)】\(d.message)"))
        }
        return out
    }

    private static func unique(_ xs: [String]) -> [String] {
        var seen: Set<String> = []
        return xs.filter { seen.insert($0).inserted }
    }

    static func topicName(_ id: String, plan: MasterPlan?) -> String {
        if let entry = plan?.coverage.first(where: { $0.topicId == id }) { return "\(CatalogLabel.topic(id))《\(entry.title)》" }
        return CatalogLabel.topic(id)
    }

    /// Topic, version and what became of the draft.
    static func summary(_ draft: DraftExtraction, plan: MasterPlan?) -> String {
        var parts: [String] = []
        if let id = draft.topic.id {
            let title = draft.topic.title.map { "《\($0)》" } ?? ""
            parts.append("本稿被识别为\(CatalogLabel.topic(id))\(title)（可信度 \(Int((draft.topic.confidence * 100).rounded()))%）")
        } else if let why = draft.topic.outOfScope {
            parts.append("本稿未归入任何专题：\(why)")
        } else {
            parts.append("本稿未能识别所属专题")
        }
        parts.append("版本：\(draft.version ?? "未注明")")
        let record = plan?.inputs.first { $0.file == draft.source.file }
        if record?.status == .parallel, let taken = record?.takenInstead ?? draft.supersededBy {
            parts.append("与“\(taken)”两个版本无法区分先后，按文件名顺序采用了后者，本稿未汇入规划纲要（请确认以哪一份为准）")
        } else if let newer = draft.supersededBy ?? record?.supersededBy {
            parts.append("已被更新稿件“\(newer)”取代，本稿未汇入规划纲要")
        } else if let record {
            switch record.status {
            case .used: parts.append("已汇入规划纲要")
            case .superseded: parts.append("已被更新稿件取代，本稿未汇入规划纲要")
            case .parallel: parts.append("与另一版本无法区分先后，本稿未汇入规划纲要（请确认以哪一份为准）")
            case .unassigned, .rejected, .ignored: parts.append("未汇入规划纲要" + (record.reason.map { "（\($0)）" } ?? ""))
            }
        }
        return "【汇编情况】" + parts.joined(separator: "；")
    }

    /// The paragraph the title starts with, else the first paragraph with text.
    static func titleParagraph(_ draft: DraftExtraction, _ paragraphs: [Paragraph]) -> Paragraph? {
        let topLevel = paragraphs.filter { $0.location.path.split(separator: "/").count == 2 }
        if let title = draft.source.titleText, !title.isEmpty,
            let p = topLevel.first(where: { p in
                let t = p.text.trimmingWhitespace()
                return !t.isEmpty && title.hasPrefix(t)
            })
        {
            return p
        }
        return topLevel.first { !$0.text.trimmingWhitespace().isEmpty } ?? paragraphs.first
    }

    /// A missing section is anchored on the heading of the section before it (in the order
    /// 发展基础 … 保障措施), else on the title.
    static func missingSectionAnchor(_ message: String, draft: DraftExtraction, path: (DraftLocation?) -> String?) -> String? {
        guard
            let kind = SectionKind.allCases.first(where: { message.contains("“\($0.chineseName)") })
                ?? SectionKind.allCases.first(where: { message.contains($0.chineseName) })
        else { return nil }
        let order = SectionKind.allCases
        guard let rank = order.firstIndex(of: kind) else { return nil }
        let before = draft.sections.filter { order.firstIndex(of: $0.kind).map { $0 < rank } ?? false }
        return before.last.flatMap { path($0.location) }
    }
}

/// What a draft's annotated copy needs of the draft besides its header and the plan, taken when
/// the draft is read (pass 1 of a build, with the document model at hand) and kept in the build
/// cache's index: the comments of its own findings already anchored, where its title is, and
/// the paths of the paragraphs its indicators name only by index (a conflict found later is
/// anchored there). Small — a few strings per draft — so a build keeps it for every draft
/// instead of reading, parsing and extracting each draft a second time to annotate it.
public struct FeedbackBasis: Sendable, Hashable, Codable {
    /// The path of the paragraph the title starts with (where the summary comment goes).
    public var titlePath: String?
    /// The comments of the draft's diagnostics, in the extraction's order.
    public var findings: [FeedbackComment]
    /// Paragraph index → path, for the indicators' locations that have no path.
    public var paragraphPaths: [Int: String]

    public init(titlePath: String?, findings: [FeedbackComment], paragraphPaths: [Int: String]) {
        self.titlePath = titlePath
        self.findings = findings
        self.paragraphPaths = paragraphPaths
    }

    /// The basis of `draft` (its whole extraction) read from `document` (accepted view).
    public init(draft: DraftExtraction, document: Document) {
        let paragraphs = document.body.allParagraphs
        let pathOfParagraph = Dictionary(
            paragraphs.compactMap { p in p.location.paragraphIndex.map { ($0, p.location.path) } },
            uniquingKeysWith: { a, _ in a })
        let titlePath = DraftFindings.titleParagraph(draft, paragraphs)?.location.path
        var indicatorPaths: [Int: String] = [:]
        for indicator in draft.indicators where indicator.location.path == nil {
            if let index = indicator.location.paragraph, let path = pathOfParagraph[index] { indicatorPaths[index] = path }
        }
        self.init(
            titlePath: titlePath,
            findings: DraftFindings.findings(draft, titlePath: titlePath, pathOfParagraph: { pathOfParagraph[$0] }),
            paragraphPaths: indicatorPaths)
    }
}
