/// A goal statement: the overall goal or a phase goal (到2025年 / 到2035年).
public struct Goal: Sendable, Hashable, Codable {
    public var text: String
    /// The target year, nil for an overall goal without one.
    public var year: Int?
    public var location: DraftLocation
    /// Indices in the draft's `indicators` of the targets this statement states.
    public var indicators: [Int]

    public init(text: String, year: Int?, location: DraftLocation, indicators: [Int] = []) {
        self.text = text
        self.year = year
        self.location = location
        self.indicators = indicators
    }

    enum CodingKeys: String, CodingKey { case text, year, location, indicators }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        location = try c.decode(DraftLocation.self, forKey: .location)
        indicators = try c.decodeIfPresent([Int].self, forKey: .indicators) ?? []
    }

    /// `indicators` is left out when empty.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(year, forKey: .year)
        try c.encode(location, forKey: .location)
        if !indicators.isEmpty { try c.encode(indicators, forKey: .indicators) }
    }
}

/// A quantitative indicator, from prose or from an indicator table.
public struct Indicator: Sendable, Hashable, Codable {
    /// As written in the draft.
    public var name: String
    /// Normalized key shared by synonyms across drafts (Templates/indicators.yaml), or a key
    /// derived from the name when no synonym entry matches.
    public var key: String
    /// The canonical name of `key`.
    public var canonicalName: String
    /// Normalized value (Chinese numerals to digits, 万/亿 applied); nil for 翻一番 and the like.
    public var value: Double?
    /// The figure as written ("1万", "2.5", "翻一番").
    public var text: String
    /// Base unit after normalization ("家", "%", "元", "万人年").
    public var unit: String?
    /// 达到, 以上, 超过, 突破, 左右, 力争, 控制在以内, 不低于, 累计 …
    public var comparator: String?
    public var year: Int?
    public var baseline: Double?
    public var baselineYear: Int?
    /// 预期性 / 约束性.
    public var attribute: String?
    /// A relative target: "翻一番", "年均增长", "提高", "下降".
    public var relative: String?
    /// "table" or "prose".
    public var from: String
    /// The verbatim sentence or table row.
    public var quote: String
    public var location: DraftLocation
    /// The upper end of a range target ("8%—10%": value 8, upper 10).
    public var upper: Double?
    /// A footnote marker written on the value ("60.6*").
    public var note: String?

    public init(
        name: String, key: String, canonicalName: String, value: Double?, text: String, unit: String?,
        comparator: String?, year: Int?, baseline: Double? = nil, baselineYear: Int? = nil, attribute: String? = nil,
        relative: String? = nil, from: String, quote: String, location: DraftLocation, upper: Double? = nil,
        note: String? = nil
    ) {
        self.upper = upper
        self.note = note
        self.name = name
        self.key = key
        self.canonicalName = canonicalName
        self.value = value
        self.text = text
        self.unit = unit
        self.comparator = comparator
        self.year = year
        self.baseline = baseline
        self.baselineYear = baselineYear
        self.attribute = attribute
        self.relative = relative
        self.from = from
        self.quote = quote
        self.location = location
    }
}

/// A task heading with its sub-tasks and body text.
public struct TaskItem: Sendable, Hashable, Codable {
    public var label: String?
    public var title: String
    /// Body text directly under the heading (paragraphs joined by "\n").
    public var text: String
    public var children: [TaskItem]
    public var location: DraftLocation

    public init(label: String?, title: String, text: String, children: [TaskItem], location: DraftLocation) {
        self.label = label
        self.title = title
        self.text = text
        self.children = children
        self.location = location
    }
}

/// A safeguard measure.
public struct Safeguard: Sendable, Hashable, Codable {
    public var title: String
    public var text: String
    /// A category from Templates/safeguards.yaml (组织领导, 政策支持 …), nil when none fits.
    public var category: String?
    public var location: DraftLocation

    public init(title: String, text: String, category: String?, location: DraftLocation) {
        self.title = title
        self.text = text
        self.category = category
        self.location = location
    }
}
