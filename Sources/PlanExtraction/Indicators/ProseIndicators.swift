import PlanTemplates

/// A target read from a goal sentence, before it gets its key and location.
struct ProseTarget: Sendable, Hashable {
    var name: String
    var figure: Figure
    var comparator: String?
    var relative: String?
    /// The governing target year; nil when none governs or the draft says 本世纪中叶.
    var year: Int?
    /// False when no year mark governs the clause at all (→ extract.indicator-no-year).
    var hasYearMark: Bool
    var baseline: Double?
    /// The sentence the target stands in, verbatim.
    var sentence: String
}

/// Reads targets from goal prose: each clause with a figure gives one target, named by the
/// noun phrase before its verb or comparator.
struct ProseIndicatorReader: Sendable {
    let lexicon: IndicatorSynonyms
    let scanner: FigureScanner
    private let trailingWords: [String]
    private let leadingWords: [String]
    private let scopeWords: Set<String>

    init(lexicon: IndicatorSynonyms) {
        self.lexicon = lexicon
        self.scanner = FigureScanner(lexicon: lexicon)
        let trailing = IndicatorGrammar.preComparators.map(\.0) + lexicon.linkVerbs + IndicatorGrammar.relativeVerbs
        trailingWords = Array(Set(trailing)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        let leading = lexicon.scopePrefixes + lexicon.connectives + lexicon.leadVerbs + IndicatorGrammar.leadComparators.map(\.0)
        scopeWords = Set(lexicon.scopePrefixes + lexicon.connectives)
        leadingWords = Array(Set(leading)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// The year state carried from one paragraph to the next.
    struct YearState: Sendable, Hashable {
        var year: Int?
        var marked = false
        var history = false
    }

    /// The targets of one paragraph. `state` is the year in force at its start (for a paragraph
    /// continuing the previous one, such as "其中，…"); the state at its end is returned.
    func read(_ text: String, state start: YearState = .init()) -> (targets: [ProseTarget], state: YearState) {
        var state = start
        var out: [ProseTarget] = []
        for sentence in Self.split(text, at: "。！？!?") where !sentence.indicatorTrimmed.isEmpty {
            var lastName: String? = nil
            for clause in Self.split(sentence, at: "，；,;：:") {
                var body = clause
                if let (mark, rest) = IndicatorGrammar.yearMark(clause) {
                    switch mark {
                    case .target(let y): state = YearState(year: y, marked: true, history: false)
                    case .history: state.history = true
                    }
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
                lastName = found.last?.name
            }
        }
        return (out, state)
    }

    /// The targets of one clause; `inheriting` names a clause without a subject
    /// ("…产值实现翻一番，达到500亿元左右").
    func targets(in clause: String, inheriting: String?) -> [ProseTarget] {
        let chars = Array(clause)
        let figures = scanner.scan(clause)
        var out: [ProseTarget] = []
        var segmentStart = 0
        var lastName = inheriting
        var pendingBaseline: Double? = nil
        for (k, figure) in figures.enumerated() {
            let prefix = String(chars[segmentStart..<figure.range.lowerBound])
            var after = figure.range.upperBound
            var post: String? = nil
            for (word, reported) in IndicatorGrammar.postComparators
            where chars.figureHasPrefix(Array(word), at: after) {
                post = reported
                after += word.count
                break
            }
            segmentStart = after
            var parsed = parseName(prefix, continuing: k > 0)
            if parsed.fromMarker {
                // "由2.19%提高到2.5%": this figure is the starting point of the next one.
                pendingBaseline = figure.value
                if !parsed.name.isEmpty { lastName = parsed.name }
                continue
            }
            if parsed.name.isEmpty {
                if let lastName {
                    parsed.name = lastName
                } else {
                    parsed.name = objectName(chars, from: after, to: figures.dropFirst(k + 1).first?.range.lowerBound)
                }
            }
            guard !parsed.name.isEmpty else { continue }
            out.append(
                ProseTarget(
                    name: parsed.name, figure: figure,
                    comparator: IndicatorGrammar.comparator(lead: parsed.lead, pre: parsed.pre, post: post),
                    relative: figure.doubling ?? parsed.relative, year: nil, hasYearMark: false,
                    baseline: pendingBaseline, sentence: clause))
            pendingBaseline = nil
            lastName = parsed.name
        }
        return out
    }

    struct ParsedName {
        var name: String
        var lead: [String] = []
        var pre: [String] = []
        var relative: String? = nil
        var fromMarker = false
    }

    /// The name in the text before a figure: trailing comparators, link verbs and relative verbs
    /// come off the end, scope words, connectives and lead verbs off the start.
    func parseName(_ prefix: String, continuing: Bool) -> ParsedName {
        var s = prefix.indicatorTrimmed
        var result = ParsedName(name: "")
        while let f = s.first, "、，,；;和及与（(".contains(f) && (continuing || "、，,；;".contains(f)) { s.removeFirst() }
        if let l = s.last, l == "从" || l == "由" {
            s.removeLast()
            result.fromMarker = true
        }
        var strippedTrailing: [String] = []
        var stripped = true
        while stripped {
            stripped = false
            for w in trailingWords where s.hasSuffix(w) {
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
        for w in strippedTrailing.reversed() {
            if let c = IndicatorGrammar.preComparators.first(where: { $0.0 == w }) { result.pre.append(c.1) }
        }
        if let first = strippedTrailing.first, IndicatorGrammar.relativeVerbs.contains(first) { result.relative = first }
        stripped = true
        while stripped {
            stripped = false
            // A scope word never empties the name; a verb may ("培育10家龙头企业" names its object).
            for w in leadingWords where s.hasPrefix(w) && (s.count > w.count || !scopeWords.contains(w)) {
                s.removeFirst(w.count)
                if let c = IndicatorGrammar.leadComparators.first(where: { $0.0 == w }) { result.lead.append(c.1) }
                stripped = true
                break
            }
        }
        result.name = s.indicatorTrimmed
        return result
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
    private func objectName(_ chars: [Character], from start: Int, to end: Int?) -> String {
        var s = String(chars[min(start, chars.count)..<min(end ?? chars.count, chars.count)]).indicatorTrimmed
        if s.hasPrefix("的") { s.removeFirst() }
        while let l = s.last, "。！？!?，,；;、".contains(l) { s.removeLast() }
        if let open = s.firstIndex(where: { $0 == "（" || $0 == "(" }) { s = String(s[..<open]) }
        return s.count >= 2 && s.count <= 30 ? s : ""
    }

    /// Splits at any of `separators`, keeping what stands inside （）and “” together.
    static func split(_ text: String, at separators: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "（" || c == "(" || c == "“" { depth += 1 }
            if c == "）" || c == ")" || c == "”" { depth = max(0, depth - 1) }
            if depth == 0 && separators.contains(c) {
                if "。！？!?".contains(c) { current.append(c) }
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
