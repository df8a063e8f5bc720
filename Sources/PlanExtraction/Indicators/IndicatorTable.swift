import DocumentModel
import PlanSupport
import PlanModel
import PlanTemplates

/// An indicator table (主要指标表 in the goals section, or an 附表): one indicator per row and
/// target-year column, with baseline, unit and attribute from their columns.
public enum IndicatorTable {
    /// True when the table has a name column (指标名称 …) and at least one target column
    /// (2025年目标值, 2035年 …).
    public static func isIndicatorTable(_ table: Table) -> Bool {
        guard let layout = Layout(table) else { return false }
        return layout.name != nil && !layout.targets.isEmpty
    }

    /// Reads every (row, target column) of the table. `location` is the table's place in the draft.
    /// `period` decides which year columns are baselines and which targets; `contextYear` (the
    /// heading's) dates a target column whose header names no year, before the period's end does.
    public static func read(
        _ table: Table, location: DraftLocation, synonyms: IndicatorSynonyms, period: PlanPeriod? = nil,
        contextYear: Int? = nil
    ) -> ([Indicator], [Diagnostic]) {
        read(
            table, location: location, synonyms: synonyms, scanner: FigureScanner(lexicon: synonyms), period: period,
            contextYear: contextYear)
    }

    /// The same with a figure scanner made once for many tables (`synonyms` must be its lexicon).
    static func read(
        _ table: Table, location: DraftLocation, synonyms: IndicatorSynonyms, scanner: FigureScanner,
        period: PlanPeriod?, contextYear: Int?
    ) -> ([Indicator], [Diagnostic]) {
        guard let layout = Layout(table, period: period), let nameColumn = layout.name, !layout.targets.isEmpty else {
            return ([], [])
        }
        var indicators: [Indicator] = []
        var diagnostics: [Diagnostic] = []
        var previousName: String? = nil
        for (r, row) in table.rows.enumerated() where r >= layout.headerRows {
            let grid = GridRow(row)
            // A row spanning the table, such as "一、创新主体", only opens a category.
            if grid.spans(nameColumn, layout.targets.map(\.column)) { continue }
            var name = (grid.text(nameColumn) ?? "").filter { $0 != "\n" && $0 != "\r" }
            if name.isEmpty, grid.continuesAbove(nameColumn) { name = previousName ?? "" }
            if !name.isEmpty { previousName = name }
            // Under a name header spanning several columns, the most specific cell names the row
            // (a parent cell merged over its sub-indicators stands to the left).
            for c in layout.subNames {
                let sub = (grid.text(c) ?? "").filter { $0 != "\n" && $0 != "\r" }
                if !sub.isEmpty, grid.cells[c]?.start != grid.cells[nameColumn]?.start { name = sub }
            }
            guard !name.isEmpty else { continue }
            var unitText = layout.unit.flatMap { grid.text($0) } ?? ""
            if unitText.isEmpty, let (bare, inName) = unitInParentheses(name),
                inName.count <= 4 || scanner.unitSpec(inName).unit.map({ synonymsKnow($0, synonyms) }) == true
            {
                name = bare
                unitText = inName
            }
            let (columnMultiplier, columnUnit) = scanner.unitSpec(unitText)
            var baseline: Double? = nil
            var baselineYear = layout.baseYear
            if let b = layout.base, let raw = grid.text(b) {
                let bare = Self.withoutNoteMarks(raw)
                if let n = scanner.cellNumber(bare) {
                    baseline = n.unit == nil ? n.value * columnMultiplier : n.value
                    // "2.04*": a footnote qualifies the value (often another year's figure), so the
                    // column's year is not its year.
                    if bare != raw.indicatorTrimmed { baselineYear = nil }
                }
            }
            let attribute = layout.attribute.flatMap { grid.text($0) }.flatMap(normalizedAttribute)
            let resolvedName = Self.withoutRowNumber(name)
            let quote = row.cells.map { $0.text.indicatorTrimmed }.joined(separator: " | ")
            let rowLocation = DraftLocation(
                paragraph: row.cells.lazy.compactMap { $0.blocks.allParagraphs.first?.location.paragraphIndex }.first
                    ?? location.paragraph,
                headingPath: location.headingPath, path: (location.path ?? table.location.path) + "/tr[\(r)]")
            let sourceLocation = row.cells.first?.blocks.allParagraphs.first?.location ?? table.location
            for target in layout.targets {
                guard let raw = grid.text(target.column), !Self.isEmptyCell(raw) else { continue }
                // "＞7、力争投入强度高于……": the figure, then words; the figure is the target.
                let first = raw.split(whereSeparator: { "、，,；;（(".contains($0) }).first.map(String.init) ?? raw
                guard
                    var cell = readCell(raw, scanner: scanner, multiplier: columnMultiplier, unit: columnUnit)
                        ?? readCell(first, scanner: scanner, multiplier: columnMultiplier, unit: columnUnit)
                else {
                    diagnostics.append(
                        Diagnostic(.extractIndicatorUnparsed, message: "指标“\(name)”的目标值“\(raw)”无法识别为数值", location: sourceLocation))
                    continue
                }
                if cell.relative == nil {
                    switch target.kind {
                    case .annual: cell.relative = "年均"
                    case .cumulative: cell.relative = "累计"
                    case .level: break
                    }
                }
                let (key, canonical) = IndicatorGrammar.resolve(name: resolvedName, unit: cell.unit, lexicon: synonyms)
                let year = target.year ?? contextYear ?? period?.end
                if year == nil {
                    diagnostics.append(
                        Diagnostic(.extractIndicatorNoYear, message: "指标“\(name)”的目标列“\(target.header)”未写明目标年份", location: sourceLocation))
                }
                indicators.append(
                    Indicator(
                        name: resolvedName, key: key, canonicalName: canonical, value: cell.value, text: raw,
                        unit: cell.unit, comparator: cell.comparator, year: year,
                        baseline: baseline, baselineYear: baseline == nil ? nil : baselineYear,
                        attribute: attribute, relative: cell.relative, from: "table", quote: quote,
                        location: rowLocation, note: cell.note))
            }
        }
        return (indicators, diagnostics)
    }

    struct Cell {
        var value: Double?
        var unit: String?
        var comparator: String?
        var relative: String?
        var note: String? = nil
    }

    /// A target cell: "2.5", "1.2万", "≥95", ">90", "100以上", "翻一番", "年均增长8%".
    static func readCell(_ raw: String, scanner: FigureScanner, multiplier: Double, unit: String?) -> Cell? {
        var s = String(raw.filter { !$0.isWhitespace }.map(FigureScanner.halfWidth))
        var cell = Cell()
        // A footnote marker on the value ("60.6*", "95①") is kept as a note.
        while let l = s.last, FigureScanner.noteMarks.contains(l) {
            cell.note = String(l) + (cell.note ?? "")
            s.removeLast()
        }
        // 〔13.5〕: a cumulative target over the period.
        if let f = s.first, let l = s.last, (f == "〔" && l == "〕") || (f == "[" && l == "]") || (f == "【" && l == "】") {
            s = String(s.dropFirst().dropLast())
            cell.relative = "累计"
        }
        if let d = FigureScanner.doublings.first(where: { s.hasPrefix($0) || s.hasSuffix($0) }) {
            return Cell(value: nil, unit: unit, comparator: nil, relative: d)
        }
        for (sign, reported) in [("≥", "不低于"), (">=", "不低于"), ("≤", "控制在以内"), ("<=", "控制在以内"), (">", "超过"), ("<", "控制在以内")]
        where s.hasPrefix(sign) {
            cell.comparator = reported
            s.removeFirst(sign.count)
            break
        }
        for (word, reported) in IndicatorGrammar.preComparators where s.hasPrefix(word) {
            cell.comparator = reported
            s.removeFirst(word.count)
            break
        }
        for verb in IndicatorGrammar.relativeVerbs where s.hasPrefix(verb) {
            cell.relative = verb
            s.removeFirst(verb.count)
            break
        }
        for (word, reported) in IndicatorGrammar.postComparators where s.hasSuffix(word) {
            cell.comparator = reported
            s.removeLast(word.count)
            break
        }
        guard let n = scanner.cellNumber(s) else { return nil }
        if let own = n.unit {
            cell.value = n.value
            cell.unit = own
        } else {
            cell.value = n.value * multiplier
            cell.unit = unit
        }
        return cell
    }

    static func withoutNoteMarks(_ text: String) -> String {
        var s = text.indicatorTrimmed
        while let l = s.last, FigureScanner.noteMarks.contains(l) { s.removeLast() }
        return s
    }

    /// "3.常住人口城镇化率" → "常住人口城镇化率": a row number typed before the name.
    static func withoutRowNumber(_ name: String) -> String {
        let chars = Array(name)
        var i = 0
        while i < chars.count, chars[i].isFigureDigit { i += 1 }
        if i > 0, i < chars.count - 1, ".．、".contains(chars[i]), !chars[i + 1].isFigureDigit { return String(chars[(i + 1)...]) }
        if let f = chars.first, f == "（" || f == "(", let close = chars.firstIndex(where: { $0 == "）" || $0 == ")" }),
            close > 1, close < 4, chars[1..<close].allSatisfy({ $0.isFigureDigit }), close + 1 < chars.count
        {
            return String(chars[(close + 1)...])
        }
        return name
    }

    /// "—", "/", "-", "无" and empty cells state no target.
    static func isEmptyCell(_ text: String) -> Bool {
        let t = text.filter { !$0.isWhitespace }
        return t.isEmpty || t.allSatisfy { "—–-－―/／\\…".contains($0) } || t == "无" || t == "暂无"
    }

    /// True when every part of a (possibly compound) unit is one the lexicon lists.
    static func synonymsKnow(_ unit: String, _ synonyms: IndicatorSynonyms) -> Bool {
        let known = Set(synonyms.unitSpellings.map(synonyms.baseUnit))
        return unit.split(separator: "/").allSatisfy { part in
            var p = Substring(part)
            while let f = p.first, FigureScanner.multipliers[f] != nil { p = p.dropFirst() }
            return known.contains(String(p))
        }
    }

    /// "研发经费投入强度（%）" → ("研发经费投入强度", "%").
    static func unitInParentheses(_ name: String) -> (String, String)? {
        guard name.hasSuffix("）") || name.hasSuffix(")"),
            let open = name.lastIndex(where: { $0 == "（" || $0 == "(" })
        else { return nil }
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        guard !inner.isEmpty, !inner.contains(where: { $0.isFigureDigit }) else { return nil }
        return (String(name[..<open]), inner)
    }

    static func normalizedAttribute(_ text: String) -> String? {
        let t = text.filter { !$0.isWhitespace }
        if t.contains("约束") { return "约束性" }
        if t.contains("预期") { return "预期性" }
        return t.isEmpty ? nil : t
    }
}
