import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanAssemblerCLI
import Testing
import TestSupport

/// The structure dump of real drafts (one per writer) against a reviewed golden file.
/// To refresh after a deliberate change: `make golden` (UPDATE_GOLDEN=1), then read the diff.
struct GoldenTreeTests {
    static let cases: [(draft: String, golden: String)] = [
        ("辽宁省科技发展总体战略研究及规划（送审稿）.docx", "t01-wordml.tree.txt"),
        ("draft-07.docx", "t07-nostyle.tree.txt"),
        ("高新区科技发展规划 修改稿.docx", "t03-libreoffice.tree.txt"),
        ("科技服务业发展规划（征求意见稿）.docx", "t26-pandoc.tree.txt"),
        ("辽宁省创新创业和成果转化“十四五”规划 修改稿.docx", "t27-wordml-revisions.tree.txt"),
    ]

    @Test("Structure dumps of real drafts match their golden files", arguments: cases.map { $0.draft })
    func golden(_ draft: String) throws {
        let golden = try #require(Self.cases.first { $0.draft == draft }?.golden)
        let input = CLI.projectRoot.appendingPathComponent("Inputs/\(draft)").path
        var document = try DocxReader().read(path: input, displayName: draft)
        document.file = draft
        let tree = DocumentRendering.tree(document)
        let goldenURL = CLI.projectRoot.appendingPathComponent("Tests/PlanAssemblerCLITests/Golden/\(golden)")
        let difference = try Golden.mismatch(tree, goldenFile: goldenURL.path)
        #expect(difference == nil, "\(difference ?? "")")
    }
}
