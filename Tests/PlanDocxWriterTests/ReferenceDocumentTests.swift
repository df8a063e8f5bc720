import Foundation
import OOXML
import PlanModel
import Testing
import TestSupport
@testable import PlanDocxWriter

/// Loading the template: the unzipped `Templates/reference-docx` or a user's `.docx`, with the
/// parts the writer needs checked and a missing one named.
struct ReferenceDocumentTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// A copy of the template directory, changed by `edit`.
    static func templateCopy(_ edit: (String) throws -> Void) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "reference-docx")
        let copy = directory.path + "/reference-docx"
        try FileManager.default.copyItem(atPath: SamplePlans.referenceDirectory, toPath: copy)
        try edit(copy)
        return directory
    }

    @Test("The repository's reference document provides every template part and the page setup")
    func repositoryTemplate() throws {
        let reference = try SamplePlans.reference()
        #expect(
            reference.parts.map(\.name) == [
                "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/theme/theme1.xml", "word/footer1.xml",
                "word/footer2.xml",
            ])
        let sectPr = reference.sectionProperties
        #expect(sectPr.element("pgSz", in: Self.w)?.attribute("w", in: Self.w) == "11906")
        #expect(sectPr.element("pgMar", in: Self.w)?.attributes.map(\.value) == ["2098", "1474", "1984", "1587", "851", "1304", "0"])
        #expect(
            sectPr.elements("footerReference", in: Self.w).map { $0.attributes.last?.value } == ["word/footer1.xml", "word/footer2.xml"])
        let styles = StyleIds(reference.styles)
        #expect(styles.headings == ["Heading1", "Heading2", "Heading3", "Heading4"])
        #expect(styles.headingsNumbered)
        #expect([styles.title, styles.tableText, styles.pending, styles.commentText, styles.footnoteText].allSatisfy { $0 != nil })
    }

    @Test("A reference taken from a written DOCX writes the same package as the directory it came from")
    func docxReference() throws {
        let directory = try TemporaryDirectory()
        let first = try DocxPlanWriter(reference: SamplePlans.reference()).write(SamplePlans.realistic)
        let path = try directory.write(first, to: "reference.docx")
        let reference = try ReferenceDocument.load(docx: path)
        #expect(reference.parts.map(\.name) == (try SamplePlans.reference()).parts.map(\.name))
        #expect(try DocxPlanWriter(reference: reference).write(SamplePlans.realistic) == first)
    }

    @Test(
        "A missing part of the template directory is named",
        arguments: [
            ("word/styles.xml", "word/styles.xml"), ("word/settings.xml", "word/settings.xml"),
            ("word/fontTable.xml", "word/fontTable.xml"), ("sectPr.xml", "sectPr.xml"),
        ])
    func missingDirectoryPart(_ removed: String, _ named: String) throws {
        let copy = try Self.templateCopy { try FileManager.default.removeItem(atPath: $0 + "/" + removed) }
        #expect(throws: ReferenceDocumentError.self) { try ReferenceDocument.load(directory: copy.path + "/reference-docx") }
        do {
            _ = try ReferenceDocument.load(directory: copy.path + "/reference-docx")
        } catch {
            guard case .missingPart(_, let part, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(part == named)
            #expect(error.description.contains("缺少 \(named)"))
        }
    }

    @Test("Optional parts may be absent: a reference without a theme still loads")
    func optionalTheme() throws {
        let copy = try Self.templateCopy { try FileManager.default.removeItem(atPath: $0 + "/word/theme") }
        let reference = try ReferenceDocument.load(directory: copy.path + "/reference-docx")
        #expect(!reference.parts.map(\.name).contains("word/theme/theme1.xml"))
    }

    @Test("A footer the page setup refers to but the directory lacks is named")
    func danglingFooter() throws {
        let copy = try Self.templateCopy { try FileManager.default.removeItem(atPath: $0 + "/word/footer2.xml") }
        #expect(throws: ReferenceDocumentError.danglingReference(origin: copy.path + "/reference-docx", id: "footer2.xml")) {
            try ReferenceDocument.load(directory: copy.path + "/reference-docx")
        }
    }

    @Test("A heading style the writer needs is named when the reference lacks it")
    func missingStyle() throws {
        let copy = try Self.templateCopy { root in
            let path = root + "/word/styles.xml"
            let styles = try String(contentsOfFile: path, encoding: .utf8)
            try styles.replacingOccurrences(of: "\"heading 3\"", with: "\"Heading Three\"").write(
                toFile: path, atomically: true, encoding: .utf8)
        }
        let origin = copy.path + "/reference-docx"
        #expect(throws: ReferenceDocumentError.missingStyle(origin: origin, name: "heading 3")) {
            try ReferenceDocument.load(directory: origin)
        }
        #expect(ReferenceDocumentError.missingStyle(origin: "x", name: "heading 3").description.contains("“heading 3”"))
    }

    @Test("A part that is not well-formed XML is named")
    func malformed() throws {
        let copy = try Self.templateCopy { try "<w:settings".write(toFile: $0 + "/word/settings.xml", atomically: true, encoding: .utf8) }
        do {
            _ = try ReferenceDocument.load(directory: copy.path + "/reference-docx")
            Issue.record("loaded a malformed settings.xml")
        } catch {
            guard case .malformedPart(_, let part, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(part == "word/settings.xml")
        }
    }

    @Test("A user's DOCX without styles, or without page setup, is refused with the part named")
    func incompleteDocx() throws {
        let directory = try TemporaryDirectory()
        let noStyles = try directory.write(DocxBuilder(body: "<w:p/><w:sectPr/>").bytes(), to: "no-styles.docx")
        #expect(throws: ReferenceDocumentError.missingPart(origin: noStyles, part: "word/styles.xml", purpose: "样式")) {
            try ReferenceDocument.load(docx: noStyles)
        }
        let noSectPr = try directory.write(Self.chineseWordReference(sectPr: "").bytes(), to: "no-sectpr.docx")
        do {
            _ = try ReferenceDocument.load(docx: noSectPr)
            Issue.record("loaded a reference without page setup")
        } catch {
            #expect(error.description.contains("w:sectPr"))
        }
        let text = try directory.write(Array("not a zip".utf8), to: "notes.docx")
        #expect(throws: ReferenceDocumentError.self) { try ReferenceDocument.load(docx: text) }
    }

    @Test("With a Chinese Word reference (ids 1–4, no list on its headings) the headings are numbered directly")
    func chineseWordReference() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.chineseWordReference().bytes(), to: "公文模板.docx")
        let reference = try ReferenceDocument.load(docx: path)
        let styles = StyleIds(reference.styles)
        #expect(styles.headings == ["1", "2", "3", "4"])
        #expect(!styles.headingsNumbered)
        #expect(styles.tableText == nil)
        let written = try WrittenPackage(SamplePlans.small, reference: reference)
        #expect(
            written.outline.prefix(7).map(\.text) == [
                "一、总体要求", "（一）基本原则", "（二）发展目标", "二、重点任务", "（一）深化科技体制改革", "1.完善评价制度", "（1）分类评价",
            ])
        #expect(try #require(written.part("word/document.xml")).contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
    }

    /// A reference as a Chinese Word saves it: style ids "a", "1" … "4" under built-in names.
    static func chineseWordReference(
        sectPr: String =
            "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
    ) -> DocxBuilder {
        let headings = (1...4).map {
            "<w:style w:type=\"paragraph\" w:styleId=\"\($0)\"><w:name w:val=\"heading \($0)\"/><w:basedOn w:val=\"a\"/><w:pPr><w:outlineLvl w:val=\"\($0 - 1)\"/></w:pPr></w:style>"
        }.joined()
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        let ns = "xmlns:w=\"\(w)\""
        return DocxBuilder(
            body: "<w:p><w:r><w:t>模板</w:t></w:r></w:p>" + sectPr,
            styles: "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>" + headings,
            extraParts: [
                .init(
                    name: "word/settings.xml", xml: "<w:settings \(ns)><w:zoom w:percent=\"100\"/></w:settings>",
                    contentType: wml + "settings+xml", relationshipType: relationshipBase + "settings"),
                .init(
                    name: "word/fontTable.xml", xml: "<w:fonts \(ns)><w:font w:name=\"宋体\"/></w:fonts>",
                    contentType: wml + "fontTable+xml", relationshipType: relationshipBase + "fontTable"),
            ])
    }
}
