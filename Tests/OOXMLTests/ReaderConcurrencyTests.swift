import DocumentModel
import PlanSupport
import Foundation
import OOXML
import Testing

/// The build reads drafts in parallel: reads on several threads at once must give exactly the
/// documents a single read gives.
struct ReaderConcurrencyTests {
    static let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Inputs").standardized

    @Test("Reading drafts on many threads at once gives the same documents as reading them one by one")
    func parallelReads() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.inputs.path).filter { $0.hasSuffix(".docx") }.sorted().prefix(
            12)
        let reader = DocxReader()
        var expected: [String: Document] = [:]
        for file in files { expected[file] = try reader.read(path: Self.inputs.appendingPathComponent(file).path, displayName: file) }
        let results = try await withThrowingTaskGroup(of: (String, Document).self) { group in
            for round in 0..<4 {
                for file in files {
                    group.addTask {
                        _ = round
                        return (file, try reader.read(path: Self.inputs.appendingPathComponent(file).path, displayName: file))
                    }
                }
            }
            var all: [(String, Document)] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == files.count * 4)
        for (file, document) in results { #expect(document == expected[file], "\(file) differs when read concurrently") }
    }
}
