import DocumentModel
import PlanSupport
import OOXML
import Testing
import TestSupport

struct ReaderRevisionTests {
    static let ins = #"w:id="1" w:author="审稿人" w:date="2020-10-12T00:00:00Z""#
    static let del = #"w:id="2" w:author="审稿人" w:date="2020-10-12T00:00:00Z""#

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let accepted: [String]
        let rejected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "inserted and deleted runs",
            body: p(
                r("研发投入强度达到") + "<w:del \(del)><w:r><w:delText>2.3</w:delText></w:r></w:del><w:ins \(ins)>\(r("2.5"))</w:ins>" + r("%")),
            accepted: ["研发投入强度达到2.5%"], rejected: ["研发投入强度达到2.3%"]),
        Case(
            name: "an inserted indicator sentence appears only when accepted",
            body: p(r("到2025年，") + "<w:ins \(ins)>\(r("高校院所科技成果省内转化率达到60%。"))</w:ins>"),
            accepted: ["到2025年，高校院所科技成果省内转化率达到60%。"], rejected: ["到2025年，"]),
        Case(
            name: "moved text is kept at its destination only",
            body: p("<w:moveFrom \(del)>\(r("甲"))</w:moveFrom>" + r("乙")) + p("<w:moveTo \(ins)>\(r("甲"))</w:moveTo>"),
            accepted: ["乙", "甲"], rejected: ["甲乙", ""]),
        Case(
            name: "a deleted paragraph mark joins the paragraph to the next",
            body: p(r("第一段"), pPr: "<w:rPr><w:del \(del)/></w:rPr>") + p(r("第二段")),
            accepted: ["第一段第二段"], rejected: ["第一段", "第二段"]),
        Case(
            name: "a wholly deleted paragraph disappears when accepted",
            body: p(r("前文"))
                + p("<w:del \(del)><w:r><w:delText>到2035年，删除的目标。</w:delText></w:r></w:del>", pPr: "<w:rPr><w:del \(del)/></w:rPr>")
                + p(r("后文")),
            accepted: ["前文", "后文"], rejected: ["前文", "到2035年，删除的目标。", "后文"]),
        Case(
            name: "a wholly inserted paragraph disappears when rejected",
            body: p(r("前文")) + p("<w:ins \(ins)>\(r("新增段落"))</w:ins>", pPr: "<w:rPr><w:ins \(ins)/></w:rPr>") + p(r("后文")),
            accepted: ["前文", "新增段落", "后文"], rejected: ["前文", "后文"]),
        Case(
            name: "a deleted table row is dropped when accepted, an inserted one when rejected",
            body:
                "<w:tbl><w:tr>\("<w:tc>\(p(r("保留")))</w:tc>")</w:tr><w:tr><w:trPr><w:del \(del)/></w:trPr><w:tc>\(p("<w:del \(del)><w:r><w:delText>删行</w:delText></w:r></w:del>"))</w:tc></w:tr><w:tr><w:trPr><w:ins \(ins)/></w:trPr><w:tc>\(p("<w:ins \(ins)>\(r("增行"))</w:ins>"))</w:tc></w:tr></w:tbl>",
            accepted: ["保留", "增行"], rejected: ["保留", "删行"]),
    ]

    @Test("Tracked changes: the accepted view by default, the rejected view on request", arguments: cases)
    func views(_ c: Case) throws {
        let builder = DocxBuilder(body: c.body)
        let accepted = try readDocx(builder)
        let rejected = try readDocx(builder, view: .rejected)
        #expect(texts(accepted) == c.accepted)
        #expect(texts(rejected) == c.rejected)
        #expect(accepted.revisions.hasUnresolvedRevisions)
        #expect(rejected.view == .rejected)
    }

    @Test("Revision flags and the other view's text are recorded on the paragraph")
    func flags() throws {
        let body = p(r("达到") + "<w:del \(Self.del)><w:r><w:delText>2.3</w:delText></w:r></w:del><w:ins \(Self.ins)>\(r("2.5"))</w:ins>")
        let document = try readDocx(DocxBuilder(body: body))
        let paragraph = try #require(document.body.allParagraphs.first)
        #expect(paragraph.revisions.hasInsertions)
        #expect(paragraph.revisions.hasDeletions)
        #expect(paragraph.revisions.otherViewText == "2.3")
        #expect(document.revisions.insertions == 1)
        #expect(document.revisions.deletions == 1)
    }

    @Test("The revision counts are the same in both views, skipped rows and blocks included")
    func countsIndependentOfView() throws {
        let formatted = "<w:rPr><w:b/><w:rPrChange \(Self.ins)><w:rPr/></w:rPrChange></w:rPr>"
        let row = { (mark: String, text: String) in
            "<w:tr><w:trPr>\(mark)</w:trPr><w:tc><w:p><w:pPr><w:jc w:val=\"center\"/><w:pPrChange \(Self.ins)><w:pPr/></w:pPrChange></w:pPr>"
                + "<w:r>\(formatted)<w:t>\(text)</w:t></w:r><w:ins \(Self.ins)>\(r("补"))</w:ins>"
                + "<w:del \(Self.del)><w:r><w:delText>删</w:delText></w:r></w:del></w:p></w:tc></w:tr>"
        }
        let body =
            "<w:tbl>" + row("", "保留") + row("<w:del \(Self.del)/>", "删行") + row("<w:ins \(Self.ins)/>", "增行") + "</w:tbl>"
            + "<w:del \(Self.del)>" + p("<w:ins \(Self.ins)>\(r("块内插入"))</w:ins>", pPr: "<w:rPr><w:del \(Self.del)/></w:rPr>") + "</w:del>"
            // A text box in deleted text: hidden when accepting, its own insertion still counted.
            + p(
                r("正文") + "<w:del \(Self.del)><w:r><w:pict><w:txbxContent>" + p("<w:ins \(Self.ins)>\(r("框内插入"))</w:ins>")
                    + "</w:txbxContent></w:pict></w:r></w:del>")
        let accepted = try readDocx(DocxBuilder(body: body)).revisions
        let rejected = try readDocx(DocxBuilder(body: body), view: .rejected).revisions
        #expect(accepted == rejected)
        // Rows: 1 del + 1 ins; in each of the 3 rows 1 ins run, 1 del run, 1 pPrChange, 1 rPrChange;
        // the deleted block: the block itself, its paragraph mark and its inserted run; the
        // text box: the deleted run holding it and the insertion inside.
        #expect(accepted == RevisionSummary(insertions: 1 + 3 + 1 + 1, deletions: 1 + 3 + 2 + 1, moves: 0, formatChanges: 6))
    }

    @Test("A document without revisions says so")
    func clean() throws {
        let document = try readDocx(DocxBuilder(body: p(r("干净"))))
        #expect(!document.revisions.hasUnresolvedRevisions)
    }

    @Test("Formatting changes count as unresolved revisions")
    func formatChange() throws {
        let body = p("<w:r><w:rPr><w:b/><w:rPrChange \(Self.ins)><w:rPr/></w:rPrChange></w:rPr><w:t>加粗</w:t></w:r>")
        let document = try readDocx(DocxBuilder(body: body))
        #expect(document.revisions.formatChanges == 1)
        #expect(document.revisions.hasUnresolvedRevisions)
    }
}

struct ReaderTableTests {
    @Test("Tables keep grid columns, spans, vertical merges, header rows and nested tables")
    func structure() throws {
        let cell = { (text: String, tcPr: String) in "<w:tc><w:tcPr>\(tcPr)</w:tcPr>\(p(r(text)))</w:tc>" }
        let nested = "<w:tbl><w:tr><w:tc>\(p(r("内层")))</w:tc></w:tr></w:tbl>"
        let body = """
            <w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid>
            <w:tr><w:trPr><w:tblHeader/></w:trPr>\(cell("类别", ""))\(cell("指标", "<w:gridSpan w:val=\"2\"/>"))</w:tr>
            <w:tr>\(cell("创新投入", "<w:vMerge w:val=\"restart\"/>"))\(cell("研发经费投入强度", ""))\(cell("2.5", ""))</w:tr>
            <w:tr>\(cell("", "<w:vMerge/>"))<w:tc>\(p(r("合并单元格中的指标")))\(nested)</w:tc>\(cell("1万", ""))</w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>\(cell("后移", "<w:gridSpan w:val=\"2\"/>"))</w:tr>
            </w:tbl>
            """
        let document = try readDocx(DocxBuilder(body: body))
        guard case .table(let table) = try #require(document.body.first) else {
            Issue.record("expected a table")
            return
        }
        #expect(table.gridColumns == [1000, 2000, 3000])
        #expect(table.rows.count == 4)
        #expect(table.rows[0].isHeader)
        #expect(table.rows[0].cells[1].gridSpan == 2)
        #expect(table.rows[1].cells[0].verticalMerge == .restart)
        #expect(table.rows[2].cells[0].verticalMerge == .continue)
        #expect(table.rows[2].cells[1].text == "合并单元格中的指标\n内层")
        #expect(table.rows[3].cells[0].gridColumn == 1)
        #expect(table.rows[2].cells.map(\.gridColumn) == [0, 1, 2])
        #expect(texts(document).contains("内层"))
    }
}

struct ReaderNotesAndCommentsTests {
    @Test("Footnotes and endnotes are read, separators skipped, references recorded")
    func notes() throws {
        let footnotes = """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>\(r("数据来源：省统计局。"))</w:p></w:footnote>
            """
        let endnotes = "<w:endnote w:id=\"1\">\(p(r("尾注文字")))</w:endnote>"
        let body = p(r("研发投入") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>" + "<w:r><w:endnoteReference w:id=\"1\"/></w:r>")
        let document = try readDocx(DocxBuilder(body: body, footnotes: footnotes, endnotes: endnotes))
        #expect(document.notes.map(\.text) == ["数据来源：省统计局。", "尾注文字"])
        #expect(document.notes.map(\.kind) == [.footnote, .endnote])
        let paragraph = try #require(document.body.allParagraphs.first)
        #expect(paragraph.noteReferences == [NoteReference(kind: .footnote, id: "1"), NoteReference(kind: .endnote, id: "1")])
    }

    @Test("Comments carry author, date, text and the paragraphs and text they anchor")
    func comments() throws {
        let comments =
            #"<w:comment w:id="0" w:author="王琳" w:date="2020-10-09T11:35:00Z" w:initials="WL">"# + p(r("建议补充试点数据")) + "</w:comment>"
        let body =
            p(
                r("开展") + #"<w:commentRangeStart w:id="0"/>"# + r("成果转化改革")
                    + #"<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#) + p(r("无批注"))
        let document = try readDocx(DocxBuilder(body: body, comments: comments))
        let comment = try #require(document.comments.first)
        #expect(comment.author == "王琳")
        #expect(comment.initials == "WL")
        #expect(comment.text == "建议补充试点数据")
        #expect(comment.anchorParagraphs == [0])
        #expect(comment.anchorText == "成果转化改革")
        #expect(document.body.allParagraphs.map(\.commentIds) == [["0"], []])
    }

    @Test("A malformed secondary part is reported and the body is still read")
    func malformedComments() throws {
        let builder = DocxBuilder(body: p(r("正文")), comments: "<w:comment w:id=\"0\"><w:p></w:comment>")
        let document = try readDocx(builder)
        #expect(texts(document) == ["正文"])
        #expect(document.diagnostics.contains { $0.code == "reader.part-unreadable" && $0.message.contains("comments.xml") })
    }
}

struct ReaderJoinTests {
    @Test("A deleted paragraph joins only the next paragraph, not the one after it")
    func joinStopsAtTheNextMark() throws {
        let del = ReaderRevisionTests.del
        let body =
            p("<w:del \(del)><w:r><w:delText>删除的段落。</w:delText></w:r></w:del>", pPr: "<w:rPr><w:del \(del)/></w:rPr>")
            + p(r("到2035年，目标。")) + p(r("表1 主要指标"))
        let document = try readDocx(DocxBuilder(body: body))
        #expect(texts(document) == ["到2035年，目标。", "表1 主要指标"])
    }
}
