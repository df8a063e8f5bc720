import ArgumentParser
import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanBuild
import PlanDocxWriter
import PlanModel
import PlanTemplates

/// `plan-assembler build`: the drop folder into the master plan outline.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Assemble every draft of a drop folder into the master plan outline (DOCX, JSON, HTML report).",
        discussion: """
            Writes <out>/master-plan.docx, master-plan-outline.docx (the 纲要 edition), master-plan.json, \
            report.html, drafts/<draft>.json, feedback/<draft>.docx (each draft with its findings as \
            Word comments) and changes.json (what changed since the previous build's master-plan.json, \
            or --since FILE). \
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
        var engine = try BuildOptions.engine(options, strict: strict, useCache: !noCache, quiet: quiet)
        engine.keepInMemory = keepInMemory
        let summary = try await engine.perform(inputs: options.inputs, progress: Progress.make(quiet: quiet))
        for record in summary.rejected {
            FileHandle.standardError.write(Data(BuildLines.fileError(record.file, reason: record.reason ?? "").utf8))
        }
        if !quiet { print(BuildLines.built(summary)) }
    }
}

/// The one-line summaries of a build, as `build` and `watch` print them, and the error line of a
/// file that could not be read, as `build`, `check`, `extract` and `annotate` print it.
enum BuildLines {
    /// "error: FILE: REASON\n", control characters escaped.
    static func fileError(_ file: String, reason: String) -> String {
        "error: \(MessageText.escaped(file)): \(MessageText.escaped(reason))\n"
    }

    /// `build`: "built OUT/master-plan.docx, …[, master-plan-redline.docx] from N files (used …); coverage …; read …; 0.41 s"
    static func built(_ summary: BuildSummary) -> String {
        "built \(summary.out)/master-plan.docx, master-plan.json, report.html"
            + (summary.redline.map { ", " + $0 } ?? "") + " from \(summary.plan.inputs.count) files "
            + "(\(summary.statusCounts)); \(summary.coverageText); \(summary.cacheText); " + String(format: "%.2f s", summary.seconds)
    }

    /// `watch`: "built in 0.07 s: used …; coverage …; read …[; problems: …]"
    static func rebuilt(_ summary: BuildSummary) -> String {
        var line =
            "built in " + String(format: "%.2f s", summary.seconds)
            + ": \(summary.statusCounts); \(summary.coverageText); \(summary.cacheText)"
        let problems = summary.plan.inputs.filter { $0.status == .rejected || $0.status == .unassigned }
        if !problems.isEmpty {
            line +=
                "; problems: "
                + problems.map { MessageText.escaped("\($0.file): \($0.reason ?? $0.status.rawValue)") }.joined(separator: "; ")
        }
        return line
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
        help:
            "Templates folder; files it lacks come from the built-in templates (default: ./Templates when present, else the built-in templates).",
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

extension BuildOptions {
    /// The engine these options describe: templates (noting on stderr where they come from,
    /// unless `quiet`), master outline and reference document; an invalid one is thrown
    /// (`TemplateLoadError`, `BuildError`), rendered by `runAsRoot`.
    static func engine(_ options: BuildOptions, strict: Bool, useCache: Bool, quiet: Bool = false) throws -> BuildEngine {
        let set = try loadTemplates(
            options.templates,
            reading: TemplateSet.fileNames + [MasterOutline.fileName] + (options.referenceDoc == nil ? ["reference-docx/"] : []),
            quiet: quiet)
        var engine = try BuildEngine(
            templates: set, referenceDoc: options.referenceDoc, provenance: options.provenance, out: options.out,
            jobs: options.jobs, strict: strict, useCache: useCache)
        engine.since = options.since
        return engine
    }
}
