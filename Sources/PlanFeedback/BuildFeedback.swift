import DocumentModel
import Foundation
import OOXML
import PlanModel

/// What a build writes into `feedback/`: for every draft of the drop folder that was read
/// (used, superseded or not assigned to a topic), the editor's file with the findings as
/// comments, under its own name.
public enum BuildFeedback {
    /// The folder of the outputs the annotated drafts go to.
    public static let folder = "feedback"

    /// `extract` reads a draft as the build did (the same templates). Drafts that cannot be
    /// read or annotated are skipped (the report already names them). In file-name order.
    public static func annotatedDrafts(
        folder path: String, plan: MasterPlan, annotator: DraftAnnotator,
        extract: (Document, String) -> DraftExtraction
    ) -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        for record in plan.inputs.sorted(by: { $0.file < $1.file }) {
            switch record.status {
            case .used, .superseded, .unassigned: break
            case .rejected, .ignored: continue
            }
            let file = (path as NSString).appendingPathComponent(record.file)
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let bytes = Array(data)
            guard let document = try? DocxReader().read(bytes: bytes, name: record.file) else { continue }
            var draft = extract(document, record.file)
            if draft.supersededBy == nil { draft.supersededBy = record.supersededBy }
            let comments = DraftFindings.comments(for: draft, document: document, plan: plan)
            guard let annotated = try? annotator.annotate(bytes: bytes, name: record.file, comments: comments) else { continue }
            out.append((folder + "/" + record.file, annotated.bytes))
        }
        return out
    }
}

extension BuildFeedback {
    /// Removes from `out/feedback` the annotated copies this build did not write (`written`:
    /// names as `annotatedDrafts` gives them, "feedback/<file>").
    public static func removeStale(in out: String, keeping written: Set<String>) {
        let files = Set(written.map { ($0 as NSString).lastPathComponent })
        let directory = (out as NSString).appendingPathComponent(folder)
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where !files.contains(name) && !name.hasPrefix(".") {
            try? fm.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }
}
