import PlanTemplates

/// The grammar of a target statement around its figure: comparators, relative targets and the
/// year that governs a clause. The words are the closed set of the output schema
/// (`Indicator.comparator`, `Indicator.relative`), so they live in code; the open lexicon
/// (units, verbs, synonyms) lives in Templates/indicators.yaml.
enum IndicatorGrammar {
    /// Comparators standing before the figure, as written → as reported.
    static let preComparators: [(String, String)] = [
        ("力争达到", "力争"), ("不低于", "不低于"), ("不少于", "不低于"), ("达到", "达到"), ("超过", "超过"),
        ("突破", "突破"), ("高于", "超过"), ("多于", "超过"), ("大于", "超过"), ("超", "超过"), ("控制在", "控制在以内"), ("力争", "力争"),
        ("累计", "累计"), ("低于", "控制在以内"), ("少于", "控制在以内"), ("不高于", "控制在以内"), ("不超过", "控制在以内"),
        ("降至", "降至"), ("降到", "降至"), ("下降到", "降至"), ("下降至", "降至"), ("降低到", "降至"), ("降低至", "降至"),
        ("缩小到", "降至"), ("缩小至", "降至"), ("缩短到", "降至"), ("缩短至", "降至"), ("减少到", "降至"), ("减少至", "降至"),
        ("减至", "降至"),
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
    static let relativeVerbs = [
        "年均增长", "年均提高", "年均增速", "年均递增", "年均增幅", "年均下降", "年均降低", "年均减少", "年均增加",
        "累计增长", "累计提高", "累计下降", "累计降低", "累计减少",
        "增长", "提高", "提升", "下降", "降低", "减少", "增加", "缩短", "扩大", "上升", "增幅", "增速",
    ]

    /// Change verbs that, followed by 到/至, state the level reached ("提高到63%", "缩短至5年"):
    /// link verbs, not relative targets. Generated, so every change verb has both forms.
    static let changeLinkVerbs: [String] = {
        let verbs = ["提高", "提升", "增加", "增长", "扩大", "上升", "升", "达", "增", "改善", "优化", "恢复"]
        return verbs.flatMap { [$0 + "到", $0 + "至"] }
    }()

    /// Words enumerating points of a list ("一是", "其二", "首先"); never part of a name.
    static func enumeratorLength(_ s: String) -> Int {
        let chars = Array(s)
        var i = 0
        while i < chars.count, FigureScanner.isChineseNumeralChar(chars[i]) { i += 1 }
        if i > 0, i < chars.count, chars[i] == "是" { return i + 1 }
        if chars.count >= 2, chars[0] == "其", FigureScanner.isChineseNumeralChar(chars[1]) { return 2 }
        for w in ["首先", "其次", "再次", "最后", "另外", "此外", "同时"] where s.hasPrefix(w) {
            return w.count
        }
        return 0
    }

    /// Which comparator a clause states: one after the figure wins, then 力争 anywhere, then the
    /// last one before the figure, then one opening the clause.
    static func comparator(lead: [String], pre: [String], post: String?) -> String? {
        if let post {
            // "控制在5.5%以内" and "控制在3%左右" say what their ending says; "控制在5%以上" is a bound.
            return post == "控制在以内" || post == "左右" || !pre.contains("控制在以内") ? post : "控制在以内"
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

    /// The year mark opening `clause`, and the rest of the clause after it. `period` decides
    /// which years are history (up to its base year) and what 今年/“十四五”末 mean.
    static func yearMark(_ clause: String, period: PlanPeriod? = nil) -> (YearMark, String)? {
        // Every mark below holds 年, 五, 期 or 叶 (……年, “十四五”, 规划期内, 本世纪中叶): a clause
        // with none of them has no mark, and most clauses are ruled out on their scalars.
        guard clause.mayHoldFigureScalar(yearMarkScalars) else { return nil }
        var chars = Array(clause.indicatorTrimmed)
        for lead in yearLeads where chars.figureHasPrefix(lead, at: 0) {
            chars.removeFirst(lead.count)
        }
        var explicitTarget = false
        if let f = chars.first, f == "到" || f == "至" {
            chars.removeFirst()
            explicitTarget = true
        } else if chars.figureHasPrefix(Array("在"), at: 0), chars.count > 5, chars[1].isFigureDigit {
            chars.removeFirst()
        }
        for phrase in ["本世纪中叶"] where chars.figureHasPrefix(Array(phrase), at: 0) {
            return (.target(nil), String(chars.dropFirst(phrase.count)))
        }
        // A five-year plan named at the head of the clause: “十四五”期间/时期/末, 十四五时期.
        if let (n, length) = fiveYearPlanHead(chars) {
            let end = PlanPeriod.startOfFiveYearPlan(n) + 4
            // “十三五”期间 in a 十四五 text is history.
            if end <= (period?.baseYear ?? 2020) { return (.history, String(chars.dropFirst(length))) }
            return (.target(end), String(chars.dropFirst(length)))
        }
        if let period, period.documentYear == nil {
            // "今后五年", "未来五年": the plan's own period.
            for phrase in periodPhrases {
                // The first occurrence, within 12 characters of the start (a Character-wise search:
                // no Foundation bridging per clause).
                if let at = chars.firstFigureOccurrence(of: phrase), at <= 12 {
                    return (.target(period.end), String(chars[(at + phrase.count)...]))
                }
            }
        }
        if let year = period?.documentYear {
            for (phrase, offset) in [("今年", 0), ("本年", 0), ("全年", 0), ("明年", 1)]
            where chars.figureHasPrefix(Array(phrase), at: 0) {
                return (.target(year + offset), String(chars.dropFirst(phrase.count)))
            }
        }
        guard chars.count >= 5, chars[0] == "2", chars[1] == "0", chars[2...3].allSatisfy(\.isFigureDigit),
            chars[4] == "年", let year = Int(String(chars[0..<4]))
        else { return nil }
        var rest = chars.dropFirst(5)
        if let f = rest.first, "底末前".contains(f) { rest = rest.dropFirst() }
        let base = period?.baseYear ?? 2020
        if year > base || (explicitTarget && period == nil) { return (.target(year), String(rest)) }
        return (.history, String(rest))
    }

    /// 年, 五, 期, 叶: one of them is in every year mark.
    static let yearMarkScalars: Set<UInt32> = [0x5E74, 0x4E94, 0x671F, 0x53F6]

    private static let yearLeads: [[Character]] = ["力争", "争取", "预计", "展望", "远景"].map { Array($0) }
    private static let periodPhrases: [[Character]] = ["今后五年", "未来五年", "规划期内", "规划期末", "本规划期"].map { Array($0) }

    /// “十四五”期间, 十三五末, “十五五”时期 at the head of a clause: the plan's ordinal and the
    /// length of the phrase.
    static func fiveYearPlanHead(_ chars: [Character]) -> (Int, Int)? {
        var i = 0
        if i < chars.count, "“\"‘「".contains(chars[i]) { i += 1 }
        let numeralStart = i
        while i < chars.count, i < numeralStart + 2, chars[i] == "十" || (FigureScanner.chineseDigits[chars[i]] ?? 0) > 0 { i += 1 }
        guard i > numeralStart, i < chars.count, chars[i] == "五",
            let n = FigureScanner.chineseValue(chars[numeralStart..<i]), n >= 2
        else { return nil }
        i += 1
        if i < chars.count, "”\"’」".contains(chars[i]) { i += 1 }
        for word in ["期间", "时期", "末期", "末", "时", "中后期", "后期"] where chars.figureHasPrefix(Array(word), at: i) {
            return (Int(n), i + word.count)
        }
        return nil
    }

    /// The key and canonical name of an indicator name: a synonym entry when one matches
    /// exactly; "X" counted in 个/家/项 … is "X数量" when only that is listed; otherwise a key
    /// normalized from the name itself.
    static func resolve(name: String, unit: String?, lexicon: IndicatorSynonyms) -> (key: String, canonical: String) {
        if let e = lexicon.entry(named: name) { return (lexicon.key(of: e), e.name) }
        if lexicon.isCountUnit(unit), !name.hasSuffix("数量") {
            // A count is the same indicator however its count word is written: "高新技术企业总数",
            // "…数", "…个数", "…家数" and plain "高新技术企业" (counted in 家) are "高新技术企业数量".
            var stem = name
            for word in ["总数量", "总数", "个数", "家数", "数目", "数"] where stem.hasSuffix(word) && stem.count > word.count + 1 {
                stem.removeLast(word.count)
                break
            }
            if let e = lexicon.entry(named: stem + "数量") { return (lexicon.key(of: e), e.name) }
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
