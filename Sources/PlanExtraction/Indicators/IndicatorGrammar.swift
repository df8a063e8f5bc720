import PlanTemplates

/// The grammar of a target statement around its figure: comparators, relative targets and the
/// year that governs a clause. The words are the closed set of the output schema
/// (`Indicator.comparator`, `Indicator.relative`), so they live in code; the open lexicon
/// (units, verbs, synonyms) lives in Templates/indicators.yaml.
enum IndicatorGrammar {
    /// Comparators standing before the figure, as written → as reported.
    static let preComparators: [(String, String)] = [
        ("力争达到", "力争"), ("不低于", "不低于"), ("不少于", "不低于"), ("达到", "达到"), ("超过", "超过"),
        ("突破", "突破"), ("高于", "超过"), ("多于", "超过"), ("控制在", "控制在以内"), ("力争", "力争"),
        ("累计", "累计"),
    ]
    /// Comparators that may open a clause before the name ("累计建成X 100个", "力争建成X 5个").
    static let leadComparators: [(String, String)] = [("累计", "累计"), ("力争", "力争")]
    /// Comparators right after the figure; they win over any comparator before it
    /// ("达到3%以上" → 以上, "控制在700个以内" → 控制在以内).
    static let postComparators: [(String, String)] = [
        ("及以上", "以上"), ("以上", "以上"), ("左右", "左右"), ("以内", "控制在以内"), ("以下", "控制在以内"),
    ]
    /// Relative targets stated with a figure ("年均增长8%"). With 到/至 after them ("提高到63%")
    /// the target is absolute: those forms are link verbs in the lexicon and, being longer, match first.
    static let relativeVerbs = ["年均增长", "年均提高", "年均增速", "年均递增", "增长", "提高", "提升", "下降", "降低", "减少", "增加"]

    /// Which comparator a clause states: one after the figure wins, then 力争 anywhere, then the
    /// last one before the figure, then one opening the clause.
    static func comparator(lead: [String], pre: [String], post: String?) -> String? {
        if let post {
            return post == "控制在以内" || !pre.contains("控制在以内") ? post : "控制在以内"
        }
        if pre.contains("力争") || lead.contains("力争") { return "力争" }
        return pre.last ?? lead.last
    }

    /// Where a clause sets the year of its targets.
    enum YearMark: Equatable {
        /// "到2025年", "“十四五”期间" (2025), "到本世纪中叶" (nil).
        case target(Int?)
        /// "2020年，" — figures until the next mark are history, not targets.
        case history
    }

    /// The year mark opening `clause`, and the rest of the clause after it.
    static func yearMark(_ clause: String) -> (YearMark, String)? {
        var chars = Array(clause.indicatorTrimmed)
        for lead in ["力争", "争取", "预计", "展望"] where chars.figureHasPrefix(Array(lead), at: 0) {
            chars.removeFirst(lead.count)
        }
        var explicitTarget = false
        if let f = chars.first, f == "到" || f == "至" {
            chars.removeFirst()
            explicitTarget = true
        }
        for phrase in ["本世纪中叶"] where chars.figureHasPrefix(Array(phrase), at: 0) {
            return (.target(nil), String(chars.dropFirst(phrase.count)))
        }
        for phrase in ["“十四五”期间", "“十四五”时期", "“十四五”末", "十四五期间", "十四五时期", "十四五末"]
        where chars.figureHasPrefix(Array(phrase), at: 0) {
            return (.target(2025), String(chars.dropFirst(phrase.count)))
        }
        guard chars.count >= 5, chars[0] == "2", chars[1] == "0", chars[2...3].allSatisfy(\.isFigureDigit),
            chars[4] == "年", let year = Int(String(chars[0..<4]))
        else { return nil }
        var rest = chars.dropFirst(5)
        if let f = rest.first, "底末前".contains(f) { rest = rest.dropFirst() }
        if explicitTarget || year > 2020 { return (.target(year), String(rest)) }
        return (.history, String(rest))
    }

    /// The key and canonical name of an indicator name: a synonym entry when one matches
    /// exactly; "X" counted in 个/家/项 … is "X数量" when only that is listed; otherwise a key
    /// normalized from the name itself.
    static func resolve(name: String, unit: String?, lexicon: IndicatorSynonyms) -> (key: String, canonical: String) {
        if let e = lexicon.entry(named: name) { return (lexicon.key(of: e), e.name) }
        if lexicon.isCountUnit(unit), !name.hasSuffix("数量"), let e = lexicon.entry(named: name + "数量") {
            return (lexicon.key(of: e), e.name)
        }
        var canonical = name
        for p in lexicon.scopePrefixes where canonical.hasPrefix(p) && canonical.count > p.count {
            canonical.removeFirst(p.count)
        }
        return (lexicon.normalizedKey(name), canonical)
    }
}

extension String {
    var indicatorTrimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
