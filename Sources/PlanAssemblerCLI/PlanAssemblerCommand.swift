import ArgumentParser

public struct PlanAssemblerCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan-assembler",
        abstract: "Merge per-topic plan drafts (DOCX) into one master plan outline."
    )
    public init() {}
}
