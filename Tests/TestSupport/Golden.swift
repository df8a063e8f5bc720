import Foundation

/// The one golden-file harness: the golden tests compare their text with a reviewed file, and
/// one switch, `UPDATE_GOLDEN=1` (`make golden`), rewrites every golden file instead (then read
/// the diff).
public enum Golden {
    /// Whether this run rewrites the golden files.
    public static var updating: Bool { getenv("UPDATE_GOLDEN").map { String(cString: $0) } == "1" }

    /// nil when `actual` equals the golden file at `path`; else what differs (first line). When
    /// updating, `actual` is written first (folders created).
    public static func mismatch(_ actual: String, goldenFile path: String) throws -> String? {
        if updating {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        guard actual != expected else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let name = (path as NSString).lastPathComponent
        if let i = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            return
                "\(name) differs at line \(i + 1):\n  got      \(a[i])\n  expected \(b[i])\n(make golden to refresh, then review the diff)"
        }
        return "\(name) differs in length: \(a.count) lines, expected \(b.count) (make golden to refresh, then review the diff)"
    }
}
