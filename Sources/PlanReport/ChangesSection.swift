import PlanModel

/// 修改情况: what changed since the previous build (drafts, indicators, statements, coverage,
/// conflicts), at the top of the report. Only rendered when the build compared (or tried to).
enum ChangesSection {
    static func render(_ changes: PlanChanges) -> String {
        var out = "<section id=\"changes\">\n" + HTML.text("h2", [], "修改情况（与上一版比较）") + "\n"
        out += HTML.text("p", [("class", changes.compared && !changes.isEmpty ? "lead" : "empty ok")], changes.headline) + "\n"
        guard changes.compared, !changes.isEmpty else { return out + "</section>\n" }
        let rows = Self.rows(changes)
        out += "<table class=\"changes-table\"><thead><tr>"
        out += ["类别", "变化", "内容", "来源"].map { HTML.text("th", [("scope", "col")], $0) }.joined()
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>" + [row.category, row.kind, row.text, row.source].map { HTML.text("td", [], $0) }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    /// The changes as table rows (category, what happened, what, from where), shared with the DOCX.
    static func rows(_ changes: PlanChanges) -> [PlanChanges.Row] { changes.rows }
}
