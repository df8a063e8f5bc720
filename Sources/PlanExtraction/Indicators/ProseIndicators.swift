import PlanTemplates

/// A target read from a goal sentence, before it gets its key and location.
struct ProseTarget: Sendable, Hashable {
    var name: String
    var figure: Figure
    var comparator: String?
    var relative: String?
    /// The governing target year; nil when none governs or the draft says 本世纪中叶.
    var year: Int?
    /// False when no year mark governs the clause at all (the caller supplies the context's year).
    var hasYearMark: Bool
    var baseline: Double?
    var baselineYear: Int? = nil
    /// The sentence the target stands in, verbatim.
    var sentence: String
    /// True when the clause states the figure as a level or change to reach (a comparator,
    /// a link or change verb before it, or 以上/左右 after it), not merely mentions it.
    var stated = false
}

/// Reads targets from goal prose: each clause with a figure gives one target, named by the
/// noun phrase before its verb or comparator (or, for "建设40个平台", the noun after it).
/// The grammar: [year mark] [enumerator] [scope] name [由/从 [year年][的] baseline] verb|comparator
/// figure [post-comparator] [object]; "A、B分别达到x、y" pairs names and figures; a figure that
/// counts the plan's own parts ("提出11项指标") is no target.
struct ProseIndicatorReader: Sendable {
    let lexicon: IndicatorSynonyms
    let scanner: FigureScanner
    private let trailingWords: [String]
    private let leadingWords: [String]
    private let scopeWords: Set<String>
    /// `trailingWords` by their last Character and `leadingWords` by their first, each list in the
    /// words' order: a word is a suffix (prefix) only of a text ending (starting) with that
    /// Character. Nil when a word is empty (then every word is tried).
    private let trailingByLast: [Character: [String]]?
    private let leadingByFirst: [Character: [String]]?

    init(lexicon: IndicatorSynonyms) {
        self.lexicon = lexicon
        self.scanner = FigureScanner(lexicon: lexicon)
        let trailing =
            IndicatorGrammar.preComparators.map(\.0) + lexicon.linkVerbs + IndicatorGrammar.changeLinkVerbs
            + IndicatorGrammar.relativeVerbs + ["分别"]
        trailingWords = Array(Set(trailing)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        let leading = lexicon.scopePrefixes + lexicon.connectives + lexicon.leadVerbs + IndicatorGrammar.leadComparators.map(\.0)
        scopeWords = Set(lexicon.scopePrefixes + lexicon.connectives)
        leadingWords = Array(Set(leading)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        trailingByLast =
            trailingWords.contains(where: \.isEmpty) ? nil : Dictionary(grouping: trailingWords, by: { $0.last! })
        leadingByFirst =
            leadingWords.contains(where: \.isEmpty) ? nil : Dictionary(grouping: leadingWords, by: { $0.first! })
    }

    /// The year state carried from one paragraph to the next.
    struct YearState: Sendable, Hashable {
        var year: Int?
        var marked = false
        var history = false
    }

    /// The targets of one paragraph. `state` is the year in force at its start (a lead paragraph
    /// "到2025年，……：" scoping the items below it, or a paragraph continuing the previous one);
    /// the state at its end is returned.
    func read(_ text: String, state start: YearState = .init(), period: PlanPeriod? = nil)
        -> (targets: [ProseTarget], state: YearState)
    {
        var state = start
        var out: [ProseTarget] = []
        for sentence in Self.split(text, by: Self.sentenceSeparators) where !sentence.indicatorTrimmed.isEmpty {
            // A clause holds only scalars of its sentence: with no scalar a figure or a year mark can
            // hold, no clause has a target or changes the year state, and the sentence is passed over.
            guard sentence.mayHoldFigureScalar(Self.targetOrYearScalars) else { continue }
            var lastName: String? = nil
            for clause in Self.split(sentence, by: Self.clauseSeparators) {
                var body = clause
                if let (mark, rest) = IndicatorGrammar.yearMark(clause, period: period) {
                    switch mark {
                    case .target(let y): state = YearState(year: y, marked: true, history: false)
                    case .history: state.history = true
                    }
                    body = rest
                } else if let (year, rest) = Self.innerYearMark(body, period: period), !scanner.scan(rest).isEmpty {
                    // "研发经费投入强度到2025年达到2.6%": the mark stands inside a clause with a figure.
                    state = YearState(year: year, marked: true, history: false)
                    body = rest
                }
                if body.hasPrefix("，") || body.hasPrefix(",") { body.removeFirst() }
                if state.history {
                    lastName = nil
                    continue
                }
                let found = targets(in: body, inheriting: lastName)
                for var t in found {
                    t.year = state.year
                    t.hasYearMark = state.marked
                    t.sentence = sentence.indicatorTrimmed
                    out.append(t)
                }
                if let last = found.last?.name { lastName = last }
            }
        }
        return (out, state)
    }

    /// "X到2025年达到Y": a target-year mark inside a clause, removed from it. Only 到/至 + a year
    /// after the plan's base year, not followed by more digits.
    static func innerYearMark(_ clause: String, period: PlanPeriod?) -> (Int, String)? {
        // The mark ends in 年: a clause without it is ruled out on its scalars.
        guard clause.mayHoldFigureScalar(Self.yearScalar) else { return nil }
        let chars = Array(clause)
        guard chars.count >= 6 else { return nil }
        for i in 1..<(chars.count - 5) where chars[i] == "到" || chars[i] == "至" {
            guard let year = PlanPeriod.year(chars, at: i + 1), chars[i + 5] == "年", year > (period?.baseYear ?? 2020) else { continue }
            var end = i + 6
            if end < chars.count, "底末".contains(chars[end]) { end += 1 }
            return (year, String(chars[..<i]) + String(chars[end...]))
        }
        return nil
    }

    /// 年.
    private static let yearScalar: Set<UInt32> = [0x5E74]

    /// Every scalar a figure can start with, and 年, 五, 期, 叶 (one of which every year mark holds;
    /// 年 is the inner mark's).
    private static let targetOrYearScalars = FigureScanner.figureStartScalars.union(IndicatorGrammar.yearMarkScalars)

    /// The targets of one clause; `inheriting` names a clause without a subject
    /// ("…产值实现翻一番，达到500亿元左右").
    func targets(in clause: String, inheriting: String?) -> [ProseTarget] {
        let figures = scanner.scan(clause)
        // No figure, no target (and nothing else to do).
        guard !figures.isEmpty else { return [] }
        let chars = Array(clause)
        var out: [ProseTarget] = []
        var segmentStart = 0
        var lastName = inheriting
        var pendingBaseline: (value: Double?, year: Int?)? = nil
        /// Names still owed to the figures of a "分别" enumeration, with its comparator words.
        var respectively: (names: [String], pre: [String], relative: String?)? = nil
        /// The first target of the current "分别" group and how many figures it took: "A、B分别减少8%"
        /// states one figure for every name.
        var groupFirst: ProseTarget? = nil
        var groupFigures = 0
        func flushShared() {
            if let r = respectively, let first = groupFirst, groupFigures == 1 {
                for name in r.names {
                    out.append(
                        ProseTarget(
                            name: name, figure: first.figure, comparator: first.comparator, relative: first.relative, year: nil,
                            hasYearMark: false, baseline: nil, sentence: clause, stated: first.stated))
                }
            }
            respectively = nil
            groupFirst = nil
            groupFigures = 0
        }
        for (k, figure) in figures.enumerated() {
            let prefix = String(chars[segmentStart..<figure.range.lowerBound])
            var after = figure.range.upperBound
            if figure.note != nil { after += 1 }
            var post: String? = nil
            for (word, reported) in IndicatorGrammar.postComparators
            where chars.figureHasPrefix(Array(word), at: after) {
                post = reported
                after += word.count
                break
            }
            let next = figures.dropFirst(k + 1).first?.range.lowerBound
            // "年营业收入超10亿元的企业20家": a figure qualifying a noun before the target figure
            // belongs to the name.
            if next != nil, after < chars.count, chars[after] == "的", post == nil {
                continue
            }
            segmentStart = after
            // "A→B": this figure is where the next one starts from.
            if chars.figureHasPrefix(["→"], at: after) || chars.figureHasPrefix(["-", ">"], at: after) {
                pendingBaseline = (figure.value, nil)
                continue
            }
            // A "分别" enumeration in progress: the next name takes this figure.
            if var r = respectively, !r.names.isEmpty, Self.isListGap(prefix) {
                let name = r.names.removeFirst()
                respectively = r.names.isEmpty ? nil : r
                groupFigures += 1
                out.append(
                    ProseTarget(
                        name: name, figure: figure, comparator: IndicatorGrammar.comparator(lead: [], pre: r.pre, post: post),
                        relative: figure.doubling ?? r.relative, year: nil, hasYearMark: false, baseline: nil, sentence: clause))
                lastName = name
                continue
            }
            flushShared()
            if let r = respectivelyNames(prefix), r.names.count >= 2 {
                let parsedVerb = parseName(r.verbs, continuing: false)
                var rest = r
                let name = rest.names.removeFirst()
                respectively = (rest.names, parsedVerb.pre, parsedVerb.relative)
                let first = ProseTarget(
                    name: name, figure: figure, comparator: IndicatorGrammar.comparator(lead: [], pre: parsedVerb.pre, post: post),
                    relative: figure.doubling ?? parsedVerb.relative, year: nil, hasYearMark: false, baseline: nil,
                    sentence: clause, stated: true)
                groupFirst = first
                groupFigures = 1
                out.append(first)
                lastName = name
                continue
            }
            var parsed = parseName(prefix, continuing: k > 0)
            if parsed.isBaseline {
                // "由2020年的2.19%提高到2.5%": this figure is the starting point of the next one.
                pendingBaseline = (figure.value, parsed.baselineYear)
                if !parsed.name.isEmpty { lastName = parsed.name }
                continue
            }
            let object = objectText(chars, from: after, to: next)
            if parsed.achieved || isMeta(name: parsed.name, object: object, figure: figure) {
                pendingBaseline = nil
                continue
            }
            if parsed.name.isEmpty {
                if let lastName, object.isEmpty || !lexicon.isCountUnit(figure.unit) {
                    parsed.name = lastName
                } else {
                    parsed.name = objectName(object)
                }
            } else if parsed.name.count <= 2, !parsed.stated, objectName(object).count >= 2 {
                // "严守18亿亩耕地红线", "完成造林100万亩": a bare verb before the figure, the noun after it.
                parsed.name = objectName(object)
            } else if parsed.name.hasPrefix("占"), let lastName {
                // "研发经费支出年均增长12%、占生产总值比重达到3.3%": the ratio's subject is the previous one's.
                parsed.name = Self.subject(of: lastName) + parsed.name
            }
            guard !parsed.name.isEmpty, !isMetaName(parsed.name) else {
                pendingBaseline = nil
                continue
            }
            out.append(
                ProseTarget(
                    name: parsed.name, figure: figure,
                    comparator: IndicatorGrammar.comparator(lead: parsed.lead, pre: parsed.pre, post: post),
                    relative: figure.doubling ?? parsed.relative, year: nil, hasYearMark: false,
                    baseline: pendingBaseline?.value, baselineYear: pendingBaseline?.year, sentence: clause,
                    stated: parsed.stated || post != nil))
            pendingBaseline = nil
            lastName = parsed.name
        }
        flushShared()
        return out
    }

    /// Only list punctuation (or 和/及) stands between two figures of an enumeration.
    static func isListGap(_ s: String) -> Bool {
        let t = s.indicatorTrimmed
        return t.isEmpty || ["、", "和", "及", "与", "，", ","].contains(t)
    }

    /// "全省生产总值、人均生产总值分别突破": the names before 分别 and the words after it.
    func respectivelyNames(_ prefix: String) -> (names: [String], verbs: String)? {
        guard let r = prefix.range(of: "分别") else { return nil }
        var head = String(prefix[..<r.lowerBound])
        let verbs = String(prefix[r.upperBound...])
        while let f = head.first, "、，,；;".contains(f) { head.removeFirst() }
        let parts = head.split(whereSeparator: { "、和及与".contains($0) }).map { parseName(String($0), continuing: false).name }
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (parts, verbs)
    }

    /// The subject of a name ("研发经费支出年均增长" → "研发经费支出"): up to its first relative verb.
    static func subject(of name: String) -> String {
        for verb in IndicatorGrammar.relativeVerbs {
            if let r = name.range(of: verb), r.lowerBound > name.startIndex { return String(name[..<r.lowerBound]) }
        }
        return name
    }

    /// The noun phrase right after a figure (and its post-comparator), up to the next
    /// punctuation or figure: "培育10家龙头企业" → "龙头企业".
    private func objectText(_ chars: [Character], from start: Int, to end: Int?) -> String {
        var s = ""
        var i = min(start, chars.count)
        let stop = min(end ?? chars.count, chars.count)
        while i < stop, !"。！？!?，,；;、：:（(".contains(chars[i]) {
            s.append(chars[i])
            i += 1
        }
        s = s.indicatorTrimmed
        if s.hasPrefix("的") { s.removeFirst() }
        return s
    }

    /// True when the figure counts the plan's own parts: "提出11项指标", "从以下十个方面",
    /// "以上共计38项".
    func isMeta(name: String, object: String, figure: Figure) -> Bool {
        if isMetaName(name) { return true }
        guard lexicon.isCountUnit(figure.unit) || figure.unit == nil else { return false }
        // "预期性指标28项", "约束性指标10项": the name itself counts the plan's parts.
        if lexicon.metaNouns.contains(where: { name.hasSuffix($0) && $0.count >= 2 }) { return true }
        // "两个万亿元台阶": a count of a quantity is no count of things.
        if let f = object.first, FigureScanner.multipliers[f] != nil { return true }
        let o = String(object.prefix(6))
        return lexicon.metaNouns.contains { o == $0 || (o.hasSuffix($0) && o.count <= $0.count + 2) || o.hasPrefix($0 + "，") }
    }

    /// A name that is only a statement about the plan ("以上共计", "提出", "包括").
    func isMetaName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        if lexicon.metaVerbs.contains(name) || lexicon.connectives.contains(name) || name == "其中" { return true }
        return ["以上", "以下", "上述", "下列", "如下"].contains { name.hasPrefix($0) }
            || lexicon.metaVerbs.contains { name.hasSuffix($0) && name.count <= $0.count + 2 && $0.count >= 2 }
    }

    struct ParsedName {
        var name: String
        var lead: [String] = []
        var pre: [String] = []
        var relative: String? = nil
        /// True when the text ends "由/从 [YYYY年][的]": the figure is a baseline.
        var isBaseline = false
        var baselineYear: Int? = nil
        /// A comparator, link or change verb stood right before the figure.
        var stated = false
        /// "已达到", "已经建成": the figure is an achievement, not a target.
        var achieved = false
    }

    /// The name in the text before a figure: trailing comparators, link verbs and relative verbs
    /// come off the end, scope words, connectives and lead verbs off the start.
    func parseName(_ prefix: String, continuing: Bool) -> ParsedName {
        var s = prefix.indicatorTrimmed
        var result = ParsedName(name: "")
        while let f = s.first, "、，,；;和及与（(".contains(f) && (continuing || "、，,；;".contains(f)) { s.removeFirst() }
        if let (rest, year) = Self.fromPhrase(s) {
            s = rest
            result.isBaseline = true
            result.baselineYear = year
        }
        var strippedTrailing: [String] = []
        var stripped = true
        while stripped {
            stripped = false
            let trailing = trailingByLast.map { byLast in s.last.flatMap { byLast[$0] } ?? [] } ?? trailingWords
            for w in trailing where s.hasSuffix(w) {
                s.removeLast(w.count)
                strippedTrailing.append(w)
                stripped = true
                break
            }
            if !stripped, let cut = Self.comparisonPoint(in: s) {
                s = String(s[..<cut])
                stripped = true
            }
        }
        // The word next to the figure comes off first; report comparators in reading order.
        result.stated = !strippedTrailing.isEmpty
        // A name cut at a conjunction or a particle ("…城市和", "产量在", "…的") loses it.
        while let l = s.last, "和并及与在的、".contains(l), s.count > 2 { s.removeLast() }
        if s.hasSuffix("已") || s.hasSuffix("已经") || s.hasSuffix("已然") {
            result.achieved = true
        }
        for w in strippedTrailing.reversed() {
            if let c = IndicatorGrammar.preComparators.first(where: { $0.0 == w }) { result.pre.append(c.1) }
        }
        if let first = strippedTrailing.first, IndicatorGrammar.relativeVerbs.contains(first) { result.relative = first }
        stripped = true
        while stripped {
            stripped = false
            let enumerator = IndicatorGrammar.enumeratorLength(s)
            if enumerator > 0 {
                s.removeFirst(enumerator)
                stripped = true
                continue
            }
            // A scope word never empties the name; a verb may ("培育10家龙头企业" names its object).
            let leading = leadingByFirst.map { byFirst in s.first.flatMap { byFirst[$0] } ?? [] } ?? leadingWords
            for w in leading where s.hasPrefix(w) && (s.count > w.count || !scopeWords.contains(w)) {
                s.removeFirst(w.count)
                if let c = IndicatorGrammar.leadComparators.first(where: { $0.0 == w }) { result.lead.append(c.1) }
                stripped = true
                break
            }
        }
        result.name = s.indicatorTrimmed
        return result
    }

    /// "…由2020年的", "…从", "…由2020年底的": the text before the marker and the baseline year.
    static func fromPhrase(_ text: String) -> (String, Int?)? {
        var chars = Array(text)
        // "从不到70万亿元", "由约2.1%": an approximation of the starting point.
        for w in ["不到", "不足", "约", "近", "超过"] where chars.count > w.count && String(chars.suffix(w.count)) == w {
            let before = chars[chars.count - w.count - 1]
            if before == "从" || before == "由" || before == "的" { chars.removeLast(w.count) }
            break
        }
        if chars.last == "的" { chars.removeLast() }
        var year: Int? = nil
        if let l = chars.last, l == "底" || l == "末" { chars.removeLast() }
        if chars.count >= 5, chars.last == "年", let y = PlanPeriod.year(chars, at: chars.count - 5) {
            year = y
            chars.removeLast(5)
        }
        guard let l = chars.last, l == "从" || l == "由" else { return nil }
        chars.removeLast()
        return (String(chars).indicatorTrimmed, year)
    }

    /// Where a trailing point of comparison starts ("收入比2020年" → "比2020年", "较基期"), if any.
    static func comparisonPoint(in s: String) -> String.Index? {
        guard let k = s.lastIndex(where: { $0 == "比" || $0 == "较" }), k > s.startIndex else { return nil }
        var rest = String(s[s.index(after: k)...])
        for word in ["基期", "上年", "“十三五”末", "十三五末", "2020年底", "2020年末"] where rest == word { return k }
        if rest.count >= 5, rest.hasPrefix("20"), Array(rest)[4] == "年", rest.prefix(4).allSatisfy(\.isFigureDigit) {
            rest = String(rest.dropFirst(5))
            if rest.isEmpty || rest == "底" || rest == "末" { return k }
        }
        return nil
    }

    /// The noun after a figure when the clause puts the verb first ("培育10家左右龙头企业").
    private func objectName(_ object: String) -> String {
        var s = object
        if let open = s.firstIndex(where: { $0 == "（" || $0 == "(" }) { s = String(s[..<open]) }
        return s.count >= 2 && s.count <= 30 ? s : ""
    }

    private static let sentenceEnds: Set<Character> = Set("。！？!?")
    /// A few scalars: an array's comparisons cost less than hashing.
    private static let sentenceEndScalars: [UInt32] = "。！？!?".compactMap(\.plainScalar)

    /// The separators of a split, as sets made once.
    struct Separators: Sendable {
        /// Set lookups: String.contains(Character) walks the separators' graphemes for every character.
        let characters: Set<Character>
        /// A few scalars: an array's comparisons cost less than hashing.
        let scalars: [UInt32]
        /// A separator that is no plain scalar could equal a plain character: compare Characters then.
        let plain: Bool

        init(_ separators: String) {
            characters = Set(separators)
            scalars = separators.compactMap(\.plainScalar)
            plain = separators.allSatisfy { $0.plainScalar != nil }
        }
    }

    static let sentenceSeparators = Separators("。！？!?")
    static let clauseSeparators = Separators("，；,;：:")

    /// Splits at any of `separators`, keeping what stands inside （）and “” together.
    static func split(_ text: String, by separators: Separators) -> [String] {
        let separatorSet = separators.characters
        let separatorScalars = separators.scalars
        let plainSeparators = separators.plain
        // Parts are cut from the text's UTF-8 by offsets, not built Character by Character.
        let bytes = Array(text.utf8)
        var parts: [String] = []
        var start = 0
        var position = 0
        var depth = 0
        for c in text {
            let width = c.utf8.count
            defer { position += width }
            let opens: Bool
            let closes: Bool
            let separates: Bool
            let ends: Bool
            if plainSeparators, let v = c.plainScalar {
                // The same tests on scalar values, without normalizing (see `plainScalar`).
                opens = v == 0xFF08 || v == 0x28 || v == 0x201C
                closes = v == 0xFF09 || v == 0x29 || v == 0x201D
                separates = separatorScalars.contains(v)
                ends = sentenceEndScalars.contains(v)
            } else {
                opens = c == "（" || c == "(" || c == "“"
                closes = c == "）" || c == ")" || c == "”"
                separates = separatorSet.contains(c)
                ends = sentenceEnds.contains(c)
            }
            if opens { depth += 1 }
            if closes { depth = max(0, depth - 1) }
            if depth == 0 && separates {
                parts.append(String(decoding: bytes[start..<(ends ? position + width : position)], as: UTF8.self))
                start = position + width
            }
        }
        if start < bytes.count { parts.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return parts
    }
}
