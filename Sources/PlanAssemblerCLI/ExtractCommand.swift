import ArgumentParser
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates

/// `plan-assembler extract`: one JSON per draft (Templates/schema/draft-extraction.schema.json).
struct ExtractCommand: ParsableCommand {
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

    func run() throws {
        let (_, pipeline) = try drafts.pipeline()
        let files = drafts.files
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            FileHandle.standardError.write(Data("error: \(out): cannot create the output folder: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.outputFailed
        }
        var failed = false
        for outcome in pipeline.run(files) {
            switch outcome {
            case .failed(_, let error):
                failed = true
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            case .extracted(let draft):
                let name = (draft.source.file as NSString).deletingPathExtension + ".json"
                let path = (out as NSString).appendingPathComponent(name)
                do {
                    try AtomicFile.write(ProductJSON.encode(draft), to: path)
                } catch {
                    FileHandle.standardError.write(Data("error: \(path): \(error)\n".utf8))
                    throw ExitStatus.outputFailed
                }
            }
        }
        if failed { throw ExitStatus.inputFailed }
    }
}
