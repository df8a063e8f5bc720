import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates

/// Drafts named one by one (`check`, `extract`): each read once and extracted in parallel, then
/// superseded drafts resolved among them — the build's first pass without the cache or the
/// drop folder. One failure does not stop the others.
public struct DraftFiles: Sendable {
    public let templates: TemplateSet
    public var jobs: Int

    public init(templates: TemplateSet, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.templates = templates
        self.jobs = max(1, jobs)
    }

    public enum Outcome: Sendable {
        case extracted(DraftExtraction)
        case failed(file: String, error: DocxReadError)
    }

    /// What one file gave before supersession.
    struct Read: Sendable {
        var extraction: DraftExtraction
        var fileModified: Date?
    }

    /// Extracts each path (outcomes in the order given), then resolves superseded drafts among them.
    public func extract(_ paths: [String]) async -> [Outcome] {
        let extractor = DraftExtractor(templates: templates)
        let reads: [Result<Read, DocxReadError>] =
            (try? await ParallelMap.run(paths, jobs: jobs) { path in
                let name = (path as NSString).lastPathComponent
                do throws(DocxReadError) {
                    let document = try DocxReader().read(path: path, displayName: name)
                    return .success(
                        Read(extraction: extractor.extract(document, fileName: name), fileModified: FileSignature(path: path)?.modified))
                } catch {
                    return .failure(error)
                }
            }) ?? []
        var fileTimes: [String: Date] = [:]
        var extracted: [DraftExtraction] = []
        for case .success(let read) in reads {
            extracted.append(read.extraction)
            if let date = read.fileModified { fileTimes[read.extraction.source.file] = date }
        }
        var resolved = extractor.resolveSuperseded(extracted, fileTimes: fileTimes).makeIterator()
        return reads.map { read in
            switch read {
            case .success: .extracted(resolved.next()!)
            case .failure(let error): .failed(file: error.file, error: error)
            }
        }
    }
}
