import Foundation

/// The office's vocabulary of themes (`Templates/themes.yaml`): which wordings say the same idea
/// (需求导向, 需求牵引, 问题导向 …), and the thresholds by which statements no entry names still
/// find their group. Read by the assembly when it groups principles, safeguard measures and key
/// tasks by theme.
public struct ThemeLexicon: Sendable, Hashable, Codable {
    /// One idea and the terms that name it.
    public struct Theme: Sendable, Hashable, Codable {
        /// The theme's label in the plan (需求导向).
        public var label: String
        /// Terms whose presence in a statement's lead phrase places it in this theme.
        public var terms: [String]
        /// The kinds of statement the theme applies to (principles, safeguards, tasks); empty: all.
        public var scope: [String]

        public init(label: String, terms: [String], scope: [String] = []) {
            self.label = label
            self.terms = terms
            self.scope = scope
        }

        enum CodingKeys: String, CodingKey { case label, terms, scope }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            label = try c.decode(String.self, forKey: .label)
            terms = try c.decode([String].self, forKey: .terms)
            scope = try c.decodeIfPresent([String].self, forKey: .scope) ?? []
        }

        /// True when the theme applies to statements of `kind` (principles, safeguards, tasks).
        public func applies(to kind: String) -> Bool { scope.isEmpty || scope.contains(kind) }
    }

    /// The statement kinds a theme's scope may name.
    public static let scopes = ["principles", "safeguards", "tasks"]

    /// The lexicon for statements of `kind`: only the themes that apply to it.
    public func scoped(to kind: String) -> ThemeLexicon {
        var copy = self
        copy.themes = themes.filter { $0.applies(to: kind) }
        if !keyTermScope.isEmpty && !keyTermScope.contains(kind) { copy.keyTermLength = 0 }
        return copy
    }

    /// In file order: where two themes' terms stand at the same place in a lead phrase, the
    /// longer term wins, then the earlier theme.
    public var themes: [Theme]
    /// Words taken off the front of a lead phrase before its key term is read (坚持, 加强 …).
    public var leadPrefixes: [String]
    /// Characters of the key term: the first `keyTermLength` characters of the lead phrase once
    /// its prefix is taken off (坚持需求牵引 → 需求).
    public var keyTermLength: Int
    /// Key terms too generic to group by (发展, 创新 alone say nothing of the idea).
    public var genericKeyTerms: [String]
    /// The kinds of statement whose key terms group them (empty: all). A task's first
    /// characters (高端, 智慧, 提升) say little of its field, so tasks may be left out; a scoped
    /// lexicon without key terms has `keyTermLength` 0.
    public var keyTermScope: [String]
    /// A statement whose lead phrase names no theme is placed by its text: the theme whose terms
    /// it holds score the most characters, at least this many.
    public var minimumTextScore: Int
    /// A statement left alone by the lexicon and the key term joins the theme whose statement it
    /// resembles most (character n-gram Dice of the lead phrases) at or above this.
    public var leadSimilarity: Double
    /// … or of the whole statements at or above this.
    public var textSimilarity: Double
    /// Safeguard measures, grouped within their category (`safeguards.yaml`): a measure no other
    /// rule places whose lead names the category itself (one of its keywords: 加强组织领导,
    /// 健全经费投入机制) joins the category's theme, named by the category's title, instead of
    /// standing alone.
    public var categoryTheme: Bool

    public init(
        themes: [Theme] = [], leadPrefixes: [String] = [], keyTermLength: Int = 2, genericKeyTerms: [String] = [],
        minimumTextScore: Int = 4, leadSimilarity: Double = 0.6, textSimilarity: Double = 0.5, categoryTheme: Bool = false,
        keyTermScope: [String] = []
    ) {
        self.themes = themes
        self.leadPrefixes = leadPrefixes
        self.keyTermLength = keyTermLength
        self.genericKeyTerms = genericKeyTerms
        self.minimumTextScore = minimumTextScore
        self.leadSimilarity = leadSimilarity
        self.textSimilarity = textSimilarity
        self.categoryTheme = categoryTheme
        self.keyTermScope = keyTermScope
    }

    enum CodingKeys: String, CodingKey {
        case themes, leadPrefixes, keyTermLength, genericKeyTerms, minimumTextScore, leadSimilarity, textSimilarity, categoryTheme,
            keyTermScope
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        themes = try c.decodeIfPresent([Theme].self, forKey: .themes) ?? []
        leadPrefixes = try c.decodeIfPresent([String].self, forKey: .leadPrefixes) ?? []
        keyTermLength = try c.decodeIfPresent(Int.self, forKey: .keyTermLength) ?? 2
        genericKeyTerms = try c.decodeIfPresent([String].self, forKey: .genericKeyTerms) ?? []
        minimumTextScore = try c.decodeIfPresent(Int.self, forKey: .minimumTextScore) ?? 4
        leadSimilarity = try c.decodeIfPresent(Double.self, forKey: .leadSimilarity) ?? 0.6
        textSimilarity = try c.decodeIfPresent(Double.self, forKey: .textSimilarity) ?? 0.5
        categoryTheme = try c.decodeIfPresent(Bool.self, forKey: .categoryTheme) ?? false
        keyTermScope = try c.decodeIfPresent([String].self, forKey: .keyTermScope) ?? []
    }

    /// The file name under `Templates/`.
    public static let fileName = "themes.yaml"

    /// Decodes and checks YAML text; `file` names it in errors: unique labels, no empty term,
    /// thresholds within 0…1, a key term of 1 to 8 characters.
    public static func decode(yaml text: String, file: String) throws(TemplateError) -> ThemeLexicon {
        let value = try TemplateLoader.decode(ThemeLexicon.self, yaml: text, file: file)
        var seen: Set<String> = []
        for theme in value.themes {
            let line = TemplateText.line(of: "label: \(theme.label)", in: text)
            if !seen.insert(theme.label).inserted {
                throw TemplateError(
                    file: file, line: TemplateText.line(of: "label: \(theme.label)", in: text, occurrence: 2),
                    message: "theme \"\(theme.label)\" appears twice")
            }
            if theme.terms.isEmpty || theme.terms.contains(where: \.isEmpty) {
                throw TemplateError(file: file, line: line, message: "theme \"\(theme.label)\" has an empty term list or an empty term")
            }
            if let bad = theme.scope.first(where: { !scopes.contains($0) }) {
                throw TemplateError(
                    file: file, line: line,
                    message: "theme \"\(theme.label)\": unknown scope \"\(bad)\" (known: \(scopes.joined(separator: ", ")))")
            }
        }
        if let bad = value.keyTermScope.first(where: { !scopes.contains($0) }) {
            throw TemplateError(
                file: file, line: TemplateText.line(of: "keyTermScope", in: text),
                message: "keyTermScope: unknown scope \"\(bad)\" (known: \(scopes.joined(separator: ", ")))")
        }
        for (name, v) in [("leadSimilarity", value.leadSimilarity), ("textSimilarity", value.textSimilarity)] where !(v > 0 && v <= 1) {
            throw TemplateError(file: file, line: TemplateText.line(of: name, in: text), message: "\(name) must be above 0 and at most 1")
        }
        if !(1...8).contains(value.keyTermLength) {
            throw TemplateError(
                file: file, line: TemplateText.line(of: "keyTermLength", in: text), message: "keyTermLength must be 1 to 8 characters")
        }
        return value
    }
}
