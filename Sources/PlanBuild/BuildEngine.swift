import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanAssembly
import PlanDocxWriter
import PlanExtraction
import PlanFeedback
import PlanModel
import PlanReport
import PlanTemplates

/// Why a build wrote nothing. The commands render it (`description`) and map it to an exit
/// status in one place; nothing here prints.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    /// The drop folder cannot be listed.
    case dropFolder(path: String, reason: String)
    /// The master outline template is invalid.
    case masterOutline(reason: String)
    /// The reference document cannot be used.
    case referenceDocument(reason: String)
    /// The output folder cannot be prepared (staging).
    case outputFolder(path: String, reason: String)
    /// A draft's JSON cannot be written.
    case draftJSON(path: String, reason: String)
    /// An output cannot be rendered.
    case render(reason: String)
    /// The staged outputs cannot be moved into place.
    case commit(path: String, reason: String)
    /// The output folder is the drop folder or inside it: the outputs would be read as drafts.
    case outputInsideDropFolder(out: String, inputs: String)
    /// Another build holds the output folder's lock and did not release it in time.
    case outputLocked(path: String, seconds: Double)
    /// `--strict`: drafts were rejected or their topic not identified.
    case strict(rejected: [InputRecord], unassigned: [InputRecord])

    /// What kind of failure it is, for the exit status.
    public enum Kind: Sendable {
        case input, output, template
    }

    public var kind: Kind {
        switch self {
        case .dropFolder, .strict, .outputInsideDropFolder: .input
        case .masterOutline, .referenceDocument: .template
        case .outputFolder, .draftJSON, .render, .commit, .outputLocked: .output
        }
    }

    /// The message, one `error: …` line per problem (no final newline).
    public var description: String {
        let e = MessageText.escaped
        return switch self {
        case .dropFolder(let path, let reason): "error: \(e(path)): cannot list the drop folder: \(e(reason))"
        case .masterOutline(let reason): "error: template: \(reason)"
        case .referenceDocument(let reason): "error: reference document: \(reason)"
        case .outputFolder(let path, let reason): "error: \(e(path)): \(e(reason))"
        case .draftJSON(let path, let reason): "error: \(e(path)): cannot write a draft's JSON: \(e(reason))"
        case .render(let reason): "error: cannot render the outputs: \(e(reason))"
        case .commit(let path, let reason): "error: \(e(path)): \(e(reason))"
        case .outputLocked(let path, let seconds):
            "error: \(e(path)): 另一个构建正在写入此输出文件夹，等待 \(Int(seconds)) 秒后仍未结束"
        case .outputInsideDropFolder(let out, let inputs):
            "error: \(e(out)): 输出文件夹不能是草稿文件夹 \(e(inputs)) 本身或其中的子文件夹（输出会被当作草稿读取），请用 --out 指定其他文件夹"
        case .strict(let rejected, let unassigned):
            (rejected.map { "error: \(e($0.file)): \(e($0.reason ?? ""))" }
                + unassigned.map { "error: \(e($0.file)): \(e($0.reason ?? "topic not identified"))" }
                + ["error: --strict: drafts were rejected or not identified; nothing written"]).joined(separator: "\n")
        }
    }

    /// The lines of `description`.
    public var lines: [String] { description.components(separatedBy: "\n") }
}

/// Everything a build needs besides the drop folder, loaded once (`build`, and `watch` for
/// each of its rebuilds): builds a folder into an output folder, atomically.
public struct BuildEngine: Sendable {
    public let templates: TemplateSet
    public let outline: MasterOutline
    public let reference: ReferenceDocument
    public var provenance: Provenance
    public var out: String
    public var jobs: Int
    /// Any rejected or unassigned draft fails the build, and nothing is written.
    public var strict: Bool
    public var useCache: Bool
    public var keepInMemory = 500
    /// How long a build waits for another build of the same output folder to finish.
    public var lockTimeout: Double = 600
    /// The master plan to list changes against (`--since`); nil: the previous build's in `out`.
    public var since: String?
    /// Only for tests: the cache to use instead of `<out>/.cache`.
    public var cacheOverride: (@Sendable (String, TemplateSet) -> any BuildCache)?

    /// The consolidated DOCX with the changes since the previous build as tracked changes.
    public static let redlineFile = "master-plan-redline.docx"

    /// Loads the master outline and the reference document (`referenceDoc`, else the templates').
    public init(
        templates: TemplateSet, referenceDoc: String? = nil, provenance: Provenance = .comments, out: String,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, strict: Bool = false, useCache: Bool = true
    ) throws(BuildError) {
        do {
            outline = try templates.masterOutline()
        } catch {
            throw .masterOutline(reason: "\(error)")
        }
        do {
            reference = try referenceDoc.map { try ReferenceDocument.load(docx: $0) } ?? Self.referenceDocument(templates.source)
        } catch {
            throw .referenceDocument(reason: "\(error)")
        }
        self.templates = templates
        self.provenance = provenance
        self.out = out
        self.jobs = max(1, jobs)
        self.strict = strict
        self.useCache = useCache
    }

    /// The reference document of a template source: its `reference-docx/` folder, from the
    /// folder when it has one, else built in.
    public static func referenceDocument(_ source: TemplateSource) throws(ReferenceDocumentError) -> ReferenceDocument {
        switch source.origin(of: "reference-docx/") {
        case .folder(let folder):
            return try ReferenceDocument.load(directory: (folder as NSString).appendingPathComponent("reference-docx"))
        case .builtIn:
            return try ReferenceDocument.load(
                files: source.files(under: "reference-docx")?.files ?? [:], origin: TemplateSource.builtInLabel + "/reference-docx")
        case nil:
            throw .unreadable(origin: source.label(of: "reference-docx"), reason: "目录不存在")
        }
    }

    /// Lists the drop folder at `path` and builds it.
    public func perform(inputs path: String, progress: (any BuildProgress)? = nil) async throws(BuildError) -> BuildSummary {
        let folder: DropFolder
        do {
            folder = try DropFolder(path: path)
        } catch {
            throw .dropFolder(path: path, reason: MessageText.describe(error))
        }
        return try await perform(folder, progress: progress)
    }

    /// Builds `folder` into `out`: nothing is replaced unless everything was rendered.
    public func perform(_ folder: DropFolder, progress: (any BuildProgress)? = nil) async throws(BuildError) -> BuildSummary {
        let started = Date()
        if Self.isSameOrInside(out, folder.path) { throw .outputInsideDropFolder(out: out, inputs: folder.path) }
        // One build at a time per output folder: a second one waits (the lock goes with the
        // process, so a crashed build never leaves it held).
        let lock: OutputLock
        do {
            lock = try OutputLock(folder: out, timeout: lockTimeout)
        } catch {
            switch error {
            case .timedOut: throw .outputLocked(path: out, seconds: lockTimeout)
            case .cannotOpen(let reason): throw .outputFolder(path: out, reason: reason)
            }
        }
        defer { lock.release() }
        let staging: OutputStaging
        do {
            staging = try OutputStaging(path: out)
        } catch {
            throw .outputFolder(path: out, reason: MessageText.describe(error))
        }
        defer { staging.discard() }
        var build = DraftBuild(templates: templates, outline: outline)
        if useCache {
            build.cache = cacheOverride?(out, templates) ?? DraftCache(outputFolder: out, templates: templates)
        }
        build.keepInMemory = keepInMemory
        build.jobs = jobs
        let result: DraftBuild.Result
        do {
            result = try await build.run(folder, staging: staging, progress: progress)
        } catch {
            throw .draftJSON(path: out, reason: MessageText.describe(error))
        }
        let plan = result.plan

        let rejected = plan.inputs.filter { $0.status == .rejected }
        let unassigned = plan.inputs.filter { $0.status == .unassigned }
        if strict, !rejected.isEmpty || !unassigned.isEmpty {
            throw .strict(rejected: rejected, unassigned: unassigned)
        }

        // The annotated copies are staged one by one as they are made (never all in memory).
        var feedback: [String] = []
        var feedbackKeys: [UInt8]?
        let previous = PlanComparison.previousPlan(since ?? (out as NSString).appendingPathComponent("master-plan.json"))
        let changes = PlanComparison.compare(previous: previous, current: plan)
        // The report and the DOCX list changes only when there are some: a first build and a
        // rebuild of the same inputs write the same bytes there (changes.json tells them apart).
        let shown = changes.compared && !changes.isEmpty ? changes : nil
        do {
            try staging.write("master-plan.json", ProductJSON.encode(plan))
            try staging.write("changes.json", ProductJSON.encode(changes))
            try staging.write("report.html", Array(HTMLReport.render(plan, changes: shown).utf8))
            let writer = DocxPlanWriter(reference: reference, provenance: provenance, changes: shown)
            try staging.write("master-plan.docx", writer.write(plan))
            // The redline against the previous plan, only when something changed.
            if shown != nil, let previous { try staging.write(Self.redlineFile, writer.writeRedline(plan, previous: previous)) }
            // The 纲要 edition, when the master outline names one.
            if let edition = outline.outlineEdition, let short = PlanEditions.outline(plan, outline: outline) {
                try staging.write(
                    edition.file, DocxPlanWriter(reference: reference, provenance: provenance, mainIndicatorsOnly: true).write(short))
            }
            // Each editor's own draft back with the findings as Word comments, from what pass 1
            // took of each draft (no draft is parsed or extracted again).
            let cache = build.cache
            feedbackKeys = try BuildFeedback.annotatedDrafts(
                folder: folder.path, plan: plan, annotator: DraftAnnotator(date: DraftFeedback.dateFromEnvironment()),
                previous: out, draftKey: { record in record.sha256.flatMap { sha in cache?.key(file: record.file, sha256: sha) } },
                drafts: { result.feedback[$0] }, jobs: jobs,
                emit: { name, bytes in
                    try staging.write(name, bytes)
                    feedback.append(name)
                })
        } catch {
            throw .render(reason: MessageText.describe(error))
        }
        do {
            try staging.commit(staleUnder: "drafts")
            // A redline of an earlier build's changes no longer describes this one.
            if shown == nil { try? FileManager.default.removeItem(atPath: (out as NSString).appendingPathComponent(Self.redlineFile)) }
            BuildFeedback.removeStale(in: out, keeping: Set(feedback))
            // The annotated copies' reuse keys are cache state: beside the cache, after the outputs.
            if let keys = feedbackKeys {
                try? AtomicFile.write(keys, to: (out as NSString).appendingPathComponent(BuildFeedback.keysPath))
            }
        } catch let error as OutputStaging.CommitError {
            throw .commit(path: error.path, reason: "无法替换输出文件：\(error.reason)（其余输出保持原样）")
        } catch {
            throw .commit(path: out, reason: MessageText.describe(error))
        }
        return BuildSummary(
            plan: plan, out: out, extracted: result.extracted, cached: result.cached, seconds: Date().timeIntervalSince(started),
            redline: shown == nil ? nil : Self.redlineFile)
    }
}

/// The advisory lock of an output folder: flock(2) on the folder itself (no lock file among
/// the outputs), held for the whole build. The kernel releases it when the process ends,
/// however it ends.
public final class OutputLock: @unchecked Sendable {
    public enum Failure: Error {
        case timedOut
        case cannotOpen(String)
    }

    private var fd: Int32

    /// Takes the lock of `folder` (created if needed), waiting up to `timeout` seconds.
    public init(folder: String, timeout: Double) throws(Failure) {
        if let (at, code) = Self.makeDirectories(folder) {
            throw .cannotOpen("cannot create the output folder: \(MessageText.escaped(at)): \(String(cString: strerror(code)))")
        }
        fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                fd = -1
                throw .timedOut
            }
            usleep(50_000)
        }
    }

    /// mkdir -p with the system's reason: nil when `path` is a folder, else the path that could
    /// not be made and errno.
    public static func makeDirectories(_ path: String) -> (String, Int32)? {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 {
                let code = errno
                var info = stat()
                guard code == EEXIST else { return (prefix, code) }
                guard stat(prefix, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return (prefix, ENOTDIR) }
            }
        }
        return nil
    }

    public func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

extension BuildEngine {
    /// Whether `path` (which may not exist yet) is `folder` or inside it, symbolic links and
    /// `..` resolved.
    public static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        guard let base = canonical(folder) else { return false }
        guard let target = canonical(path) else { return false }
        return target == base || target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// The real path of `path`, or of its nearest existing ancestor followed by the rest.
    static func canonical(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var head = absolute
        var rest: [String] = []
        while true {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                var result = String(cString: resolved)
                for component in rest.reversed() where !component.isEmpty && component != "." {
                    if component == ".." {
                        result = (result as NSString).deletingLastPathComponent
                    } else {
                        result = (result == "/" ? "" : result) + "/" + component
                    }
                }
                return result
            }
            guard head != "/", !head.isEmpty else { return nil }
            rest.append((head as NSString).lastPathComponent)
            head = (head as NSString).deletingLastPathComponent
            if head.isEmpty { head = "/" }
        }
    }
}

/// What a build did: the plan, and the counts the commands print.
public struct BuildSummary: Sendable {
    public var plan: MasterPlan
    public var out: String
    /// Drafts read and extracted, and drafts taken from the cache.
    public var extracted: Int
    public var cached: Int
    public var seconds: Double
    /// The redline written (`master-plan-redline.docx`): nil on a first build and when nothing changed.
    public var redline: String? = nil

    public var rejected: [InputRecord] { plan.inputs.filter { $0.status == .rejected } }

    /// How many inputs have each status.
    public func count(_ status: InputRecord.Status) -> Int { plan.inputs.filter { $0.status == status }.count }

    /// Catalog entries with a draft.
    public var present: Int { plan.coverage.filter { $0.status == .present }.count }

    /// "used 3, superseded 0, unassigned 0, rejected 1, ignored 1"; "parallel N" after
    /// superseded when parallel versions were set aside.
    public var statusCounts: String {
        let parallel = count(.parallel)
        return "used \(count(.used)), superseded \(count(.superseded)), "
            + (parallel > 0 ? "parallel \(parallel), " : "")
            + "unassigned \(count(.unassigned)), rejected \(count(.rejected)), ignored \(count(.ignored))"
    }

    /// "coverage 3/35, conflicts 0"
    public var coverageText: String { "coverage \(present)/\(plan.coverage.count), conflicts \(plan.conflicts.count)" }

    /// "read 0, cached 3"
    public var cacheText: String { "read \(extracted), cached \(cached)" }
}
