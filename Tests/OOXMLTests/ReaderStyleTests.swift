import DocumentModel
import PlanSupport
import OOXML
import Testing
import TestSupport

/// Paragraph resolution end to end: styles.xml + numbering.xml + body, as Chinese Word and WPS
/// write them (localized style ids, headings numbered only in numbering.xml).
struct ReaderStyleTests {
    static let styles = """
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="44"/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="a4"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
        """
    static let numbering = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        """

    static func heading(_ id: String, _ text: String) -> String { p(r(text), pPr: "<w:pStyle w:val=\"\(id)\"/>") }

    @Test("Headings under localized style ids get Word's outline levels and labels from numbering.xml")
    func headings() throws {
        var body = p(r("辽宁省科技规划"), pPr: "<w:pStyle w:val=\"a3\"/>")
        body += Self.heading("1", "发展基础") + Self.heading("2", "发展成就") + Self.heading("3", "创新投入") + Self.heading("3", "创新平台")
        body += Self.heading("2", "面临形势") + Self.heading("1", "总体要求") + Self.heading("2", "指导思想") + Self.heading("3", "坚持创新")
        body += p(r("正文段落。"))
        let document = try readDocx(DocxBuilder(body: body, styles: Self.styles, numbering: Self.numbering))
        let paragraphs = document.body.allParagraphs
        #expect(
            paragraphs.map(\.displayText) == [
                "辽宁省科技规划", "一、发展基础", "（一）发展成就", "1.创新投入", "2.创新平台", "（二）面临形势",
                "二、总体要求", "（一）指导思想", "1.坚持创新", "正文段落。",
            ])
        #expect(paragraphs.map(\.outlineLevel) == [nil, 0, 1, 2, 2, 1, 0, 1, 2, nil])
        #expect(paragraphs[1].styleName == "heading 1")
        #expect(paragraphs[0].styleName == "Title")
        #expect(paragraphs[0].alignment == "center")
        #expect(paragraphs[0].fontSizeHalfPoints == 44)
        #expect(paragraphs[3].isBold)
        #expect(!paragraphs[1].isBold)
        #expect(paragraphs[9].styleId == "a")
    }

    @Test("Direct numbering and direct outline level override the style; numId 0 removes numbering")
    func directProperties() throws {
        let body =
            p(r("直接编号"), pPr: "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>")
            + p(r("去掉编号"), pPr: "<w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>")
            + p(r("大纲级别"), pPr: "<w:outlineLvl w:val=\"3\"/>")
        let document = try readDocx(DocxBuilder(body: body, styles: Self.styles, numbering: Self.numbering))
        let paragraphs = document.body.allParagraphs
        #expect(paragraphs[0].numbering?.label == "（一）")
        #expect(paragraphs[1].numbering == nil)
        #expect(paragraphs[1].outlineLevel == 0)
        #expect(paragraphs[2].outlineLevel == 3)
    }

    @Test("Bold: a bold Normal paragraph, a run-in bold heading, and bold through a character style")
    func bold() throws {
        let body =
            p(r("一、发展基础", rPr: "<w:b/>"))
            + p(r("（一）加强组织领导。", rPr: "<w:b/><w:bCs/>") + r("成立规划实施领导小组，统筹推进各项任务落实。"))
            + p(r("强调", rPr: "<w:rStyle w:val=\"a4\"/>"))
            + p(r("不加粗", rPr: "<w:b w:val=\"0\"/>"))
        let document = try readDocx(DocxBuilder(body: body, styles: Self.styles))
        let paragraphs = document.body.allParagraphs
        #expect(paragraphs.map(\.isBold) == [true, false, true, false])
        #expect(paragraphs[0].boldLead == nil)
        #expect(paragraphs[1].boldLead == "（一）加强组织领导。")
    }

    @Test("A style chain is followed through basedOn, and a missing style falls back to the default")
    func unknownStyle() throws {
        let body = p(r("未知样式"), pPr: "<w:pStyle w:val=\"nope\"/>")
        let document = try readDocx(DocxBuilder(body: body, styles: Self.styles))
        let paragraph = try #require(document.body.allParagraphs.first)
        #expect(paragraph.styleId == "a")
        #expect(document.diagnostics.contains { $0.code.rawValue.hasPrefix("styles.") })
    }
}
