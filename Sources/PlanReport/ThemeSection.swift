import PlanModel

/// 附：基本原则与保障措施主题 — for each heading grouped by theme (principles, each safeguard
/// category), a compact table theme × topics: which topics state each theme, how many, and how
/// many wordings it gathers. Themes stated by one topic only are counted in one row per heading.
enum ThemeSection {
    static func render(_ facts: ReportFacts) -> String {
        var grouped: [(path: [String], themes: [PlanTheme])] = []
        func walk(_ node: PlanNode, _ path: [String]) {
            let here = path + [node.title]
            let themes = (node.themes ?? []).filter { !$0.isTaskIndex }
            if !themes.isEmpty { grouped.append((here, themes)) }
            for child in node.children { walk(child, here) }
        }
        for chapter in facts.plan.chapters { walk(chapter, []) }
        guard !grouped.isEmpty else { return "" }
        var out = "<section id=\"themes\">\n" + HTML.text("h2", [], "附：基本原则与保障措施主题") + "\n"
        out +=
            HTML.text(
                "p", [("class", "lead")],
                "同一意思的不同说法归为一个主题（主题词表 themes.yaml）。表中“●”表示该专题提出了该主题，按提出的专题数排列；"
                    + "仅一个专题提出的主题合为一行。各主题的代表性表述和其余表述见规划纲要汇编本。") + "\n"
        // Principles first, then the safeguard categories, each under its own heading.
        var lastChapter: String? = nil
        for (path, themes) in grouped {
            if path.first != lastChapter, path.count > 2 {
                out += HTML.text("h3", [], path[0]) + "\n"
            }
            lastChapter = path.first
            out += table(path.last ?? "", themes, facts: facts)
        }
        return out + "</section>\n"
    }

    private static func table(_ title: String, _ themes: [PlanTheme], facts: ReportFacts) -> String {
        let shared = themes.filter { $0.topicCount > 1 }
        let single = themes.filter { $0.topicCount <= 1 }
        var topics: [String] = []
        for t in shared { for id in t.topics where !topics.contains(id) { topics.append(id) } }
        let order = Dictionary(facts.plan.coverage.enumerated().map { ($1.topicId, $0) }, uniquingKeysWith: { a, _ in a })
        topics.sort { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
        let statements = themes.reduce(0) { $0 + $1.statements.reduce(0) { $0 + $1.sources.count } }
        var out = "<article class=\"theme-block\">"
        out += HTML.element(
            "h4", [],
            HTML.escape(title)
                + HTML.text("small", [], "　\(statements)条表述，\(themes.count)个主题（\(shared.count)个由多个专题提出）"))
        out += "<div class=\"scroll\"><table class=\"theme-table\"><thead><tr>"
        out += HTML.text("th", [("scope", "col")], "主题") + HTML.text("th", [("scope", "col")], "专题数")
        out += HTML.text("th", [("scope", "col")], "表述数")
        for id in topics {
            out += HTML.element("th", [("scope", "col"), ("title", facts.topicName(id)), ("class", "topic-col")], HTML.escape(id))
        }
        out += "</tr></thead>\n<tbody>"
        for theme in shared {
            out +=
                "<tr>"
                + HTML.element(
                    "th", [("scope", "row"), ("title", theme.representative.title ?? "")], HTML.escape(theme.label))
            out += HTML.text("td", [("class", "num")], "\(theme.topicCount)")
            out += HTML.text("td", [("class", "num")], "\(theme.statements.count)")
            let mine = Set(theme.topics)
            for id in topics { out += HTML.text("td", [("class", mine.contains(id) ? "dot" : "")], mine.contains(id) ? "●" : "") }
            out += "</tr>\n"
        }
        if !single.isEmpty {
            let names = single.map { theme in
                theme.label + "（" + theme.topics.map { facts.topicName($0) }.joined(separator: "、") + "）"
            }
            out += "<tr>" + HTML.text("th", [("scope", "row"), ("class", "muted")], "仅一个专题提出")
            out +=
                HTML.text("td", [("class", "num")], "1")
                + HTML.text("td", [("class", "num")], "\(single.reduce(0) { $0 + $1.statements.count })")
            out += HTML.text("td", [("colspan", "\(max(1, topics.count))"), ("class", "single")], names.joined(separator: "；"))
            out += "</tr>\n"
        }
        return out + "</tbody></table></div></article>\n"
    }
}
