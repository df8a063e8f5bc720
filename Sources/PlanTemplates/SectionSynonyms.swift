import Foundation
import PlanModel

/// How headings are recognised and which section kinds they name (`Templates/sections.yaml`).
///
/// The file holds the office's vocabulary (synonyms of 发展基础, 重点任务 …) and the few
/// thresholds of heading recognition; the label grammar (一、 （一） 1. …) stays in code.
public struct SectionSynonyms: Sendable, Hashable, Codable {
    /// The section kinds PlanExtraction knows (`PlanModel.SectionKind` raw values).
    public static let knownKinds: [String] = SectionKind.allCases.map(\.rawValue)

    /// One section kind and the heading texts that name it.
    public struct Kind: Sendable, Hashable, Codable {
        /// A raw value of `SectionKind` ("basis", "goals" …).
        public var kind: String
        /// The customary Chinese name, for reports.
        public var name: String
        /// Heading texts (label and spaces removed) that name the kind exactly.
        public var exact: [String]
        /// Words a heading text contains when it names the kind.
        public var contains: [String]
        /// Words that veto a `contains` match.
        public var excludes: [String]
        /// Headings below a section of this kind are its items (tasks, measures), never sections.
        public var itemsBelow: Bool
        /// An unlabelled, unstyled heading of this kind stands at the top level (附表).
        public var topLevel: Bool
        /// Breaks ties between kinds; higher wins.
        public var priority: Int
        /// The kind is about carrying out the plan itself (保障措施): a heading that names it only
        /// through a `contains` word does so when nothing but `planRoleLeads` stands before the
        /// word ("加强规划实施保障"), or when it is the plan's last top-level heading; otherwise the
        /// heading is about a subject ("完善社会保障体系").
        public var planRole: Bool

        public init(
            kind: String, name: String, exact: [String] = [], contains: [String] = [], excludes: [String] = [],
            itemsBelow: Bool = false, topLevel: Bool = false, planRole: Bool = false, priority: Int = 0
        ) {
            self.kind = kind
            self.name = name
            self.exact = exact
            self.contains = contains
            self.excludes = excludes
            self.itemsBelow = itemsBelow
            self.topLevel = topLevel
            self.planRole = planRole
            self.priority = priority
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decode(String.self, forKey: .kind)
            name = try c.decode(String.self, forKey: .name)
            exact = try c.decodeIfPresent([String].self, forKey: .exact) ?? []
            contains = try c.decodeIfPresent([String].self, forKey: .contains) ?? []
            excludes = try c.decodeIfPresent([String].self, forKey: .excludes) ?? []
            itemsBelow = try c.decodeIfPresent(Bool.self, forKey: .itemsBelow) ?? false
            topLevel = try c.decodeIfPresent(Bool.self, forKey: .topLevel) ?? false
            planRole = try c.decodeIfPresent(Bool.self, forKey: .planRole) ?? false
            priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? 0
        }
    }

    /// Thresholds of heading recognition.
    public struct Headings: Sendable, Hashable, Codable {
        /// Longest text (label excluded) of a labelled paragraph that is still a heading.
        public var maxLength: Int
        /// Longest text of a bold paragraph without label or style that is still a heading.
        public var maxBoldLength: Int
        /// Characters that end a sentence: a paragraph ending with one is body text, not a heading.
        public var sentenceEnds: String
        /// Style names (lower-cased prefixes) of paragraphs that are never headings: table-of-contents
        /// entries ("toc 1", "目录 1") and the like, even when they carry an outline level.
        public var ignoredStylePrefixes: [String]

        public init(
            maxLength: Int = 40, maxBoldLength: Int = 30, sentenceEnds: String = "。；;！!？?：:，,",
            ignoredStylePrefixes: [String] = ["toc", "目录"]
        ) {
            self.maxLength = maxLength
            self.maxBoldLength = maxBoldLength
            self.sentenceEnds = sentenceEnds
            self.ignoredStylePrefixes = ignoredStylePrefixes
        }
    }

    /// How the title paragraphs at the top of the body are told apart.
    public struct Title: Sendable, Hashable, Codable {
        /// Style names (lower-cased) of title paragraphs.
        public var styleNames: [String]
        /// A centred paragraph at least this large (half-points) is a title line.
        public var minFontSizeHalfPoints: Int
        /// Words that make a plain first paragraph look like a plan title.
        public var words: [String]
        /// Longest title line.
        public var maxLength: Int
        /// At most this many title lines.
        public var maxLines: Int
        /// Cover lines around the title that are not part of it.
        public var frontMatter: FrontMatter

        public init(
            styleNames: [String] = ["title", "subtitle"], minFontSizeHalfPoints: Int = 36, words: [String] = [],
            maxLength: Int = 80, maxLines: Int = 3, frontMatter: FrontMatter = .init()
        ) {
            self.styleNames = styleNames
            self.minFontSizeHalfPoints = minFontSizeHalfPoints
            self.words = words
            self.maxLength = maxLength
            self.maxLines = maxLines
            self.frontMatter = frontMatter
        }

        enum CodingKeys: String, CodingKey {
            case styleNames, minFontSizeHalfPoints, words, maxLength, maxLines, frontMatter
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Title()
            styleNames = try c.decodeIfPresent([String].self, forKey: .styleNames) ?? d.styleNames
            minFontSizeHalfPoints = try c.decodeIfPresent(Int.self, forKey: .minFontSizeHalfPoints) ?? d.minFontSizeHalfPoints
            words = try c.decodeIfPresent([String].self, forKey: .words) ?? d.words
            maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength) ?? d.maxLength
            maxLines = try c.decodeIfPresent(Int.self, forKey: .maxLines) ?? d.maxLines
            frontMatter = try c.decodeIfPresent(FrontMatter.self, forKey: .frontMatter) ?? d.frontMatter
        }
    }

    /// The vocabulary of cover lines (the grammar of document numbers and dates is in code).
    public struct FrontMatter: Sendable, Hashable, Codable {
        /// Attachment marks: a line that is one of them, with a number or a colon ("附件2", "附表：").
        public var attachments: [String]
        /// Classification marks: a line made of them, punctuation and a term ("密级：秘密★1年").
        public var classifications: [String]
        /// Endings of organisation names: a line of such names is an issuing authority.
        public var authoritySuffixes: [String]
        /// Posts of a signature line ("浙江省省长 郑栅洁").
        public var posts: [String]
        /// Administrative words an organisation or post name holds before its suffix (省, 市, 国家 …).
        public var authorityMarkers: [String]
        /// At most this many cover lines are passed over.
        public var maxLines: Int

        public init(
            attachments: [String] = ["附件", "附表", "附录"],
            classifications: [String] = ["密级", "绝密", "机密", "秘密", "内部资料", "内部", "注意保存"],
            authoritySuffixes: [String] = ["厅", "局", "委员会", "人民政府", "办公室"], posts: [String] = ["省长", "市长"],
            authorityMarkers: [String] = ["省", "市", "县", "国家", "中共", "中国", "国务院", "自治区"], maxLines: Int = 6
        ) {
            self.attachments = attachments
            self.classifications = classifications
            self.authoritySuffixes = authoritySuffixes
            self.posts = posts
            self.authorityMarkers = authorityMarkers
            self.maxLines = maxLines
        }

        enum CodingKeys: String, CodingKey {
            case attachments, classifications, authoritySuffixes, posts, authorityMarkers, maxLines
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = FrontMatter()
            attachments = try c.decodeIfPresent([String].self, forKey: .attachments) ?? d.attachments
            classifications = try c.decodeIfPresent([String].self, forKey: .classifications) ?? d.classifications
            authoritySuffixes = try c.decodeIfPresent([String].self, forKey: .authoritySuffixes) ?? d.authoritySuffixes
            posts = try c.decodeIfPresent([String].self, forKey: .posts) ?? d.posts
            authorityMarkers = try c.decodeIfPresent([String].self, forKey: .authorityMarkers) ?? d.authorityMarkers
            maxLines = try c.decodeIfPresent(Int.self, forKey: .maxLines) ?? d.maxLines
        }
    }

    /// Kinds every complete draft has; a missing one is reported.
    public var required: [String]
    public var headings: Headings
    public var title: Title
    /// Words that may stand before a `planRole` kind's word in a heading about the plan itself:
    /// verbs (加强, 完善 …), 规划, connectives.
    public var planRoleLeads: [String]
    public var kinds: [Kind]

    public init(
        required: [String], headings: Headings = .init(), title: Title = .init(), planRoleLeads: [String] = [],
        kinds: [Kind]
    ) {
        self.required = required
        self.headings = headings
        self.title = title
        self.planRoleLeads = planRoleLeads
        self.kinds = kinds
    }

    public func entry(_ kind: String) -> Kind? { kinds.first { $0.kind == kind } }

    /// The file name under `Templates/`.
    public static let fileName = "sections.yaml"

    /// Loads and checks the synonyms: known kinds, each kind once, required kinds listed.
    public static func load(from path: String) throws(TemplateError) -> SectionSynonyms {
        let text = try TemplateLoader.text(of: path)
        return try decode(yaml: text, file: path)
    }

    /// Decodes and checks YAML text; `file` names it in errors.
    public static func decode(yaml text: String, file: String) throws(TemplateError) -> SectionSynonyms {
        let value = try TemplateLoader.decode(SectionSynonyms.self, yaml: text, file: file)
        var seen: Set<String> = []
        for entry in value.kinds {
            guard knownKinds.contains(entry.kind) else {
                throw TemplateError(
                    file: file, line: TemplateText.line(of: "kind: \(entry.kind)", in: text),
                    message: "unknown section kind \"\(entry.kind)\" (known: \(knownKinds.joined(separator: ", ")))")
            }
            if !seen.insert(entry.kind).inserted {
                throw TemplateError(
                    file: file, line: TemplateText.line(of: "kind: \(entry.kind)", in: text, occurrence: 2),
                    message: "section kind \"\(entry.kind)\" appears twice")
            }
            if entry.exact.isEmpty && entry.contains.isEmpty {
                throw TemplateError(
                    file: file, line: TemplateText.line(of: "kind: \(entry.kind)", in: text),
                    message: "section kind \"\(entry.kind)\" has neither exact nor contains words")
            }
        }
        for kind in value.required where !seen.contains(kind) {
            throw TemplateError(
                file: file, line: TemplateText.line(of: "required:", in: text),
                message: "required kind \"\(kind)\" has no entry under kinds")
        }
        return value
    }

    enum CodingKeys: String, CodingKey {
        case required, headings, title, planRoleLeads, kinds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        required = try c.decodeIfPresent([String].self, forKey: .required) ?? []
        headings = try c.decodeIfPresent(Headings.self, forKey: .headings) ?? .init()
        title = try c.decodeIfPresent(Title.self, forKey: .title) ?? .init()
        planRoleLeads = try c.decodeIfPresent([String].self, forKey: .planRoleLeads) ?? []
        kinds = try c.decode([Kind].self, forKey: .kinds)
    }
}

/// Finding the line of a checked value in template text, for errors that decoding cannot see.
enum TemplateText {
    /// 1-based line of the `occurrence`-th line containing `needle`, nil when absent.
    static func line(of needle: String, in text: String, occurrence: Int = 1) -> Int? {
        var count = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(needle) {
            count += 1
            if count == occurrence { return index + 1 }
        }
        return nil
    }
}
