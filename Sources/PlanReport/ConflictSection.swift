import PlanModel

/// 二、指标冲突: every indicator whose drafts disagree for a year, each value with the drafts
/// that state it and where. Nothing is picked: the office decides.
enum ConflictSection {
    static func render(_ facts: ReportFacts) -> String {
        let conflicts = facts.plan.conflicts
        var out = "<section id=\"conflicts\">\n" + HTML.text("h2", [], "二、指标冲突") + "\n"
        guard !conflicts.isEmpty else {
            return out + HTML.text("p", [("class", "empty ok")], "各稿件对同一指标同一年份的取值一致，无冲突。") + "\n</section>\n"
        }
        out += HTML.text("p", [("class", "lead")], "以下指标在不同稿件中对同一年份给出了不同数值，汇总时未作取舍，请协调确定。") + "\n"
        for (i, conflict) in conflicts.enumerated() {
            out += block(conflict, anchor: "conflict-\(i + 1)", facts: facts)
        }
        return out + "</section>\n"
    }

    private static func block(_ conflict: IndicatorConflict, anchor: String, facts: ReportFacts) -> String {
        var out = "<article class=\"conflict-block\" id=\"\(anchor)\">"
        var heading = HTML.escape(conflict.name) + HTML.text("span", [("class", "year")], ReportWords.yearName(conflict.year))
        if let unit = facts.units[conflict.key], !unit.isEmpty { heading += HTML.text("span", [("class", "unit")], "单位：\(unit)") }
        out += HTML.element("h3", [], heading)
        out += "<table class=\"conflict-table\"><thead><tr>"
        out += ["数值", "专题", "稿件", "位置"].map { HTML.text("th", [("scope", "col")], $0) }.joined()
        out += "</tr></thead>\n"
        for value in conflict.values {
            let sources = value.sources.isEmpty ? [nil] : value.sources.map { Optional($0) }
            out += "<tbody class=\"value\">"
            for (j, source) in sources.enumerated() {
                out += "<tr>"
                if j == 0 {
                    var text = HTML.text("b", [], facts.valueText(value, key: conflict.key))
                    let qualifiers = [value.comparator, value.relative].compactMap { $0 }.filter { !$0.isEmpty }
                    if !qualifiers.isEmpty { text += HTML.text("small", [], "（\(qualifiers.joined(separator: "，"))）") }
                    out += HTML.element("td", [("class", "value-cell"), ("rowspan", sources.count > 1 ? "\(sources.count)" : "")], text)
                }
                if let source {
                    out += HTML.text("td", [], facts.topicName(source.topic))
                    out += HTML.text("td", [("class", "file")], "《\(source.file)》")
                    out += HTML.text("td", [("class", "place")], facts.place(source.location))
                } else {
                    out += HTML.text("td", [("colspan", "3"), ("class", "muted")], "出处不明")
                }
                out += "</tr>"
            }
            out += "</tbody>\n"
        }
        return out + "</table></article>\n"
    }
}
