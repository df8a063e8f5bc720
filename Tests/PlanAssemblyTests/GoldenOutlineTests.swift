import Foundation
import PlanAssembly
import PlanModel
import Testing
import TestSupport

/// The merged outline of a small set of drafts, rendered as indented text, against a reviewed
/// golden file. `make golden` (UPDATE_GOLDEN=1) rewrites it (review the diff).
struct GoldenOutlineTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/outline-1-3-19-S4.txt").path

    /// 总体规划 (1), 高新区 (3, with 重点工程), 资源环境 (19, no safeguards), 科技投入 (S4, a conflict with 1).
    static let plan = AssemblyFixture.assemble(AssemblyFixture.drafts(topics: ["1", "3", "19", "S4"]))

    @Test("The outline of drafts 1, 3, 19 and S4 matches the reviewed golden text")
    func goldenOutline() throws {
        let text = MasterPlanOutlineText.render(Self.plan)
        let difference = try Golden.mismatch(text, goldenFile: Self.golden)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test("The small set keeps the other 31 catalog entries as headings marked missing")
    func smallSetGaps() {
        let plan = Self.plan
        #expect(plan.coverage.filter { $0.status == .present }.map(\.topicId) == ["1", "3", "19", "S4"])
        func missing(_ n: PlanNode) -> Int { (n.missing == nil ? 0 : 1) + n.children.map(missing).reduce(0, +) }
        #expect(plan.chapters.map(missing).reduce(0, +) == 31)
        #expect(plan.conflicts.map(\.key) == ["研发经费投入强度"])
    }
}
