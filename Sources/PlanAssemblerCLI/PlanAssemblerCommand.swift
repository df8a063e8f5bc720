import ArgumentParser

/// The `plan-assembler` command line. Exit codes (documented in the README): 0 success,
/// 1 some input could not be read (the others were still processed), 2 an output could not be
/// written, 3 a template is invalid, 64 usage error.
public struct PlanAssemblerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan-assembler",
        abstract: "Merge per-topic plan drafts (DOCX) into one master plan outline.",
        subcommands: [BuildCommand.self, WatchCommand.self, CheckCommand.self, ExtractCommand.self, DumpCommand.self]
    )
    public init() {}

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
        } catch {
            exit(withError: error)
        }
    }
}

/// Exit codes shared by the commands.
public enum ExitStatus {
    public static let inputFailed = ExitCode(1)
    public static let outputFailed = ExitCode(2)
    public static let templateInvalid = ExitCode(3)
    public static let usage = ExitCode(64)
}
