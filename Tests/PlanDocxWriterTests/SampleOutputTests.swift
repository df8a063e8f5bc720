import Foundation
import OOXML
import Testing
@testable import PlanDocxWriter

/// Writes the realistic sample for a person (and `scripts/check-docx.sh`, `scripts/preview-docx.sh`)
/// to look at: `PLAN_DOCX_SAMPLE=/tmp/sample-master-plan.docx swift test --filter SampleOutputTests`.
struct SampleOutputTests {
    static let target: String? = getenv("PLAN_DOCX_SAMPLE").map { String(cString: $0) }

    @Test("The realistic sample is written where PLAN_DOCX_SAMPLE says, in each provenance mode")
    func writeSample() throws {
        let reference = try SamplePlans.reference()
        let bytes = try DocxPlanWriter(reference: reference).write(SamplePlans.realistic)
        #expect(bytes.count > 1000)
        guard let target = Self.target, !target.isEmpty else { return }
        try AtomicFile.write(bytes, to: target)
        let footnotes = try DocxPlanWriter(reference: reference, provenance: .footnotes).write(SamplePlans.realistic)
        try AtomicFile.write(footnotes, to: target.replacingOccurrences(of: ".docx", with: "-footnotes.docx"))
    }
}
