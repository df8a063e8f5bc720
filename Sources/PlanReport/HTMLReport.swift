import PlanModel

/// The planning office's one-page report of a master plan (`Output/report.html`): one
/// self-contained HTML5 file in Chinese — inline style, a tiny optional script, no network,
/// no external assets — that shows at a glance which catalog entries have drafts, what they
/// contribute, where drafts disagree, what each draft's problems are and where, and what
/// became of every file of the drop folder.
public enum HTMLReport {
    /// The page. Deterministic: the same plan gives the same bytes; the only date on it is
    /// `plan.date`. All text from drafts, file names and templates is escaped.
    public static func render(_ plan: MasterPlan) -> String { render(plan, changes: nil) }

    /// The page, with what changed since the previous build at the top of the main part.
    public static func render(_ plan: MasterPlan, changes: PlanChanges?) -> String {
        let facts = ReportFacts(plan)
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="PlanAssembler">

            """
        out += HTML.text("title", [], "\(plan.title) · 编制情况报告") + "\n"
        out += "<style>\n" + ReportStyle.css + "\n</style>\n</head>\n<body>\n"
        out += SummarySection.render(facts)
        out += "<main>\n"
        if let changes { out += ChangesSection.render(changes) }
        out += CoverageSection.render(facts)
        out += ConflictSection.render(facts)
        out += ProblemSection.render(facts)
        out += InputSection.render(facts)
        out += AssemblySection.render(facts)
        out += ThemeSection.render(facts)
        out += "</main>\n"
        out += HTML.text("footer", [], "本报告由 PlanAssembler 根据收稿文件夹中的稿件自动生成（数据日期 \(ReportWords.day(plan.date))），为离线自包含文件，可直接打印。") + "\n"
        out += "<script>\n" + ReportStyle.script + "\n</script>\n"
        out += "</body>\n</html>\n"
        return out
    }
}
