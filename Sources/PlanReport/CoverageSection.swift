import PlanModel

/// 一、专题覆盖情况: the catalog entries grouped by part, in catalog order, against what their
/// drafts contribute. Rows carry their catalog position and problem count, so the inline
/// script can reorder them; without the script the page shows catalog order.
enum CoverageSection {
    static let columnCount = 12

    static func render(_ facts: ReportFacts) -> String {
        var out = "<section id=\"coverage\">\n" + HTML.text("h2", [], "一、专题覆盖情况") + "\n"
        out += "<div class=\"toolbar\">"
        out += "<p class=\"legend\">"
        out += HTML.element("span", [("class", "key missing")], "整行：缺稿")
        out += HTML.element("span", [("class", "key gap")], "单元格：缺少该章节")
        out += HTML.element("span", [("class", "key conflict")], "指标冲突")
        out += HTML.element("span", [("class", "key errors")], "问题数：有错误")
        out += HTML.element("span", [("class", "key warnings")], "有警告")
        out += "</p>"
        out += "<button type=\"button\" id=\"sort-toggle\" class=\"no-print\" hidden aria-pressed=\"false\">按问题数排序</button>"
        out += "</div>\n"
        out += "<table id=\"coverage-table\" class=\"matrix\">\n"
        out +=
            "<caption>\(HTML.escape("目录条目 \(facts.entries.count) 个：有稿 \(facts.presentCount) 个，缺稿 \(facts.missingEntries.count) 个。数字为各稿提取的条目数。"))</caption>\n"
        out += head() + "<tbody id=\"coverage-flat\"></tbody>\n"
        var order = 0
        for (g, group) in groups(facts.entries).enumerated() {
            let groupId = "part-\(g + 1)"
            out += "<tbody id=\"\(groupId)\">\n"
            let present = group.entries.filter { $0.status == .present }.count
            out +=
                "<tr class=\"part-row\"><th scope=\"rowgroup\" colspan=\"\(columnCount)\">"
                + HTML.escape(group.title) + HTML.text("small", [], "（\(group.entries.count) 项，有稿 \(present) 项）") + "</th></tr>\n"
            for entry in group.entries {
                order += 1
                out += row(entry, order: order, group: groupId, facts: facts) + "\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n</section>\n"
        return out
    }

    private static func head() -> String {
        let columns: [(String, String?)] = [
            ("编号", nil), ("专题", nil), ("稿件", nil), ("稿次", nil), ("日期", nil), ("发展目标", "num"), ("定量指标", "num"),
            ("重点任务", "num"), ("保障措施", "num"), ("缺少章节", nil), ("指标冲突", nil), ("问题", "num"),
        ]
        let widths = ["4%", "20%", "21%", "6.5%", "7%", "5%", "5%", "5%", "5%", "6.5%", "11%", "4%"]
        let colgroup = "<colgroup>" + widths.map { "<col style=\"width: \($0)\">" }.joined() + "</colgroup>\n"
        // Four-character headings break only in the middle when the column is narrow (print).
        func label(_ text: String) -> String {
            guard text.count == 4 else { return HTML.escape(text) }
            return
                "<span class=\"nb\">\(HTML.escape(String(text.prefix(2))))</span><wbr><span class=\"nb\">\(HTML.escape(String(text.suffix(2))))</span>"
        }
        return colgroup + "<thead><tr>"
            + columns.map { HTML.element("th", [("scope", "col"), HTML.classes([$0.1])], label($0.0)) }.joined() + "</tr></thead>\n"
    }

    struct Group {
        var title: String
        var entries: [CoverageEntry]
    }

    /// Runs of consecutive entries of the same part (the catalog lists parts in order).
    static func groups(_ entries: [CoverageEntry]) -> [Group] {
        var out: [Group] = []
        var lastPart: String?
        for entry in entries {
            if entry.part == lastPart, !out.isEmpty {
                out[out.count - 1].entries.append(entry)
            } else {
                out.append(Group(title: entry.partTitle ?? entry.part, entries: [entry]))
                lastPart = entry.part
            }
        }
        return out
    }

    private static func row(_ entry: CoverageEntry, order: Int, group: String, facts: ReportFacts) -> String {
        let problems = facts.problems(of: entry)
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.filter { $0.severity == .warning }.count
        let missing = entry.status == .missing
        let classes = HTML.classes([
            "entry", missing ? "missing" : nil, entry.conflicts.isEmpty ? nil : "conflict",
            !missing && !entry.missingSections.isEmpty ? "lacking" : nil,
        ])
        var cells = HTML.text("td", [("class", "id")], entry.topicId)
        cells += HTML.text("td", [("class", "title")], entry.title)
        if missing {
            var note = "尚未收到稿件"
            let files = facts.plan.inputs.filter { $0.topic == entry.topicId && ($0.status == .rejected || $0.status == .unassigned) }
            if !files.isEmpty {
                note += "（" + files.map { "《\($0.file)》\(ReportWords.inputStatusName($0.status))" }.joined(separator: "；") + "）"
            }
            cells += HTML.text("td", [("class", "absent"), ("colspan", "9")], note)
            cells += HTML.text("td", [("class", "num")], "—")
        } else {
            var draft = HTML.text("span", [("class", "file")], entry.draft ?? "")
            for old in entry.superseded {
                let record = facts.plan.inputs.first { $0.file == old }
                draft += HTML.text(
                    "span", [("class", "note")],
                    record.map(ReportWords.isUndecidable) == true
                        ? "\(ReportWords.undecidable)：另一版本《\(old)》未采用（按文件名顺序采用本稿）" : "替代旧稿《\(old)》")
            }
            cells += HTML.element("td", [("class", "draft")], draft)
            cells += HTML.text("td", [("class", "version")], entry.version ?? "未注明")
            cells += HTML.text("td", [("class", "date")], ReportWords.day(entry.modified))
            cells += count(entry.goals, gap: entry.missingSections.contains(SectionKind.goals.rawValue))
            cells += count(entry.indicators, gap: false)
            cells += count(entry.tasks, gap: entry.missingSections.contains(SectionKind.tasks.rawValue))
            cells += count(entry.safeguards, gap: entry.missingSections.contains(SectionKind.safeguards.rawValue))
            let lacking = entry.missingSections.map(ReportWords.sectionName).joined(separator: "、")
            cells += HTML.text("td", [HTML.classes(["sections", lacking.isEmpty ? nil : "gap"])], lacking)
            cells += conflictCell(entry, facts: facts)
            let state = errors > 0 ? "errors" : warnings > 0 ? "warnings" : problems.isEmpty ? "none" : nil
            let label = problems.isEmpty ? "0" : "\(problems.count)"
            let content =
                problems.isEmpty
                ? HTML.escape(label)
                : HTML.text("a", [("href", "#\(ProblemSection.anchor(entry))"), ("title", "错误 \(errors)，警告 \(warnings)")], label)
            cells += HTML.element("td", [HTML.classes(["num", "problems", state])], content)
        }
        let attributes = [
            classes, ("id", "topic-\(entry.topicId)"), ("data-order", "\(order)"), ("data-problems", "\(missing ? -1 : problems.count)"),
            ("data-group", group),
        ]
        return HTML.element("tr", attributes, cells)
    }

    private static func count(_ n: Int, gap: Bool) -> String {
        if gap { return HTML.text("td", [("class", "num gap")], "缺") }
        return HTML.text("td", [HTML.classes(["num", n == 0 ? "zero" : nil])], "\(n)")
    }

    private static func conflictCell(_ entry: CoverageEntry, facts: ReportFacts) -> String {
        guard !entry.conflicts.isEmpty else { return "<td class=\"conflicts\"></td>" }
        let links = entry.conflicts.map { key -> String in
            let name = facts.plan.conflicts.first { $0.key == key }?.name ?? key
            guard let anchor = facts.conflictAnchors[key] else { return HTML.escape(name) }
            return HTML.text("a", [("href", "#\(anchor)")], name)
        }
        return HTML.element("td", [("class", "conflicts conflict")], links.joined(separator: "<br>"))
    }
}
