import ArgumentParser
import Foundation
import OOXML
import PlanBuild
import PlanExtraction
import PlanModel
import PlanTemplates

/// What `check` and `extract` share: the templates and the draft files.
struct DraftFileOptions: ParsableArguments {
    @Option(
        help:
            "Templates folder; files it lacks come from the built-in templates (default: ./Templates when present, else the built-in templates).",
        completion: .directory)
    var templates: String?

    @Argument(help: "Draft files (.docx).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }
}

/// Creates the folder a per-draft command writes into; a folder that cannot be created is an
/// output failure (exit status 2), named on stderr.
func createOutputFolder(_ out: String) throws {
    // mkdir -p by hand: the folder that could not be made and the system's reason (strerror),
    // control characters escaped (Foundation's error here is a bare NSCocoaErrorDomain 512).
    if let (at, code) = OutputLock.makeDirectories(out) {
        FileHandle.standardError.write(
            Data(
                "error: \(MessageText.escaped(out)): cannot create the output folder: \(MessageText.escaped(at)): \(String(cString: strerror(code)))\n"
                    .utf8))
        throw ExitStatus.outputFailed
    }
}

/// `plan-assembler extract`: one JSON per draft (Templates/schema/draft-extraction.schema.json).
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract topic, outline, goals, indicators, tasks and safeguards from drafts into JSON.",
        discussion: """
            Writes <out>/<draft name>.json for each draft (atomically). Drafts of the same topic \
            given together are compared and the older ones marked superseded. A file that cannot \
            be read prints `error: <file>: <reason>` and the exit status is 1; the others are still \
            extracted.
            """
    )

    @Option(help: "Folder for the JSON files.")
    var out = "Output/drafts"

    @OptionGroup var drafts: DraftFileOptions

    func run() async throws {
        let set = try loadTemplates(drafts.templates)
        let files = drafts.files
        try createOutputFolder(out)
        var failed = false
        for outcome in await DraftFiles(templates: set).extract(files) {
            switch outcome {
            case .failed(_, let error):
                failed = true
                FileHandle.standardError.write(Data(BuildLines.fileError(error.file, reason: "\(error.reason)").utf8))
            case .extracted(let draft):
                let name = (draft.source.file as NSString).deletingPathExtension + ".json"
                let path = (out as NSString).appendingPathComponent(name)
                do {
                    try AtomicFile.write(ProductJSON.encode(draft), to: path)
                } catch {
                    FileHandle.standardError.write(Data("error: \(MessageText.escaped("\(error)"))\n".utf8))
                    throw ExitStatus.outputFailed
                }
            }
        }
        if failed { throw ExitStatus.inputFailed }
    }
}
