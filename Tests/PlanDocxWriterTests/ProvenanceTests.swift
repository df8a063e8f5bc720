import DocumentModel
import PlanSupport
import PlanModel
import Testing
@testable import PlanDocxWriter

/// Sources as comments (default), footnotes, or not at all.
struct ProvenanceTests {
    @Test("Footnotes carry the same source lines as the comments would, one footnote per item")
    func footnotes() throws {
        let comments = try WrittenPackage(SamplePlans.small, provenance: .comments).document.comments
        let written = try WrittenPackage(SamplePlans.small, provenance: .footnotes)
        #expect(written.document.comments.isEmpty)
        let notes = written.document.notes
        #expect(notes.count == comments.count)
        #expect(notes.allSatisfy { $0.kind == .footnote })
        // A footnote starts with its reference mark and a space.
        #expect(notes.map { String($0.text.drop { $0 == " " }) } == comments.map(\.text))
        let principle = try #require(written.paragraphs.first { $0.text.hasPrefix("坚持创新引领") })
        #expect(principle.noteReferences == [NoteReference(kind: .footnote, id: "1")])
        #expect(written.contents.parts["word/comments.xml"] == nil)
    }

    @Test("With provenance none there are neither comments nor footnotes")
    func none() throws {
        let written = try WrittenPackage(SamplePlans.small, provenance: .none)
        #expect(written.document.comments.isEmpty)
        #expect(written.document.notes.isEmpty)
        #expect(written.paragraphs.allSatisfy { $0.commentIds.isEmpty && $0.noteReferences.isEmpty })
        #expect(written.contents.parts.keys.filter { $0.contains("comments") || $0.contains("footnotes") }.isEmpty)
    }

    @Test("An item with several sources gets one line per source, in the plan's order")
    func severalSources() throws {
        let written = try WrittenPackage(SamplePlans.realistic)
        let comment = try #require(written.document.comments.first { $0.anchorText.hasPrefix("“十三五”以来") })
        #expect(
            comment.text.split(separator: "\n").map(String.init) == [
                "来源：专题1《辽宁省科技发展总体战略研究及规划（送审稿）》第15段（一、发展基础）",
                "来源：专题27《辽宁省创新创业和成果转化“十四五”规划 修改稿》第10段（一、发展基础）",
            ])
    }

    @Test(
        "Source lines name the topic, the file without extension and the place",
        arguments: [
            (
                ItemSource(file: "a/专题.docx", topic: "13", location: DraftLocation(paragraph: 26, headingPath: ["二、总体要求", "（三）发展目标"])),
                "来源：专题13《专题》第27段（二、总体要求 > （三）发展目标）"
            ),
            (
                ItemSource(
                    file: "S4 研究.docx", topic: "S4", location: DraftLocation(paragraph: nil, headingPath: [], path: "body/tbl[1]/tr[3]")),
                "来源：战略研究S4《S4 研究》第2个表格第4行"
            ),
            (ItemSource(file: "无名.docx", topic: nil, location: DraftLocation(paragraph: 0, headingPath: [])), "来源：未识别稿件《无名》第1段"),
        ])
    func sourceLine(_ source: ItemSource, _ expected: String) {
        #expect(ChineseText.sourceLines([source]) == [expected])
    }
}
