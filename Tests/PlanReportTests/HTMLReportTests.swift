import DocumentModel
import PlanSupport
import Foundation
import PlanModel
import PlanReport
import Testing

@Suite struct HTMLReportStructureTests {
    @Test func thePageIsOneHTML5DocumentInChineseWithItsStyleInline() throws {
        let page = try ReportPage.sample()
        #expect(page.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.count("<style>") == 1)
        #expect(page.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\""))
        #expect(page.contains("@media print"))
        #expect(page.html.hasSuffix("</body>\n</html>\n"))
    }

    @Test(arguments: ["http:", "https:", "//", "<link", "<script src", "@import", "url(", "@font-face", "<img", "<iframe"])
    func thePageReferencesNothingOutsideItself(_ reference: String) throws {
        let page = try ReportPage.sample()
        #expect(!page.html.lowercased().contains(reference), "found \(reference)")
    }

    @Test func theOnlyScriptIsInlineAndTheSortButtonStartsHidden() throws {
        let page = try ReportPage.sample()
        #expect(page.count("<script") == 1)
        #expect(page.contains("<script>\n(function () {"))
        #expect(page.contains("<button type=\"button\" id=\"sort-toggle\" class=\"no-print\" hidden"))
    }

    @Test(arguments: ["masthead", "coverage", "conflicts", "problems", "inputs", "assembly"])
    func everyPartOfThePageIsPresent(_ part: String) throws {
        let page = try ReportPage.sample()
        #expect(page.contains("id=\"\(part)\"") || page.contains("class=\"\(part)\""))
    }

    @Test func theHeaderGivesTitleDateAndHeadlineCounts() throws {
        let page = try ReportPage.sample()
        let head = page.slice(from: "<header", to: "<nav")
        #expect(head.contains("<h1>辽宁省“十四五”科技创新规划纲要</h1>"))
        #expect(head.contains("<time datetime=\"2020-10-28T17:40:00Z\">2020-10-28</time>"))
        #expect(head.contains("32<small>/ 35 个目录条目有稿</small>"))
        #expect(head.contains("缺稿 <b>3</b>"))
        for count in ["采用 <b>32</b>", "被替代 <b>2</b>", "无法归属 <b>1</b>", "无法读取 <b>2</b>", "忽略 <b>2</b>"] {
            #expect(head.contains(count), "\(count)")
        }
        #expect(head.contains("8<small>项指标</small>"))
        #expect(head.contains("冲突 <b>3</b> 项"))
        #expect(head.contains("错误 <b>1</b>"))
        #expect(head.contains("警告 <b>9</b>"))
        #expect(head.contains("提示 <b>8</b>"))
        #expect(head.contains("另有格式技术提示 4 条"))
    }

    @Test func theToDoListNamesWhatIsMissingConflictingAndUnreadable() throws {
        let todo = try ReportPage.sample().slice(from: "<section class=\"todo\"", to: "</section>")
        #expect(todo.contains("缺稿 3 个："))
        #expect(todo.contains("专题24 辽宁省现代种业创新领域科技发展战略研究及规划"))
        #expect(todo.contains("研究与试验发展经费投入强度（2025 年目标）"))
        #expect(todo.contains("无法读取的文件 2 份："))
        #expect(todo.contains("章节不全 1 份：</a>专题19（缺保障措施）"))
    }

    @Test func renderingIsDeterministicAndShowsNoDateButTheData() throws {
        let plan = try SamplePlan.make()
        let html = HTMLReport.render(plan)
        #expect(html == HTMLReport.render(plan))
        let known = Set([String(plan.date.prefix(10))] + plan.coverage.compactMap { $0.modified.map { String($0.prefix(10)) } })
        let regex = try NSRegularExpression(pattern: "\\d{4}-\\d{2}-\\d{2}")
        let found = regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            (html as NSString).substring(with: $0.range)
        }
        #expect(!found.isEmpty)
        #expect(Set(found).subtracting(known).isEmpty, "\(Set(found).subtracting(known))")
    }

    @Test func anEmptyPlanStillRendersAWholePage() {
        let page = ReportPage(MasterPlan(title: "空", date: "2020-01-01"))
        #expect(page.html.hasSuffix("</html>\n"))
        #expect(page.contains("收稿文件夹中没有文件。"))
        #expect(page.contains("全部专题均已收到稿件，章节齐全，指标无冲突。"))
    }
}

@Suite struct HTMLReportCoverageTests {
    @Test func everyCatalogEntryAppearsExactlyOnceInCatalogOrder() throws {
        let catalog = try SampleCatalog.load()
        #expect(catalog.topics.count == 35)
        let page = try ReportPage.sample()
        #expect(page.count("<tr class=\"entry") == 35)
        for topic in catalog.topics {
            #expect(page.count("id=\"topic-\(topic.id)\"") == 1, "topic \(topic.id)")
            #expect(page.section("coverage").components(separatedBy: ">\(topic.title)<").count - 1 == 1, "title of \(topic.id)")
        }
        let offsets = page.offsets(catalog.topics.map { "id=\"topic-\($0.id)\"" })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
        for (i, topic) in catalog.topics.enumerated() {
            #expect(page.rowTag(topic.id).contains("data-order=\"\(i + 1)\""))
        }
    }

    @Test func entriesAreGroupedUnderTheirPartsTitles() throws {
        let page = try ReportPage.sample()
        let coverage = page.section("coverage")
        let parts = ["科技发展顶层设计", "科技发展战略", "产业科技创新", "科技创新保障", "战略研究项目"]
        #expect(page.count("<tr class=\"part-row\">") == 5)
        let offsets = page.offsets(parts.map { "colspan=\"12\">\($0)<small>" }, in: coverage)
        #expect(offsets.allSatisfy { $0 != nil })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
        #expect(coverage.contains("科技发展顶层设计<small>（2 项，有稿 2 项）</small>"))
        #expect(coverage.contains("战略研究项目<small>（6 项，有稿 4 项）</small>"))
    }

    @Test(arguments: ["24", "S3", "S5"])
    func anEntryWithoutADraftIsMarkedOnItsWholeRow(_ topic: String) throws {
        let page = try ReportPage.sample()
        #expect(page.rowTag(topic).hasPrefix("<tr class=\"entry missing\""))
        #expect(page.row(topic).contains("<td class=\"absent\" colspan=\"9\">尚未收到稿件"))
    }

    @Test func aMissingEntryNamesTheFileThatCouldNotBeRead() throws {
        let row = try ReportPage.sample().row("24")
        #expect(row.contains("（《24 现代种业创新领域科技发展规划（讨论稿）.doc》无法读取）"))
    }

    @Test func onlyEntriesWithoutADraftAreMarkedMissing() throws {
        let page = try ReportPage.sample()
        #expect(page.count("class=\"entry missing") == 3)
    }

    @Test(arguments: ["1", "2", "S4", "8", "27", "5", "26"])
    func anEntryInConflictIsMarkedAndLinksToTheConflict(_ topic: String) throws {
        let page = try ReportPage.sample()
        #expect(page.rowTag(topic).contains(" conflict"))
        #expect(page.row(topic).contains("<td class=\"conflicts conflict\"><a href=\"#conflict-"))
    }

    @Test func entriesInNoConflictCarryNoConflictMark() throws {
        let page = try ReportPage.sample()
        #expect(page.count("<td class=\"conflicts conflict\">") == 7)
        #expect(!page.rowTag("3").contains("conflict"))
        #expect(page.row("1").contains("#conflict-1\">研究与试验发展经费投入强度</a><br><a href=\"#conflict-2\">高新技术企业数量"))
    }

    @Test func aMissingSectionIsMarkedInItsCell() throws {
        let page = try ReportPage.sample()
        let row = page.row("19")
        #expect(page.rowTag("19").contains("lacking"))
        #expect(row.contains("<td class=\"num gap\">缺</td><td class=\"sections gap\">保障措施</td>"))
        #expect(!page.row("18").contains("gap"))
    }

    @Test func aRowShowsDraftVersionDateCountsAndSupersededDraft() throws {
        let row = try ReportPage.sample().row("13")
        #expect(row.contains("<span class=\"file\">新一代信息技术领域科技发展规划  修改稿.docx</span>"))
        #expect(row.contains("替代旧稿《辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）.docx》"))
        #expect(row.contains("<td class=\"version\">修改稿</td><td class=\"date\">2020-10-12</td>"))
        #expect(row.contains("<td class=\"num\">3</td><td class=\"num\">14</td><td class=\"num\">5</td><td class=\"num\">5</td>"))
        #expect(try ReportPage.sample().row("6").contains("<td class=\"version\">未注明</td>"))
    }

    @Test(arguments: [("16", 2, "errors"), ("22", 3, "warnings"), ("1", 1, ""), ("3", 0, "none"), ("6", 0, "none")])
    func theProblemCountCellIsColouredBySeverityAndDrivesTheSort(_ topic: String, _ count: Int, _ state: String) throws {
        let page = try ReportPage.sample()
        #expect(page.rowTag(topic).contains("data-problems=\"\(count)\""))
        let cell = state.isEmpty ? "<td class=\"num problems\">" : "<td class=\"num problems \(state)\">"
        #expect(page.row(topic).contains(cell))
    }
}
