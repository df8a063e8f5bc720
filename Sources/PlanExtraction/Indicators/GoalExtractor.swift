import DocumentModel
import PlanSupport
import PlanModel
import PlanTemplates

/// Reads the goals section (发展目标): every goal statement however it is written (the overall
/// goal, "到2025年……" paragraphs, numbered and dashed items, run-in leads), each with its year, and
/// the quantitative indicators in their sentences and in the indicator tables among them.
///
/// A target's year comes from the nearest context that states it: its clause, a lead paragraph
/// ("到2025年，主要目标是：") scoping the paragraphs below it until the next heading, a paragraph
/// opening with a year, the heading above, and finally the plan period of the draft.
public enum GoalExtractor {
    /// `blocks` are the section's blocks in order (sub-headings included), each with its place.
    public static func extract(
        blocks: [(block: Block, location: DraftLocation)], synonyms: IndicatorSynonyms, period: PlanPeriod? = nil
    ) -> (goals: [Goal], indicators: [Indicator], diagnostics: [Diagnostic]) {
        extract(blocks: blocks, synonyms: synonyms, reader: ProseIndicatorReader(lexicon: synonyms), period: period)
    }

    /// The same with a prose reader built once for many drafts (`synonyms` must be its lexicon).
    static func extract(
        blocks: [(block: Block, location: DraftLocation)], synonyms: IndicatorSynonyms, reader: ProseIndicatorReader,
        period: PlanPeriod?
    ) -> (goals: [Goal], indicators: [Indicator], diagnostics: [Diagnostic]) {
        var goals: [Goal] = []
        var indicators: [Indicator] = []
        var diagnostics: [Diagnostic] = []
        var seenOverall = false
        var yearState = ProseIndicatorReader.YearState()
        /// The year a lead or dated paragraph scopes over the paragraphs below it, with the heading
        /// path it was stated under.
        var scope: (year: Int?, path: [String])? = nil
        var undated: [String] = []
        var undatedLocation: SourceLocation? = nil
        for (block, location) in blocks {
            let headingYear = Self.headingYear(location.headingPath, period: period)
            if let s = scope, s.path != location.headingPath { scope = nil }
            switch block {
            case .table(let table):
                guard IndicatorTable.isIndicatorTable(table) else { continue }
                let (found, notes) = IndicatorTable.read(
                    table, location: location, synonyms: synonyms, scanner: reader.scanner, period: period,
                    contextYear: headingYear)
                indicators += found
                diagnostics += notes
            case .paragraph(let p):
                let text = p.text.indicatorTrimmed
                guard !text.isEmpty, !isHeadingLike(p), !isCaptionOrNote(text) else { continue }
                let body = statementBody(text)
                let opening = IndicatorGrammar.yearMark(body, period: period).flatMap { mark, _ -> Int?? in
                    if case .target(let y) = mark { return .some(y) }
                    return nil
                }
                let lead = isLead(text)
                // A paragraph continuing the previous one ("其中，…") keeps its year; otherwise the scope's.
                var start = ProseIndicatorReader.YearState()
                if continues(text) {
                    start = yearState
                } else if let s = scope, let y = s.year {
                    start = .init(year: y, marked: true, history: false)
                }
                let (targets, end) = reader.read(p.text, state: start, period: period)
                yearState = end
                if lead || opening != nil {
                    // "到2025年，……：" scopes the items below it; "到2025年，……。" the paragraphs that follow.
                    let y = lead ? end.year : (opening ?? nil)
                    if y != nil { scope = (y, location.headingPath) }
                }
                let contextYear = scope?.year ?? headingYear ?? period?.end
                var linked: [Int] = []
                for t in targets {
                    let (key, canonical) = IndicatorGrammar.resolve(name: t.name, unit: t.figure.unit, lexicon: synonyms)
                    let year = t.hasYearMark ? t.year : contextYear
                    if !t.hasYearMark, year == nil {
                        undated.append("\(t.name)（\(t.figure.text)）")
                        if undatedLocation == nil { undatedLocation = p.location }
                    }
                    linked.append(indicators.count)
                    indicators.append(
                        Indicator(
                            name: t.name, key: key, canonicalName: canonical, value: t.figure.value, text: t.figure.text,
                            unit: t.figure.unit, comparator: t.comparator, year: year, baseline: t.baseline,
                            baselineYear: t.baseline == nil ? nil : t.baselineYear,
                            relative: t.relative, from: "prose", quote: t.sentence, location: location,
                            upper: t.figure.upper, note: t.figure.note))
                }
                guard !lead || !isBareLead(text) else { continue }
                // The overall goal (总体目标：…, or the section's opening statement) spans the
                // phases: it is dated only by a year of its own.
                let labelled = withoutLabel(text) != text.indicatorTrimmed
                let overall =
                    !labelled && (scope == nil || lead)
                    && goalKind(text, first: goals.isEmpty, seenOverall: seenOverall) == .overall
                if overall { seenOverall = true }
                let goalYear: Int?? = opening ?? (overall ? .some(nil) : .some(scope?.year ?? headingYear ?? period?.end))
                goals.append(Goal(text: p.text, year: goalYear ?? nil, location: location, indicators: linked))
            }
        }
        if !undated.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .extractIndicatorNoYear, message: "以下指标在句子、上文、标题和规划期中都找不到目标年份：\(undated.joined(separator: "；"))",
                    location: undatedLocation))
        }
        if indicators.isEmpty, !blocks.isEmpty {
            diagnostics.append(
                Diagnostic(.extractGoalsNoIndicator, message: "发展目标部分没有可识别的定量指标", location: sourceLocation(of: blocks[0].block)))
        }
        return (goals, indicators, diagnostics)
    }

    /// The target year the headings above a block state: “十四五”发展目标 → 2025,
    /// 2035年远景目标 → 2035, 2021年主要预期目标 → 2021 (innermost first).
    static func headingYear(_ path: [String], period: PlanPeriod?) -> Int? {
        for title in path.reversed() {
            if let n = PlanPeriod.fiveYearPlan(in: title) { return PlanPeriod.startOfFiveYearPlan(n) + 4 }
            if let y = PlanPeriod.yearsWritten(in: title).last, y > (period?.baseYear ?? 2020) { return y }
        }
        return nil
    }

    /// A paragraph that opens by declaring what follows to be targets: "主要预期目标是：",
    /// "今年发展的主要目标为：", "具体目标如下：" within its first sentence.
    static func declaresTargets(_ text: String) -> Bool {
        let head = String(withoutLabel(text).prefix(40))
        guard let colon = head.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        let lead = head[..<colon]
        return lead.contains("目标") && !lead.contains("。")
            && (lead.hasSuffix("是") || lead.hasSuffix("为") || lead.hasSuffix("如下") || lead.hasSuffix("目标"))
    }

    /// A lead paragraph introduces the items below it: it ends with a colon.
    static func isLead(_ text: String) -> Bool {
        guard let last = text.indicatorTrimmed.last else { return false }
        return last == "：" || last == ":"
    }

    /// A lead that states nothing itself ("到2025年，实现以下目标：", "主要目标是："): not a goal.
    static func isBareLead(_ text: String) -> Bool {
        var body = statementBody(text)
        if let (_, rest) = IndicatorGrammar.yearMark(body) { body = rest }
        let core = body.filter { !"，,：:。 ".contains($0) }
        return core.count <= 16 || ["以下目标", "如下目标", "目标如下", "以下几个方面", "主要目标是", "具体目标是", "具体目标如下"].contains { core.contains($0) }
    }

    /// The statement without its label and a run-in "X目标：" lead.
    static func statementBody(_ text: String) -> String {
        var body = withoutLabel(text)
        if let stop = body.prefix(10).firstIndex(where: { "：:。".contains($0) }), body[..<stop].hasSuffix("目标"),
            !["总体目标", "总的目标", "总目标"].contains(String(body[..<stop]))
        {
            body = String(body[body.index(after: stop)...])
        }
        return body
    }

    enum GoalKind: Equatable {
        case overall
        case phase(Int?)
    }

    /// A phase goal opens with its year (到2025年, “十四五”期间, 到本世纪中叶); the overall goal
    /// says so (总体目标：…, …的总体目标是：…) or is the section's first paragraph stating the aim.
    static func goalKind(_ text: String, first: Bool, seenOverall: Bool) -> GoalKind? {
        var body = withoutLabel(text)
        // A run-in sub-heading ("阶段目标：到2025年，…", "近期目标。到2025年，…") names the kind, not the year.
        if let stop = body.prefix(10).firstIndex(where: { "：:。".contains($0) }), body[..<stop].hasSuffix("目标"),
            !["总体目标", "总的目标", "总目标"].contains(String(body[..<stop]))
        {
            body = String(body[body.index(after: stop)...])
        }
        if let (mark, _) = IndicatorGrammar.yearMark(body), case .target(let year) = mark { return .phase(year) }
        if seenOverall { return nil }
        let head = String(body.prefix(24))
        if ["总体目标", "总的目标", "总目标"].contains(where: { body.hasPrefix($0) || head.contains($0 + "是") || head.contains($0 + "为") }) {
            return .overall
        }
        return first ? .overall : nil
    }

    /// Sub-headings (1.总体目标, 2.阶段目标), captions and other short lines without a sentence.
    static func isHeadingLike(_ p: Paragraph) -> Bool {
        if p.outlineLevel != nil { return true }
        let text = p.text.indicatorTrimmed
        let hasSentence = text.contains { "。；，：;,:".contains($0) }
        return !hasSentence && text.count <= 30
    }

    static func isCaptionOrNote(_ text: String) -> Bool {
        if ["注：", "注:", "说明：", "资料来源"].contains(where: text.hasPrefix) { return true }
        let chars = Array(text)
        return chars.count >= 2 && chars[0] == "表"
            && (chars[1].isFigureDigit || FigureScanner.isChineseNumeralChar(chars[1]) || chars[1] == " ")
            && !text.contains("。")
    }

    static func continues(_ text: String) -> Bool {
        ["其中", "同时", "此外"].contains(where: withoutLabel(text).hasPrefix)
    }

    /// The text without a typed label in front ("1.", "（1）", "一、").
    static func withoutLabel(_ text: String) -> String {
        // Walked by index over the trimmed text: the label is a few Characters at its start, so the
        // rest of the paragraph is neither split into Characters nor rebuilt from them.
        let chars = text.indicatorTrimmed
        let start = chars.startIndex
        let end = chars.endIndex
        var i = start
        while i < end, "—－-―•·●▪■◆".contains(chars[i]) { i = chars.index(after: i) }
        if i > start { return String(chars[i...]).indicatorTrimmed }
        if let f = chars.first, f == "（" || f == "(" {
            var j = chars.index(after: start)
            var count = 1
            while j < end, chars[j].isFigureDigit || FigureScanner.isChineseNumeralChar(chars[j]) {
                j = chars.index(after: j)
                count += 1
            }
            if count > 1, j < end, chars[j] == "）" || chars[j] == ")" { i = chars.index(after: j) }
        } else {
            var j = start
            var count = 0
            while j < end, chars[j].isFigureDigit || FigureScanner.isChineseNumeralChar(chars[j]) {
                j = chars.index(after: j)
                count += 1
            }
            if count > 0, count < 3, j < end, "、.．".contains(chars[j]) { i = chars.index(after: j) }
        }
        // Trimmed already when nothing is cut (trimming is idempotent).
        return i == start ? chars : String(chars[i...]).indicatorTrimmed
    }

    static func sourceLocation(of block: Block) -> SourceLocation? {
        switch block {
        case .paragraph(let p): return p.location
        case .table(let t): return t.location
        }
    }
}
