import Foundation

/// The draft version words (`Templates/versions.yaml`): names, their other spellings and
/// their order from the oldest to the newest.
public struct VersionWords: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        /// The canonical name written into the extraction ("修改稿").
        public var name: String
        /// Other spellings that mean the same version ("修订稿", "二稿").
        public var aliases: [String]
        /// When set, this version is as new as the named earlier entry ("定稿" = "终稿").
        public var sameRankAs: String?

        public init(name: String, aliases: [String] = [], sameRankAs: String? = nil) {
            self.name = name
            self.aliases = aliases
            self.sameRankAs = sameRankAs
        }
    }

    /// Oldest first.
    public var versions: [Entry]
    /// When only the files' modification times tell two drafts of a topic apart and they lie
    /// closer than this many seconds (copied together), the choice is reported as uncertain.
    public var closeFileTimeSeconds: Double

    public init(versions: [Entry], closeFileTimeSeconds: Double = 60) {
        self.versions = versions
        self.closeFileTimeSeconds = closeFileTimeSeconds
    }

    enum CodingKeys: String, CodingKey { case versions, closeFileTimeSeconds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        versions = try c.decode([Entry].self, forKey: .versions)
        closeFileTimeSeconds = try c.decodeIfPresent(Double.self, forKey: .closeFileTimeSeconds) ?? 60
    }

    /// The rank of a canonical name (0 = oldest); entries tied by `sameRankAs` share a rank.
    public func rank(of name: String) -> Int? { ranks[name] }

    /// Every spelling (names and aliases) with its canonical name, longest spelling first so
    /// that "征求意见稿" is tried before "征求意见" and "第二稿" before "二稿".
    public var spellings: [(spelling: String, name: String)] {
        var out: [(spelling: String, name: String)] = []
        for entry in versions {
            out.append((entry.name, entry.name))
            for alias in entry.aliases { out.append((alias, entry.name)) }
        }
        return out.enumerated()
            .sorted { a, b in
                a.element.spelling.count != b.element.spelling.count
                    ? a.element.spelling.count > b.element.spelling.count : a.offset < b.offset
            }
            .map(\.element)
    }

    private var ranks: [String: Int] {
        var out: [String: Int] = [:]
        var next = 0
        for entry in versions {
            if let same = entry.sameRankAs, let shared = out[same] {
                out[entry.name] = shared
            } else {
                out[entry.name] = next
                next += 1
            }
        }
        return out
    }

    /// Loads and checks the version list: unique names and spellings, `sameRankAs` naming an
    /// earlier entry, no empty spelling.
    public static func load(from path: String) throws(TemplateError) -> VersionWords {
        let words = try TemplateLoader.load(VersionWords.self, from: path)
        try words.check(file: path)
        return words
    }

    /// Decodes and checks YAML text (`file` names it in errors).
    public static func decode(yaml: String, file: String) throws(TemplateError) -> VersionWords {
        let words = try TemplateLoader.decode(VersionWords.self, yaml: yaml, file: file)
        try words.check(file: file)
        return words
    }

    private func check(file: String) throws(TemplateError) {
        if versions.isEmpty { throw TemplateError(file: file, message: "versions is empty") }
        if !(closeFileTimeSeconds >= 0) {
            throw TemplateError(file: file, message: "closeFileTimeSeconds must be 0 or more, not \(closeFileTimeSeconds)")
        }
        var names: Set<String> = []
        var spelled: Set<String> = []
        for entry in versions {
            if let same = entry.sameRankAs, !names.contains(same) {
                throw TemplateError(file: file, message: "version \(entry.name): sameRankAs \(same) is not an earlier entry")
            }
            names.insert(entry.name)
            for spelling in [entry.name] + entry.aliases {
                if spelling.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw TemplateError(file: file, message: "version \(entry.name) has an empty spelling")
                }
                if !spelled.insert(spelling).inserted {
                    throw TemplateError(file: file, message: "version spelling \(spelling) appears twice")
                }
            }
        }
    }
}
