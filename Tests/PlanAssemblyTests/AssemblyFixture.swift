import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanAssembly
import PlanExtraction
import PlanModel
import PlanTemplates

/// The shipped templates and the drafts of `Inputs/`, read and extracted once (superseding
/// resolved across all of them), with their prose (`DraftContent`).
enum AssemblyFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let templatesPath = root.appendingPathComponent("Templates").path
    static let templates = try! TemplateSet.load(directory: templatesPath)
    static let outline = try! MasterOutline.load(
        from: templatesPath + "/" + MasterOutline.fileName, catalog: templates.catalog)
    static let assembler = Assembler(templates: templates, outline: outline)
    static let date = "2020-10-28T17:40:00Z"

    struct Draft: Sendable {
        var extraction: DraftExtraction
        var content: DraftContent
    }

    /// Every draft of Inputs/, in file-name order.
    static let drafts: [Draft] = {
        let dir = root.appendingPathComponent("Inputs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".docx") && !$0.hasPrefix("~$") }.sorted()
        let extractor = DraftExtractor(templates: templates)
        let read = names.map { name in
            extractor.extractDraft(
                try! DocxReader().read(path: dir.appendingPathComponent(name).path, displayName: name), fileName: name)
        }
        let resolved = extractor.resolveSuperseded(read.map(\.extraction))
        return zip(resolved, read).map { Draft(extraction: $0, content: $1.content) }
    }()

    /// The drop-folder accounting the lead's `build` makes, from the extractions.
    static func inputs(_ drafts: [Draft]) -> [InputRecord] {
        drafts.map { d in
            let e = d.extraction
            let status: InputRecord.Status = e.topic.id == nil ? .unassigned : (e.supersededBy == nil ? .used : .superseded)
            return InputRecord(file: e.source.file, status: status, topic: e.topic.id, sha256: e.source.sha256)
        }
    }

    static func assemble(_ drafts: [Draft], assembler: Assembler = assembler) -> MasterPlan {
        assembler.assemble(
            drafts: drafts.map(\.extraction), contents: drafts.map(\.content), inputs: inputs(drafts), date: date)
    }

    /// The plan of every draft of Inputs/.
    static let plan: MasterPlan = assemble(drafts)

    /// The drafts of these catalog topics (current ones and their superseded drafts).
    static func drafts(topics: Set<String>) -> [Draft] {
        drafts.filter { $0.extraction.topic.id.map(topics.contains) ?? false }
    }

    /// Pretty JSON with sorted keys, as the product files are written.
    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
