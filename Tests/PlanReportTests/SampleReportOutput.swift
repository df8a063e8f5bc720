import Foundation
import PlanModel
import PlanReport
import Testing

/// Writes the sample plan's report (and the plan as JSON) for a screenshot, when
/// `PLAN_REPORT_SAMPLE_DIR` names a folder: `scripts/report-screenshot.sh --sample` runs it.
@Suite struct SampleReportOutput {
    static let directory: String? = getenv("PLAN_REPORT_SAMPLE_DIR").map { String(cString: $0) }

    @Test(.enabled(if: directory != nil))
    func theSampleReportIsWrittenForAScreenshot() throws {
        let dir = URL(fileURLWithPath: try #require(Self.directory))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let plan = try SamplePlan.make()
        try Data(HTMLReport.render(plan).utf8).write(to: dir.appendingPathComponent("report.html"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(plan).write(to: dir.appendingPathComponent("master-plan.json"))
    }
}
