import ArgumentParser
import DocumentModel
import Foundation
import OOXML
import PlanAssembly
import PlanDocxWriter
import PlanExtraction
import PlanFeedback
import PlanModel
import PlanReport
import PlanTemplates

/// `plan-assembler build`: the drop folder into the master plan outline.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Assemble every draft of a drop folder into the master plan outline (DOCX, JSON, HTML report).",
        discussion: """
            Writes <out>/master-plan.docx, master-plan.json, report.html, drafts/<draft>.json, \
            feedback/<draft>.docx (each draft with its findings as Word comments) and changes.json \
            (what changed since the previous build's master-plan.json, or --since FILE). \
            Every file of the folder is accounted for in the JSON and the report (used, superseded, \
            unassigned, rejected with its reason, ignored such as ~$ lock files). A draft that cannot \
            be read is reported and the rest is built; --strict makes any rejected or unassigned \
            draft fatal (exit 1, nothing written). Outputs are written atomically: an interrupted \
            run leaves the previous outputs in place. The same inputs give byte-identical outputs \
            (dates come from SOURCE_DATE_EPOCH or the newest draft, never the clock). What each draft \
            gave is cached in <out>/.cache by content hash, tool and templates, so a rebuild reads only \
            the drafts that changed (--no-cache reads all). A progress line is shown on stderr when it \
            is a terminal.
            """
    )

    @OptionGroup var options: BuildOptions

    @Flag(help: "Fail (exit 1, write nothing) when a draft is rejected or its topic cannot be identified.")
    var strict = false

    @Flag(help: "Read every draft again, ignoring and not updating <out>/.cache (per-draft results of earlier builds).")
    var noCache = false

    @Flag(help: "Print nothing but errors (no progress line, no summary).")
    var quiet = false

    @Option(help: ArgumentHelp("Drafts kept in memory between the passes; past this, re-read from the cache.", visibility: .hidden))
    var keepInMemory = 500

    func run() async throws {
        let job = try BuildJob.load(options, strict: strict, useCache: !noCache, keepInMemory: keepInMemory, quiet: quiet)
        let inputs = options.inputs
        let folder: DropFolder
        do {
            folder = try DropFolder(path: inputs)
        } catch {
            FileHandle.standardError.write(Data("error: \(inputs): cannot list the drop folder: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.inputFailed
        }
        let summary: BuildJob.Summary
        do {
            summary = try await job.perform(folder, progress: Progress.make(quiet: quiet))
        } catch {
            FileHandle.standardError.write(Data(error.message.utf8))
            throw error.status
        }
        for record in summary.rejected {
            FileHandle.standardError.write(Data("error: \(record.file): \(record.reason ?? "")\n".utf8))
        }
        if !quiet { print(summary.line) }
    }
}

extension Provenance: ExpressibleByArgument {}

/// What `build` and `watch` share: where the drafts are, where the outputs go, what they are
/// made with.
struct BuildOptions: ParsableArguments {
    @Argument(help: "The drop folder.")
    var inputs = "Inputs"

    @Option(help: "Output folder.")
    var out = "Output"

    @Option(
        help: "Templates folder; files it lacks come from the built-in templates (default: ./Templates when present, else the built-in templates).",
        completion: .directory)
    var templates: String?

    @Option(help: "A reference DOCX whose styles, theme, fonts, page setup, headers and footers the output takes.")
    var referenceDoc: String?

    @Option(help: "How each merged item names its sources in the DOCX: comments, footnotes or none.")
    var provenance: Provenance = .comments

    @Option(help: "Drafts read in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "An earlier master-plan.json to list changes against (default: the one in the output folder).", completion: .file())
    var since: String?
}

/// Everything a build needs besides the drop folder, loaded once (`build`, and `watch` for
/// each of its rebuilds).
struct BuildJob {
    let templates: TemplateSet
    let outline: MasterOutline
    let reference: ReferenceDocument
    let provenance: Provenance
    let out: String
    let jobs: Int
    let strict: Bool
    let useCache: Bool
    var keepInMemory = 500
    /// The master plan to compare with (`--since`); nil: the previous build's in `out`.
    var since: String?

    /// Loads the templates and the reference document; prints the error and throws the exit
    /// status when one is invalid.
    static func load(
        _ options: BuildOptions, strict: Bool, useCache: Bool, keepInMemory: Int = 500, quiet: Bool = false
    ) throws -> BuildJob {
        let set = try loadTemplates(
            options.templates,
            reading: TemplateSet.fileNames + [MasterOutline.fileName] + (options.referenceDoc == nil ? ["reference-docx/"] : []),
            quiet: quiet)
        let outline: MasterOutline
        do {
            outline = try set.masterOutline()
        } catch {
            FileHandle.standardError.write(Data("error: template: \(error)\n".utf8))
            throw ExitStatus.templateInvalid
        }
        let reference: ReferenceDocument
        do {
            reference = try options.referenceDoc.map { try ReferenceDocument.load(docx: $0) } ?? loadReferenceDocument(set.source)
        } catch {
            FileHandle.standardError.write(Data("error: reference document: \(error)\n".utf8))
            throw ExitStatus.templateInvalid
        }
        return BuildJob(
            templates: set, outline: outline, reference: reference,
            provenance: options.provenance, out: options.out, jobs: max(1, options.jobs), strict: strict, useCache: useCache,
            keepInMemory: keepInMemory, since: options.since)
    }

    /// What a build did, for the one-line summary.
    struct Summary {
        var plan: MasterPlan
        var out: String
        var extracted: Int
        var cached: Int
        var seconds: Double
        var rejected: [InputRecord] { plan.inputs.filter { $0.status == .rejected } }

        var line: String {
            let counts = Dictionary(grouping: plan.inputs, by: \.status).mapValues(\.count)
            let present = plan.coverage.filter { $0.status == .present }.count
            return "built \(out)/master-plan.docx, master-plan.json, report.html from \(plan.inputs.count) files "
                + "(used \(counts[.used] ?? 0), superseded \(counts[.superseded] ?? 0), unassigned \(counts[.unassigned] ?? 0), "
                + "rejected \(counts[.rejected] ?? 0), ignored \(counts[.ignored] ?? 0)); "
                + "coverage \(present)/\(plan.coverage.count), conflicts \(plan.conflicts.count); "
                + "read \(extracted), cached \(cached); " + String(format: "%.2f s", seconds)
        }
    }

    struct Failure: Error {
        var message: String
        var status: ExitCode
    }

    /// Builds `folder` into `out`: nothing is replaced unless everything was rendered.
    func perform(_ folder: DropFolder, progress: Progress? = nil) async throws(Failure) -> Summary {
        let started = Date()
        let staging: OutputStaging
        do {
            staging = try OutputStaging(path: out)
        } catch {
            throw Failure(message: "error: \(out): \(error)\n", status: ExitStatus.outputFailed)
        }
        defer { staging.discard() }
        var build = BuildRun(templates: templates, outline: outline)
        build.cache = useCache ? DraftCache(outputFolder: out, templates: templates) : nil
        build.keepInMemory = keepInMemory
        let result: BuildRun.Result
        do {
            result = try await build.run(folder, jobs: jobs, staging: staging, progress: progress)
        } catch {
            throw Failure(message: "error: \(out): cannot write a draft's JSON: \(error)\n", status: ExitStatus.outputFailed)
        }
        let plan = result.plan

        let unassigned = plan.inputs.filter { $0.status == .unassigned }
        if strict, plan.inputs.contains(where: { $0.status == .rejected }) || !unassigned.isEmpty {
            var message = ""
            for record in plan.inputs where record.status == .rejected {
                message += "error: \(record.file): \(record.reason ?? "")\n"
            }
            for record in unassigned {
                message += "error: \(record.file): \(record.reason ?? "topic not identified")\n"
            }
            message += "error: --strict: drafts were rejected or not identified; nothing written\n"
            throw Failure(message: message, status: ExitStatus.inputFailed)
        }

        var feedback: [(name: String, bytes: [UInt8])] = []
        let changes = PlanComparison.compare(
            previous: PlanComparison.previousPlan(since ?? (out as NSString).appendingPathComponent("master-plan.json")), current: plan)
        // The report and the DOCX list changes only when there are some: a first build and a
        // rebuild of the same inputs write the same bytes there (changes.json tells them apart).
        let shown = changes.compared && !changes.isEmpty ? changes : nil
        do {
            try staging.write("master-plan.json", ProductJSON.encode(plan))
            try staging.write("changes.json", ProductJSON.encode(changes))
            try staging.write("report.html", Array(HTMLReport.render(plan, changes: shown).utf8))
            try staging.write(
                "master-plan.docx", DocxPlanWriter(reference: reference, provenance: provenance, changes: shown).write(plan))
            if let edition = outline.outlineEdition, let short = PlanEditions.outline(plan, outline: outline) {
                try staging.write(edition.file, DocxPlanWriter(reference: reference, provenance: provenance, mainIndicatorsOnly: true).write(short))
            }
            let extractor = DraftExtractor(templates: templates)
            let cache = build.cache
            feedback = BuildFeedback.annotatedDrafts(
                folder: folder.path, plan: plan, annotator: DraftAnnotator(date: DraftFeedback.dateFromEnvironment()),
                previous: out, draftKey: { record in record.sha256.flatMap { sha in cache?.key(file: record.file, sha256: sha) } },
                extract: { extractor.extract($0, fileName: $1) })
            for (name, bytes) in feedback { try staging.write(name, bytes) }
        } catch {
            throw Failure(message: "error: cannot render the outputs: \(error)\n", status: ExitStatus.outputFailed)
        }
        do {
            try staging.commit(staleUnder: "drafts")
            BuildFeedback.removeStale(in: out, keeping: Set(feedback.map(\.name)))
        } catch {
            throw Failure(message: "error: \(out): \(error)\n", status: ExitStatus.outputFailed)
        }
        return Summary(plan: plan, out: out, extracted: result.extracted, cached: result.cached, seconds: Date().timeIntervalSince(started))
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

