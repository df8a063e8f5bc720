import DocumentModel
import Foundation
import OOXML
import PlanAssembly
import PlanExtraction
import PlanModel

/// The files of a drop folder, classified before anything is read: drafts to read, and files
/// that are not drafts (lock files, temporary files, hidden files, folders), which are listed as
/// ignored so that every file is accounted for.
struct DropFolder {
    struct Entry: Sendable {
        var name: String
        var path: String
        /// nil: a candidate draft; otherwise why it is ignored (Chinese, for the report).
        var ignoredBecause: String?
    }

    let path: String
    let entries: [Entry]

    /// Lists `path` (not recursively), sorted by name so the result never depends on the file system.
    init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: path).sorted()
        entries = names.map { name in
            let full = (path as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: full, isDirectory: &isDirectory)
            return Entry(name: name, path: full, ignoredBecause: DropFolder.ignoreReason(name, isDirectory: isDirectory.boolValue))
        }
    }

    /// Why a file is not a draft at all, or nil when it should be read (and, if it is not a Word
    /// document, rejected with the reader's reason).
    static func ignoreReason(_ name: String, isDirectory: Bool) -> String? {
        if isDirectory { return "子文件夹（不读取子文件夹中的文件）" }
        if name.hasPrefix("~$") { return "Word 临时锁定文件（~$ 开头，文档打开时自动生成）" }
        if name.hasPrefix(".~lock.") && name.hasSuffix("#") { return "LibreOffice/WPS 锁定文件" }
        if name.hasPrefix(".") { return "隐藏文件" }
        let lower = name.lowercased()
        for suffix in [".tmp", ".temp", ".crdownload", ".part", ".partial", ".download", "~"] where lower.hasSuffix(suffix) {
            return "临时文件（复制或下载尚未完成）"
        }
        if lower.hasPrefix("~wr") || lower.hasPrefix("~wrl") { return "Word 临时文件" }
        return nil
    }

    var candidates: [Entry] { entries.filter { $0.ignoredBecause == nil } }
}

/// Reads and extracts drafts on all cores; results come back in input order, so the output does
/// not depend on scheduling.
struct ParallelExtraction {
    let reader: DocxReader
    let extractor: DraftExtractor

    enum Result: Sendable {
        case extracted(DraftExtraction, DraftContent, fileTime: Date?)
        case failed(DocxReadError)
    }

    func run(_ entries: [DropFolder.Entry], jobs: Int) -> [Result] {
        let box = ResultBox(count: entries.count)
        let reader = self.reader
        let extractor = self.extractor
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, jobs)
        for (index, entry) in entries.enumerated() {
            queue.addOperation {
                let result: Result
                do {
                    // The document model is dropped as soon as its items are extracted.
                    let document = try reader.read(path: entry.path, displayName: entry.name)
                    let extraction = extractor.extract(document, fileName: entry.name)
                    let content = DraftContent(document: document, extraction: extraction)
                    let time = (try? FileManager.default.attributesOfItem(atPath: entry.path))?[.modificationDate] as? Date
                    result = .extracted(extraction, content, fileTime: time)
                } catch let error as DocxReadError {
                    result = .failed(error)
                } catch {
                    result = .failed(DocxReadError(file: entry.name, reason: .io(message: "\(error)")))
                }
                box.set(index, result)
            }
        }
        queue.waitUntilAllOperationsAreFinished()
        return box.results
    }

    /// Slots filled from several threads, one per input, read once all are done.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ result: Result) {
            lock.lock()
            slots[index] = result
            lock.unlock()
        }
        var results: [Result] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
