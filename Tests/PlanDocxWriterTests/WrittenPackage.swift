import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanModel
@testable import PlanDocxWriter

/// A written DOCX opened again: its parts, and the document as the project's reader sees it.
struct WrittenPackage {
    let bytes: [UInt8]
    let contents: PackageContents
    let document: Document

    init(_ plan: MasterPlan, provenance: Provenance = .comments, reference: ReferenceDocument? = nil) throws {
        bytes = try DocxPlanWriter(reference: reference ?? SamplePlans.reference(), provenance: provenance).write(plan)
        contents = try PackageContents.read(bytes: bytes, name: "master-plan.docx")
        document = try DocxReader().read(bytes: bytes, name: "master-plan.docx")
    }

    /// Body paragraphs outside tables.
    var paragraphs: [Paragraph] {
        document.body.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    var tables: [Table] {
        document.body.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// (outline level, label + text) of every heading.
    var outline: [(level: Int, text: String)] {
        paragraphs.compactMap { p in p.outlineLevel.map { ($0, p.displayText) } }
    }

    func part(_ name: String) -> String? { contents.parts[name].map { String(decoding: $0, as: UTF8.self) } }
}

/// Parsed XML as indented text, for golden files a reviewer can read: one element a line,
/// attributes as written, text inline, whitespace-only text dropped; `masked` elements (by
/// qualified name) show "[timestamp]" instead of their text.
enum PrettyXML {
    static func render(_ bytes: [UInt8], part: String, masked: Set<String> = []) throws -> String {
        var out = ""
        write(try XMLTree.parse(bytes, part: part), depth: 0, masked: masked, into: &out)
        return out
    }

    private static func write(_ element: XMLTree, depth: Int, masked: Set<String>, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        var open = "<" + element.qualifiedName
        for ns in element.namespaceDeclarations { open += ns.prefix.map { " xmlns:\($0)=\"\(ns.uri)\"" } ?? " xmlns=\"\(ns.uri)\"" }
        for attribute in element.attributes { open += " \(attribute.qualifiedName)=\"\(attribute.value)\"" }
        let elements = element.elements
        let text = element.children.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
        if elements.isEmpty {
            if masked.contains(element.qualifiedName) {
                out += indent + open + ">[timestamp]</\(element.qualifiedName)>\n"
            } else if text.isEmpty {
                out += indent + open + "/>\n"
            } else {
                out += indent + open + ">" + text + "</\(element.qualifiedName)>\n"
            }
            return
        }
        out += indent + open + ">\n"
        for child in element.children {
            switch child {
            case .element(let e): write(e, depth: depth + 1, masked: masked, into: &out)
            case .text(let t) where !t.allSatisfy(\.isWhitespace): out += indent + "  " + t + "\n"
            case .text: break
            }
        }
        out += indent + "</\(element.qualifiedName)>\n"
    }
}
