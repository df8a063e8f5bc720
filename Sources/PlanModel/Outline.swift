/// A heading of a draft, with the headings below it.
public struct OutlineNode: Sendable, Hashable, Codable {
    /// 1 = top level after normalization within the draft.
    public var level: Int
    /// The label as displayed ("一、", "（三）", "第二章", "1."), typed or from numbering.xml.
    public var label: String?
    public var labelKind: LabelKind?
    /// The heading text without its label.
    public var title: String
    /// What made this paragraph a heading.
    public var signal: HeadingSignal
    /// Paragraph index in the main story.
    public var paragraph: Int
    /// The section kind the heading names, when it names one.
    public var kind: SectionKind?
    public var children: [OutlineNode]

    public init(
        level: Int, label: String?, labelKind: LabelKind?, title: String, signal: HeadingSignal, paragraph: Int,
        kind: SectionKind? = nil, children: [OutlineNode] = []
    ) {
        self.level = level
        self.label = label
        self.labelKind = labelKind
        self.title = title
        self.signal = signal
        self.paragraph = paragraph
        self.kind = kind
        self.children = children
    }

    /// Label + title, as a reader sees it.
    public var displayTitle: String { (label ?? "") + title }
}

/// The kinds of heading labels in Chinese official documents, in their customary order.
public enum LabelKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 第一章
    case chapter
    /// 第一节
    case section
    /// 一、
    case chineseComma
    /// （一）
    case chineseParen
    /// 1. or 1、 or 1．
    case arabicDot
    /// （1）
    case arabicParen
    /// ①
    case circled
    /// 1.1, 1.2.3 (decimal multilevel)
    case decimalMultilevel
}

/// What made a paragraph a heading.
public enum HeadingSignal: String, Sendable, Hashable, Codable {
    /// `w:outlineLvl` set directly on the paragraph.
    case outlineLevel
    /// A heading style (by name or by the style's outline level).
    case headingStyle
    /// A label rendered from numbering.xml.
    case numbering
    /// A label typed in the text.
    case typedLabel
    /// A short bold paragraph with no other signal.
    case boldParagraph
}

/// The section kinds of a Chinese plan draft.
public enum SectionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 发展基础 / 现状与形势
    case basis
    /// 指导思想
    case guiding
    /// 基本原则
    case principles
    /// 发展目标
    case goals
    /// 重点任务
    case tasks
    /// 重大项目 / 重点工程
    case projects
    /// 保障措施
    case safeguards
    /// 附表
    case appendix
}

extension SectionKind {
    /// The name planners use for the section kind (发展基础 … 附表).
    public var chineseName: String {
        switch self {
        case .basis: "发展基础"
        case .guiding: "指导思想"
        case .principles: "基本原则"
        case .goals: "发展目标"
        case .tasks: "重点任务"
        case .projects: "重大项目"
        case .safeguards: "保障措施"
        case .appendix: "附表"
        }
    }
}

/// How a catalog entry is named in Chinese text: 专题13, 战略研究S4.
/// The one owner of that rule (the writer, the report and `check` all call it).
public enum CatalogLabel {
    /// Strategic studies are S1, S2 …; topics are numbered.
    public static func isStudy(_ id: String) -> Bool { id.hasPrefix("S") }
    public static func topic(_ id: String) -> String { isStudy(id) ? "战略研究\(id)" : "专题\(id)" }
}

/// A section of a known kind.
public struct Section: Sendable, Hashable, Codable {
    public var kind: SectionKind
    /// Label + heading text as displayed.
    public var heading: String
    public var location: DraftLocation
    /// Paragraphs of body text under it (0 = empty section).
    public var paragraphCount: Int

    public init(kind: SectionKind, heading: String, location: DraftLocation, paragraphCount: Int) {
        self.kind = kind
        self.heading = heading
        self.location = location
        self.paragraphCount = paragraphCount
    }
}
