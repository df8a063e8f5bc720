import PlanSupport
import PlanModel

/// 三、各稿件问题: each draft's problems with where they are, grouped by draft in catalog
/// order, errors and warnings first; before them a static list of the drafts by problem count.
enum ProblemSection {
    static func anchor(_ entry: CoverageEntry) -> String { "problems-\(entry.topicId)" }

    static func render(_ facts: ReportFacts) -> String {
        var out = "<section id=\"problems\">\n" + HTML.text("h2", [], "三、各稿件问题") + "\n"
        let withProblems = facts.entries.filter { $0.status == .present && !facts.problems(of: $0).isEmpty }
        let technicalOnly = facts.entries.filter {
            $0.status == .present && facts.problems(of: $0).isEmpty && facts.technicalCount(of: $0) > 0
        }
        guard !withProblems.isEmpty || !technicalOnly.isEmpty else {
            return out + HTML.text("p", [("class", "empty ok")], "各稿件均未发现问题。") + "\n</section>\n"
        }
        out +=
            HTML.text(
                "p", [("class", "lead")],
                "\(withProblems.count) 份稿件有待处理的问题。按专题目录顺序列出，每份稿件内错误、警告在前；“第 N 段”从正文第 1 段起计，括号内为所在标题。")
            + "\n"
        out += ranking(withProblems, facts: facts)
        for entry in withProblems { out += block(entry, facts: facts) }
        if !technicalOnly.isEmpty {
            out += "<details class=\"technical-only\">"
            out += HTML.text("summary", [], "另有 \(technicalOnly.count) 份稿件仅有格式技术提示（样式、编号、程序包），不影响内容识别")
            for entry in technicalOnly {
                out += HTML.text("h4", [], "\(facts.topicName(entry.topicId))《\(entry.draft ?? "")》")
                out += technicalList(entry, facts: facts)
            }
            out += "</details>\n"
        }
        return out + "</section>\n"
    }

    /// The drafts by problem count (most first; ties by errors, then catalog order): a static
    /// counterpart of the matrix's sort button that also works on paper.
    private static func ranking(_ entries: [CoverageEntry], facts: ReportFacts) -> String {
        let ranked = entries.enumerated().map { (offset: $0.offset, entry: $0.element, problems: facts.problems(of: $0.element)) }
            .sorted { a, b in
                if a.problems.count != b.problems.count { return a.problems.count > b.problems.count }
                let ea = a.problems.filter { $0.severity == .error }.count
                let eb = b.problems.filter { $0.severity == .error }.count
                if ea != eb { return ea > eb }
                return a.offset < b.offset
            }
        var out = "<div class=\"ranking\">" + HTML.text("h3", [], "按问题数排序") + "<ol>"
        for r in ranked {
            out += "<li>" + HTML.text("a", [("href", "#\(anchor(r.entry))")], facts.topicName(r.entry.topicId))
            out += HTML.text("span", [("class", "count")], "\(r.problems.count) 条" + severitySummary(r.problems, prefix: "（", suffix: "）"))
            out += "</li>"
        }
        return out + "</ol></div>\n"
    }

    private static func block(_ entry: CoverageEntry, facts: ReportFacts) -> String {
        let problems = facts.sortedProblems(of: entry)
        var out = "<article class=\"draft-problems\" id=\"\(HTML.escape(anchor(entry)))\">"
        out += HTML.element(
            "h3", [],
            HTML.escape(facts.topicName(entry.topicId)) + HTML.text("span", [("class", "file")], "《\(entry.draft ?? "")》")
                + HTML.text("span", [("class", "count")], severitySummary(problems, prefix: "", suffix: "")))
        out += "<ol class=\"problem-list\">"
        for p in problems {
            out += "<li class=\"\(p.severity.rawValue)\">"
            out += HTML.text("span", [("class", "sev")], ReportWords.severityName(p.severity))
            out += HTML.text("span", [("class", "msg")], p.message)
            out += HTML.text("span", [("class", "where")], facts.place(of: p, in: entry.draft))
            out += HTML.text("code", [], p.code.rawValue)
            out += "</li>"
        }
        out += "</ol>"
        let technical = facts.technicalCount(of: entry)
        if technical > 0 {
            out += "<details class=\"technical\">" + HTML.text("summary", [], "另有格式技术提示 \(technical) 条（不影响内容识别）")
            out += technicalList(entry, facts: facts) + "</details>"
        }
        return out + "</article>\n"
    }

    private static func technicalList(_ entry: CoverageEntry, facts: ReportFacts) -> String {
        let items = entry.problems.filter(ReportWords.isTechnical).map { p in
            "<li>" + HTML.text("span", [("class", "msg")], p.message)
                + HTML.text("span", [("class", "where")], facts.place(of: p, in: entry.draft)) + HTML.text("code", [], p.code.rawValue)
                + "</li>"
        }
        return "<ul class=\"technical-list\">" + items.joined() + "</ul>"
    }

    /// "错误 1 · 警告 2 · 提示 3", leaving out severities with none.
    static func severitySummary(_ problems: [Diagnostic], prefix: String, suffix: String) -> String {
        let parts = [Diagnostic.Severity.error, .warning, .info].compactMap { s -> String? in
            let n = problems.filter { $0.severity == s }.count
            return n == 0 ? nil : "\(ReportWords.severityName(s)) \(n)"
        }
        return parts.isEmpty ? "" : prefix + parts.joined(separator: " · ") + suffix
    }
}
