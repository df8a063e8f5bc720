import DocumentModel

extension IndicatorTable {
    /// What each column of an indicator table holds, from its header row(s).
    struct Layout {
        struct Target {
            var column: Int
            var year: Int?
            var header: String
        }

        var headerRows: Int
        var name: Int?
        var unit: Int?
        var base: Int?
        var baseYear: Int?
        var attribute: Int?
        var category: Int?
        var targets: [Target] = []

        init?(_ table: Table) {
            guard !table.rows.isEmpty else { return nil }
            let grids = table.rows.map(GridRow.init)
            var headerRows = 1
            while headerRows < min(3, table.rows.count), Self.looksLikeHeader(table.rows[headerRows], grids[headerRows]) {
                headerRows += 1
            }
            self.headerRows = headerRows
            let width = grids.map(\.width).max() ?? 0
            var bases: [(Int, Int?)] = []
            for c in 0..<width {
                var parts: [String] = []
                for g in grids[0..<headerRows] {
                    if let t = g.text(c), !t.isEmpty, parts.last != t { parts.append(t) }
                }
                let h = parts.joined().filter { !$0.isWhitespace }
                guard !h.isEmpty else { continue }
                let year = Self.year(in: h)
                if h.contains("序号") || h == "序" || h == "编号" {
                    continue
                } else if ["属性", "性质", "预期性", "约束性"].contains(where: h.contains) {
                    if attribute == nil { attribute = c }
                } else if ["类别", "分类", "类型", "领域", "方面", "一级指标"].contains(where: h.contains) {
                    if category == nil { category = c }
                } else if h.contains("单位") {
                    if unit == nil { unit = c }
                } else if ["基期", "基准", "现状", "基数", "现值", "基础值", "实际"].contains(where: h.contains)
                    || (year.map { $0 <= 2020 } ?? false && !h.contains("目标"))
                {
                    bases.append((c, year))
                } else if h.contains("目标") || h.contains("规划") || (year.map { $0 > 2020 } ?? false) {
                    targets.append(Target(column: c, year: year, header: h))
                } else if ["指标", "名称", "内容"].contains(where: h.contains) {
                    if name == nil { name = c }
                }
            }
            if let last = bases.last {
                base = last.0
                baseYear = last.1
            }
        }

        /// A second or third header line: no number in it, and a header word.
        static func looksLikeHeader(_ row: TableRow, _ grid: GridRow) -> Bool {
            if row.isHeader { return true }
            let texts = row.cells.map { $0.text.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
            guard !texts.isEmpty else { return false }
            if texts.contains(where: { t in t.allSatisfy { $0.isNumber || $0 == "." } }) { return false }
            let words = ["年", "目标", "基期", "现状", "值", "单位", "属性", "指标", "名称"]
            return texts.allSatisfy { t in t.count <= 12 } && texts.contains { t in words.contains(where: t.contains) }
        }

        static func year(in text: String) -> Int? {
            let chars = Array(text)
            guard chars.count >= 4 else { return nil }
            for i in 0...(chars.count - 4) where chars[i] == "2" && chars[i + 1] == "0" {
                let s = String(chars[i..<(i + 4)])
                if s.allSatisfy(\.isFigureDigit), i + 4 >= chars.count || !chars[i + 4].isFigureDigit,
                    i == 0 || !chars[i - 1].isFigureDigit
                {
                    return Int(s)
                }
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
