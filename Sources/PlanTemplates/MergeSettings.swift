import Foundation

/// How near-duplicate statements (principles, safeguard measures) of different drafts are
/// recognised: character n-grams of the normalized text, Dice coefficient over their counts.
public struct MergeSettings: Sendable, Hashable {
    /// Two statements whose similarity (0…1) reaches this are the same statement.
    public var threshold: Double
    /// The n-gram sizes compared (characters).
    public var ngrams: [Int]
    /// Generic phrases removed before comparing (加强, 强化, 坚持 …), longest first.
    public var stopPhrases: [String]
    /// Characters kept by `summary` mode.
    public var summaryLength: Int

    public init(threshold: Double = 0.7, ngrams: [Int] = [2, 3], stopPhrases: [String] = [], summaryLength: Int = 120) {
        self.threshold = threshold
        self.ngrams = ngrams
        self.stopPhrases = stopPhrases
        self.summaryLength = summaryLength
    }
}

/// How a catalog title becomes the heading of its section in the master plan
/// (辽宁省先进装备制造领域科技发展战略研究及规划 → 先进装备制造领域).
public struct TopicTitleRules: Sendable, Hashable {
    public var removePrefixes: [String]
    /// Tried longest first; the first that ends the title is removed.
    public var removeSuffixes: [String]
    /// Headings given outright, by topic id.
    public var overrides: [String: String]

    public init(removePrefixes: [String] = [], removeSuffixes: [String] = [], overrides: [String: String] = [:]) {
        self.removePrefixes = removePrefixes
        self.removeSuffixes = removeSuffixes
        self.overrides = overrides
    }

    /// The heading of topic `id` titled `title` in the catalog.
    public func heading(id: String, title: String) -> String {
        if let given = overrides[id] { return given }
        var t = Substring(title)
        for prefix in removePrefixes.sorted(by: { $0.count > $1.count }) where t.hasPrefix(prefix) {
            t = t.dropFirst(prefix.count)
            break
        }
        for suffix in removeSuffixes.sorted(by: { $0.count > $1.count }) where t.hasSuffix(suffix) && t.count > suffix.count {
            t = t.dropLast(suffix.count)
            break
        }
        return t.isEmpty ? title : String(t)
    }
}

/// What the plan says where a catalog entry has no usable draft. `{file}`, `{files}` and
/// `{reason}` are replaced.
public struct MissingMessages: Sendable, Hashable {
    public var noDraft: String
    public var unreadable: String
    public var unidentified: String
    /// A heading fed by one topic whose draft lacks the section.
    public var noSection: String

    public init(
        noDraft: String = "尚未收到该专题规划稿", unreadable: String = "该专题规划稿无法读取（{file}：{reason}）",
        unidentified: String = "收到的稿件未能确认属于该专题（{files}）", noSection: String = "该专题规划稿未包含此部分内容"
    ) {
        self.noDraft = noDraft
        self.unreadable = unreadable
        self.unidentified = unidentified
        self.noSection = noSection
    }
}

/// The order of the safeguard categories in the merged 保障措施, and the heading of the
/// measures no category fits.
public struct SafeguardGrouping: Sendable, Hashable {
    /// Categories in this order first, then the others in the order of `safeguards.yaml`.
    public var order: [String]
    public var otherTitle: String
    /// Headings of the category groups, by category (the category name otherwise).
    public var titles: [String: String]

    public init(order: [String] = [], otherTitle: String = "其他保障措施", titles: [String: String] = [:]) {
        self.order = order
        self.otherTitle = otherTitle
        self.titles = titles
    }
}

/// Which indicators count as main ones (主要指标, `indicatorSummary`).
public struct IndicatorSettings: Sendable, Hashable {
    /// An indicator is main when one of these topics sets it.
    public var mainTopics: [String]

    public init(mainTopics: [String] = []) {
        self.mainTopics = mainTopics
    }
}
