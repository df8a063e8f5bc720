import Foundation

/// The shared DOCX corpus (`/work/shared/corpus`: real files, hostile inputs, reference text):
/// `$CORPUS` when set, else `../shared/corpus` beside the package checkout. Tests that need it
/// use `.enabled(if: SharedCorpus.root != nil, SharedCorpus.missingMessage)`.
public enum SharedCorpus {
    public static let root: String? = {
        if let env = ProcessInfo.processInfo.environment["CORPUS"], FileManager.default.fileExists(atPath: env) { return env }
        let here = URL(fileURLWithPath: #filePath)  // <package>/Tests/TestSupport/SharedCorpus.swift
        let path = here.deletingLastPathComponent().appendingPathComponent("../../../shared/corpus").standardized.path
        return FileManager.default.fileExists(atPath: path + "/hostile/EXPECTED.tsv") ? path : nil
    }()

    public static let missingMessage = "the shared corpus was not found (set CORPUS or check out ../shared/corpus next to the package)"

    /// `relativePath` inside the corpus (root must be non-nil).
    public static func path(_ relativePath: String) -> String { (root ?? "/nonexistent") + "/" + relativePath }

    /// The rows of a tab-separated corpus table with a header line (`MANIFEST.tsv`,
    /// `hostile/EXPECTED.tsv`, `expected/STATUS.tsv`), as dictionaries; empty without the corpus.
    public static func table(_ relativePath: String) -> [[String: String]] {
        guard root != nil, let text = try? String(contentsOfFile: path(relativePath), encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { fields in
            Dictionary(
                header.enumerated().map { ($0.element, $0.offset < fields.count ? fields[$0.offset] : "") }, uniquingKeysWith: { a, _ in a }
            )
        }
    }
}
