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
        drafts: @Sendable (String) -> FeedbackDraft?, jobs: Int = 1
    ) -> [(name: String, bytes: [UInt8])] {
        var out: [(name: String, bytes: [UInt8])] = []
        let keys = annotatedDrafts(
            folder: path, plan: plan, annotator: annotator, previous: previous, draftKey: draftKey, drafts: drafts, jobs: jobs,
            emit: { out.append(($0, $1)) })
        if let keys { out.append((keysPath, keys)) }
        return out
    }

    /// The same, handing each annotated copy to `emit` in file-name order as soon as its batch
    /// is made (a build stages it at once): copies are made `jobs` at a time, so at most `jobs`
    /// drafts and their copies are in memory, however large the drafts. Returns the reuse keys
    /// (the contents of `keysPath`), nil when there are none.
    public static func annotatedDrafts(
        folder path: String, plan: MasterPlan, annotator: DraftAnnotator,
        previous: String? = nil, draftKey: (InputRecord) -> String? = { _ in nil },
        drafts: @Sendable (String) -> FeedbackDraft?, jobs: Int = 1,
        emit: (String, [UInt8]) throws -> Void
    ) rethrows -> [UInt8]? {
        let known = previous.map(loadKeys) ?? [:]
        let records = plan.inputs.sorted(by: { $0.file < $1.file }).filter { record in
            switch record.status {
            case .used, .superseded, .parallel, .unassigned: true
            case .rejected, .ignored: false
            }
        }
        let keys = records.map { record in draftKey(record) }
        let context = KeyContext(plan: plan, date: annotator.date)
        let workers = min(max(1, jobs), max(1, records.count))
        var written: [(String, String)] = []
        var start = 0
        while start < records.count {
            let base = start
            let count = min(workers, records.count - base)
            // Each copy is independent of the others: one batch made on `count` threads.
            var copies = [(bytes: [UInt8], key: String?)?](repeating: nil, count: count)
            copies.withUnsafeMutableBufferPointer { buffer in
                // Each thread writes its own slot only.
                let slots = Slots(buffer: buffer)
                DispatchQueue.concurrentPerform(iterations: count) { k in
                    let record = records[base + k]
                    slots.buffer[k] = copy(
                        record, key: keys[base + k].map { context.fullKey($0, record: record) }, folder: path,
                        plan: plan, annotator: annotator, previous: previous, known: known, drafts: drafts)
                }
            }
            for (k, copy) in copies.enumerated() {
                guard let copy else { continue }
                let record = records[base + k]
                try emit(folder + "/" + record.file, copy.bytes)
                if let key = copy.key { written.append((record.file, key)) }
            }
            start += count
        }
        return written.isEmpty ? nil : Array(written.map { "\($0.0)\t\($0.1)\n" }.joined().utf8)
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

    /// One draft's annotated copy: the previous build's when its key is the same, else made from
    /// what the build took of the draft; nil when it cannot be made.
    private static func copy(
        _ record: InputRecord, key: String?, folder path: String, plan: MasterPlan, annotator: DraftAnnotator,
        previous: String?, known: [String: String], drafts: @Sendable (String) -> FeedbackDraft?
    ) -> (bytes: [UInt8], key: String?)? {
        if let key, let previous, known[record.file] == key,
            let data = contents((previous as NSString).appendingPathComponent(folder + "/" + record.file))
        {
            return (data, key)
        }
        guard let taken = drafts(record.file) else { return nil }
        let file = (path as NSString).appendingPathComponent(record.file)
        guard let bytes = contents(file) else { return nil }
        if let sha = record.sha256, SHA256.hex(bytes) != sha { return nil }
        var draft = taken.header
        if draft.supersededBy == nil { draft.supersededBy = record.supersededBy }
        let comments = DraftFindings.comments(for: draft, basis: taken.basis, plan: plan)
        guard let annotated = try? annotator.annotate(bytes: bytes, name: record.file, comments: comments) else { return nil }
        return (annotated.bytes, key)
    }

    /// Where the reuse keys live, relative to the output folder (inside the build cache).
    public static let keysPath = ".cache/feedback-keys.tsv"

    /// The result slots of the copies, written by several threads at distinct indexes.
    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<(bytes: [UInt8], key: String?)?>
    }

    /// What every draft's full key shares, computed once per build: the conflicts by file and
    /// the catalog titles.
    struct KeyContext {
        let plan: MasterPlan
        let date: String?
        /// Indexes into `plan.conflicts` of the conflicts each file takes part in, in order.
        let conflictsByFile: [String: [Int]]
        /// Each conflict's JSON (sorted keys, compact), encoded once: a file's list is these
        /// joined as a JSON array.
        let conflictJSON: [String]
        let coverageText: String

        init(plan: MasterPlan, date: String?) {
            self.plan = plan
            self.date = date
            var byFile: [String: [Int]] = [:]
            for (i, conflict) in plan.conflicts.enumerated() {
                var files: [String] = []
                for value in conflict.values {
                    for source in value.sources where !files.contains(source.file) { files.append(source.file) }
                }
                for file in files { byFile[file, default: []].append(i) }
            }
            conflictsByFile = byFile
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            conflictJSON = plan.conflicts.map { String(decoding: (try? encoder.encode($0)) ?? Data(), as: UTF8.self) }
            coverageText = plan.coverage.map { "\($0.topicId)\t\($0.title)" }.joined(separator: "\n")
        }

        /// The draft's key with what else its comments depend on: its accounting, the conflicts
        /// it takes part in, the catalog titles they name, the comment date.
        func fullKey(_ draftKey: String, record: InputRecord) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var text = draftKey + "\n" + (date ?? "") + "\n"
            text += String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self) + "\n"
            // The JSON of the array of its conflicts, as the encoder writes it: `[a,b]`.
            text += "[" + (conflictsByFile[record.file] ?? []).map { conflictJSON[$0] }.joined(separator: ",") + "]\n"
            text += coverageText
            return SHA256.hex(Array(text.utf8))
        }
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

/// A draft's header and what its annotated copy needs of it (`FeedbackBasis`): how a build
/// hands a draft to the feedback step (the header as read, unresolved), and what the build
/// cache's index keeps of an unchanged draft (so neither pass 2 nor the feedback step reads it).
public struct FeedbackDraft: Sendable, Codable {
    public var header: DraftExtraction
    public var basis: FeedbackBasis

    public init(header: DraftExtraction, basis: FeedbackBasis) {
        self.header = header
        self.basis = basis
    }

    /// "feedback": the cache index's name for the basis (cache format 4).
    enum CodingKeys: String, CodingKey {
        case header
        case basis = "feedback"
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
