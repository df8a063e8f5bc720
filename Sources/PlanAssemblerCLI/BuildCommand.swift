import ArgumentParser
import DocumentModel
import Foundation
import OOXML
import PlanAssembly
import PlanDocxWriter
import PlanExtraction
import PlanModel
import PlanReport
import PlanTemplates

/// `plan-assembler build`: the drop folder into the master plan outline.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Assemble every draft of a drop folder into the master plan outline (DOCX, JSON, HTML report).",
        discussion: """
            Writes <out>/master-plan.docx, master-plan.json, report.html and drafts/<draft>.json. \
            Every file of the folder is accounted for in the JSON and the report (used, superseded, \
            unassigned, rejected with its reason, ignored such as ~$ lock files). A draft that cannot \
            be read is reported and the rest is built; --strict makes any rejected or unassigned \
            draft fatal (exit 1, nothing written). Outputs are written atomically: an interrupted \
            run leaves the previous outputs in place. The same inputs give byte-identical outputs \
            (dates come from SOURCE_DATE_EPOCH or the newest draft, never the clock).
            """
    )

    @Argument(help: "The drop folder.")
    var inputs = "Inputs"

    @Option(help: "Output folder.")
    var out = "Output"

    @Option(help: "Templates folder (default: ./Templates, else the one of this checkout).")
    var templates: String?

    @Option(help: "A reference DOCX whose styles, theme, fonts, page setup, headers and footers the output takes.")
    var referenceDoc: String?

    @Option(help: "How each merged item names its sources in the DOCX: comments, footnotes or none.")
    var provenance: Provenance = .comments

    @Option(help: "Drafts read in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Fail (exit 1, write nothing) when a draft is rejected or its topic cannot be identified.")
    var strict = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let templateDirectory = TemplateLocation.resolve(templates)
        let set = try loadTemplates(templates)
        let outline: MasterOutline
        do {
            outline = try MasterOutline.load(from: (templateDirectory as NSString).appendingPathComponent("master-outline.yaml"), catalog: set.catalog)
        } catch {
            FileHandle.standardError.write(Data("error: template: \(error)\n".utf8))
            throw ExitStatus.templateInvalid
        }
        let reference: ReferenceDocument
        do {
            reference = try referenceDoc.map { try ReferenceDocument.load(docx: $0) }
                ?? ReferenceDocument.load(directory: (templateDirectory as NSString).appendingPathComponent("reference-docx"))
        } catch {
            FileHandle.standardError.write(Data("error: reference document: \(error)\n".utf8))
            throw ExitStatus.templateInvalid
        }

        let folder: DropFolder
        do {
            folder = try DropFolder(path: inputs)
        } catch {
            FileHandle.standardError.write(Data("error: \(inputs): cannot list the drop folder: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.inputFailed
        }
        let started = Date()
        let build = BuildRun(templates: set, outline: outline)
        let result = build.run(folder, jobs: jobs)

        for record in result.plan.inputs where record.status == .rejected {
            FileHandle.standardError.write(Data("error: \(record.file): \(record.reason ?? "")\n".utf8))
        }
        let unassigned = result.plan.inputs.filter { $0.status == .unassigned }
        if strict, result.plan.inputs.contains(where: { $0.status == .rejected }) || !unassigned.isEmpty {
            for record in unassigned {
                FileHandle.standardError.write(Data("error: \(record.file): \(record.reason ?? "topic not identified")\n".utf8))
            }
            FileHandle.standardError.write(Data("error: --strict: drafts were rejected or not identified; nothing written\n".utf8))
            throw ExitStatus.inputFailed
        }

        // Render everything first, then move the files into place one after the other.
        var files: [(name: String, bytes: [UInt8])] = []
        do {
            files.append(("master-plan.json", try ProductJSON.encode(result.plan)))
            files.append(("report.html", Array(HTMLReport.render(result.plan).utf8)))
            files.append(("master-plan.docx", try DocxPlanWriter(reference: reference, provenance: provenance).write(result.plan)))
            for draft in result.drafts {
                files.append(("drafts/" + (draft.source.file as NSString).deletingPathExtension + ".json", try ProductJSON.encode(draft)))
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot render the outputs: \(error)\n".utf8))
            throw ExitStatus.outputFailed
        }
        do {
            try OutputFolder(path: out).replace(files, staleUnder: "drafts")
        } catch {
            FileHandle.standardError.write(Data("error: \(out): \(error)\n".utf8))
            throw ExitStatus.outputFailed
        }

        if !quiet {
            let counts = Dictionary(grouping: result.plan.inputs, by: \.status).mapValues(\.count)
            let present = result.plan.coverage.filter { $0.status == .present }.count
            print(
                "built \(out)/master-plan.docx, master-plan.json, report.html from \(result.plan.inputs.count) files "
                    + "(used \(counts[.used] ?? 0), superseded \(counts[.superseded] ?? 0), unassigned \(counts[.unassigned] ?? 0), "
                    + "rejected \(counts[.rejected] ?? 0), ignored \(counts[.ignored] ?? 0)); "
                    + "coverage \(present)/\(result.plan.coverage.count), conflicts \(result.plan.conflicts.count), "
                    + String(format: "%.2f s", Date().timeIntervalSince(started)))
        }
    }
}

extension Provenance: ExpressibleByArgument {}

/// Everything `build` computes before writing: the plan and each draft's extraction.
struct BuildRun {
    let templates: TemplateSet
    let outline: MasterOutline

    struct Result {
        var plan: MasterPlan
        var drafts: [DraftExtraction]
    }

    func run(_ folder: DropFolder, jobs: Int) -> Result {
        let reader = DocxReader()
        let extractor = DraftExtractor(templates: templates)
        let candidates = folder.candidates
        let outcomes = ParallelExtraction(reader: reader, extractor: extractor).run(candidates, jobs: jobs)

        var drafts: [DraftExtraction] = []
        var contents: [DraftContent] = []
        var fileTimes: [String: Date] = [:]
        var rejected: [String: DocxReadError] = [:]
        for (entry, outcome) in zip(candidates, outcomes) {
            switch outcome {
            case .extracted(let draft, let content, let time):
                drafts.append(draft)
                contents.append(content)
                fileTimes[entry.name] = time
            case .failed(let error):
                rejected[entry.name] = error
            }
        }
        drafts = extractor.resolveSuperseded(drafts, fileTimes: fileTimes)

        // Every file of the folder, in name order.
        let byFile = Dictionary(drafts.map { ($0.source.file, $0) }, uniquingKeysWith: { a, _ in a })
        var inputs: [InputRecord] = []
        for entry in folder.entries {
            if let reason = entry.ignoredBecause {
                inputs.append(InputRecord(file: entry.name, status: .ignored, reason: reason))
            } else if let error = rejected[entry.name] {
                inputs.append(InputRecord(
                    file: entry.name, status: .rejected, reason: BuildRun.chineseReason(error.reason),
                    topic: extractor.topic(fromFileName: entry.name)))
            } else if let draft = byFile[entry.name] {
                if let newer = draft.supersededBy {
                    inputs.append(InputRecord(
                        file: entry.name, status: .superseded, reason: "已有同一专题的更新稿件", topic: draft.topic.id,
                        sha256: draft.source.sha256, supersededBy: newer))
                } else if let topic = draft.topic.id {
                    inputs.append(InputRecord(file: entry.name, status: .used, topic: topic, sha256: draft.source.sha256))
                } else {
                    let candidates = draft.topic.candidates.map(\.id).joined(separator: "、")
                    inputs.append(InputRecord(
                        file: entry.name, status: .unassigned,
                        reason: candidates.isEmpty ? "无法识别所属专题" : "无法确定所属专题（候选：\(candidates)）",
                        sha256: draft.source.sha256))
                }
            }
        }
        let date = BuildRun.planDate(drafts.filter { $0.supersededBy == nil && $0.topic.id != nil })
        let plan = Assembler(templates: templates, outline: outline).assemble(
            drafts: drafts, contents: contents, inputs: inputs, date: date)
        return Result(plan: plan, drafts: drafts)
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

/// W3CDTF (UTC, seconds) without depending on the locale or time zone.
enum W3CDTFFormatter {
    static func string(from date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday),
            Int(fields.tm_hour), Int(fields.tm_min), Int(fields.tm_sec))
    }
}

/// The output folder, replaced file by file: everything is rendered and written to temporary
/// files first (each fsynced), then renamed into place, so an interrupted run leaves the
/// previous outputs (or, during the final renames, a mix of complete files — never a partial one).
struct OutputFolder {
    let path: String

    /// Writes `files` (paths relative to the folder) and removes files under `staleUnder`
    /// that this run did not write (a draft that left the drop folder).
    func replace(_ files: [(name: String, bytes: [UInt8])], staleUnder: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        // Staging folders of runs that were killed are removed; a live run's is left alone.
        for name in (try? fm.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix(".staging-") {
            if let pid = Int32(name.dropFirst(".staging-".count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? fm.removeItem(atPath: (path as NSString).appendingPathComponent(name))
        }
        let staging = (path as NSString).appendingPathComponent(".staging-\(getpid())")
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: staging) }
        for file in files {
            let target = (staging as NSString).appendingPathComponent(file.name)
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(file.bytes, to: target)
        }
        for file in files {
            let target = (path as NSString).appendingPathComponent(file.name)
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard rename((staging as NSString).appendingPathComponent(file.name), target) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
        }
        let written = Set(files.map(\.name))
        let staleDirectory = (path as NSString).appendingPathComponent(staleUnder)
        for name in (try? fm.contentsOfDirectory(atPath: staleDirectory)) ?? [] where !written.contains(staleUnder + "/" + name) && !name.hasPrefix(".") {
            try? fm.removeItem(atPath: (staleDirectory as NSString).appendingPathComponent(name))
        }
    }
}
