import DocumentModel
import PlanSupport
import OOXML
import PlanModel
import Testing
@testable import PlanDocxWriter

/// The written DOCX read back through `DocxReader` gives the plan's outline (numbering labels
/// rendered from numbering.xml by our reader), items, gaps, tables and provenance.
struct RoundTripTests {
    @Test("Headings come back with their outline levels and the labels the heading list renders")
    func outline() throws {
        let written = try WrittenPackage(SamplePlans.small)
        let outline = written.outline
        #expect(outline.map(\.level) == [0, 1, 1, 0, 1, 2, 3, 1, 0, 0])
        #expect(
            outline.map(\.text) == [
                "一、总体要求", "（一）基本原则", "（二）发展目标", "二、重点任务", "（一）深化科技体制改革", "1.完善评价制度",
                "（1）分类评价", "（二）公共安全科技", "附表1　指标取值不一致情况表", "附表2　专题规划编制情况表",
            ])
        // The numbers come from the list, not from typed text.
        let headings = written.paragraphs.filter { $0.outlineLevel != nil }
        #expect(headings.prefix(8).allSatisfy { $0.numbering?.numId == HeadingNumbering.numId && $0.numbering?.suffix == "" })
        #expect(headings.prefix(8).map(\.text).contains("总体要求"))
        #expect(headings.map(\.styleName).prefix(3) == ["heading 1", "heading 2", "heading 2"])
        #expect(headings.suffix(2).allSatisfy { $0.numbering == nil })
    }

    @Test("Every heading of levels 1 to 3 is in the table of contents, which is a TOC field")
    func tableOfContents() throws {
        let written = try WrittenPackage(SamplePlans.small)
        let entries = written.paragraphs.filter { $0.styleName?.hasPrefix("toc ") == true }.map(\.text)
        #expect(
            entries == [
                "一、总体要求\t", "（一）基本原则\t", "（二）发展目标\t", "二、重点任务\t", "（一）深化科技体制改革\t", "1.完善评价制度\t",
                "（二）公共安全科技\t", "附表1　指标取值不一致情况表\t", "附表2　专题规划编制情况表\t",
            ])
        let document = try #require(written.part("word/document.xml"))
        #expect(document.contains("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/>"))
        #expect(document.contains(" TOC \\o &quot;1-3&quot; \\h \\z \\u ") || document.contains(" TOC \\o \"1-3\" \\h \\z \\u "))
        #expect(try #require(written.part("word/settings.xml")).contains("<w:updateFields w:val=\"true\"/>"))
    }

    @Test("Items come back as paragraphs with their run-in bold titles, in plan order")
    func items() throws {
        let written = try WrittenPackage(SamplePlans.small)
        let body = written.paragraphs.filter { $0.outlineLevel == nil && $0.styleName?.hasPrefix("toc") != true }
        let texts = body.map(\.text)
        #expect(texts.starts(with: ["辽宁省“十四五”科技创新规划纲要", "（2021—2035年）", "目　　录"]))
        let items = [
            "坚持创新引领。把科技创新摆在全局发展的核心位置。", "到2025年，全社会研发经费投入强度达到2.5%。",
            "改革科技计划管理。优化项目形成机制。", "推行“揭榜挂帅”。", "建立分类评价体系。",
            "【待补】尚未收到该专题规划稿（专题19）",
        ]
        let found = items.map { item in texts.firstIndex(of: item) }
        #expect(found.allSatisfy { $0 != nil }, "missing: \(zip(items, found).filter { $0.1 == nil }.map(\.0))")
        #expect(found.compactMap { $0 } == found.compactMap { $0 }.sorted())
        let principle = try #require(body.first { $0.text.hasPrefix("坚持创新引领") })
        #expect(principle.boldLead == "坚持创新引领。")
        let pending = try #require(body.first { $0.text.hasPrefix("【待补】") })
        #expect(pending.styleName == "待补说明")
    }

    @Test("Each sourced item carries a comment by PlanAssembler anchored on its paragraph")
    func comments() throws {
        let written = try WrittenPackage(SamplePlans.small)
        let comments = written.document.comments
        #expect(comments.count == 5)  // principle, goal, task, sub-task, the conflicting 2025 value
        #expect(comments.allSatisfy { $0.author == "PlanAssembler" && $0.initials == "PA" && $0.date == "2021-03-01T00:00:00Z" })
        let principle = try #require(written.paragraphs.first { $0.text.hasPrefix("坚持创新引领") })
        let comment = try #require(comments.first { $0.id == principle.commentIds.first })
        #expect(comment.text == "来源：专题1《辽宁省科技发展总体战略研究及规划（送审稿）》第27段（二、总体要求 > （二）基本原则）")
        #expect(comment.anchorParagraphs == [try #require(principle.location.paragraphIndex)])
        #expect(comment.anchorText == "坚持创新引领。把科技创新摆在全局发展的核心位置。")
        let goal = try #require(comments.first { $0.anchorText.hasPrefix("到2025年") })
        #expect(goal.text.split(separator: "\n").count == 2)
        #expect(goal.text.hasSuffix("来源：战略研究S4《S4 科技投入与绩效评价问题研究》（附表）"))
    }

    @Test("The indicator table repeats its header row and shows a conflict with every value and its topics")
    func indicatorTable() throws {
        let written = try WrittenPackage(SamplePlans.small)
        let table = try #require(written.tables.first)
        #expect(table.rows[0].isHeader)
        #expect(table.rows[0].cells.map(\.text) == ["序号", "指标名称", "单位", "2020年基期值", "2025年目标值", "2035年目标值", "属性", "来源专题"])
        #expect(
            table.rows[1].cells.map(\.text) == [
                "1", "研发经费投入强度", "%", "2.04", "2.5（专题1、2）／\n2.3（战略研究S4）⚠", "3.0", "预期性", "1、2、S4",
            ])
        let caption = try #require(written.paragraphs.first { $0.text.hasPrefix("表1") })
        #expect(caption.text == "表1　主要指标")
        #expect(written.paragraphs.contains { $0.text.hasPrefix("注：标“⚠”的单元格") })
    }

    @Test("The conflict and coverage tables are appended when no node embeds them")
    func appendedTables() throws {
        let written = try WrittenPackage(SamplePlans.small)
        #expect(written.tables.count == 3)
        let conflicts = written.tables[1]
        #expect(conflicts.rows.count == 3)
        #expect(conflicts.rows[1].cells.map(\.verticalMerge) == [.restart, .restart, .restart, nil, nil])
        #expect(conflicts.rows[2].cells.map(\.verticalMerge) == [.continue, .continue, .continue, nil, nil])
        #expect(conflicts.rows[2].cells[4].text == "战略研究S4《S4 科技投入与绩效评价问题研究》（附表）")
        let coverage = written.tables[2]
        #expect(coverage.rows[0].cells.map(\.text) == ["专题", "稿件", "稿次", "日期", "目标", "指标", "任务", "措施", "缺少部分"])
        #expect(
            coverage.rows[1].cells.map(\.text) == [
                "专题1　辽宁省科技发展总体战略研究及规划", "辽宁省科技发展总体战略研究及规划（送审稿）", "送审稿", "2020-10-20", "3", "8", "12", "5", "无",
            ])
        #expect(coverage.rows[2].cells.map(\.text).suffix(1) == ["全部"])
        #expect(coverage.rows[2].cells[1].text == "未收到")
    }

    @Test("Document properties carry the title and the plan's date, never the clock")
    func properties() throws {
        let written = try WrittenPackage(SamplePlans.small)
        let properties = written.document.properties
        #expect(properties.title == "辽宁省“十四五”科技创新规划纲要")
        #expect(properties.subject == "（2021—2035年）")
        #expect(properties.created == "2021-03-01T00:00:00Z")
        #expect(properties.modified == "2021-03-01T00:00:00Z")
        #expect(written.document.diagnostics.filter { $0.severity != .info }.isEmpty, "\(written.document.diagnostics)")
    }

    @Test("Text with XML specials and control characters is written well-formed")
    func escaping() throws {
        var plan = SamplePlans.small
        plan.chapters[0].items = [PlanItem(kind: .text, text: "A&B <C> \"D\"\u{1}\u{B} E\tF", sources: [])]
        let written = try WrittenPackage(plan)
        #expect(written.paragraphs.contains { $0.text == "A&B <C> \"D\" E\tF" })
    }
}
