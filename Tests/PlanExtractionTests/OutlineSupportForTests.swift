import DocumentModel
import PlanSupport
import Foundation
import PlanExtraction
import PlanModel
import PlanTemplates

/// Small `Document` values built in code for the outline and structure tests.
enum OutlineDraft {
    /// One body paragraph as the reader would give it.
    struct Line {
        var text: String
        var style: String = "Normal"
        var outlineLevel: Int? = nil
        var numbering: String? = nil
        var numberingFormat: String = "chineseCounting"
        var numberingSuffix: String = ""
        var bold = false
        var lead: String? = nil
        var centred = false
        var size: Int? = nil
    }

    static func body(_ text: String) -> Line { Line(text: text) }
    static func heading(_ level: Int, _ text: String, numbering: String? = nil) -> Line {
        Line(text: text, style: "heading \(level)", outlineLevel: level - 1, numbering: numbering, bold: true)
    }
    static func bold(_ text: String) -> Line { Line(text: text, bold: true) }
    static func runIn(_ lead: String, _ rest: String) -> Line { Line(text: lead + rest, lead: lead) }
    static func numbered(_ label: String, _ text: String, format: String = "decimal", bold: Bool = false) -> Line {
        Line(text: text, numbering: label, numberingFormat: format, bold: bold)
    }

    /// A document whose body holds `lines` (and `tables` after the line of the given index).
    static func document(_ lines: [Line], tableAfter: Int? = nil) -> Document {
        var blocks: [Block] = []
        var index = 0
        for (i, line) in lines.enumerated() {
            let p = Paragraph(
                location: SourceLocation(part: "word/document.xml", paragraphIndex: index, path: "body/p[\(blocks.count)]"),
                styleId: line.style, styleName: line.style, outlineLevel: line.outlineLevel,
                numbering: line.numbering.map {
                    NumberingLabel(numId: 1, level: 0, label: $0, format: line.numberingFormat, suffix: line.numberingSuffix)
                },
                isBold: line.bold, alignment: line.centred ? "center" : "both", fontSizeHalfPoints: line.size,
                boldLead: line.lead, text: line.text)
            blocks.append(.paragraph(p))
            index += 1
            if tableAfter == i {
                let cell = TableCell(blocks: [
                    .paragraph(
                        Paragraph(
                            location: SourceLocation(
                                part: "word/document.xml", paragraphIndex: index, path: "body/tbl[0]/tr[0]/tc[0]/p[0]"),
                            text: "研发经费投入强度"))
                ])
                blocks.append(
                    .table(Table(location: SourceLocation(part: "word/document.xml", path: "body/tbl[0]"), rows: [TableRow(cells: [cell])]))
                )
                index += 1
            }
        }
        return Document(file: "test.docx", body: blocks)
    }

    static let templatesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates").standardized.path

    /// The shipped `Templates/sections.yaml` and `Templates/safeguards.yaml`.
    static func templates() throws -> (sections: SectionSynonyms, safeguards: SafeguardCategories) {
        (
            try SectionSynonyms.load(from: templatesDirectory + "/" + SectionSynonyms.fileName),
            try SafeguardCategories.load(from: templatesDirectory + "/" + SafeguardCategories.fileName)
        )
    }

    static func outline(_ lines: [Line]) throws -> Outline {
        OutlineBuilder(sections: try templates().sections).build(document(lines))
    }

    static func structure(_ lines: [Line], tableAfter: Int? = nil) throws -> DraftStructure {
        let t = try templates()
        return DraftStructure.extract(document: document(lines, tableAfter: tableAfter), sections: t.sections, safeguards: t.safeguards)
    }
}

extension Array where Element == OutlineNode {
    /// Every node depth-first, as (level, display title) pairs.
    var levelsForTests: [(level: Int, title: String)] {
        flatMap { [($0.level, $0.displayTitle)] + $0.children.levelsForTests }
    }

    /// Every node depth-first.
    var nodesForTests: [OutlineNode] { flatMap { [$0] + $0.children.nodesForTests } }
}
