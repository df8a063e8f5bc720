import Foundation
import Testing
import TestSupport

/// Drafts of another plan period or another province in the drop folder: `build` accounts for
/// them with the reason, never merges them and never lets them replace a draft of this plan;
/// `check` tells the editor why. The drafts come from the frozen evaluation set (written by
/// other hands than the shipped drafts).
@Suite(.serialized) struct ScopeAccountingTests {
    static let frozen = CLI.projectRoot.appendingPathComponent("Tests/Evaluation/frozen/docs")

    @Test("An out-of-period and an out-of-region draft are unassigned with their reason, beside a used draft of the same topic")
    func buildAccounts() throws {
        let drop = try BuildCommandTests.scratch("scope-in")
        let out = try BuildCommandTests.scratch("scope-out")
        for name in ["f15-xincailiao-13th.docx", "f16-jilin-nongye.docx", "f03-nongye.docx"] {
            try FileManager.default.copyItem(at: Self.frozen.appendingPathComponent(name), to: drop.appendingPathComponent(name))
        }
        // The other province's agriculture plan is the newest file: it must still not replace the
        // agriculture draft of this plan.
        for name in ["f15-xincailiao-13th.docx", "f16-jilin-nongye.docx"] {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 2_000_000_000)], ofItemAtPath: drop.appendingPathComponent(name).path)
        }
        let run = try CLI.run(["build", drop.path, "--out", out.path, "--no-cache"])
        #expect(run.status == 0, "\(run.stderr)")
        let inputs = try BuildCommandTests.plan(out)["inputs"] as! [[String: Any]]
        let byFile = Dictionary(uniqueKeysWithValues: inputs.map { ($0["file"] as! String, $0) })
        #expect(byFile["f03-nongye.docx"]?["status"] as? String == "used")
        #expect(byFile["f15-xincailiao-13th.docx"]?["status"] as? String == "unassigned")
        #expect((byFile["f15-xincailiao-13th.docx"]?["reason"] as? String)?.contains("其他规划期") == true)
        #expect(byFile["f16-jilin-nongye.docx"]?["status"] as? String == "unassigned")
        #expect((byFile["f16-jilin-nongye.docx"]?["reason"] as? String)?.contains("外省") == true)
    }

    @Test("check tells the editor the draft lies outside the plan, not that its topic is unclear")
    func checkTells() throws {
        let run = try CLI.run(["check", Self.frozen.appendingPathComponent("f16-jilin-nongye.docx").path])
        #expect(run.stdout.contains("识别为：不属于本规划范围：外省（市）文稿"))
        #expect(!run.stdout.contains("未能确定专题"))
    }
}
