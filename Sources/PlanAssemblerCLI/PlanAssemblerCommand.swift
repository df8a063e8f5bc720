import ArgumentParser

/// The `plan-assembler` command line. Exit codes (documented in the README): 0 success,
/// 1 some input could not be read (the others were still processed), 2 an output could not be
/// written, 3 a template is invalid, 64 usage error.
public struct PlanAssemblerCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan-assembler",
        abstract: "Merge per-topic plan drafts (DOCX) into one master plan outline.",
        subcommands: [BuildCommand.self, WatchCommand.self, CheckCommand.self, ExtractCommand.self, DumpCommand.self]
    )
    public init() {}
}

/// Exit codes shared by the commands.
public enum ExitStatus {
    public static let inputFailed = ExitCode(1)
    public static let outputFailed = ExitCode(2)
    public static let templateInvalid = ExitCode(3)
    public static let usage = ExitCode(64)
}
