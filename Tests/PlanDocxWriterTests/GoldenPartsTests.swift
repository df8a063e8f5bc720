import Foundation
import OOXML
import Testing
import TestSupport
@testable import PlanDocxWriter

/// The small plan's DOCX compared part by part, as parsed and pretty-printed XML (timestamps
/// masked), with golden files under `Golden/` that a reviewer can read. The template's parts are
/// compared with `Templates/reference-docx` itself. After a deliberate change:
/// `make golden` (UPDATE_GOLDEN=1, `Golden` in TestSupport), then read the diff.
struct GoldenPartsTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let masked: Set<String> = ["dcterms:created", "dcterms:modified"]

    /// (provenance mode, part) pairs with a golden file: every part the writer generates.
    static let cases: [(Provenance, String)] = [
        (.comments, "[Content_Types].xml"), (.comments, "_rels/.rels"), (.comments, "docProps/core.xml"),
        (.comments, "docProps/app.xml"), (.comments, "word/document.xml"), (.comments, "word/_rels/document.xml.rels"),
        (.comments, "word/numbering.xml"), (.comments, "word/comments.xml"),
        (.footnotes, "word/footnotes.xml"), (.footnotes, "word/_rels/document.xml.rels"), (.footnotes, "[Content_Types].xml"),
    ]

    static func goldenName(_ provenance: Provenance, _ part: String) -> String {
        let flat = part.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "[", with: "").replacingOccurrences(
            of: "]", with: "")
        return "small-\(provenance.rawValue)/" + flat + (flat.hasSuffix(".xml") ? "" : ".xml")
    }

    static func compare(_ actual: String, golden name: String) throws {
        let difference = try Golden.mismatch(actual, goldenFile: goldenDirectory.appendingPathComponent(name).path)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("Each generated part matches its golden file", arguments: cases.indices)
    func generatedPart(_ index: Int) throws {
        let (provenance, part) = Self.cases[index]
        let written = try WrittenPackage(SamplePlans.small, provenance: provenance)
        let bytes = try #require(written.contents.parts[part], "no \(part)")
        try Self.compare(PrettyXML.render(bytes, part: part, masked: Self.masked), golden: Self.goldenName(provenance, part))
    }

    @Test("The zip holds its entries in a fixed order, [Content_Types].xml first", arguments: [Provenance.comments, .footnotes, .none])
    func entryOrder(_ provenance: Provenance) throws {
        let written = try WrittenPackage(SamplePlans.small, provenance: provenance)
        let notes: [String] =
            switch provenance {
            case .comments: ["word/comments.xml"]
            case .footnotes: ["word/footnotes.xml"]
            case .none: []
            }
        #expect(
            written.contents.partNames == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                "word/_rels/document.xml.rels", "word/numbering.xml",
            ] + notes + [
                "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/theme/theme1.xml", "word/footer1.xml",
                "word/footer2.xml",
            ])
    }

    @Test(
        "The template's parts are copied from Templates/reference-docx as parsed, comments dropped",
        arguments: [
            "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/theme/theme1.xml", "word/footer1.xml", "word/footer2.xml",
        ])
    func templatePart(_ part: String) throws {
        let written = try WrittenPackage(SamplePlans.small)
        let copied = try #require(written.contents.parts[part])
        let template = try #require(FileManager.default.contents(atPath: SamplePlans.referenceDirectory + "/" + part))
        #expect(try XMLTree.parse(copied, part: part) == XMLTree.parse([UInt8](template), part: part))
        #expect(!String(decoding: copied, as: UTF8.self).contains("<!--"))
    }
}
