import Foundation

/// Everything in `Templates/` that the extraction stage reads, loaded and checked together.
public struct TemplateSet: Sendable {
    /// The folder the templates were loaded from; `<built-in>` for the built-in templates.
    public var directory: String
    /// Where each file came from (built in, or a folder with per-file fallback).
    public var source: TemplateSource
    public var catalog: Catalog
    public var sections: SectionSynonyms
    public var indicators: IndicatorSynonyms
    public var safeguards: SafeguardCategories
    public var versions: VersionWords
    public var topicMatching: TopicMatchingRules

    /// The files the extraction reads.
    public static let fileNames = [
        "catalog.yaml", SectionSynonyms.fileName, IndicatorSynonyms.fileName, SafeguardCategories.fileName,
        "versions.yaml", "topic-matching.yaml",
    ]

    /// Loads every template from `directory` alone (no built-in fallback); the first bad file
    /// stops with its line.
    public static func load(directory: String) throws(TemplateError) -> TemplateSet {
        try load(from: .folder(directory, fallingBack: false))
    }

    /// The templates built into the executable.
    public static func builtIn() throws(TemplateError) -> TemplateSet {
        try load(from: .builtIn)
    }

    /// Loads every template from `source`, each file from where the source finds it; the first
    /// bad file stops with its line.
    public static func load(from source: TemplateSource) throws(TemplateError) -> TemplateSet {
        let catalog = try source.text("catalog.yaml")
        let catalogValue = try Catalog.decode(yaml: catalog.text, file: catalog.file)
        let sections = try source.text(SectionSynonyms.fileName)
        let sectionsValue = try SectionSynonyms.decode(yaml: sections.text, file: sections.file)
        let indicators = try source.text(IndicatorSynonyms.fileName)
        let indicatorsValue = try IndicatorSynonyms.decode(yaml: indicators.text, file: indicators.file)
        let safeguards = try source.text(SafeguardCategories.fileName)
        let safeguardsValue = try SafeguardCategories.decode(yaml: safeguards.text, file: safeguards.file)
        let versions = try source.text("versions.yaml")
        let versionsValue = try VersionWords.decode(yaml: versions.text, file: versions.file)
        let topicMatching = try source.text("topic-matching.yaml")
        return TemplateSet(
            directory: source.folder ?? TemplateSource.builtInLabel, source: source, catalog: catalogValue,
            sections: sectionsValue, indicators: indicatorsValue, safeguards: safeguardsValue, versions: versionsValue,
            topicMatching: try TopicMatchingRules.decode(yaml: topicMatching.text, file: topicMatching.file))
    }

    /// The master outline of the same source, checked against this catalog.
    public func masterOutline() throws(TemplateError) -> MasterOutline {
        let outline = try source.text(MasterOutline.fileName)
        var value = try MasterOutline.decode(yaml: outline.text, file: outline.file, catalog: catalog)
        // The theme lexicon goes with the outline; a source without one has no themes.
        if source.bytes(ThemeLexicon.fileName) != nil {
            let themes = try source.text(ThemeLexicon.fileName)
            value.themes = try ThemeLexicon.decode(yaml: themes.text, file: themes.file)
        }
        return value
    }

    /// The names of every template file whose bytes key the draft cache, in a fixed order: the
    /// key changes whenever an office edits one of them.
    public func fingerprintInputs() -> [String] {
        Self.fileNames + [MasterOutline.fileName, ThemeLexicon.fileName]
    }

    /// The bytes in use of each of `fingerprintInputs()` (from the folder or built in; empty
    /// when there is none), in the same order.
    public func fingerprintBytes() -> [(name: String, bytes: [UInt8])] {
        fingerprintInputs().map { ($0, source.bytes($0) ?? []) }
    }
}
