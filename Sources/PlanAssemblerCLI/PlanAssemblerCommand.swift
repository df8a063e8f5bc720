import ArgumentParser
import Foundation
import PlanBuild
import PlanTemplates

/// The `plan-assembler` command line. Exit codes (documented in the README): 0 success,
/// 1 some input could not be read (the others were still processed), 2 an output could not be
/// written, 3 a template is invalid, 64 usage error.
public struct PlanAssemblerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan-assembler",
        abstract: "Merge per-topic plan drafts (DOCX) into one master plan outline.",
        discussion: """
            Put the drafts (.docx) in a folder and run `plan-assembler build FOLDER --out OUT` \
            (defaults: Inputs and Output): OUT gets master-plan.docx, master-plan.json, report.html \
            and drafts/. `plan-assembler check FILE...` prints each editor's summary of drafts.

            Templates: the catalog, section and indicator synonyms, safeguard categories, version \
            words, topic-matching thresholds, master outline and reference DOCX are built into the \
            tool, which needs nothing beside it. --templates DIR, or a Templates folder in the \
            current directory (announced on stderr), overrides them file by file; what the folder \
            lacks comes from the built-in templates, and a note on stderr names it. `plan-assembler \
            templates export DIR` writes the built-in templates out to edit; `plan-assembler \
            templates list` shows where each file comes from.

            Exit status: 0 success; 1 an input could not be read (the others were processed); 2 an \
            output could not be written; 3 a template is invalid; 64 usage error.
            """,
        subcommands: [
            BuildCommand.self, WatchCommand.self, CheckCommand.self, ExtractCommand.self, AnnotateCommand.self, DumpCommand.self,
            TemplatesCommand.self, GenerateManualCommand.self,
        ]
    )

    @Flag(help: "Print the tool's version and the fingerprint of the templates in use.")
    var version = false

    public init() {}

    public func run() async throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print(Self.versionText(), terminator: "")
    }

    /// `plan-assembler 0.7.0` and the templates in use (as a command run here would choose them)
    /// with their fingerprint.
    static func versionText() -> String {
        let builtIn = TemplateFingerprint.of(.builtIn)
        var out = "plan-assembler \(ToolIdentity.version)\n"
        if case .local = TemplateLocation.choose(nil) {
            let source = TemplateSource.folder(TemplateLocation.localFolder)
            out +=
                "templates: ./\(TemplateLocation.localFolder) (found in the current folder), fingerprint \(TemplateFingerprint.of(source))\n"
            out += "built-in templates: fingerprint \(builtIn)\n"
        } else {
            out += "templates: built-in, fingerprint \(builtIn)\n"
        }
        return out
    }

    /// The program's entry point: parses the arguments and runs the command, awaiting the
    /// asynchronous ones (`build`, `watch`). Top-level code calling `main()` would pick
    /// ParsableCommand's synchronous overload, which cannot run them.
    public static func runAsRoot() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            // The one place a command's failure is rendered and becomes an exit status.
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            exit(withError: failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}

/// An error a command ends with: its message for stderr (`error: …` lines) and its exit status.
/// Commands throw it; `runAsRoot` prints it and exits — loaders and the engine never print.
protocol CommandFailure: Error {
    var message: String { get }
    var exitCode: ExitCode { get }
}

extension BuildError: CommandFailure {
    var message: String { description }
    var exitCode: ExitCode { ExitStatus.of(self) }
}

/// The templates cannot be used (exit status 3).
struct TemplateLoadError: CommandFailure {
    var message: String
    var exitCode: ExitCode { ExitStatus.templateInvalid }
}

/// Exit codes shared by the commands.
public enum ExitStatus {
    public static let inputFailed = ExitCode(1)
    public static let outputFailed = ExitCode(2)
    public static let templateInvalid = ExitCode(3)
    public static let usage = ExitCode(64)

    /// The exit status of a failed build: the one place build errors become exit codes.
    public static func of(_ error: BuildError) -> ExitCode {
        switch error.kind {
        case .input: inputFailed
        case .output: outputFailed
        case .template: templateInvalid
        }
    }
}
