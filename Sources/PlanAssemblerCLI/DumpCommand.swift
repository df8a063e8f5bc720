import ArgumentParser
import DocumentModel
import PlanSupport
import Foundation
import OOXML

/// `plan-assembler dump`: what the reader sees in each file.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print what the reader finds in Word files: text, structure tree or JSON model.",
        discussion: """
            A file that cannot be read prints `error: <file>: <reason>` on stderr; the other files \
            are still dumped, and the exit status is 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, tree, json
    }

    @Option(help: "Output format: text (one paragraph per line), tree (structure) or json (the model).")
    var format: Format = .text

    @Option(help: "Which view of tracked changes: accepted or rejected.")
    var view: RevisionView = .accepted

    // Named explicitly: the derived name would be --max-entry-mi-b.
    @Option(name: .customLong("max-entry-mib"), help: "Largest uncompressed size of one zip entry, in MiB.")
    var maxEntryMiB: Int64 = 256

    @Argument(help: "Word files (.docx, .docm, .dotx, .dotm).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        var limits = ReadLimits.default
        limits.maxEntrySize = maxEntryMiB << 20
        let reader = DocxReader(limits: limits, view: view)
        var failed = false
        for file in files {
            do {
                let document = try reader.read(path: file)
                let output: String
                switch format {
                case .text: output = DocumentRendering.plainText(document)
                case .tree: output = DocumentRendering.tree(document)
                case .json: output = try DocumentRendering.json(document)
                }
                // The string's own bytes, not a copy of them (the text of a large draft is MBs).
                var bytes = output
                bytes.withUTF8 { utf8 in
                    guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
                    FileHandle.standardOutput.write(
                        Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: utf8.count, deallocator: .none))
                }
            } catch {
                failed = true
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
        }
        if failed { throw ExitStatus.inputFailed }
    }
}

extension RevisionView: ExpressibleByArgument {}
