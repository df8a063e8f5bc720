import DocumentModel
import PlanSupport
import Foundation
import PlanModel
import PlanReport
import Testing

@Suite struct HTMLReportConflictTests {
    @Test func everyConflictIsListedWithItsYear() throws {
        let section = try ReportPage.sample().section("conflicts")
        #expect(section.components(separatedBy: "<article class=\"conflict-block\"").count - 1 == 3)
        #expect(
            section.contains("id=\"conflict-1\"><h3>研究与试验发展经费投入强度<span class=\"year\">2025 年目标</span><span class=\"unit\">单位：%</span></h3>")
        )
        #expect(section.contains("高新技术企业数量<span class=\"year\">2025 年目标</span>"))
    }

    @Test(arguments: [
        ("conflict-1", ["2.5%", "2.3%"], ["1", "2", "S4"]),
        ("conflict-2", ["1万家", "1.2万家"], ["1", "8", "27"]),
        ("conflict-3", ["1000亿元", "1200亿元"], ["1", "5", "26"]),
    ])
    func everyValueIsListedWithTheDraftsThatStateIt(_ anchor: String, _ values: [String], _ topics: [String]) throws {
        let page = try ReportPage.sample()
        let block = page.slice(from: "id=\"\(anchor)\"", to: "</article>")
        for value in values { #expect(block.contains("<b>\(value)</b>"), "\(value)") }
        for topic in topics { #expect(block.contains("《\(SamplePlan.file(topic))》"), "\(topic)") }
        #expect(block.components(separatedBy: "<tbody class=\"value\">").count - 1 == 2)
    }

    @Test func eachSourceGivesItsTopicAndPlaceInTheDraft() throws {
        let block = try ReportPage.sample().slice(from: "id=\"conflict-1\"", to: "</article>")
        #expect(block.contains("<td>战略研究S4 辽宁省科技投入与绩效评价问题研究</td>"))
        #expect(block.contains("<td class=\"place\">第 24 段（三、总体思路与目标 &gt; （三）主要目标）</td>"))
        #expect(block.contains("<td class=\"value-cell\" rowspan=\"2\"><b>2.5%</b><small>（达到）</small></td>"))
    }

    @Test func aPlanWithoutConflictsSaysSo() {
        let section = ReportPage(MasterPlan(title: "t", date: "2020-01-01")).section("conflicts")
        #expect(section.contains("无冲突"))
    }
}

@Suite struct HTMLReportProblemTests {
    @Test func problemsAreGroupedByDraftInCatalogOrder() throws {
        let section = try ReportPage.sample().section("problems")
        let ids = ["1", "4", "9", "11", "14", "16", "17", "19", "22", "27", "S2"]
        let offsets = try ReportPage.sample().offsets(ids.map { "<article class=\"draft-problems\" id=\"problems-\($0)\">" }, in: section)
        #expect(offsets.allSatisfy { $0 != nil })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
        #expect(section.components(separatedBy: "<article class=\"draft-problems\"").count - 1 == ids.count)
    }

    @Test func withinADraftErrorsAndWarningsComeFirst() throws {
        let page = try ReportPage.sample()
        let block = page.slice(from: "id=\"problems-4\"", to: "</article>")
        let offsets = page.offsets(["<li class=\"warning\">", "第 7 段", "第 108 段"], in: block).compactMap { $0 }
        #expect(offsets.count == 3)
        #expect(offsets == offsets.sorted())
        let block16 = page.slice(from: "id=\"problems-16\"", to: "</article>")
        let o16 = page.offsets(["<li class=\"error\">", "<li class=\"warning\">"], in: block16).compactMap { $0 }
        #expect(o16.count == 2 && o16[0] < o16[1])
    }

    @Test(arguments: [
        ("22", "第 80 段（三、重点任务 &gt; （二）城镇基础设施建设与运维 &gt; 1.城市地下管网）"),
        ("17", "第 27 段（二、总体要求 &gt; （三）发展目标）"),
        ("19", "<span class=\"where\">全文</span>"),
        ("16", "<span class=\"where\">脚注</span>"),
        ("14", "<span class=\"where\">第 89 段</span>"),
    ])
    func eachProblemSaysWhereItIs(_ topic: String, _ place: String) throws {
        let page = try ReportPage.sample()
        #expect(page.slice(from: "id=\"problems-\(topic)\"", to: "</article>").contains(place))
    }

    @Test func formattingNotesAreCountedButFolded() throws {
        let page = try ReportPage.sample()
        let block = page.slice(from: "id=\"problems-14\"", to: "</article>")
        #expect(block.contains("<details class=\"technical\"><summary>另有格式技术提示 1 条（不影响内容识别）</summary>"))
        let folded = page.slice(from: "<details class=\"technical-only\">", to: "</details>")
        #expect(folded.contains("另有 2 份稿件仅有格式技术提示"))
        #expect(folded.contains("专题6 ") && folded.contains("专题26 "))
    }

    @Test func aStaticListRanksTheDraftsByProblemCount() throws {
        let ranking = try ReportPage.sample().slice(from: "<div class=\"ranking\">", to: "</div>")
        let offsets = try ReportPage.sample().offsets(["#problems-4\"", "#problems-22\"", "#problems-16\"", "#problems-1\""], in: ranking)
        #expect(offsets.allSatisfy { $0 != nil })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
        #expect(ranking.contains("3 条（警告 1 · 提示 2）"))
    }

    @Test func theAssemblysOwnProblemsAreListed() throws {
        let section = try ReportPage.sample().section("assembly")
        #expect(section.contains("纲要模板“第五章 重大工程”引用的“各专题 重大项目”没有找到内容"))
        #expect(section.contains("<code>assembly.template-empty</code>"))
    }
}

@Suite struct HTMLReportInputTests {
    @Test func everyFileOfTheDropFolderIsListedOnce() throws {
        let plan = try SamplePlan.make()
        let section = ReportPage(plan).section("inputs")
        #expect(plan.inputs.count == 39)
        for input in plan.inputs {
            let cell = "<td class=\"file\">\(input.file.replacingOccurrences(of: "&", with: "&amp;"))</td>"
            #expect(section.components(separatedBy: cell).count - 1 == 1, "\(input.file)")
        }
        #expect(section.contains("收稿文件夹共 39 个文件：已采用 32 份，已被新稿替代 2 份，无法归属专题 1 份，无法读取 2 份，已忽略 2 份。"))
    }

    @Test func filesThatNeedAttentionComeFirst() throws {
        let section = try ReportPage.sample().section("inputs")
        let statuses = section.components(separatedBy: "<tr class=\"input ").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(statuses.count == 39)
        let rank = ["rejected": 0, "unassigned": 1, "superseded": 2, "ignored": 3, "used": 4]
        let ranks = statuses.map { rank[$0] ?? 9 }
        #expect(ranks == ranks.sorted())
        #expect(Array(statuses.prefix(3)) == ["rejected", "rejected", "unassigned"])
    }

    @Test(arguments: [
        ("【军民融合】科技创新战略研究 修改稿.docx", "rejected", "文件已损坏"),
        ("~$科技服务业发展规划（征求意见稿）.docx", "ignored", "Word 临时锁定文件"),
        ("会议材料汇编.docx", "unassigned", "请人工指定"),
        ("辽宁省公共安全领域科技发展规划（初稿）.docx", "superseded", "改用《公共安全科技规划 征求意见稿.docx》"),
        ("draft-07.docx", "used", "专题7 辽宁省重大科技项目研究及规划"),
    ])
    func eachFileSaysWhatBecameOfIt(_ file: String, _ status: String, _ note: String) throws {
        let section = try ReportPage.sample().section("inputs")
        guard let cell = section.range(of: "<td class=\"file\">\(file)</td>"),
            let open = section.range(of: "<tr ", options: .backwards, range: section.startIndex..<cell.lowerBound),
            let close = section.range(of: "</tr>", range: cell.upperBound..<section.endIndex)
        else { Issue.record("no row for \(file)"); return }
        let row = section[open.lowerBound..<close.upperBound]
        #expect(row.hasPrefix("<tr class=\"input \(status)\">"))
        #expect(row.contains("<span class=\"badge \(status)\">"))
        #expect(row.contains(note))
    }
}

@Suite struct HTMLReportEscapingTests {
    @Test func draftTextIsEscaped() throws {
        let page = try ReportPage.sample()
        #expect(page.contains("指标“R&amp;D 经费 &lt;内部支出&gt; 占比”（&quot;2.5%&quot;）所在句子未写明目标年份"))
        #expect(!page.contains("<内部支出>"))
    }

    @Test func markupInTitlesFileNamesAndMessagesStaysText() {
        let evil = "</title><script>alert(1)</script>"
        let file = "\"><svg onload=alert(2)>.docx"
        let plan = MasterPlan(
            title: evil, subtitle: "a & b", date: "2020-01-01",
            conflicts: [
                IndicatorConflict(
                    key: "k<", name: "<b>名</b>", year: "2025",
                    values: [
                        SourcedValue(
                            value: 1, text: "1'",
                            sources: [ItemSource(file: file, topic: "1", location: DraftLocation(paragraph: 1, headingPath: ["<h1>"]))])
                    ])
            ],
            coverage: [
                CoverageEntry(
                    topicId: "1\"x", part: "P<1>", title: "T&T", status: .present, draft: file, version: "<v>", conflicts: ["k<"],
                    problems: [Diagnostic(severity: .warning, code: "c<", message: "m <i>&</i>")])
            ],
            inputs: [InputRecord(file: file, status: .rejected, reason: "<script>")],
            diagnostics: [Diagnostic(severity: .error, code: "x", message: "<style>")])
        let html = HTMLReport.render(plan)
        for markup in ["<script>alert", "<svg", "<b>名", "（<h1>", "<i>", "<v>", "<style>\n<"] {
            #expect(!html.contains(markup), "\(markup)")
        }
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;svg onload=alert(2)&gt;.docx"))
        #expect(html.contains("id=\"topic-1&quot;x\""))
        #expect(html.contains("第 2 段（&lt;h1&gt;）"))
        #expect(html.components(separatedBy: "<script>").count - 1 == 1)
        #expect(html.components(separatedBy: "<style>").count - 1 == 1)
    }
}
