import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates
import Testing
import TestSupport

@testable import PlanFeedback

/// Texts of a document in a view: every paragraph (tables and text boxes included), notes.
func viewText(_ bytes: [UInt8], _ view: RevisionView) throws -> [String] {
    let d = try DocxReader(view: view).read(bytes: bytes, name: "x.docx")
    return d.body.allParagraphs.map(\.text) + d.notes.map(\.text)
}

/// Parts whose bytes differ between two packages, and parts only in one of them.
func changedParts(_ a: [UInt8], _ b: [UInt8]) throws -> (changed: Set<String>, added: Set<String>, removed: Set<String>) {
    let pa = try PackageContents.read(bytes: a, name: "a.docx")
    let pb = try PackageContents.read(bytes: b, name: "b.docx")
    let changed = Set(pa.partNames.filter { pb.parts[$0] != nil && pb.parts[$0] != pa.parts[$0] })
    return (changed, Set(pb.partNames).subtracting(pa.partNames), Set(pa.partNames).subtracting(pb.partNames))
}

@Suite struct AnnotatorTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A body with an empty paragraph, a paragraph in a content control, tracked changes, a
    /// table whose first data row is deleted as a tracked change, and an existing comment.
    static let body = """
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>测试规划</w:t></w:r></w:p>\
        <w:p><w:r><w:t xml:space="preserve">第一段 </w:t></w:r><w:ins w:id="101" w:author="甲"><w:r><w:t>新增</w:t></w:r></w:ins>\
        <w:del w:id="102" w:author="甲"><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>\
        <w:p w:rsidR="00AB"/>\
        <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:commentRangeStart w:id="7"/><w:r><w:t>控件段</w:t></w:r><w:commentRangeEnd w:id="7"/>\
        <w:r><w:commentReference w:id="7"/></w:r></w:p></w:sdtContent></w:sdt>\
        <w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>\
        <w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2025年</w:t></w:r></w:p></w:tc></w:tr>\
        <w:tr><w:trPr><w:del w:id="103" w:author="甲"/></w:trPr><w:tc><w:p><w:r><w:t>旧行</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>\
        <w:tr><w:tc><w:p><w:r><w:t>研发投入</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2.5</w:t></w:r></w:p></w:tc></w:tr>\
        </w:tbl>\
        <w:p><w:r><w:t>最后一段 &amp; 结束</w:t></w:r></w:p>
        """
    static let existingComments = """
        <w:comment w:id="7" w:author="编辑" w:initials="编"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment>
        """

    static let findings = [
        FeedbackComment(path: "body/p[0]", text: "【汇编情况】标题 <专题> & “引号”"),
        FeedbackComment(path: "body/p[2]", text: "空段落"),
        FeedbackComment(path: "body/p[3]", text: "控件段\n第二行"),
        FeedbackComment(path: "body/tbl[0]/tr[1]/tc[1]/p[0]", text: "表格行"),
        FeedbackComment(path: "body/p[1]", text: "修订段"),
        FeedbackComment(path: "body/p[99]", text: "无处可放"),
        FeedbackComment(path: nil, text: "无位置"),
    ]

    @Test func commentsAreAnchoredWhereTheyBelong() throws {
        let original = DocxBuilder(body: Self.body, comments: Self.existingComments).bytes()
        let (annotated, placed) = try DraftAnnotator().annotate(bytes: original, name: "t.docx", comments: Self.findings)
        #expect(placed.count == Self.findings.count)
        #expect(placed.map(\.id) == Array(104...110))  // past every id in use (101…103, 7)

        let doc = try DocxReader().read(bytes: annotated, name: "t.docx")
        let byText = Dictionary(doc.comments.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        let paragraphs = doc.body.allParagraphs
        func anchoredTexts(_ c: DocumentModel.Comment?) -> [String] {
            (c?.anchorParagraphs ?? []).compactMap { i in paragraphs.first { $0.location.paragraphIndex == i }?.text }
        }
        #expect(byText["原有批注"]?.id == "7")
        #expect(byText["原有批注"]?.author == "编辑")
        #expect(anchoredTexts(byText["原有批注"]) == ["控件段"])
        #expect(anchoredTexts(byText["【汇编情况】标题 <专题> & “引号”"]) == ["测试规划"])
        #expect(byText["【汇编情况】标题 <专题> & “引号”"]?.author == "规划汇编")
        #expect(anchoredTexts(byText["空段落"]) == [""])
        #expect(anchoredTexts(byText["控件段\n第二行"]) == ["控件段"])
        #expect(anchoredTexts(byText["表格行"]) == ["研发投入", "2.5"])
        #expect(anchoredTexts(byText["修订段"]) == ["第一段 新增"])
        // Unknown or missing locations: the first paragraph.
        #expect(anchoredTexts(byText["无处可放"]) == ["测试规划"])
        #expect(anchoredTexts(byText["无位置"]) == ["测试规划"])

        // The text is the same in both views; only the document and comments parts changed.
        #expect(try viewText(annotated, .accepted) == viewText(original, .accepted))
        #expect(try viewText(annotated, .rejected) == viewText(original, .rejected))
        let diff = try changedParts(original, annotated)
        #expect(diff.changed == ["word/document.xml", "word/comments.xml"])
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
    }

    @Test func aCommentsPartIsCreatedWithItsRelationshipAndContentType() throws {
        let original = DocxBuilder(body: Self.body).bytes()
        let (annotated, _) = try DraftAnnotator().annotate(bytes: original, name: "t.docx", comments: Self.findings)
        let diff = try changedParts(original, annotated)
        // This package had no relationships part for the document: it is created.
        #expect(diff.changed == ["word/document.xml", "[Content_Types].xml"])
        #expect(diff.added == ["word/comments.xml", "word/_rels/document.xml.rels"])
        let doc = try DocxReader().read(bytes: annotated, name: "t.docx")
        #expect(doc.comments.count == Self.findings.count)
        #expect(doc.comments.allSatisfy { $0.author == "规划汇编" && !$0.anchorParagraphs.isEmpty })
        #expect(!doc.diagnostics.contains { $0.code.rawValue.hasPrefix("package.") || $0.code == "reader.part-unreadable" })
        #expect(try viewText(annotated, .accepted) == viewText(original, .accepted))
    }

    @Test func onlyTheMarksAreInsertedIntoTheDocumentPart() throws {
        let original = DocxBuilder(body: Self.body).bytes()
        let (annotated, _) = try DraftAnnotator().annotate(bytes: original, name: "t.docx", comments: Self.findings)
        let before = try #require(PackageContents.read(bytes: original, name: "a").parts["word/document.xml"])
        let after = try #require(PackageContents.read(bytes: annotated, name: "b").parts["word/document.xml"])
        // Removing every inserted mark gives the original bytes back (the empty paragraph was opened).
        var text = String(decoding: after, as: UTF8.self)
        for pattern in [
            #"<w:commentRangeStart w:id="1\d\d"/>"#, #"<w:commentRangeEnd w:id="1\d\d"/>"#,
            #"<w:r><w:commentReference w:id="1\d\d"/></w:r>"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: "<w:p w:rsidR=\"00AB\"></w:p>", with: "<w:p w:rsidR=\"00AB\"/>")
        #expect(text == String(decoding: before, as: UTF8.self))
    }

    @Test func anExistingRelationshipsPartIsExtended() throws {
        let styles = "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
        let original = DocxBuilder(body: Self.body, styles: styles).bytes()
        let (annotated, _) = try DraftAnnotator().annotate(bytes: original, name: "t.docx", comments: Self.findings)
        let diff = try changedParts(original, annotated)
        #expect(diff.changed == ["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"])
        #expect(diff.added == ["word/comments.xml"])
        let package = try PackageContents.read(bytes: annotated, name: "t.docx")
        #expect(package.relatedPart(from: "word/document.xml", kind: "styles") == "word/styles.xml")
        #expect(package.relatedPart(from: "word/document.xml", kind: "comments") == "word/comments.xml")
        #expect(package.contentTypes["word/comments.xml"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml")
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let original = DocxBuilder(body: Self.body, comments: Self.existingComments).bytes()
        let a = try DraftAnnotator(date: "2021-03-01T00:00:00Z").annotate(bytes: original, name: "t.docx", comments: Self.findings)
        let b = try DraftAnnotator(date: "2021-03-01T00:00:00Z").annotate(bytes: original, name: "t.docx", comments: Self.findings)
        #expect(a.bytes == b.bytes)
    }

    @Test func strictDocumentsGetStrictRelationships() throws {
        let original = DocxBuilder(
            body: Self.body.replacingOccurrences(
                of: "<w:ins w:id=\"101\" w:author=\"甲\">", with: "<w:ins w:id=\"101\" w:author=\"甲\" w:date=\"2021-01-01T00:00:00Z\">"),
            strict: true
        ).bytes()
        let (annotated, _) = try DraftAnnotator().annotate(bytes: original, name: "t.docx", comments: Array(Self.findings.prefix(2)))
        let package = try PackageContents.read(bytes: annotated, name: "t.docx")
        let rel = package.relationships(of: "word/document.xml").first { $0.kind == "comments" }
        #expect(rel?.type.rawValue == "http://purl.oclc.org/ooxml/officeDocument/relationships/comments")
        let doc = try DocxReader().read(bytes: annotated, name: "t.docx")
        #expect(doc.comments.count == 2)
    }

    @Test func scannerKeepsOffsetsThroughCommentsCDATAAndQuotes() throws {
        let xml = #"<?xml version="1.0"?><!-- <w:p> --><a xmlns="urn:x" b='x>y'><![CDATA[<c>]]><c/><d e="1"></d></a>"#
        let scan = try XMLScan(Array(xml.utf8))
        #expect(scan.elements.map(\.local) == ["a", "c", "d"])
        #expect(scan[0].namespace == "urn:x")
        #expect(scan[1].isEmpty)
        let d = scan[2]
        #expect(String(decoding: Array(xml.utf8)[d.start..<d.end], as: UTF8.self) == #"<d e="1"></d>"#)
    }
}

/// Every shipped draft: annotated as a build would, read back unchanged but for the comments.
@Suite struct ShippedDraftTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let templates = try! TemplateSet.load(directory: root.appendingPathComponent("Templates").path)

    @Test func everyShippedDraftRoundTrips() throws {
        let inputs = Self.root.appendingPathComponent("Inputs").path
        let files = try FileManager.default.contentsOfDirectory(atPath: inputs).filter { $0.hasSuffix(".docx") }.sorted()
        let extractor = DraftExtractor(templates: Self.templates)
        var annotatedCount = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: inputs + "/" + file)))
            guard let document = try? DocxReader().read(bytes: bytes, name: file) else { continue }
            let draft = extractor.extract(document, fileName: file)
            let (annotated, placed) = try DraftFeedback.annotate(
                bytes: bytes, name: file, draft: draft, plan: nil, annotator: DraftAnnotator())
            #expect(!placed.isEmpty, "\(file)")
            #expect(try viewText(annotated, .accepted) == viewText(bytes, .accepted), "\(file)")
            #expect(try viewText(annotated, .rejected) == viewText(bytes, .rejected), "\(file)")
            let diff = try changedParts(bytes, annotated)
            let allowed: Set<String> = ["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]
            #expect(diff.changed.isSubset(of: allowed), "\(file): \(diff.changed)")
            #expect(diff.removed.isEmpty, "\(file)")
            let read = try DocxReader().read(bytes: annotated, name: file)
            let ours = read.comments.filter { $0.author == DraftAnnotator.author }
            #expect(ours.count == placed.count, "\(file)")
            #expect(ours.allSatisfy { !$0.anchorParagraphs.isEmpty }, "\(file)")
            // The extraction of the copy is the extraction of the original, but for the comments.
            let again = extractor.extract(read, fileName: file)
            #expect(again.indicators == draft.indicators, "\(file)")
            #expect(again.sections == draft.sections, "\(file)")
            annotatedCount += 1
        }
        #expect(annotatedCount >= 30)
    }
}

@Suite struct FeedbackBasisTests {
    /// The build annotates from the header and basis pass 1 kept (through the cache index as
    /// JSON): the comments must be those the whole extraction and document give.
    @Test func theBasisGivesTheCommentsTheDocumentGives() throws {
        let inputs = ShippedDraftTests.root.appendingPathComponent("Inputs").path
        let files = try FileManager.default.contentsOfDirectory(atPath: inputs).filter { $0.hasSuffix(".docx") }.sorted()
        let extractor = DraftExtractor(templates: ShippedDraftTests.templates)
        var compared = 0
        var withFindings = 0
        for file in files {
            guard let document = try? DocxReader().read(path: inputs + "/" + file, displayName: file) else { continue }
            let draft = extractor.extract(document, fileName: file)
            let basis = FeedbackBasis(draft: draft, document: document)
            let stored = try JSONDecoder().decode(FeedbackBasis.self, from: JSONEncoder().encode(basis))
            #expect(stored == basis, "\(file)")
            let expected = DraftFindings.comments(for: draft, document: document)
            #expect(DraftFindings.comments(for: draft.header, basis: stored) == expected, "\(file)")
            #expect(expected.first?.path != nil, "\(file): the summary is anchored on the title")
            if !basis.findings.isEmpty { withFindings += 1 }
            compared += 1
        }
        #expect(compared >= 30)
        #expect(withFindings > 0)
    }

    /// A conflict on an indicator whose location has only a paragraph index is anchored through
    /// the basis's paragraph paths.
    @Test func indicatorsWithoutAPathAreAnchoredThroughTheBasis() throws {
        let basis = FeedbackBasis(titlePath: "body/p[0]", findings: [], paragraphPaths: [7: "body/tbl[0]/tr[2]/tc[0]/p[0]"])
        let draft = DraftExtraction(source: DraftSource(file: "a.docx", sha256: "", size: 0), topic: TopicMatch())
        let location = DraftLocation(paragraph: 7, headingPath: [])
        let value = SourcedValue(value: 2.5, text: "2.5%", sources: [ItemSource(file: "a.docx", topic: "01", location: location)])
        let other = SourcedValue(value: 3, text: "3%", sources: [ItemSource(file: "b.docx", topic: "02", location: location)])
        let plan = MasterPlan(
            title: "t", date: "2021-01-01T00:00:00Z",
            conflicts: [IndicatorConflict(key: "rd", name: "研发投入强度", year: "2025", values: [value, other])])
        let comments = DraftFindings.comments(for: draft, basis: basis, plan: plan)
        let conflict = try #require(comments.first { $0.text.hasPrefix("【指标冲突】") })
        #expect(conflict.path == "body/tbl[0]/tr[2]/tc[0]/p[0]")
    }

    /// The reuse key of an annotated copy joins conflicts encoded once per build: it must be the
    /// key of the conflicts encoded together (what earlier builds wrote), or no copy is reused.
    @Test func theReuseKeyEncodesAFilesConflictsAsOneArray() throws {
        let here = DraftLocation(paragraph: 1, headingPath: ["一、", "“引号”/斜线"], path: "body/p[1]")
        func value(_ v: Double, _ file: String) -> SourcedValue {
            SourcedValue(value: v, text: "\(v)%", sources: [ItemSource(file: file, topic: "0\(Int(v))", location: here)])
        }
        let conflicts = [
            IndicatorConflict(key: "rd", name: "研发投入强度", year: "2025", values: [value(2.5, "a.docx"), value(3, "b.docx")]),
            IndicatorConflict(key: "hi", name: "高新技术企业数量", year: "baseline", values: [value(1, "c.docx"), value(2, "d.docx")]),
            IndicatorConflict(key: "pt", name: "专利", year: "2035", values: [value(4, "a.docx"), value(5, "c.docx")]),
        ]
        let plan = MasterPlan(title: "t", date: "2021-01-01T00:00:00Z", conflicts: conflicts)
        let context = BuildFeedback.KeyContext(plan: plan, date: "2021-01-01T00:00:00Z")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for file in ["a.docx", "b.docx", "c.docx", "e.docx"] {
            let record = InputRecord(file: file, status: .used)
            let mine = conflicts.filter { $0.values.contains { $0.sources.contains { $0.file == file } } }
            var text = "k\n2021-01-01T00:00:00Z\n"
            text += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
            text += String(decoding: try encoder.encode(mine), as: UTF8.self) + "\n"
            #expect(context.fullKey("k", record: record) == SHA256.hex(Array(text.utf8)), "\(file)")
        }
    }
}
