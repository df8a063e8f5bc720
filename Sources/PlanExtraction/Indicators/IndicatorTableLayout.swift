import DocumentModel
import PlanSupport

extension IndicatorTable {
    /// What each column of an indicator table holds, from its header row(s) and the plan period:
    /// a year column up to the period's base year is a baseline, a later one a target; header
    /// words (基期/现状, 目标/规划, 年均, 累计) decide before the calendar does. A caption row
    /// spanning the table ("表1 主要指标") stands above the header and is skipped.
    struct Layout {
        enum Kind: Equatable {
            case level
            /// 年均 (an annual rate over the period).
            case annual
            /// 累计 (a cumulative change over the period).
            case cumulative
        }

        struct Target {
            var column: Int
            var year: Int?
            var header: String
            var kind: Kind = .level
        }

        /// Index of the first header row (after any caption rows).
        var firstHeader = 0
        var headerRows: Int
        var name: Int?
        /// Further name columns under one spanning name header (parent | sub-indicator).
        var subNames: [Int] = []
        var unit: Int?
        var base: Int?
        var baseYear: Int?
        var attribute: Int?
        var category: Int?
        var targets: [Target] = []

        init?(_ table: Table, period: PlanPeriod? = nil) {
            guard !table.rows.isEmpty else { return nil }
            let grids = table.rows.map(GridRow.init)
            var first = 0
            while first < min(2, table.rows.count - 1), Self.isCaption(grids[first]) { first += 1 }
            firstHeader = first
            var headerRows = first + 1
            while headerRows < min(first + 3, table.rows.count), Self.looksLikeHeader(table.rows[headerRows], grids[headerRows]) {
                headerRows += 1
            }
            self.headerRows = headerRows
            let width = grids.map(\.width).max() ?? 0
            var bases: [(Int, Int?)] = []
            var dated: [(column: Int, year: Int, header: String)] = []
            var nameHeader: (cell: Int, text: String)? = nil
            for c in 0..<width {
                var parts: [String] = []
                for g in grids[first..<headerRows] {
                    if let t = g.text(c), !t.isEmpty, parts.last != t { parts.append(t) }
                }
                let h = parts.joined().filter { !$0.isWhitespace }
                guard !h.isEmpty else { continue }
                let year = Self.year(in: h, period: period)
                if h.contains("序号") || h == "序" || h == "编号" {
                    continue
                } else if ["属性", "性质", "预期性", "约束性"].contains(where: h.contains) {
                    if attribute == nil { attribute = c }
                } else if ["类别", "分类", "类型", "领域", "方面", "一级指标", "维度"].contains(where: h.contains) {
                    if category == nil { category = c }
                } else if h.contains("单位") {
                    if unit == nil { unit = c }
                } else if h.contains("年均") || h.contains("累计") || h.contains("〔") {
                    targets.append(Target(column: c, year: period?.end ?? year, header: h, kind: h.contains("年均") ? .annual : .cumulative))
                } else if ["基期", "基准", "现状", "基数", "现值", "基础值", "实际", "完成值", "完成情况"].contains(where: h.contains) {
                    bases.append((c, year))
                } else if let year, !["指标", "名称"].contains(where: h.contains) {
                    if h.contains("目标") || h.contains("规划") || h.contains("预期") {
                        targets.append(Target(column: c, year: year, header: h))
                    } else {
                        dated.append((c, year, h))
                    }
                } else if h.contains("目标") || h.contains("规划值") || h.contains("预期值") {
                    targets.append(Target(column: c, year: year, header: h))
                } else if ["指标", "名称", "内容"].contains(where: h.contains) {
                    let cell = grids[first..<headerRows].compactMap { $0.cells[c]?.start }.first ?? c
                    if name == nil {
                        name = c
                        nameHeader = (cell, h)
                    } else if let n = nameHeader, n.cell == cell {
                        subNames.append(c)
                    }
                }
            }
            // Plain year columns: the period's base year splits history from targets; without a
            // period, the earliest of several year columns is the baseline.
            let base: Int
            if let period {
                base = period.baseYear
            } else if dated.count >= 2, bases.isEmpty, let earliest = dated.map(\.year).min() {
                base = earliest
            } else {
                base = 2020
            }
            for d in dated {
                if d.year <= base {
                    bases.append((d.column, d.year))
                } else {
                    targets.append(Target(column: d.column, year: d.year, header: d.header))
                }
            }
            targets.sort { $0.column < $1.column }
            if let last = bases.max(by: { $0.0 < $1.0 }) {
                self.base = last.0
                baseYear = last.1
            }
        }

        /// A caption row: one cell spanning the whole row ("表1 “十四五”科技创新主要指标").
        static func isCaption(_ grid: GridRow) -> Bool {
            let starts = Set(grid.cells.values.map(\.start))
            guard starts.count == 1, let t = grid.text(grid.cells.keys.min() ?? 0), !t.isEmpty else { return false }
            return grid.width >= 2 || t.hasPrefix("表")
        }

        /// A second or third header line: no number in it, and a header word.
        static func looksLikeHeader(_ row: TableRow, _ grid: GridRow) -> Bool {
            if row.isHeader { return true }
            let texts = row.cells.map { $0.text.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
            guard !texts.isEmpty else { return false }
            if texts.contains(where: { t in t.allSatisfy { $0.isNumber || $0 == "." } }) { return false }
            let words = ["年", "目标", "基期", "现状", "值", "单位", "属性", "指标", "名称", "年均", "累计"]
            return texts.allSatisfy { t in t.count <= 12 } && texts.contains { t in words.contains(where: t.contains) }
        }

        /// The year a header names: "2025年目标值" → 2025, "“十四五”末" → the plan's last year.
        static func year(in text: String, period: PlanPeriod? = nil) -> Int? {
            let chars = Array(text)
            if chars.count >= 4 {
                for i in 0...(chars.count - 4) {
                    if let y = PlanPeriod.year(chars, at: i) { return y }
                }
            }
            if let n = PlanPeriod.fiveYearPlan(in: text) ?? (text.contains("五末") ? period?.fiveYearPlan : nil) {
                let start = PlanPeriod.startOfFiveYearPlan(n)
                return text.contains("初") || text.contains("基期") ? start - 1 : start + 4
            }
            return nil
        }
    }

    /// A row laid on the table grid: which cell covers each grid column.
    struct GridRow {
        var cells: [Int: (cell: TableCell, start: Int, span: Int)] = [:]
        var width = 0

        init(_ row: TableRow) {
            var column = 0
            for cell in row.cells {
                let start = max(cell.gridColumn, column)
                let span = max(1, cell.gridSpan)
                for c in start..<(start + span) { cells[c] = (cell, start, span) }
                column = start + span
            }
            width = column
        }

        /// The text of the cell covering column `c`, trimmed; nil when none does.
        func text(_ c: Int) -> String? { cells[c].map { $0.cell.text.indicatorTrimmed } }

        func continuesAbove(_ c: Int) -> Bool { cells[c]?.cell.verticalMerge == .continue }

        /// True when one cell covers the name column and a target column (a category row).
        func spans(_ name: Int, _ targets: [Int]) -> Bool {
            guard let n = cells[name] else { return false }
            return targets.contains { t in cells[t].map { $0.start == n.start } ?? false }
        }
    }
}
