import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanModel

/// An editor's draft with the office's findings as Word comments (`Output/feedback/`).
public enum DraftFeedback {
    /// The annotated copy of the draft at `path` (bytes as read from disk), given its
    /// extraction and, in a build, the master plan (conflicts, what became of the draft).
    public static func annotate(
        bytes: [UInt8], name: String, draft: DraftExtraction, plan: MasterPlan?, annotator: DraftAnnotator
    ) throws -> (bytes: [UInt8], placed: [DraftAnnotator.Placed]) {
        let document: Document
        do { document = try DocxReader().read(bytes: bytes, name: name) } catch { throw DraftAnnotator.Failure("\(error)") }
        let comments = DraftFindings.comments(for: draft, document: document, plan: plan)
        return try annotator.annotate(bytes: bytes, name: name, comments: comments)
    }

    /// The comment date for reproducible output: `SOURCE_DATE_EPOCH` as ISO 8601, else none.
    public static func dateFromEnvironment() -> String? {
        guard let raw = getenv("SOURCE_DATE_EPOCH"), let seconds = Int64(String(cString: raw)) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
