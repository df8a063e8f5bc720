import DocumentModel
import Foundation
import OOXML
import PlanAssembly
import PlanExtraction
import PlanModel
import PlanTemplates

/// One build of a drop folder: read and extract every draft (in parallel, from the cache when
/// unchanged), resolve superseded drafts, write each draft's JSON, assemble the master plan.
///
/// Memory stays bounded by the number of topics, not of drafts: a draft's document model is
/// dropped as soon as its items are extracted; past `keepInMemory` drafts, extractions are not
/// kept either but re-read from the cache when their JSON is written; and only the drafts that
/// are merged (current, identified) are kept whole for the assembly — the others are kept as
/// headers (`DraftExtraction.header`).
struct BuildRun {
    let templates: TemplateSet
    let outline: MasterOutline
    var cache: DraftCache?
    /// Up to this many drafts, extractions stay in memory between the two passes.
    var keepInMemory = 500

    struct Result {
        var plan: MasterPlan
        /// Drafts read and extracted in this run, and drafts taken from the cache.
        var extracted: Int
        var cached: Int
    }

    /// Pass 1's result for one candidate file.
    private enum Read: Sendable {
        case ready(
            header: DraftExtraction, key: String?, full: DraftCache.Entry?, fileTime: Date?, fromCache: Bool,
            hash: (FileSignature, String)?)
        case failed(DocxReadError)
    }

    /// Builds `folder`; per-draft JSON files go to `staging` as `drafts/<name>.json`.
    func run(_ folder: DropFolder, jobs: Int, staging: OutputStaging, progress: Progress? = nil) async throws -> Result {
        let reader = DocxReader()
        let extractor = DraftExtractor(templates: templates)
        let candidates = folder.candidates
        let loadedIndex = cache?.loadIndex() ?? DraftCache.LoadedIndex()
        let spill = cache != nil && candidates.count > keepInMemory
        let knownHashes = cache?.loadHashes() ?? [:]
        let started = Date().timeIntervalSince1970

        // Pass 1: the header of every draft (and the whole extraction while it fits).
        progress?.start(phase: "reading", total: candidates.count)
        let reads: [Read] = try await ParallelMap.run(candidates, jobs: jobs) { entry in
            defer { progress?.step(entry.name) }
            let signature = FileSignature(path: entry.path)
            let fileTime = signature?.modified
            do {
                var key: String?
                // The file's hash: as recorded when its signature is unchanged, else read.
                var hash: (FileSignature, String)?
                if let cache {
                    let sha: String
                    if let signature, let known = knownHashes[entry.name], known.0 == signature {
                        sha = known.1
                        hash = known
                    } else {
                        sha = try reader.sha256(path: entry.path, displayName: entry.name)
                        // Recorded only if the file did not change while it was hashed.
                        if let signature, signature.settled(before: started, by: 2), FileSignature(path: entry.path) == signature {
                            hash = (signature, sha)
                        }
                    }
                    let k = cache.key(file: entry.name, sha256: sha)
                    if cache.hasEntry(k), let header = loadedIndex.header(k) {
                        return .ready(header: header, key: k, full: nil, fileTime: fileTime, fromCache: true, hash: hash)
                    }
                    key = k
                }
                let document = try reader.read(path: entry.path, displayName: entry.name)
                if hash?.1 != document.sha256 { hash = nil }
                let full = DraftCache.Entry(extractor.extractDraft(document, fileName: entry.name))
                let extraction = full.extraction
                if let cache {
                    // The file may have changed since it was hashed: key what was actually read.
                    key = cache.key(file: entry.name, sha256: document.sha256)
                    cache.store(key!, full)
                }
                return .ready(
                    header: extraction.header, key: key, full: spill ? nil : full, fileTime: fileTime, fromCache: false, hash: hash)
            } catch let error as DocxReadError {
                return .failed(error)
            } catch {
                return .failed(DocxReadError(file: entry.name, reason: .io(message: "\(error)")))
            }
        }
        progress?.finish()

        var headers: [DraftExtraction] = []
        var fileTimes: [String: Date] = [:]
        var rejected: [String: DocxReadError] = [:]
        var readIndex: [Int] = []
        var extracted = 0, cached = 0
        for (i, (entry, read)) in zip(candidates, reads).enumerated() {
            switch read {
            case .ready(let header, _, _, let time, let fromCache, _):
                headers.append(header)
                readIndex.append(i)
                fileTimes[entry.name] = time
                if fromCache { cached += 1 } else { extracted += 1 }
            case .failed(let error):
                rejected[entry.name] = error
            }
        }
        let resolved = extractor.resolveSuperseded(headers, fileTimes: fileTimes)
        let positions = readIndex

        // Pass 2: each draft's JSON, written as it is made; the merged drafts kept whole.
        progress?.start(phase: "writing", total: resolved.count)
        let kept: [(DraftExtraction, DraftContent?, tag: String?)] = try await ParallelMap.run(Array(resolved.indices), jobs: jobs) { j in
            let r = resolved[j]
            defer { progress?.step(r.source.file) }
            guard case .ready(_, let key, let inMemory, _, _, _) = reads[positions[j]] else { fatalError("pass 1 kept only ready drafts") }
            let entry = candidates[positions[j]]
            let name = "drafts/" + (r.source.file as NSString).deletingPathExtension + ".json"
            let merged = r.supersededBy == nil && r.topic.id != nil
            let tag = DraftCache.resolutionTag(supersededBy: r.supersededBy, notes: r.diagnostics)
            // An unchanged draft resolved as before: its JSON as cached. A draft that is only
            // listed needs nothing else.
            let cachedProduct = inMemory == nil ? key.flatMap { cache?.product($0, tag: tag) } : nil
            if !merged, let bytes = cachedProduct {
                try staging.writeIfChanged(name, bytes)
                return (r, nil, tag)
            }
            var full = inMemory ?? key.flatMap { cache?.load($0) }
            if full == nil, let document = try? reader.read(path: entry.path, displayName: entry.name) {
                // The cache entry is missing or damaged: extract again, and repair it.
                full = DraftCache.Entry(extractor.extractDraft(document, fileName: entry.name))
                if let key, let cache, document.sha256 == r.source.sha256 { cache.store(key, full!) }
            }
            var extraction = full?.extraction ?? r
            extraction.supersededBy = r.supersededBy
            if full != nil { extraction.diagnostics += r.diagnostics }
            // A merged draft from the cache: decoded for the assembly, its JSON still as cached.
            let cached = full != nil ? cachedProduct : nil
            let bytes = try cached ?? ProductJSON.encode(extraction)
            try staging.writeIfChanged(name, bytes)
            if let key, let cache, full != nil, cached == nil { cache.storeProduct(key, tag: tag, bytes) }
            return merged ? (extraction, full?.content, tag) : (r, nil, tag)
        }
        progress?.finish()
        if let cache {
            var used: [String: DraftExtraction] = [:]
            var unchanged: Set<String> = []
            var tags: [String: String] = [:]
            for (j, r) in resolved.enumerated() {
                if case .ready(_, let key?, _, _, let fromCache, _) = reads[positions[j]] {
                    var header = r
                    header.supersededBy = nil
                    header.diagnostics = []
                    used[key] = header
                    if fromCache { unchanged.insert(key) }
                    tags[key] = kept[j].tag
                }
            }
            cache.save(headers: used, unchanged: unchanged, tags: tags, previous: loadedIndex)
            var hashes: [String: (FileSignature, String)] = [:]
            for (entry, read) in zip(candidates, reads) {
                if case .ready(_, _, _, _, _, let hash?) = read { hashes[entry.name] = hash }
            }
            cache.saveHashes(hashes)
        }

        let drafts = kept.map(\.0)
        let contents = kept.compactMap(\.1)
        let inputs = Self.inputRecords(folder, drafts: drafts, rejected: rejected, extractor: extractor)
        let date = Self.planDate(drafts.filter { $0.supersededBy == nil && $0.topic.id != nil })
        let plan = Assembler(templates: templates, outline: outline).assemble(
            drafts: drafts, contents: contents, inputs: inputs, date: date)
        return Result(plan: plan, extracted: extracted, cached: cached)
    }

    /// Every file of the folder, in name order.
    static func inputRecords(
        _ folder: DropFolder, drafts: [DraftExtraction], rejected: [String: DocxReadError], extractor: DraftExtractor
    ) -> [InputRecord] {
        let byFile = Dictionary(drafts.map { ($0.source.file, $0) }, uniquingKeysWith: { a, _ in a })
        var inputs: [InputRecord] = []
        for entry in folder.entries {
            if let reason = entry.ignoredBecause {
                inputs.append(InputRecord(file: entry.name, status: .ignored, reason: reason))
            } else if let error = rejected[entry.name] {
                inputs.append(InputRecord(
                    file: entry.name, status: .rejected, reason: chineseReason(error.reason),
                    topic: extractor.topic(fromFileName: entry.name)))
            } else if let draft = byFile[entry.name] {
                if let newer = draft.supersededBy {
                    inputs.append(InputRecord(
                        file: entry.name, status: .superseded, reason: "已有同一专题的更新稿件", topic: draft.topic.id,
                        sha256: draft.source.sha256, supersededBy: newer))
                } else if let topic = draft.topic.id {
                    inputs.append(InputRecord(file: entry.name, status: .used, topic: topic, sha256: draft.source.sha256))
                } else if let why = draft.topic.outOfScope {
                    inputs.append(InputRecord(file: entry.name, status: .unassigned, reason: why, sha256: draft.source.sha256))
                } else {
                    let candidates = draft.topic.candidates.map(\.id).joined(separator: "、")
                    inputs.append(InputRecord(
                        file: entry.name, status: .unassigned,
                        reason: candidates.isEmpty ? "无法识别所属专题" : "无法确定所属专题（候选：\(candidates)）",
                        sha256: draft.source.sha256))
                }
            }
        }
        return inputs
    }

    /// `SOURCE_DATE_EPOCH` when set, else the newest modified date of the drafts used, else 1980.
    static func planDate(_ drafts: [DraftExtraction]) -> String {
        if let raw = getenv("SOURCE_DATE_EPOCH"), let seconds = Int64(String(cString: raw)) {
            return W3CDTFFormatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        return drafts.compactMap(\.source.modified).max() ?? "1980-01-01T00:00:00Z"
    }

    /// The reader's reason for the office, in Chinese, with the technical text after it.
    static func chineseReason(_ reason: DocxReadError.Reason) -> String {
        let what: String
        switch reason {
        case .io: what = "无法读取文件"
        case .emptyFile: what = "空文件（0 字节）"
        case .notAZip: what = "不是 Word 文档（.docx）"
        case .legacyDoc: what = "旧版 Word 97-2003 文档（.doc），请另存为 .docx"
        case .encryptedPackage: what = "文档设有密码保护，请取消密码后重新保存"
        case .compoundFile: what = "不是 Word 文档（OLE 复合文件）"
        case .lockFile: what = "Word 锁定文件，不是文档"
        case .openDocument: what = "OpenDocument 文档（.odt），请另存为 .docx"
        case .notWordprocessing: what = "不是文字处理文档（可能是表格或演示文稿）"
        case .truncatedZip: what = "文件不完整（可能复制或下载未完成）"
        case .corruptZip: what = "文件已损坏"
        case .encryptedEntries: what = "文档内容已加密"
        case .unsupportedCompression: what = "文件使用了不支持的压缩方式"
        case .sizeLimit, .tooManyEntries: what = "文件超出大小限制（可能是恶意构造的压缩包）"
        case .duplicateEntry, .unicodePathConflict: what = "文件结构有歧义（含重名部件），已拒绝"
        case .missingMainPart: what = "文件缺少正文部件"
        case .xmlMalformed, .depthLimit: what = "文档内容格式错误"
        case .dtdForbidden: what = "文档含有不允许的 DTD 声明，已拒绝"
        case .invalidEncoding: what = "文档含有无效的字符编码"
        }
        return "\(what)（\(reason)）"
    }
}

/// `transform` applied to every element by at most `jobs` child tasks at once (Swift
/// concurrency: a throwing task group on the cooperative pool; the work is CPU-bound reading
/// and extraction, so a task runs to completion once started). Results come back in input
/// order, so nothing downstream depends on scheduling; the first error thrown is rethrown.
enum ParallelMap {
    static func run<T: Sendable, R: Sendable>(
        _ items: [T], jobs: Int, _ transform: @escaping @Sendable (T) throws -> R
    ) async throws -> [R] {
        try await withThrowingTaskGroup(of: (Int, R).self) { group in
            var results = [R?](repeating: nil, count: items.count)
            var next = 0
            func launch() {
                let i = next
                next += 1
                group.addTask { (i, try transform(items[i])) }
            }
            while next < min(max(1, jobs), items.count) { launch() }
            while let (i, value) = try await group.next() {
                results[i] = value
                if next < items.count { launch() }
            }
            return results.map { $0! }
        }
    }
}
