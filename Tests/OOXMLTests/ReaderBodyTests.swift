import DocumentModel
import PlanSupport
import OOXML
import Testing
import TestSupport

/// Reads a package built from XML snippets.
func readDocx(_ builder: DocxBuilder, view: RevisionView = .accepted) throws -> Document {
    try DocxReader(view: view).read(bytes: builder.bytes(), name: "test.docx")
}

/// The texts of all paragraphs in reading order (tables and text boxes included).
func texts(_ document: Document) -> [String] { document.body.allParagraphs.map(\.text) }

func p(_ runs: String, pPr: String = "") -> String { "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")\(runs)</w:p>" }
func r(_ text: String, rPr: String = "") -> String {
    "<w:r>\(rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
}

struct ReaderBodyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let inlineCases: [Case] = [
        Case(
            name: "runs split mid-word by rsid changes are joined",
            body: "<w:p><w:r w:rsidR=\"00A1\"><w:t>发展</w:t></w:r><w:r w:rsidR=\"00B2\"><w:t>目</w:t></w:r><w:r><w:t>标</w:t></w:r></w:p>",
            expected: ["发展目标"]),
        Case(
            name: "a label split across runs stays whole",
            body: p(r("（") + r("一") + r("）加强组织领导")), expected: ["（一）加强组织领导"]),
        Case(
            name: "preserved spaces are kept",
            body: p(r("到2025年， ") + r(" 达到")), expected: ["到2025年，  达到"]),
        Case(
            name: "tabs, breaks, carriage returns and hyphens",
            body: p(
                "<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t><w:noBreakHyphen/><w:t>E</w:t><w:softHyphen/><w:t>F</w:t><w:br w:type=\"page\"/><w:t>G</w:t></w:r>"
            ),
            expected: ["A\tB\nC\nD-EFG"]),
        Case(
            name: "a symbol from a symbol font is mapped out of the private use area",
            body: p("<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:t>x</w:t></w:r>"), expected: ["\u{B7}x"]),
        Case(
            name: "hyperlinks, smart tags and inline custom XML keep their text",
            body: p(
                "<w:hyperlink r:id=\"rId99\">\(r("链接"))</w:hyperlink><w:smartTag w:uri=\"u\" w:element=\"e\">\(r("标记"))</w:smartTag><w:customXml w:element=\"x\">\(r("自定义"))</w:customXml>"
            ),
            expected: ["链接标记自定义"]),
        Case(
            name: "inline and block content controls are read",
            body:
                "<w:sdt><w:sdtPr/><w:sdtContent>\(p("<w:sdt><w:sdtPr/><w:sdtContent>\(r("控件"))</w:sdtContent></w:sdt>"))</w:sdtContent></w:sdt>",
            expected: ["控件"]),
        Case(
            name: "a simple field shows its result",
            body: p("<w:fldSimple w:instr=\" PAGE \">\(r("7"))</w:fldSimple>"), expected: ["7"]),
        Case(
            name: "a complex field shows its result, not its instruction",
            body: p(
                r("见第")
                    + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                    + r("12") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + r("页")),
            expected: ["见第12页"]),
        Case(
            name: "nested complex fields show the outer result only",
            body: p(
                "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(r("3"))<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:instrText> = 3 \"yes\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(r("结果"))<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            ),
            expected: ["结果"]),
        Case(
            name: "a field that spans paragraphs hides the instruction in both",
            body: p(
                "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC \\o</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                    + r("一、发展基础")) + p(r("二、总体要求") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>") + p(r("正文")),
            expected: ["一、发展基础", "二、总体要求", "正文"]),
        Case(
            name: "alternate content is read once, from its first choice",
            body: p(
                "<mc:AlternateContent><mc:Choice Requires=\"w14\">\(r("选择"))</mc:Choice><mc:Fallback>\(r("后备"))</mc:Fallback></mc:AlternateContent>"
            ),
            expected: ["选择"]),
        Case(
            name: "ruby text gives its base text",
            body: p("<w:r><w:ruby><w:rubyPr/><w:rt>\(r("zhong"))</w:rt><w:rubyBase>\(r("中"))</w:rubyBase></w:ruby></w:r>"),
            expected: ["中"]),
        Case(
            name: "math keeps the text of its runs",
            body: p(
                r("面积")
                    + "<m:oMath><m:r><m:t>S=πr</m:t></m:r><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath>"
            ),
            expected: ["面积S=πrx2"]),
        Case(
            name: "bookmarks, proofing marks and permissions add nothing",
            body: p(
                "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:proofErr w:type=\"spellStart\"/>\(r("文本"))<w:proofErr w:type=\"spellEnd\"/><w:bookmarkEnd w:id=\"0\"/>"
            ),
            expected: ["文本"]),
    ]

    @Test("Inline content is read as Word shows it", arguments: inlineCases)
    func inline(_ c: Case) throws {
        let document = try readDocx(DocxBuilder(body: c.body))
        #expect(texts(document) == c.expected)
        #expect(document.diagnostics.filter { $0.code == "reader.skipped-element" }.isEmpty)
    }

    @Test("A text box is read after the paragraph that anchors it, from the drawing or its VML fallback only once")
    func textBox() throws {
        let box = "<w:txbxContent>\(p(r("文本框内容")))</w:txbxContent>"
        let drawing =
            "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        let document = try readDocx(DocxBuilder(body: p(r("正文") + drawing) + p(r("后文"))))
        #expect(texts(document) == ["正文", "文本框内容", "后文"])
        guard case .paragraph(let first) = document.body[0] else { Issue.record("no paragraph"); return }
        #expect(first.textBoxes.count == 1)
        #expect(first.textBoxes[0].paragraphs[0].location.paragraphIndex == 1)
    }

    @Test("Paragraph indexes count every paragraph in reading order, tables and text boxes included")
    func paragraphIndexes() throws {
        let table = "<w:tbl><w:tblGrid><w:gridCol w:w=\"100\"/></w:tblGrid><w:tr><w:tc>\(p(r("格")))</w:tc></w:tr></w:tbl>"
        let document = try readDocx(DocxBuilder(body: p(r("一")) + table + p(r("二"))))
        let paragraphs = document.body.allParagraphs
        #expect(paragraphs.map { $0.location.paragraphIndex } == [0, 1, 2])
        #expect(paragraphs.map(\.location.path) == ["body/p[0]", "body/tbl[0]/tr[0]/tc[0]/p[0]", "body/p[1]"])
    }

    @Test("An element the reader does not interpret becomes a diagnostic, not silence")
    func skippedElement() throws {
        let body = p(r("前")) + "<w:altChunk r:id=\"rId42\"/>" + p(r("后"))
        let document = try readDocx(DocxBuilder(body: body))
        #expect(texts(document) == ["前", "后"])
        let skipped = document.diagnostics.filter { $0.code == "reader.skipped-element" }
        #expect(skipped.count == 1)
        #expect(skipped.first?.message.contains("altChunk") == true)
    }

    @Test("A Strict OOXML document is read like a Transitional one")
    func strict() throws {
        let document = try readDocx(DocxBuilder(body: p(r("严格格式")), strict: true))
        #expect(texts(document) == ["严格格式"])
    }

    @Test("Core properties give title, author and dates")
    func coreProperties() throws {
        let core =
            "<dc:title>辽宁省规划</dc:title><dc:creator>省科技厅</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-08-03T09:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">2020-10-12T16:30:00Z</dcterms:modified>"
        let document = try readDocx(DocxBuilder(body: p(r("x")), coreProperties: core))
        #expect(document.properties.title == "辽宁省规划")
        #expect(document.properties.creator == "省科技厅")
        #expect(document.properties.created == "2020-08-03T09:00:00Z")
        #expect(document.properties.modified == "2020-10-12T16:30:00Z")
    }
}
