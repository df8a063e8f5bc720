import DocumentModel
import PlanSupport
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
    ///
    /// `draftKey` names what the draft's extraction depends on (its bytes, the tool, the
    /// templates: the build cache's key), nil without a cache. With it, a copy the previous
    /// build wrote into `previous` (the output folder) for the same key, the same conflicts and
    /// the same accounting is taken again instead of reading the draft: a rebuild stays cheap.
    /// The keys are returned as the entry `keysPath` (`.cache/feedback-keys.tsv`): cache state, kept
    /// with the cache, so a build without a cache writes the same outputs as one with it.
    public static func annotatedDrafts(
        folder path: String, plan: MasterPlan, annotator: DraftAnnotator,
        previous: String? = nil, draftKey: (InputRecord) -> String? = { _ in nil },
        extract: (Document, String) -> DraftExtraction
    ) -> [(name: String, bytes: [UInt8])] {
        var out: [(name: String, bytes: [UInt8])] = []
        let keys = annotatedDrafts(
            folder: path, plan: plan, annotator: annotator, previous: previous, draftKey: draftKey, extract: extract,
            emit: { out.append(($0, $1)) })
        if let keys { out.append((keysPath, keys)) }
        return out
    }

    /// The same, handing each annotated copy to `emit` as soon as it is made (a build stages it
    /// at once: only one draft's bytes and its copy are in memory, however large the drafts).
    /// Returns the reuse keys (the contents of `keysPath`), nil when there are none.
    public static func annotatedDrafts(
        folder path: String, plan: MasterPlan, annotator: DraftAnnotator,
        previous: String? = nil, draftKey: (InputRecord) -> String? = { _ in nil },
        extract: (Document, String) -> DraftExtraction, emit: (String, [UInt8]) throws -> Void
    ) rethrows -> [UInt8]? {
        let known = previous.map(loadKeys) ?? [:]
        var keys: [(String, String)] = []
        for record in plan.inputs.sorted(by: { $0.file < $1.file }) {
            switch record.status {
            case .used, .superseded, .parallel, .unassigned: break
            case .rejected, .ignored: continue
            }
            let key = draftKey(record).map { fullKey($0, record: record, plan: plan, date: annotator.date) }
            if let key, let previous, known[record.file] == key,
               let data = contents((previous as NSString).appendingPathComponent(folder + "/" + record.file)) {
                try emit(folder + "/" + record.file, data)
                keys.append((record.file, key))
                continue
            }
            let file = (path as NSString).appendingPathComponent(record.file)
            guard let bytes = contents(file) else { continue }
            // The document (and the reader's copy of the bytes) is gone before the copy is made:
            // at most two copies of a draft in memory, however large its media.
            let comments: [FeedbackComment]
            do {
                guard let document = try? DocxReader().read(bytes: bytes, name: record.file) else { continue }
                var draft = extract(document, record.file)
                if draft.supersededBy == nil { draft.supersededBy = record.supersededBy }
                comments = DraftFindings.comments(for: draft, document: document, plan: plan)
            }
            guard let annotated = try? annotator.annotate(bytes: bytes, name: record.file, comments: comments) else { continue }
            try emit(folder + "/" + record.file, annotated.bytes)
            if let key { keys.append((record.file, key)) }
        }
        return keys.isEmpty ? nil : Array(keys.map { "\($0.0)\t\($0.1)\n" }.joined().utf8)
    }

    /// The bytes of the regular file at `path`, read straight into one array (nil when it
    /// cannot be read).
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { break }
                count += n
            }
        }
        return failed ? nil : bytes
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
