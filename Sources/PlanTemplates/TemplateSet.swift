import Foundation

/// Everything in `Templates/` that the extraction stage reads, loaded and checked together.
public struct TemplateSet: Sendable {
    public var directory: String
    public var catalog: Catalog
    public var sections: SectionSynonyms
    public var indicators: IndicatorSynonyms
    public var safeguards: SafeguardCategories
    public var versions: VersionWords
    public var topicMatching: TopicMatchingRules

    /// Loads every template from `directory`; the first bad file stops with its line.
    public static func load(directory: String) throws(TemplateError) -> TemplateSet {
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        return TemplateSet(
            directory: directory,
            catalog: try Catalog.load(from: path("catalog.yaml")),
            sections: try SectionSynonyms.load(from: path(SectionSynonyms.fileName)),
            indicators: try IndicatorSynonyms.load(from: path(IndicatorSynonyms.fileName)),
            safeguards: try SafeguardCategories.load(from: path(SafeguardCategories.fileName)),
            versions: try VersionWords.load(from: path("versions.yaml")),
            topicMatching: try TopicMatchingRules.load(from: path("topic-matching.yaml")))
    }

    /// The bytes of every template file, in a fixed order: a cache key that changes whenever an
    /// office edits a template.
    public func fingerprintInputs() -> [String] {
        ["catalog.yaml", SectionSynonyms.fileName, IndicatorSynonyms.fileName, SafeguardCategories.fileName,
         "versions.yaml", "topic-matching.yaml", "master-outline.yaml"]
    }
}
