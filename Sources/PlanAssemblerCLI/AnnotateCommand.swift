import ArgumentParser
import Foundation
import OOXML
import PlanBuild
import PlanFeedback

/// `plan-assembler annotate`: each draft with the office's findings as Word comments.
struct AnnotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Write a copy of each draft with its problems as Word comments (author 规划汇编).",
        discussion: """
            Writes <out>/<draft name>.docx: the editor's own file, every part kept byte for byte \
            except the comment marks added to the document and the comments part (created or \
            extended). A file that cannot be read prints `error: <file>: <reason>` and the exit \
            status is 1; the others are still annotated.
            """
    )

    @Option(help: "Folder for the annotated copies.")
    var out = "Output/feedback"

    @OptionGroup var drafts: DraftFileOptions

    func run() async throws {
        let set = try loadTemplates(drafts.templates)
        let files = drafts.files
        try createOutputFolder(out)
        let paths = Dictionary(files.map { (($0 as NSString).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
        let annotator = DraftAnnotator(date: DraftFeedback.dateFromEnvironment())
        var failed = false
        for outcome in await DraftFiles(templates: set).extract(files) {
            switch outcome {
            case .failed(_, let error):
                failed = true
                FileHandle.standardError.write(Data(BuildLines.fileError(error.file, reason: "\(error.reason)").utf8))
            case .extracted(let draft):
                guard let source = paths[draft.source.file] else { continue }
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: source))
                } catch {
                    // Read a moment ago, gone or unreadable now: said with the system's reason.
                    failed = true
                    FileHandle.standardError.write(Data("error: \(MessageText.describe(error))\n".utf8))
                    continue
                }
                let target = (out as NSString).appendingPathComponent(draft.source.file)
                let bytes: [UInt8]
                do {
                    bytes = try DraftFeedback.annotate(
                        bytes: Array(data), name: draft.source.file, draft: draft, plan: nil, annotator: annotator
                    ).bytes
                } catch {
                    // Read, but not copied faithfully (a damaged part the reader does not need…).
                    failed = true
                    FileHandle.standardError.write(
                        Data("error: \(MessageText.escaped(draft.source.file)): cannot annotate: \(MessageText.escaped("\(error)"))\n".utf8)
                    )
                    continue
                }
                do {
                    try AtomicFile.write(bytes, to: target)
                } catch {
                    FileHandle.standardError.write(Data("error: \(MessageText.escaped("\(error)"))\n".utf8))
                    throw ExitStatus.outputFailed
                }
            }
        }
        if failed { throw ExitStatus.inputFailed }
    }
}
