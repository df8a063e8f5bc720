import PlanModel

/// The top of the page: title, date, headline counts and what needs doing.
enum SummarySection {
    static func render(_ facts: ReportFacts) -> String {
        let plan = facts.plan
        var out = "<header class=\"masthead\">\n"
        out += HTML.text("p", [("class", "kicker")], "规划纲要编制情况报告") + "\n"
        out += HTML.text("h1", [], plan.title) + "\n"
        if let subtitle = plan.subtitle, !subtitle.isEmpty {
            out += HTML.text("p", [("class", "subtitle")], subtitle) + "\n"
        }
        out +=
            HTML.element("p", [("class", "meta")], "数据日期：" + HTML.text("time", [("datetime", plan.date)], ReportWords.day(plan.date)))
            + "\n"
        out += "</header>\n"
        out += cards(facts)
        out += todo(facts)
        out += nav(facts)
        return out
    }

    // MARK: Cards

    private static func cards(_ facts: ReportFacts) -> String {
        let plan = facts.plan
        let missing = facts.missingEntries
        var out = "<section class=\"cards\" aria-label=\"总体情况\">\n"

        let coverageNote =
            missing.isEmpty
            ? HTML.text("span", [("class", "ok")], "全部到齐")
            : HTML.element("span", [("class", "bad")], "缺稿 \(number(missing.count))")
        out += card(
            title: "专题覆盖", figure: "\(facts.presentCount)", unit: "/ \(facts.entries.count) 个目录条目有稿",
            lines: [coverageNote], state: missing.isEmpty ? "ok" : "bad")

        // Parallel versions set aside are shown only when there are some (a warning: someone must choose).
        let statuses: [(InputRecord.Status, String, String?)] = [
            (.used, "采用", nil), (.superseded, "被替代", nil), (.parallel, "无法区分先后", "warn"), (.unassigned, "无法归属", "warn"),
            (.rejected, "无法读取", "bad"), (.ignored, "忽略", nil),
        ].filter { $0.0 != .parallel || facts.inputCount(.parallel) > 0 }
        let inputParts = statuses.map { status, name, state in
            let n = facts.inputCount(status)
            return HTML.element("span", [HTML.classes([n > 0 ? state : nil])], "\(name) \(number(n))")
        }
        let inputsBad = facts.inputCount(.rejected) > 0
        let inputsWarn = facts.inputCount(.unassigned) > 0 || facts.inputCount(.parallel) > 0
        out += card(
            title: "收到文件", figure: "\(plan.inputs.count)", unit: "份", lines: [inputParts.joined(separator: " · ")],
            state: inputsBad ? "bad" : inputsWarn ? "warn" : "ok")

        let conflicts = plan.conflicts.count
        out += card(
            title: "指标汇总", figure: "\(plan.indicators.count)", unit: "项指标",
            lines: [
                conflicts == 0
                    ? HTML.text("span", [("class", "ok")], "无冲突")
                    : HTML.element("span", [("class", "bad")], "冲突 \(number(conflicts)) 项")
            ],
            state: conflicts == 0 ? "ok" : "bad")

        let errors = facts.problemCount(.error)
        let warnings = facts.problemCount(.warning)
        let notes = facts.problemCount(.info)
        var problemLines = [
            [
                HTML.element("span", [HTML.classes([errors > 0 ? "bad" : nil])], "错误 \(number(errors))"),
                HTML.element("span", [HTML.classes([warnings > 0 ? "warn" : nil])], "警告 \(number(warnings))"),
                "提示 \(number(notes))",
            ].joined(separator: " · ")
        ]
        let lacking = facts.entriesLackingSections.count
        if lacking > 0 { problemLines.append(HTML.element("span", [("class", "warn")], "缺少章节的稿件 \(number(lacking)) 份")) }
        if facts.technicalCount > 0 { problemLines.append(HTML.text("span", [("class", "muted")], "另有格式技术提示 \(facts.technicalCount) 条")) }
        out += card(
            title: "稿件问题", figure: "\(errors + warnings + notes)", unit: "条", lines: problemLines,
            state: errors > 0 ? "bad" : warnings > 0 || lacking > 0 ? "warn" : "ok")
        out += "</section>\n"
        return out
    }

    private static func card(title: String, figure: String, unit: String, lines: [String], state: String) -> String {
        var out = "<div class=\"card card-\(state)\">"
        out += HTML.text("h2", [], title)
        out += HTML.element("p", [("class", "figure")], HTML.escape(figure) + HTML.text("small", [], unit))
        out += lines.map { HTML.element("p", [], $0) }.joined()
        return out + "</div>\n"
    }

    private static func number(_ n: Int) -> String { HTML.text("b", [], "\(n)") }

    // MARK: What needs doing

    private static func todo(_ facts: ReportFacts) -> String {
        let plan = facts.plan
        var items: [String] = []
        let missing = facts.missingEntries
        if !missing.isEmpty {
            items.append(item("bad", "缺稿 \(missing.count) 个：", missing.map { facts.topicName($0.topicId) }, link: "#coverage"))
        }
        if !plan.conflicts.isEmpty {
            let names = plan.conflicts.map { "\($0.name)（\(ReportWords.yearName($0.year))）" }
            items.append(item("bad", "指标冲突 \(plan.conflicts.count) 项：", names, link: "#conflicts"))
        }
        let rejected = plan.inputs.filter { $0.status == .rejected }
        if !rejected.isEmpty {
            items.append(item("bad", "无法读取的文件 \(rejected.count) 份：", rejected.map { "《\($0.file)》" }, link: "#inputs"))
        }
        let unassigned = plan.inputs.filter { $0.status == .unassigned }
        if !unassigned.isEmpty {
            items.append(item("warn", "无法归属专题的文件 \(unassigned.count) 份：", unassigned.map { "《\($0.file)》" }, link: "#inputs"))
        }
        let lacking = facts.entriesLackingSections
        if !lacking.isEmpty {
            let names = lacking.map {
                "\(ReportWords.topicLabel($0.topicId))（缺\($0.missingSections.map(ReportWords.sectionName).joined(separator: "、"))）"
            }
            items.append(item("warn", "章节不全 \(lacking.count) 份：", names, link: "#coverage"))
        }
        let errors = facts.problemCount(.error)
        if errors > 0 { items.append(item("bad", "稿件中有错误 \(errors) 条，", ["见各稿件问题"], link: "#problems")) }
        if items.isEmpty {
            return "<section class=\"todo ok\">" + HTML.text("p", [], "全部专题均已收到稿件，章节齐全，指标无冲突。") + "</section>\n"
        }
        return "<section class=\"todo\" aria-label=\"待处理事项\">" + HTML.text("h2", [], "待处理事项")
            + "<ul>\n" + items.joined(separator: "\n") + "\n</ul></section>\n"
    }

    private static func item(_ state: String, _ lead: String, _ names: [String], link: String) -> String {
        HTML.element("li", [("class", state)], HTML.text("a", [("href", link)], lead) + HTML.escape(names.joined(separator: "、")))
    }

    private static func nav(_ facts: ReportFacts) -> String {
        var links = [("#coverage", "一、专题覆盖情况"), ("#conflicts", "二、指标冲突"), ("#problems", "三、各稿件问题"), ("#inputs", "四、收稿文件处理情况")]
        if !facts.plan.diagnostics.isEmpty { links.append(("#assembly", "五、汇总过程提示")) }
        return "<nav class=\"toc\" aria-label=\"目录\">" + links.map { HTML.text("a", [("href", $0.0)], $0.1) }.joined(separator: " ")
            + "</nav>\n"
    }
}
