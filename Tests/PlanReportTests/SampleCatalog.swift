import Foundation

/// The catalog entries of Templates/catalog.yaml, read line by line (this test target has no
/// YAML library): enough to build coverage rows that follow the real catalog.
struct SampleCatalog {
    struct Topic: Equatable {
        var id: String
        var part: String
        var title: String
    }

    var partTitles: [String: String] = [:]
    var topics: [Topic] = []

    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> SampleCatalog {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/catalog.yaml"), encoding: .utf8)
        var catalog = SampleCatalog()
        var section = ""
        var id: String?
        var part: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("parts:") { section = "parts"; continue }
            if line.hasPrefix("topics:") { section = "topics"; continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let v = value(trimmed, "- id:") {
                id = v
                part = nil
            } else if let v = value(trimmed, "part:") {
                part = v
            } else if let v = value(trimmed, "title:"), let currentId = id {
                if section == "parts" {
                    catalog.partTitles[currentId] = v
                } else if section == "topics", let part {
                    catalog.topics.append(Topic(id: currentId, part: part, title: v))
                }
            }
        }
        return catalog
    }

    private static func value(_ line: String, _ key: String) -> String? {
        guard line.hasPrefix(key) else { return nil }
        var v = line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
        if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
        return v
    }
}
