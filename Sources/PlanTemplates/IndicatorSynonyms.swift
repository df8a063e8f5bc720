import Foundation

/// The indicator lexicon (`Templates/indicators.yaml`): canonical indicators with the names
/// drafts use for them, the units a figure may carry, and the words that stand between an
/// indicator's name and its figure. The grammar (numerals, 万/亿 multipliers, comparators) is
/// code in PlanExtraction; what a planning office would extend lives here.
public struct IndicatorSynonyms: Sendable, Hashable {
    /// The file's name in the Templates folder.
    public static let fileName = "indicators.yaml"

    /// One canonical indicator.
    public struct Entry: Sendable, Hashable, Codable {
        /// The canonical name, as the master plan writes it.
        public var name: String
        /// An explicit stable key; when absent the key is the normalized canonical name.
        public var key: String?
        /// Other names drafts use for the same indicator (exact names, never patterns).
        public var synonyms: [String]

        public init(name: String, key: String? = nil, synonyms: [String] = []) {
            self.name = name
            self.key = key
            self.synonyms = synonyms
        }

        enum CodingKeys: String, CodingKey { case name, key, synonyms }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            key = try c.decodeIfPresent(String.self, forKey: .key)
            synonyms = try c.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        }
    }

    /// Units a figure may carry after its multiplier (万/亿 are multipliers, never units).
    public struct Units: Sendable, Hashable, Codable {
        /// Units of things counted one by one (个, 家, 项 …): "建设X 50个" counts X.
        public var counts: [String]
        /// Every other base unit (%, 元, 人年, 千瓦 …).
        public var others: [String]
        /// Spellings that stand for a base unit ("％" → "%", "个百分点" → "百分点").
        public var aliases: [String: String]

        public init(counts: [String] = [], others: [String] = [], aliases: [String: String] = [:]) {
            self.counts = counts
            self.others = others
            self.aliases = aliases
        }
    }

    public var units: Units
    /// Leading words naming the region, trimmed from names and keys (全省, 我省 …).
    public var scopePrefixes: [String]
    /// Leading connectives trimmed from names (其中, 以及 …), not from keys.
    public var connectives: [String]
    /// Verbs that may open a clause before the indicator's name (建设, 培育 …).
    public var leadVerbs: [String]
    /// Verbs that may stand between the name and the figure without being a comparator
    /// (提高到, 稳定在 …).
    public var linkVerbs: [String]
    /// Counted nouns that make a figure a count of the plan's own parts, not a target
    /// ("提出11项指标", "从以下十个方面"): the figure is dropped when the noun it counts is one.
    public var metaNouns: [String]
    /// Words that make the text before a figure a statement about the plan itself
    /// ("以上共计38项", "包括5个"): the figure is dropped when the name would be one of them.
    public var metaVerbs: [String]
    public var indicators: [Entry]

    /// Normalized name → index in `indicators`.
    private var index: [String: Int]

    public init(
        units: Units, scopePrefixes: [String] = [], connectives: [String] = [], leadVerbs: [String] = [],
        linkVerbs: [String] = [], metaNouns: [String] = [], metaVerbs: [String] = [], indicators: [Entry] = []
    ) {
        self.metaNouns = metaNouns
        self.metaVerbs = metaVerbs
        self.units = units
        self.scopePrefixes = scopePrefixes
        self.connectives = connectives
        self.leadVerbs = leadVerbs
        self.linkVerbs = linkVerbs
        self.indicators = indicators
        self.index = [:]
        for (i, entry) in indicators.enumerated() {
            for name in [entry.name] + entry.synonyms {
                let k = normalizedKey(name)
                if index[k] == nil { index[k] = i }
            }
        }
    }

    /// Every unit spelling, longest first (so "千瓦" is tried before "千" and "人年" before "人").
    public var unitSpellings: [String] {
        (units.counts + units.others + Array(units.aliases.keys)).sorted { $0.count > $1.count }
    }

    /// The base unit a spelling stands for.
    public func baseUnit(_ spelling: String) -> String { units.aliases[spelling] ?? spelling }

    public func isCountUnit(_ unit: String?) -> Bool { unit.map { units.counts.contains($0) } ?? false }

    /// The stable key of an entry.
    public func key(of entry: Entry) -> String { entry.key ?? normalizedKey(entry.name) }

    /// The entry whose canonical name or synonym normalizes like `name`; nil when none does.
    public func entry(named name: String) -> Entry? {
        index[normalizedKey(name)].map { indicators[$0] }
    }

    /// The key for any name: half-width, no spaces or punctuation, lower-case Latin letters,
    /// leading scope words (全省, 我省 …) removed. Exact repeats consolidate; look-alikes stay apart.
    public func normalizedKey(_ name: String) -> String {
        var s = IndicatorSynonyms.halfWidth(name)
        s = String(s.unicodeScalars.filter { !IndicatorSynonyms.isDropped($0) }.map(Character.init)).lowercased()
        var trimmed = true
        while trimmed {
            trimmed = false
            for p in scopePrefixes.map(IndicatorSynonyms.halfWidth) where s.hasPrefix(p) && s.count > p.count {
                s.removeFirst(p.count)
                trimmed = true
            }
        }
        return s
    }

    /// Full-width ASCII forms (Ａ, ３, ％, （) and the ideographic space to their ASCII forms.
    public static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if u.value >= 0xFF01, u.value <= 0xFF5E, let h = Unicode.Scalar(u.value - 0xFEE0) {
                out.append(h)
            } else if u.value == 0x3000 {
                out.append(" ")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// Whitespace and punctuation (ASCII and CJK: “”《》（）、·…) are not part of a key.
    private static func isDropped(_ u: Unicode.Scalar) -> Bool {
        if u.properties.isWhitespace { return true }
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}

extension IndicatorSynonyms: Codable {
    enum CodingKeys: String, CodingKey { case units, scopePrefixes, connectives, leadVerbs, linkVerbs, metaNouns, metaVerbs, indicators }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            units: try c.decode(Units.self, forKey: .units),
            scopePrefixes: try c.decodeIfPresent([String].self, forKey: .scopePrefixes) ?? [],
            connectives: try c.decodeIfPresent([String].self, forKey: .connectives) ?? [],
            leadVerbs: try c.decodeIfPresent([String].self, forKey: .leadVerbs) ?? [],
            linkVerbs: try c.decodeIfPresent([String].self, forKey: .linkVerbs) ?? [],
            metaNouns: try c.decodeIfPresent([String].self, forKey: .metaNouns) ?? [],
            metaVerbs: try c.decodeIfPresent([String].self, forKey: .metaVerbs) ?? [],
            indicators: try c.decodeIfPresent([Entry].self, forKey: .indicators) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(units, forKey: .units)
        try c.encode(scopePrefixes, forKey: .scopePrefixes)
        try c.encode(connectives, forKey: .connectives)
        try c.encode(leadVerbs, forKey: .leadVerbs)
        try c.encode(linkVerbs, forKey: .linkVerbs)
        try c.encode(metaNouns, forKey: .metaNouns)
        try c.encode(metaVerbs, forKey: .metaVerbs)
        try c.encode(indicators, forKey: .indicators)
    }
}

extension IndicatorSynonyms {
    /// Loads and checks the lexicon: no name may stand for two indicators, no two indicators
    /// may share a key, and no name may be empty. Errors name the line of the offending entry.
    public static func load(from path: String) throws(TemplateError) -> IndicatorSynonyms {
        let text = try TemplateLoader.text(of: path)
        return try decode(yaml: text, file: path)
    }

    /// Decodes YAML text with the same checks as `load`.
    public static func decode(yaml: String, file: String) throws(TemplateError) -> IndicatorSynonyms {
        let lexicon = try TemplateLoader.decode(IndicatorSynonyms.self, yaml: yaml, file: file)
        do {
            try lexicon.validate(file: file)
        } catch {
            var located = error
            if let needle = error.needle {
                let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
                located.line = lines.lastIndex { $0.contains(needle) }.map { $0 + 1 }
            }
            throw located.templateError
        }
        return lexicon
    }

    func validate(file: String) throws(ValidationError) {
        var owner: [String: String] = [:]
        var keys: [String: String] = [:]
        for entry in indicators {
            let key = self.key(of: entry)
            if key.isEmpty {
                throw ValidationError(file: file, message: "indicator \"\(entry.name)\" has an empty key", needle: entry.name)
            }
            if let other = keys[key] {
                throw ValidationError(
                    file: file, message: "indicators \"\(other)\" and \"\(entry.name)\" share the key \(key)",
                    needle: entry.name)
            }
            keys[key] = entry.name
            for name in [entry.name] + entry.synonyms {
                let k = normalizedKey(name)
                if k.isEmpty { throw ValidationError(file: file, message: "an empty name under \"\(entry.name)\"", needle: entry.name) }
                if let other = owner[k], other != entry.name {
                    throw ValidationError(
                        file: file, message: "\"\(name)\" is listed under both \"\(other)\" and \"\(entry.name)\"",
                        needle: name)
                }
                owner[k] = entry.name
            }
        }
        if units.counts.isEmpty && units.others.isEmpty {
            throw ValidationError(file: file, message: "units: no unit is listed", needle: "units:")
        }
    }
}

/// A semantic problem of the lexicon, with the text to look for to find its line.
struct ValidationError: Error {
    var file: String
    var message: String
    var needle: String?
    var line: Int?

    var templateError: TemplateError { TemplateError(file: file, line: line, message: message) }
}
