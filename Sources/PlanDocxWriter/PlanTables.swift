import PlanModel

/// The plan's tables: indicators (conflicts visible in the cell), coverage of the catalog, and
/// the list of conflicts with every source.
enum PlanTables {
    /// The caption of a table kind.
    static func caption(_ kind: EmbeddedTable) -> String {
        switch kind {
        case .indicatorSummary: "主要指标"
        case .indicatorTable: "主要指标汇总表"
        case .coverageTable: "专题规划编制情况表"
        case .conflictTable: "指标取值不一致情况表"
        }
    }

    /// The table and the notes under it.
    static func markup(_ kind: EmbeddedTable, plan: MasterPlan, body: inout BodyContext) -> (table: String?, notes: [String]) {
        switch kind {
        case .indicatorSummary where body.mainIndicatorsOnly && plan.indicators.contains(where: \.main):
            // Only the main indicators; the rest stay in the full compilation.
            indicators(plan.indicators.filter(\.main), plan: plan, body: &body)
        case .indicatorSummary, .indicatorTable: indicators(plan.indicators, plan: plan, body: &body)
        case .coverageTable: coverage(plan, styles: body.styles, width: body.textWidth)
        case .conflictTable: conflicts(plan, body: &body)
        }
    }

    // MARK: - Indicators

    static let indicatorColumns: [TableMarkup.Column] = [
        .init(header: "序号", maxWidth: 600),
        .init(header: "指标名称", minWidth: 1400, maxWidth: 2300, leftAligned: true, grows: true),
        .init(header: "单位", maxWidth: 800),
        .init(header: "2020年基期值"),
        .init(header: "2025年目标值"),
        .init(header: "2035年目标值"),
        .init(header: "属性", maxWidth: 800),
        .init(header: "来源专题", maxWidth: 1500),
    ]

    static func indicators(_ indicatorRows: [IndicatorRow], plan: MasterPlan, body: inout BodyContext) -> (table: String?, notes: [String])
    {
        guard !indicatorRows.isEmpty else { return (nil, ["注：各专题规划稿中尚未识别出量化指标。"]) }
        var rows: [[TableMarkup.Cell]] = []
        var anyConflict = false
        var otherYears: [String] = []
        for (index, row) in indicatorRows.enumerated() {
            var cells = [
                TableMarkup.Cell(String(index + 1)), TableMarkup.Cell(row.name), TableMarkup.Cell(row.unit ?? ""),
            ]
            for (column, values) in [row.baseline, row.targets["2025"] ?? [], row.targets["2035"] ?? []].enumerated() {
                var cell = valueCell(values)
                // The header already says 2020年: "2.19%（2020年）" reads "2.19%".
                if column == 0 { cell.text = cell.text.replacingOccurrences(of: "（2020年）", with: "") }
                if values.count > 1 {
                    anyConflict = true
                    cell.anchor = body.notes.anchor(
                        values.map { value in
                            ChineseText.value(value) + "：" + value.sources.map(ChineseText.source).joined(separator: "；")
                        })
                }
                cells.append(cell)
            }
            cells.append(TableMarkup.Cell(row.attributes.joined(separator: "／")))
            // Catalog ids only ("1、2、S4"): the column header already says 来源专题.
            cells.append(TableMarkup.Cell(row.topics.joined(separator: "、")))
            rows.append(cells)
            for year in row.targets.keys.sorted() where year != "2025" && year != "2035" {
                guard let values = row.targets[year], !values.isEmpty else { continue }
                let text = values.map(ChineseText.value).joined(separator: "／") + (row.unit ?? "")
                otherYears.append("\(row.name)\(year)年目标\(text)")
            }
        }
        var notes: [String] = []
        if anyConflict {
            notes.append("注：标“⚠”的单元格为各专题规划稿取值不一致的指标，并列各稿取值及其来源专题，待协调确定。")
        }
        if !otherYears.isEmpty {
            notes.append("其他年份目标：" + otherYears.joined(separator: "；") + "。")
        }
        return (TableMarkup(columns: indicatorColumns, rows: rows).markup(styles: body.styles, width: body.textWidth), notes)
    }

    /// One value as written; several (a conflict) each with its topics, marked:
    /// "2.5（专题1、2）／2.3（战略研究S4）⚠".
    static func valueCell(_ values: [SourcedValue]) -> TableMarkup.Cell {
        switch values.count {
        case 0: return TableMarkup.Cell("—")
        case 1: return TableMarkup.Cell(ChineseText.value(values[0]))
        default:
            // One value a line, so that a narrow column still reads value by value.
            let text =
                values.map { ChineseText.value($0) + "（" + ChineseText.topics($0.sources.map(\.topic)) + "）" }
                .joined(separator: "／\n") + "⚠"
            return TableMarkup.Cell(text, marked: true)
        }
    }

    // MARK: - Coverage

    static let coverageColumns: [TableMarkup.Column] = [
        .init(header: "专题", minWidth: 1300, maxWidth: 2400, leftAligned: true),
        .init(header: "稿件", minWidth: 1300, leftAligned: true, grows: true),
        .init(header: "稿次", maxWidth: 900),
        .init(header: "日期"),
        .init(header: "目标"),
        .init(header: "指标"),
        .init(header: "任务"),
        .init(header: "措施"),
        .init(header: "缺少部分", maxWidth: 1300),
    ]

    static func coverage(_ plan: MasterPlan, styles: StyleIds, width: Int) -> (table: String?, notes: [String]) {
        guard !plan.coverage.isEmpty else { return (nil, []) }
        var received = 0
        let rows: [[TableMarkup.Cell]] = plan.coverage.map { entry in
            let topic = TableMarkup.Cell(ChineseText.topic(entry.topicId) + "　" + entry.title)
            guard entry.status == .present else {
                return [topic, TableMarkup.Cell("未收到", marked: true)] + Array(repeating: TableMarkup.Cell("—"), count: 6)
                    + [TableMarkup.Cell("全部", marked: true)]
            }
            received += 1
            var draft = entry.draft.map(ChineseText.fileTitle) ?? "—"
            // Parallel versions set aside by file-name order are not older drafts: named apart.
            let parallel = Set(plan.inputs.filter { $0.status == .parallel }.map(\.file))
            let older = entry.superseded.filter { !parallel.contains($0) }
            let aside = entry.superseded.filter { parallel.contains($0) }
            if !older.isEmpty {
                draft += "\n（已替代：" + older.map(ChineseText.fileTitle).joined(separator: "、") + "）"
            }
            if !aside.isEmpty {
                draft += "\n（两个版本无法区分先后，未采用：" + aside.map(ChineseText.fileTitle).joined(separator: "、") + "）"
            }
            let missing = entry.missingSections.map(ChineseText.sectionKind).joined(separator: "、")
            return [
                topic, TableMarkup.Cell(draft), TableMarkup.Cell(entry.version ?? "—"),
                TableMarkup.Cell(entry.modified.map { String($0.prefix(10)) } ?? "—"),
                TableMarkup.Cell(String(entry.goals)), TableMarkup.Cell(String(entry.indicators)),
                TableMarkup.Cell(String(entry.tasks)), TableMarkup.Cell(String(entry.safeguards)),
                TableMarkup.Cell(missing.isEmpty ? "无" : missing, marked: !missing.isEmpty),
            ]
        }
        let note = "注：共\(plan.coverage.count)个专题，已收到\(received)个专题的规划稿，\(plan.coverage.count - received)个尚未收到。"
        return (TableMarkup(columns: coverageColumns, rows: rows).markup(styles: styles, width: width), [note])
    }

    // MARK: - Conflicts

    static let conflictColumns: [TableMarkup.Column] = [
        .init(header: "序号", maxWidth: 600),
        .init(header: "指标名称", minWidth: 1100, maxWidth: 2000, leftAligned: true),
        .init(header: "年份", maxWidth: 1300),
        .init(header: "取值", maxWidth: 1800),
        .init(header: "来源稿件及位置", minWidth: 2600, leftAligned: true, grows: true),
    ]

    static func conflicts(_ plan: MasterPlan, body: inout BodyContext) -> (table: String?, notes: [String]) {
        guard !plan.conflicts.isEmpty else { return (nil, ["注：各专题规划稿的指标取值一致，无待协调的指标。"]) }
        var rows: [[TableMarkup.Cell]] = []
        for (index, conflict) in plan.conflicts.enumerated() {
            for (n, value) in conflict.values.enumerated() {
                var lead = [
                    TableMarkup.Cell(String(index + 1)), TableMarkup.Cell(conflict.name), TableMarkup.Cell(ChineseText.year(conflict.year)),
                ]
                for i in lead.indices { lead[i].verticalMerge = conflict.values.count > 1 ? (n == 0 ? "restart" : "continue") : nil }
                rows.append(
                    lead + [
                        TableMarkup.Cell(ChineseText.value(value), marked: true),
                        TableMarkup.Cell(value.sources.map(ChineseText.source).joined(separator: "\n")),
                    ])
            }
        }
        return (TableMarkup(columns: conflictColumns, rows: rows).markup(styles: body.styles, width: body.textWidth), [])
    }
}
