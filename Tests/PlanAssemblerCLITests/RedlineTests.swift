import DocumentModel
import PlanSupport
import Foundation
import OOXML
import Testing
import TestSupport

/// `master-plan-redline.docx`: the new consolidated DOCX with what changed since the previous
/// build as Word tracked changes. Accepting them all gives the new build's text, rejecting them
/// all the previous build's.
@Suite(.serialized) struct RedlineTests {
    static let redline = "master-plan-redline.docx"

    /// The non-empty paragraph texts of a DOCX in `view` (body, tables cell by cell).
    static func texts(_ path: URL, view: RevisionView = .accepted) throws -> [String] {
        try DocxReader(view: view).read(path: path.path).body.allParagraphs.map(\.text).filter { !$0.isEmpty }
    }

    @Test("A newer draft with one indicator changed and an edited statement: the redline's views are the new and the old build")
    func redlineViews() throws {
        let inputs = try BuildCommandTests.scratch("redline-in")
        let out = try BuildCommandTests.scratch("redline-out")
        for name in [ChangesTests.replacedName, ChangesTests.editedName, "17-卫生健康领域科技发展规划（修改稿）.docx"] {
            try ChangesTests.copy(name, to: inputs)
        }
        let redline = out.appendingPathComponent(Self.redline)

        // A first build has nothing to compare with; a rebuild of the same inputs nothing changed.
        let first = try CLI.run(["build", inputs.path, "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains(Self.redline))
        #expect(!FileManager.default.fileExists(atPath: redline.path), "a first build writes no redline")
        try ChangesTests.build(inputs, out)
        #expect(!FileManager.default.fileExists(atPath: redline.path), "nothing changed: no redline")
        let before = try BuildCommandTests.scratch("redline-before").appendingPathComponent("master-plan.docx")
        try FileManager.default.copyItem(at: out.appendingPathComponent("master-plan.docx"), to: before)

        // A statement of the service draft, as the plan quotes it, edited in the draft.
        let plan = try BuildCommandTests.plan(out)
        let document = try String(
            decoding: PackageContents.read(docx: inputs.appendingPathComponent(ChangesTests.editedName).path).parts["word/document.xml"]!,
            as: UTF8.self)
        var statement: String?
        func visit(_ node: [String: Any]) {
            for item in node["items"] as? [[String: Any]] ?? [] where statement == nil {
                let files = (item["sources"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
                if files == [ChangesTests.editedName], let text = item["text"] as? String, text.count > 30 {
                    let middle = String(text.dropFirst(10).prefix(8))
                    if document.components(separatedBy: middle).count == 2 { statement = middle }
                }
            }
            for child in node["children"] as? [[String: Any]] ?? [] { visit(child) }
        }
        for chapter in plan["chapters"] as? [[String: Any]] ?? [] { visit(chapter) }
        let fragment = try #require(statement)

        // Topic 10's draft replaced by a newer version with one indicator changed.
        let newer = try ChangesTests.edited(
            ChangesTests.replacedName,
            [
                "word/document.xml": [("新材料产业产值突破8000亿元", "新材料产业产值突破9000亿元")],
                "docProps/core.xml": [("2020-09-10T15:40:00Z", "2020-12-01T08:00:00Z")],
            ])
        try FileManager.default.removeItem(at: inputs.appendingPathComponent(ChangesTests.replacedName))
        try Data(newer).write(to: inputs.appendingPathComponent(ChangesTests.newerName))
        let edited = try ChangesTests.edited(ChangesTests.editedName, ["word/document.xml": [(fragment, "（已修订）" + fragment)]])
        try Data(edited).write(to: inputs.appendingPathComponent(ChangesTests.editedName))

        let changed = try CLI.run(["build", inputs.path, "--out", out.path])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("report.html, \(Self.redline) from"), "\(changed.stdout)")
        #expect(FileManager.default.fileExists(atPath: redline.path), "something changed: a redline")

        // Accepted: the new build's text; rejected: the previous build's.
        let accepted = try Self.texts(redline)
        let rejected = try Self.texts(redline, view: .rejected)
        let new = try Self.texts(out.appendingPathComponent("master-plan.docx"))
        let old = try Self.texts(before)
        #expect(accepted == new, "first difference: \(Self.firstDifference(accepted, new))")
        #expect(rejected == old, "first difference: \(Self.firstDifference(rejected, old))")
        #expect(accepted != rejected)

        // The changes are tracked, by 规划汇编: the indicator's old and new value, the edited statement.
        let xml = try String(
            decoding: PackageContents.read(docx: redline.path).parts["word/document.xml"]!, as: UTF8.self)
        #expect(xml.contains("w:author=\"规划汇编\""))
        #expect(!xml.contains("w:author=\"PlanAssembler\""))
        let deletedTexts = xml.components(separatedBy: "<w:delText").dropFirst().map { $0.components(separatedBy: "</w:delText>")[0] }
        let insertedRuns = xml.components(separatedBy: "<w:ins ").dropFirst().map { $0.components(separatedBy: "</w:ins>")[0] }
        #expect(deletedTexts.contains { $0.contains("8000") })
        #expect(insertedRuns.contains { $0.contains("9000") })
        #expect(insertedRuns.contains { $0.contains("（已修订）") })
        #expect(!deletedTexts.contains { $0.contains("（已修订）") })
        // Revisions are counted by the reader, and the file is the same on another build of the same change.
        let revisions = try DocxReader().read(path: redline.path).revisions
        #expect(revisions.insertions > 0 && revisions.deletions > 0, "\(revisions)")

        // Nothing changed since: the redline of the earlier change is removed.
        try ChangesTests.build(inputs, out)
        #expect(!FileManager.default.fileExists(atPath: redline.path))
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        for (index, (x, y)) in zip(a, b).enumerated() where x != y { return "#\(index): \(x.prefix(60)) ≠ \(y.prefix(60))" }
        return "counts \(a.count) vs \(b.count)"
    }
}
