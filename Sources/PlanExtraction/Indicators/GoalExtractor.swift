import DocumentModel
import PlanModel
import PlanTemplates

/// Reads the goals section (发展目标): the overall goal, the phase goals (到2025年 / 到2035年 …),
/// and the quantitative indicators in their sentences and in the indicator tables among them.
public enum GoalExtractor {
    /// `blocks` are the section's blocks in order (sub-headings included), each with its place.
    public static func extract(
        blocks: [(block: Block, location: DraftLocation)], synonyms: IndicatorSynonyms
    ) -> (goals: [Goal], indicators: [Indicator], diagnostics: [Diagnostic]) {
        extract(blocks: blocks, synonyms: synonyms, reader: ProseIndicatorReader(lexicon: synonyms))
    }

    /// The same with a prose reader built once for many drafts (`synonyms` must be its lexicon).
    static func extract(
        blocks: [(block: Block, location: DraftLocation)], synonyms: IndicatorSynonyms, reader: ProseIndicatorReader
    ) -> (goals: [Goal], indicators: [Indicator], diagnostics: [Diagnostic]) {
        var goals: [Goal] = []
        var indicators: [Indicator] = []
        var diagnostics: [Diagnostic] = []
        var seenOverall = false
        var seenBody = false
        var yearState = ProseIndicatorReader.YearState()
        for (block, location) in blocks {
            switch block {
            case .table(let table):
                guard IndicatorTable.isIndicatorTable(table) else { continue }
                let (found, notes) = IndicatorTable.read(table, location: location, synonyms: synonyms)
                indicators += found
                diagnostics += notes
            case .paragraph(let p):
                let text = p.text.indicatorTrimmed
                guard !text.isEmpty, !isHeadingLike(p), !isCaptionOrNote(text) else { continue }
                let first = !seenBody
                seenBody = true
                switch goalKind(text, first: first, seenOverall: seenOverall) {
                case .phase(let year):
                    goals.append(Goal(text: p.text, year: year, location: location))
                case .overall:
                    goals.append(Goal(text: p.text, year: nil, location: location))
                    seenOverall = true
                case nil:
                    break
                }
                // A paragraph continuing the previous one ("其中，…") keeps its year.
                let start = continues(text) ? yearState : ProseIndicatorReader.YearState()
                let (targets, end) = reader.read(p.text, state: start)
                yearState = end
                for t in targets {
                    let (key, canonical) = IndicatorGrammar.resolve(name: t.name, unit: t.figure.unit, lexicon: synonyms)
                    if !t.hasYearMark {
                        diagnostics.append(
                            Diagnostic(
                                severity: .warning, code: "extract.indicator-no-year",
                                message: "指标“\(t.name)”（\(t.figure.text)）所在句子未写明目标年份", location: p.location))
                    }
                    indicators.append(
                        Indicator(
                            name: t.name, key: key, canonicalName: canonical, value: t.figure.value, text: t.figure.text,
                            unit: t.figure.unit, comparator: t.comparator, year: t.year, baseline: t.baseline,
                            relative: t.relative, from: "prose", quote: t.sentence, location: location))
                }
            }
        }
        if indicators.isEmpty, !blocks.isEmpty {
            diagnostics.append(
                Diagnostic(
                    severity: .warning, code: "extract.goals-no-indicator",
                    message: "发展目标部分没有可识别的定量指标", location: sourceLocation(of: blocks[0].block)))
        }
        return (goals, indicators, diagnostics)
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
        return chars.count >= 2 && chars[0] == "表" && (chars[1].isFigureDigit || FigureScanner.isChineseNumeralChar(chars[1]) || chars[1] == " ")
            && !text.contains("。")
    }

    static func continues(_ text: String) -> Bool {
        ["其中", "同时", "此外"].contains(where: withoutLabel(text).hasPrefix)
    }

    /// The text without a typed label in front ("1.", "（1）", "一、").
    static func withoutLabel(_ text: String) -> String {
        let chars = Array(text.indicatorTrimmed)
        var i = 0
        if let f = chars.first, f == "（" || f == "(" {
            var j = 1
            while j < chars.count, chars[j].isFigureDigit || FigureScanner.isChineseNumeralChar(chars[j]) { j += 1 }
            if j > 1, j < chars.count, chars[j] == "）" || chars[j] == ")" { i = j + 1 }
        } else {
            var j = 0
            while j < chars.count, chars[j].isFigureDigit || FigureScanner.isChineseNumeralChar(chars[j]) { j += 1 }
            if j > 0, j < 3, j < chars.count, "、.．".contains(chars[j]) { i = j + 1 }
        }
        return String(chars[i...]).indicatorTrimmed
    }

    static func sourceLocation(of block: Block) -> SourceLocation? {
        switch block {
        case .paragraph(let p): return p.location
        case .table(let t): return t.location
        }
    }
}
