import ArgumentParser
import DocumentModel
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates

/// What `check` and `extract` share: the templates and the draft files.
struct DraftFileOptions: ParsableArguments {
    @Option(
        help: "Templates folder; files it lacks come from the built-in templates (default: ./Templates when present, else the built-in templates).",
        completion: .directory)
    var templates: String?

    @Argument(help: "Draft files (.docx).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    /// The templates, and a pipeline reading and extracting with them.
    func pipeline() throws -> (TemplateSet, DraftPipeline) {
        let set = try loadTemplates(templates)
        return (set, DraftPipeline(reader: DocxReader(), extractor: DraftExtractor(templates: set)))
    }
}

/// Reads and extracts drafts; one failure does not stop the others.
struct DraftPipeline {
    let reader: DocxReader
    let extractor: DraftExtractor

    enum Outcome {
        case extracted(DraftExtraction)
        case failed(file: String, error: DocxReadError)
    }

    /// Extracts each path (in the order given), then resolves superseded drafts among them.
    func run(_ paths: [String]) -> [Outcome] {
        var outcomes: [Outcome] = []
        var fileTimes: [String: Date] = [:]
        for path in paths {
            let name = (path as NSString).lastPathComponent
            do {
                let document = try reader.read(path: path, displayName: name)
                outcomes.append(.extracted(extractor.extract(document, fileName: name)))
                if let date = FileSignature(path: path)?.modified { fileTimes[name] = date }
            } catch {
                outcomes.append(.failed(file: name, error: error))
            }
        }
        let extracted = outcomes.compactMap { if case .extracted(let d) = $0 { d } else { nil } }
        var resolved = extractor.resolveSuperseded(extracted, fileTimes: fileTimes).makeIterator()
        return outcomes.map { outcome in
            if case .extracted = outcome, let next = resolved.next() { return .extracted(next) }
            return outcome
        }
    }
}

/// JSON with sorted keys, the way every product file is written.
enum ProductJSON {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}
