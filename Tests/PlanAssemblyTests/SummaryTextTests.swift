@testable import PlanAssembly
import Testing

/// The overview lines the assembly cuts from a draft's first paragraph.
struct SummaryTextTests {
    @Test("Summaries stop at the last full stop within the limit")
    func summaries() {
        #expect(SummaryText.summary("短句。", limit: 10) == "短句。")
        #expect(SummaryText.summary("第一句话说完了。第二句话很长很长很长很长", limit: 12) == "第一句话说完了。")
        #expect(SummaryText.summary("没有句号的一段很长很长的文字", limit: 6) == "没有句号的一……")
    }
}
