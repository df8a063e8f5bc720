import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanAssembly
import PlanExtraction
import PlanFeedback
import PlanModel
import PlanTemplates

/// One build of a drop folder into a master plan: read and extract every draft (in parallel,
/// from the cache when unchanged), resolve superseded drafts, write each draft's JSON, account
/// for every input, assemble the master plan.
///
/// Each file is read at most once per build: its bytes are hashed for the cache key and, on a
/// miss, parsed from the same copy. A draft whose cache entry turns out missing or damaged in
/// the second pass is read again to repair it; when that fails the draft is rejected with the
/// reason, never merged empty.
///
/// Memory stays bounded by the number of topics, not of drafts: a draft's document model is
/// dropped as soon as its items are extracted; past `keepInMemory` drafts, extractions are not
/// kept either but re-read from the cache when their JSON is written; and only the drafts that
/// are merged (current, identified) are kept whole for the assembly — the others are kept as
/// headers (`DraftExtraction.header`). With each header goes the draft's `FeedbackBasis` (its
/// findings as anchored comments, its title's place), taken in pass 1 while the document is at
/// hand and kept in the cache index: the feedback step annotates every draft from it without
/// parsing or extracting any draft again.
public struct DraftBuild: Sendable {
    public let templates: TemplateSet
    public let outline: MasterOutline
    public var cache: (any BuildCache)?
    /// Up to this many drafts, extractions stay in memory between the two passes.
    public var keepInMemory = 500
    /// Drafts read in parallel.
    public var jobs = 1
    /// Bytes of draft files read at once (each is held in memory whole while it is read and
    /// parsed): drafts are read `jobs` at a time as long as their files total at most this, and
    /// a larger draft is read alone. Memory then follows this budget, not `jobs` × draft size.
    public var memoryBudget: Int64 = 1 << 30
    public var datePolicy: PlanDatePolicy = .fromEnvironment()

    public init(templates: TemplateSet, outline: MasterOutline, cache: (any BuildCache)? = nil) {
        self.templates = templates
        self.outline = outline
        self.cache = cache
    }

    /// What a build made, and how much of it came from the cache.
    public struct Result: Sendable {
        public var plan: MasterPlan
        /// Drafts read and extracted in this run, and drafts taken from the cache.
        public var extracted: Int
        public var cached: Int
        /// Per file name, what the feedback step needs of each draft that was written: nothing
        /// is read or extracted again to annotate it.
        public var feedback: [String: FeedbackDraft] = [:]
    }

    /// Pass 1's record of a candidate file that was read or found in the cache.
    struct ReadDraft: Sendable {
        var entry: DropFolder.Entry
        /// The draft's header, as read or as cached.
        var header: DraftExtraction
        /// What its annotated copy needs of it, taken while the document was at hand (or cached).
        var feedback: FeedbackBasis
        var cacheKey: String?
        /// The whole extraction, while the drafts fit in memory (nil when taken from the cache).
        var extracted: DraftCacheEntry?
        /// The file's modification time, for supersession when nothing else decides.
        var fileModified: Date?
        var fromCache: Bool
        /// The hash to trust next time while the file's signature stays the same.
        var trustedHash: KnownHash?
    }

    /// Pass 1's outcome for a candidate file.
    enum FirstPass: Sendable {
        case read(ReadDraft)
        case rejected(file: String, DocxReadError)
    }

    /// A draft read in pass 1 with its resolution (supersession) among all drafts.
    struct ResolvedDraft: Sendable {
        var read: ReadDraft
        var resolved: DraftExtraction
    }

    /// Pass 2's record of a draft whose JSON was written.
    struct WrittenDraft: Sendable {
        /// The whole extraction for a merged draft, its header otherwise.
        var extraction: DraftExtraction
        /// The prose the master plan quotes, for a merged draft.
        var content: DraftContent?
        /// The resolution its JSON was written for (`DraftCache.resolutionTag`).
        var tag: String
    }

    enum SecondPass: Sendable {
        case written(WrittenDraft)
        case rejected(DocxReadError)
    }

    /// Builds `folder`; per-draft JSON files go to `staging` as `drafts/<name>.json`.
    public func run(_ folder: DropFolder, staging: OutputStaging, progress: (any BuildProgress)? = nil) async throws -> Result {
        let extractor = DraftExtractor(templates: templates)
        let candidates = folder.candidates
        let outputNames = DraftOutputNames.names(candidates.map(\.name))
        let spill = cache != nil && candidates.count > keepInMemory

        // Pass 1: the header of every draft (and the whole extraction while it fits).
        progress?.start(phase: "reading", total: candidates.count)
        let started = Date().timeIntervalSince1970
        let fileSize: (DropFolder.Entry) -> Int64 = { ParallelMap.fileSize($0.path) }
        let firstPass: [FirstPass] = try await ParallelMap.run(candidates, jobs: jobs, budget: memoryBudget, cost: fileSize) { entry in
            defer { progress?.step(entry.name) }
            do throws(DocxReadError) {
                return .read(try readDraft(entry, extractor: extractor, keep: !spill, started: started))
            } catch {
                return .rejected(file: entry.name, error)
            }
        }
        progress?.finish()

        var ready: [ReadDraft] = []
        var rejected: [String: DocxReadError] = [:]
        for outcome in firstPass {
            switch outcome {
            case .read(let draft): ready.append(draft)
            case .rejected(let file, let error): rejected[file] = error
            }
        }
        var fileTimes: [String: Date] = [:]
        for draft in ready { fileTimes[draft.entry.name] = draft.fileModified }
        let resolution = extractor.resolveSuperseded(ready.map(\.header), fileTimes: fileTimes)
        let resolved = zip(ready, resolution).map { ResolvedDraft(read: $0, resolved: $1) }

        // Pass 2: each draft's JSON, written as it is made; the merged drafts kept whole.
        progress?.start(phase: "writing", total: resolved.count)
        let secondPass: [SecondPass] = try await ParallelMap.run(resolved, jobs: jobs) { draft in
            defer { progress?.step(draft.resolved.source.file) }
            return try writeDraft(draft, extractor: extractor, staging: staging, name: outputNames[draft.read.entry.name]!)
        }
        progress?.finish()

        var drafts: [DraftExtraction] = []
        var contents: [DraftContent] = []
        var feedback: [String: FeedbackDraft] = [:]
        var update = CacheUpdate()
        for (draft, outcome) in zip(resolved, secondPass) {
            let read = draft.read
            switch outcome {
            case .rejected(let error):
                rejected[read.entry.name] = error
            case .written(let written):
                drafts.append(written.extraction)
                if let content = written.content { contents.append(content) }
                feedback[read.entry.name] = FeedbackDraft(header: read.header, basis: read.feedback)
                if let key = read.cacheKey {
                    var header = draft.resolved
                    header.supersededBy = nil
                    header.diagnostics = []
                    update.drafts[key] = FeedbackDraft(header: header, basis: read.feedback)
                    if read.fromCache { update.unchanged.insert(key) }
                    update.tags[key] = written.tag
                }
            }
            if let hash = read.trustedHash { update.hashes[read.entry.name] = hash }
        }
        cache?.save(update)

        let inputs = InputAccounting.records(
            folder, drafts: drafts, rejected: rejected, extractor: extractor, outputs: outputNames)
        let (date, dateNotes) = datePolicy.resolve(drafts.filter { $0.supersededBy == nil && $0.topic.id != nil })
        var plan = Assembler(templates: templates, outline: outline).assemble(
            drafts: drafts, contents: contents, inputs: inputs, date: date)
        plan.diagnostics += dateNotes
        let fromCache = resolved.filter(\.read.fromCache).count
        return Result(plan: plan, extracted: ready.count - fromCache, cached: fromCache, feedback: feedback)
    }

    /// Pass 1 for one file: its header from the cache when its bytes are known, else the file
    /// read once (hashed, then parsed from the same bytes) and extracted.
    private func readDraft(
        _ entry: DropFolder.Entry, extractor: DraftExtractor, keep: Bool, started: Double
    ) throws(DocxReadError) -> ReadDraft {
        // A FIFO, device or socket named like a draft would block the read forever: never opened.
        if let special = DropFolder.specialFileReason(entry.path) {
            throw DocxReadError(file: entry.name, reason: .io(message: special))
        }
        let reader = DocxReader()
        let signature = FileSignature(path: entry.path)
        var trustedHash: KnownHash?
        var file: DocxFile?
        if let cache {
            let sha: String
            if let signature, let known = cache.knownHash(entry.name), known.signature == signature {
                sha = known.sha256
                trustedHash = known
            } else {
                let loaded = try reader.load(path: entry.path, displayName: entry.name)
                file = loaded
                sha = loaded.sha256
                // Recorded only if the file did not change while it was read.
                if let signature, signature.settled(before: started, by: 2), FileSignature(path: entry.path) == signature {
                    trustedHash = KnownHash(signature: signature, sha256: sha)
                }
            }
            let key = cache.key(file: entry.name, sha256: sha)
            if let cached = cache.cachedDraft(key) {
                return ReadDraft(
                    entry: entry, header: cached.header, feedback: cached.basis, cacheKey: key, extracted: nil,
                    fileModified: signature?.modified, fromCache: true, trustedHash: trustedHash)
            }
        }
        let bytes: DocxFile
        if let file { bytes = file } else { bytes = try reader.load(path: entry.path, displayName: entry.name) }
        let document = try reader.read(bytes)
        if trustedHash?.sha256 != document.sha256 { trustedHash = nil }
        let full = DraftCacheEntry(extractor.extractDraft(document, fileName: entry.name))
        // What the annotated copy needs of the document, while it is at hand.
        let feedback = FeedbackBasis(draft: full.extraction, document: document)
        var key: String?
        if let cache {
            // Keyed by what was actually read.
            key = cache.key(file: entry.name, sha256: document.sha256)
            cache.store(key!, full)
        }
        return ReadDraft(
            entry: entry, header: full.extraction.header, feedback: feedback, cacheKey: key, extracted: keep ? full : nil,
            fileModified: signature?.modified, fromCache: false, trustedHash: trustedHash)
    }

    /// Pass 2 for one draft: its JSON (as cached when its resolution did not change), and the
    /// whole extraction when it is merged.
    private func writeDraft(
        _ draft: ResolvedDraft, extractor: DraftExtractor, staging: OutputStaging, name: String
    ) throws -> SecondPass {
        let r = draft.resolved
        let read = draft.read
        let merged = r.supersededBy == nil && r.topic.id != nil
        let tag = DraftCache.resolutionTag(supersededBy: r.supersededBy, notes: r.diagnostics)
        // An unchanged draft resolved as before: its JSON as cached. A draft that is only
        // listed needs nothing else.
        let cachedProduct = read.extracted == nil ? read.cacheKey.flatMap { cache?.product($0, tag: tag) } : nil
        if !merged, let bytes = cachedProduct {
            try staging.writeIfChanged(name, bytes)
            return .written(WrittenDraft(extraction: r, content: nil, tag: tag))
        }
        let full: DraftCacheEntry
        if let known = read.extracted ?? read.cacheKey.flatMap({ cache?.entry($0) }) {
            full = known
        } else {
            // The cache entry is missing or damaged: read the draft again and repair it. When
            // that fails, the draft is rejected with the reason (never merged with nothing in it).
            do throws(DocxReadError) {
                let document = try DocxReader().read(path: read.entry.path, displayName: read.entry.name)
                guard document.sha256 == r.source.sha256 else {
                    return .rejected(
                        DocxReadError(
                            file: read.entry.name, reason: .io(message: "the file changed during the build; build again")))
                }
                full = DraftCacheEntry(extractor.extractDraft(document, fileName: read.entry.name))
            } catch {
                return .rejected(error)
            }
            if let key = read.cacheKey { cache?.store(key, full) }
        }
        var extraction = full.extraction
        extraction.supersededBy = r.supersededBy
        extraction.diagnostics += r.diagnostics
        // A merged draft from the cache: decoded for the assembly, its JSON still as cached.
        let bytes = try cachedProduct ?? ProductJSON.encode(extraction)
        try staging.writeIfChanged(name, bytes)
        if let key = read.cacheKey, cachedProduct == nil { cache?.storeProduct(key, tag: tag, bytes) }
        return .written(
            merged
                ? WrittenDraft(extraction: extraction, content: full.content, tag: tag)
                : WrittenDraft(extraction: r, content: nil, tag: tag))
    }
}

/// The date a master plan stands for: `SOURCE_DATE_EPOCH` when set, else the newest modified
/// date of the drafts used, else 1980 — never the clock. Dates are compared as instants
/// (`W3CDTF`), never as strings, and the plan's date is written in one form
/// (`YYYY-MM-DDThh:mm:ssZ`), so master-plan.json and the DOCX say the same.
public enum PlanDatePolicy: Sendable, Equatable {
    case fixed(seconds: Int64)
    case newestDraft
    /// `SOURCE_DATE_EPOCH` is set but not a whole number of seconds: the newest draft's date,
    /// with a warning.
    case invalidEpoch(String)

    /// `.fixed` when `SOURCE_DATE_EPOCH` holds a whole number of seconds, `.invalidEpoch` when
    /// it holds anything else.
    public static func fromEnvironment() -> PlanDatePolicy {
        guard let raw = getenv("SOURCE_DATE_EPOCH") else { return .newestDraft }
        return policy(sourceDateEpoch: String(cString: raw))
    }

    /// The policy for a `SOURCE_DATE_EPOCH` value.
    public static func policy(sourceDateEpoch raw: String) -> PlanDatePolicy {
        if let seconds = Int64(raw) { return .fixed(seconds: seconds) }
        return .invalidEpoch(raw)
    }

    /// The plan's date (W3CDTF) given the drafts it is made from.
    public func date(of drafts: [DraftExtraction]) -> String { resolve(drafts).date }

    /// The plan's date and what was wrong on the way (an invalid `SOURCE_DATE_EPOCH`, drafts
    /// whose modified date cannot be read).
    public func resolve(_ drafts: [DraftExtraction]) -> (date: String, diagnostics: [Diagnostic]) {
        var notes: [Diagnostic] = []
        switch self {
        case .fixed(let seconds):
            return (W3CDTFFormatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))), [])
        case .invalidEpoch(let raw):
            notes.append(
                Diagnostic(
                    severity: .warning, code: .buildSourceDateEpochInvalid,
                    message: "SOURCE_DATE_EPOCH「\(MessageText.escaped(raw))」不是整数秒数，已忽略，采用最新稿件的修改日期"))
        case .newestDraft: break
        }
        var newest: Double?
        for draft in drafts {
            guard let text = draft.source.modified else { continue }
            guard let seconds = W3CDTF.seconds(text) else {
                notes.append(
                    Diagnostic(
                        severity: .warning, code: .buildDraftDateUnreadable,
                        message: "\(MessageText.escaped(draft.source.file))：修改日期「\(MessageText.escaped(text))」无法识别，未用于确定汇编日期"))
                continue
            }
            newest = max(newest ?? seconds, seconds)
        }
        let date = newest.map { W3CDTFFormatter.string(from: Date(timeIntervalSince1970: $0)) } ?? "1980-01-01T00:00:00Z"
        return (date, notes)
    }
}

/// The name of each draft's JSON in the output folder, unique by construction: `drafts/<stem>.json`
/// when no other file of the folder has the same stem (compared case-insensitively, for output
/// folders on case-insensitive shares), else `drafts/<file name with extension>.json`
/// (同名.docx → 同名.docx.json, 同名.DOCX → 同名.DOCX.json), and on any clash left a `~` and 8 hex
/// digits of the SHA-256 of the file name. Control characters (and a leading dot) are escaped
/// as `%XX`. Depends only on the folder's list of candidate names, never on order or
/// on what was read.
public enum DraftOutputNames {
    public static func names(_ files: [String]) -> [String: String] {
        let files = Array(Set(files)).sorted()
        func stem(_ file: String) -> String { (file as NSString).deletingPathExtension }
        var stemCount: [String: Int] = [:]
        for file in files { stemCount[stem(file).lowercased(), default: 0] += 1 }
        var chosen: [String: String] = [:]
        for file in files {
            let base = stemCount[stem(file).lowercased()] == 1 && !stem(file).isEmpty ? stem(file) : file
            chosen[file] = escape(base)
        }
        var taken: [String: Int] = [:]
        for file in files { taken[chosen[file]!.lowercased(), default: 0] += 1 }
        for file in files where taken[chosen[file]!.lowercased()]! > 1 {
            var hash = SHA256()
            hash.update(Array(file.utf8))
            chosen[file] = escape(file) + "~" + String(hash.finalizeHex().prefix(8))
        }
        // A name too long for the file system (255 bytes) is cut and told apart by its hash.
        for file in files where chosen[file]!.utf8.count + ".json".utf8.count > 255 {
            var hash = SHA256()
            hash.update(Array(file.utf8))
            let suffix = "~" + String(hash.finalizeHex().prefix(8))
            var cut = ""
            for character in chosen[file]! {
                if cut.utf8.count + String(character).utf8.count + suffix.utf8.count + 5 > 255 { break }
                cut.append(character)
            }
            chosen[file] = cut + suffix
        }
        return chosen.mapValues { "drafts/" + $0 + ".json" }
    }

    /// Control characters (and a leading dot, which would hide the file) escaped as `%XX`.
    static func escape(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) {
                out += String(format: "%%%02X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if out.hasPrefix(".") { out = "%2E" + out.dropFirst() }
        return out
    }
}
