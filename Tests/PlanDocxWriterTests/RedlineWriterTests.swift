import DocumentModel
import PlanSupport
import OOXML
import PlanModel
import Testing
@testable import PlanDocxWriter

/// `DocxPlanWriter.writeRedline`: the new plan with the differences from the previous one as
/// tracked changes; the reader's accepted view is the new plan's document, its rejected view the
/// previous plan's.
struct RedlineWriterTests {
    static func texts(_ bytes: [UInt8], view: RevisionView = .accepted) throws -> [String] {
        try DocxReader(view: view).read(bytes: bytes, name: "redline.docx").body.allParagraphs.map(\.text).filter { !$0.isEmpty }
    }

    /// The first node (depth first) with at least `count` items.
    static func edit(_ nodes: inout [PlanNode], count: Int, _ change: (inout PlanNode) -> Void) -> Bool {
        for index in nodes.indices {
            if nodes[index].items.count >= count {
                change(&nodes[index])
                return true
            }
            if edit(&nodes[index].children, count: count, change) { return true }
        }
        return false
    }

    @Test("Deleted, inserted and changed items, a heading and an indicator row: accepted = new, rejected = old")
    func views() throws {
        let old = SamplePlans.realistic
        var new = old
        // An item removed, one reworded, one added; a new subsection; the last indicator dropped.
        #expect(
            Self.edit(&new.chapters, count: 2) { node in
                node.items.remove(at: 0)
                node.items[0].text = "（修订）" + node.items[0].text
                node.items.append(PlanItem(kind: .text, text: "新增的一条表述，用于检验插入段落的修订标记。", sources: []))
            })
        new.chapters[0].children.append(PlanNode(title: "新增小节", items: [PlanItem(kind: .text, text: "新增小节的内容。", sources: [])]))
        if !new.indicators.isEmpty { new.indicators.removeLast() }

        let writer = DocxPlanWriter(reference: try SamplePlans.reference())
        let redline = try writer.writeRedline(new, previous: old)
        let accepted = try Self.texts(redline)
        let rejected = try Self.texts(redline, view: .rejected)
        #expect(accepted == (try Self.texts(writer.write(new))))
        #expect(rejected == (try Self.texts(writer.write(old))))

        let xml = String(
            decoding: try PackageContents.read(bytes: redline, name: "redline.docx").parts["word/document.xml"]!, as: UTF8.self)
        #expect(xml.contains("w:author=\"规划汇编\""))
        #expect(xml.contains("<w:rPr><w:del "), "a deleted paragraph mark")
        #expect(xml.contains("<w:rPr><w:ins "), "an inserted paragraph mark")
        if new.indicators.count < old.indicators.count { #expect(xml.contains("<w:cantSplit/><w:del "), "a deleted row") }

        // Deterministic, and the same plans give no revision at all.
        #expect(try writer.writeRedline(new, previous: old) == redline)
        let same = String(
            decoding: try PackageContents.read(bytes: writer.writeRedline(old, previous: old), name: "same.docx").parts[
                "word/document.xml"]!, as: UTF8.self)
        #expect(!same.contains("<w:ins ") && !same.contains("<w:del "))
    }

    @Test("The first chapter removed and a last one added: the table of contents keeps one field, both views hold")
    func firstAndLastHeadings() throws {
        let old = SamplePlans.realistic
        var new = old
        new.chapters.removeFirst()
        new.chapters.append(PlanNode(title: "新增一章", items: [PlanItem(kind: .text, text: "新增一章的内容。", sources: [])]))
        let writer = DocxPlanWriter(reference: try SamplePlans.reference())
        let redline = try writer.writeRedline(new, previous: old)
        #expect(try Self.texts(redline) == (try Self.texts(writer.write(new))))
        #expect(try Self.texts(redline, view: .rejected) == (try Self.texts(writer.write(old))))
        let xml = String(
            decoding: try PackageContents.read(bytes: redline, name: "redline.docx").parts["word/document.xml"]!, as: UTF8.self)
        func count(_ s: String) -> Int { xml.components(separatedBy: s).count - 1 }
        #expect(count("w:dirty=\"true\"") == 1, "one table of contents field")
        #expect(count("w:fldCharType=\"begin\"") == count("w:fldCharType=\"end\""))
    }

    @Test("The diff is a shortest edit script")
    func diff() {
        let ops = Redline.diff(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"])
        #expect(ops == [.equal(0, 0), .delete(1), .insert(1), .equal(2, 2), .equal(3, 3), .insert(4)])
        #expect(Redline.diff([], ["a"]) == [.insert(0)])
        #expect(Redline.diff(["a"], []) == [.delete(0)])
        let long = Redline.diff(["p", "q", "r", "s", "t"], ["q", "r", "u", "t", "v"])
        #expect(long.filter { if case .equal = $0 { true } else { false } }.count == 3)
    }
}
