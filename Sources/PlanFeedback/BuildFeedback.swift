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

    /// `drafts` gives, per file, what the build took of the draft when it read it (its header
    /// and `FeedbackBasis`): nothing is parsed or extracted again. The annotated copy is the
    /// editor's file itself, so its bytes are loaded once more — and must be the bytes the build
    /// read (the SHA-256 its record carries), else the copy is skipped: its comments would
    /// describe another file. Drafts that cannot be read or annotated are skipped (the report
    /// already names them). In file-name order.
    ///
    /// `draftKey` names what the draft's extraction depends on (its bytes, the tool, the
    /// templates: the build cache's key), nil without a cache. With it, a copy the previous
    /// build wrote into `previous` (the output folder) for the same key, the same conflicts and
    /// the same accounting is taken again instead of annotating the draft: a rebuild stays cheap.
    /// The keys are returned as the entry `keysPath` (`.cache/feedback-keys.tsv`): cache state, kept
    /// with the cache, so a build without a cache writes the same outputs as one with it.
    public static func annotatedDrafts(
        folder path: String, plan: MasterPlan, annotator: DraftAnnotator,
        previous: String? = nil, draftKey: (InputRecord) -> String? = { _ in nil },
        drafts: (String) -> FeedbackDraft?
    ) -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        let known = previous.map(loadKeys) ?? [:]
        var keys: [(String, String)] = []
        for record in plan.inputs.sorted(by: { $0.file < $1.file }) {
            switch record.status {
            case .used, .superseded, .unassigned: break
            case .rejected, .ignored: continue
            }
            let key = draftKey(record).map { fullKey($0, record: record, plan: plan, date: annotator.date) }
            if let key, let previous, known[record.file] == key,
               let data = FileManager.default.contents(atPath: (previous as NSString).appendingPathComponent(folder + "/" + record.file)) {
                out.append((folder + "/" + record.file, Array(data)))
                keys.append((record.file, key))
                continue
            }
            guard let taken = drafts(record.file) else { continue }
            let file = (path as NSString).appendingPathComponent(record.file)
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let bytes = Array(data)
            if let sha = record.sha256, SHA256.hex(bytes) != sha { continue }
            var draft = taken.header
            if draft.supersededBy == nil { draft.supersededBy = record.supersededBy }
            let comments = DraftFindings.comments(for: draft, basis: taken.basis, plan: plan)
            guard let annotated = try? annotator.annotate(bytes: bytes, name: record.file, comments: comments) else { continue }
            out.append((folder + "/" + record.file, annotated.bytes))
            if let key { keys.append((record.file, key)) }
        }
        if !keys.isEmpty {
            out.append((keysPath, Array(keys.map { "\($0.0)\t\($0.1)\n" }.joined().utf8)))
        }
        return out
    }

    /// Where the reuse keys live, relative to the output folder (inside the build cache).
    public static let keysPath = ".cache/feedback-keys.tsv"

    /// The draft's key with what else its comments depend on: its accounting, the conflicts it
    /// takes part in, the catalog titles they name, the comment date.
    static func fullKey(_ draftKey: String, record: InputRecord, plan: MasterPlan, date: String?) -> String {
        let conflicts = plan.conflicts.filter { $0.values.contains { $0.sources.contains { $0.file == record.file } } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var text = draftKey + "\n" + (date ?? "") + "\n"
        text += String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self) + "\n"
        text += String(decoding: (try? encoder.encode(conflicts)) ?? Data(), as: UTF8.self) + "\n"
        text += plan.coverage.map { "\($0.topicId)\t\($0.title)" }.joined(separator: "\n")
        return SHA256.hex(Array(text.utf8))
    }

    static func loadKeys(_ outputFolder: String) -> [String: String] {
        let path = (outputFolder as NSString).appendingPathComponent(keysPath)
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var keys: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count == 2 { keys[String(fields[0])] = String(fields[1]) }
        }
        return keys
    }
}

/// A draft as a build hands it to the feedback step: its header as read (unresolved: no
/// supersession) and what its annotated copy needs of it.
public struct FeedbackDraft: Sendable {
    public var header: DraftExtraction
    public var basis: FeedbackBasis

    public init(header: DraftExtraction, basis: FeedbackBasis) {
        self.header = header
        self.basis = basis
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
