import PlanSupport
import PlanModel

/// 四、收稿文件处理情况: every file of the drop folder and what became of it.
enum InputSection {
    static func render(_ facts: ReportFacts) -> String {
        let inputs = facts.plan.inputs
        var out = "<section id=\"inputs\">\n" + HTML.text("h2", [], "四、收稿文件处理情况") + "\n"
        guard !inputs.isEmpty else { return out + HTML.text("p", [("class", "empty")], "收稿文件夹中没有文件。") + "\n</section>\n" }
        let statuses: [InputRecord.Status] = [.used, .superseded, .parallel, .unassigned, .rejected, .ignored]
        let counts = statuses.compactMap { s -> String? in
            let n = facts.inputCount(s)
            return n == 0 ? nil : "\(ReportWords.inputStatusName(s)) \(n) 份"
        }
        out +=
            HTML.text(
                "p", [("class", "lead")],
                "收稿文件夹共 \(inputs.count) 个文件：" + counts.joined(separator: "，") + "。需要处理的（无法读取、无法归属专题）排在前面。") + "\n"
        out += "<table class=\"inputs\"><thead><tr>"
        out += ["序号", "文件", "处理结果", "专题", "说明"].map { HTML.text("th", [("scope", "col")], $0) }.joined()
        out += "</tr></thead>\n<tbody>\n"
        // What needs doing first, then what was set aside, then what was used; file order within.
        let order: [InputRecord.Status] = [.rejected, .unassigned, .parallel, .superseded, .ignored, .used]
        let sorted = order.flatMap { status in inputs.filter { $0.status == status } }
        for (i, input) in sorted.enumerated() {
            var cells = HTML.text("td", [("class", "num")], "\(i + 1)")
            cells += HTML.text("td", [("class", "file")], input.file)
            cells += HTML.element(
                "td", [("class", "status")],
                HTML.text("span", [("class", "badge \(input.status.rawValue)")], ReportWords.inputStatusName(input)))
            cells += HTML.text("td", [("class", "topic")], input.topic.map { facts.topicName($0) } ?? "")
            var why: [String] = []
            if let newer = input.supersededBy { why.append("改用《\(newer)》") }
            if let taken = input.takenInstead, !(input.reason ?? "").contains(taken) { why.append("采用了《\(taken)》") }
            if let reason = input.reason, !reason.isEmpty { why.append(reason) }
            cells += HTML.text("td", [("class", "reason")], why.joined(separator: "；"))
            out += HTML.element("tr", [("class", "input \(input.status.rawValue)")], cells) + "\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }
}

/// 五、汇总过程提示: problems of the assembly itself (a template reference that found nothing …).
enum AssemblySection {
    static func render(_ facts: ReportFacts) -> String {
        let diagnostics = facts.plan.diagnostics
        guard !diagnostics.isEmpty else { return "" }
        var out = "<section id=\"assembly\">\n" + HTML.text("h2", [], "五、汇总过程提示") + "\n"
        out += "<ol class=\"problem-list\">"
        for d in diagnostics.enumerated().sorted(by: { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }).map(\.element) {
            out += "<li class=\"\(d.severity.rawValue)\">"
            out += HTML.text("span", [("class", "sev")], ReportWords.severityName(d.severity))
            out += HTML.text("span", [("class", "msg")], d.message)
            if let location = d.location { out += HTML.text("span", [("class", "where")], location.path) }
            out += HTML.text("code", [], d.code.rawValue) + "</li>"
        }
        return out + "</ol>\n</section>\n"
    }
}
