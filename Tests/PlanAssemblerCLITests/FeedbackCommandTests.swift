import DocumentModel
import PlanSupport
import Foundation
import OOXML
import Testing
import TestSupport

/// `build` writes feedback/<draft>.docx; `annotate FILE... --out DIR` does the same for chosen files.
@Suite(.serialized) struct FeedbackCommandTests {
    static let conflicting = ["S4 科技投入与绩效评价问题研究.docx", "辽宁省科技发展总体战略研究及规划（送审稿）.docx", "draft-07.docx"]

    static func ours(_ path: String) throws -> (Document, [DocumentModel.Comment]) {
        let document = try DocxReader().read(path: path)
        return (document, document.comments.filter { $0.author == "规划汇编" })
    }

    static func anchored(_ comment: DocumentModel.Comment, _ document: Document) -> [String] {
        comment.anchorParagraphs.compactMap { i in document.body.allParagraphs.first { $0.location.paragraphIndex == i }?.text }
    }

    @Test("build annotates every draft it read: how it was taken, and conflicts with other drafts where the value stands")
    func buildWritesFeedback() throws {
        let inputs = try BuildCommandTests.scratch("feedback-in")
        let out = try BuildCommandTests.scratch("feedback-out")
        for name in Self.conflicting { try ChangesTests.copy(name, to: inputs) }
        let run = try CLI.run(["build", inputs.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("feedback").path)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(written == Self.conflicting.sorted())

        let (document, comments) = try Self.ours(out.appendingPathComponent("feedback/" + Self.conflicting[1]).path)
        let summary = try #require(comments.first { $0.text.hasPrefix("【汇编情况】") })
        #expect(summary.text.contains("专题1") && summary.text.contains("送审稿") && summary.text.contains("已汇入规划纲要"))
        #expect(Self.anchored(summary, document).first?.contains("规划") == true)
        let conflicts = comments.filter { $0.text.hasPrefix("【指标冲突】") && $0.text.contains("研发经费投入强度") }
        #expect(!conflicts.isEmpty)
        for comment in conflicts {
            #expect(comment.text.contains("2.5%") && comment.text.contains("2.3%") && comment.text.contains("S4"))
            // On the goal paragraph or the table row that states it.
            #expect(Self.anchored(comment, document).contains { $0.contains("2.5") }, "\(Self.anchored(comment, document))")
        }

        // The original's text, unchanged.
        let original = try DocxReader().read(path: inputs.appendingPathComponent(Self.conflicting[1]).path)
        #expect(original.body.allParagraphs.map(\.text) == document.body.allParagraphs.map(\.text))

        // A rebuild reuses the copies (nothing changed): the same bytes as a build without cache.
        func copies(_ dir: URL) throws -> [String: Data] {
            var all: [String: Data] = [:]
            for name in Self.conflicting {
                all[name] = try Data(contentsOf: dir.appendingPathComponent("feedback/" + name))
            }
            return all
        }
        let before = try copies(out)
        #expect(try CLI.run(["build", inputs.path, "--out", out.path, "--quiet"]).status == 0)
        #expect(try copies(out) == before)
        let cold = try BuildCommandTests.scratch("feedback-cold")
        #expect(try CLI.run(["build", inputs.path, "--out", cold.path, "--quiet", "--no-cache"]).status == 0)
        #expect(try copies(cold) == before)

        // A draft removed from the folder: its annotated copy goes too.
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("draft-07.docx"))
        #expect(try CLI.run(["build", inputs.path, "--out", out.path, "--quiet"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("feedback/draft-07.docx").path))
    }

    @Test("annotate writes the chosen files' copies into --out, and names the files it cannot read")
    func annotateCommand() throws {
        let out = try BuildCommandTests.scratch("annotate-out")
        let broken = try BuildCommandTests.scratch("annotate-broken").appendingPathComponent("broken.docx")
        try Data("not a zip".utf8).write(to: broken)
        let files = [BuildCommandTests.inputs.appendingPathComponent("draft-07.docx").path, broken.path]
        let run = try CLI.run(["annotate", "--out", out.path] + files)
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.docx"))
        let (document, comments) = try Self.ours(out.appendingPathComponent("draft-07.docx").path)
        #expect(comments.contains { $0.text.hasPrefix("【汇编情况】") })
        #expect(comments.allSatisfy { !Self.anchored($0, document).isEmpty || !$0.anchorParagraphs.isEmpty })
    }
}
