import Foundation
import Yams

/// Reads `master-outline.yaml` node by node, so that every refusal names the line of the
/// offending entry: unknown keys, section kinds, modes, tables, topic and part ids.
struct MasterOutlineParser {
    let file: String
    let catalog: Catalog

    /// Deepest heading level the writer numbers (一、 （一） 1. （1）).
    static let maxLevel = 4

    func parse(_ text: String) throws(TemplateError) -> MasterOutline {
        let root = try TemplateLoader.compose(text, file: file)

        let top = try mapping(root, "the outline")
        try checkKeys(
            top,
            [
                "title", "subtitle", "primaryTopic", "merge", "topicTitles", "missing", "safeguards", "indicators", "outlineEdition",
                "chapters",
            ])
        let primary = try string(required(top, "primaryTopic", in: root), "primaryTopic")
        if catalog.topic(primary) == nil {
            throw fail(top["primaryTopic"], "primaryTopic names unknown topic \"\(primary)\"")
        }
        let chaptersNode = try required(top, "chapters", in: root)
        let chapterNodes = try sequence(chaptersNode, "chapters")
        if chapterNodes.isEmpty { throw fail(chaptersNode, "chapters is empty") }
        var chapters: [MasterOutline.Node] = []
        for c in chapterNodes { chapters.append(try node(c, level: 1)) }

        return MasterOutline(
            file: file, title: try string(required(top, "title", in: root), "title"),
            subtitle: try top["subtitle"].map { n throws(TemplateError) in try string(n, "subtitle") },
            primaryTopic: primary, merge: try mergeSettings(top["merge"]), topicTitles: try topicTitles(top["topicTitles"]),
            missing: try missing(top["missing"]), safeguards: try safeguards(top["safeguards"]),
            indicators: try indicators(top["indicators"]), chapters: chapters, outlineEdition: try edition(top["outlineEdition"]))
    }

    private func edition(_ n: Node?) throws(TemplateError) -> MasterOutline.Edition? {
        guard let n else { return nil }
        let m = try mapping(n, "outlineEdition")
        try checkKeys(m, ["file", "subtitle"])
        let file = try string(required(m, "file", in: n), "file")
        if file.contains("/") || !file.hasSuffix(".docx") || file == "master-plan.docx" {
            throw fail(m["file"], "outlineEdition.file must be a .docx file name without folder, other than master-plan.docx")
        }
        return MasterOutline.Edition(file: file, subtitle: try m["subtitle"].map { x throws(TemplateError) in try string(x, "subtitle") })
    }

    // MARK: Headings

    private func node(_ n: Node, level: Int) throws(TemplateError) -> MasterOutline.Node {
        let m = try mapping(n, "a heading")
        try checkKeys(m, ["title", "content", "children", "embed", "outline"])
        if level > Self.maxLevel { throw fail(n, "headings go at most \(Self.maxLevel) levels deep") }
        let title = try string(required(m, "title", in: n), "title")
        var content: [MasterOutline.Collector] = []
        if let c = m["content"] {
            for entry in try sequence(c, "content") {
                let collector = try collector(entry)
                let generates = [.perTopic, .perTopicThemes, .groupByCategory, .categoryThemes, .groupByPart].contains(collector.mode)
                if generates && level >= Self.maxLevel {
                    throw fail(entry, "mode \(collector.mode.rawValue) makes sub-headings below level \(Self.maxLevel)")
                }
                content.append(collector)
            }
        }
        var children: [MasterOutline.Node] = []
        if let c = m["children"] {
            for child in try sequence(c, "children") { children.append(try node(child, level: level + 1)) }
        }
        var embed: MasterOutline.Embed? = nil
        if let e = m["embed"] {
            let name = try string(e, "embed")
            guard let value = MasterOutline.Embed(rawValue: name) else {
                throw fail(e, "unknown table \"\(name)\" (known: \(MasterOutline.Embed.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            embed = value
        }
        var outline: MasterOutline.EditionContent? = nil
        if let o = m["outline"] {
            let name = try string(o, "outline")
            guard let value = MasterOutline.EditionContent(rawValue: name) else {
                throw fail(
                    o,
                    "unknown outline content \"\(name)\" (known: \(MasterOutline.EditionContent.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            outline = value
        }
        return MasterOutline.Node(title: title, content: content, children: children, embed: embed, line: line(n), outline: outline)
    }

    private func collector(_ n: Node) throws(TemplateError) -> MasterOutline.Collector {
        let m = try mapping(n, "a content entry")
        try checkKeys(m, ["from", "section", "mode"])
        let fromNode = try required(m, "from", in: n)
        let source: MasterOutline.Source
        if let word = fromNode.scalar?.string {
            switch word {
            case "all": source = .all
            case "others": source = .others
            default: throw fail(fromNode, "from must be all, others, {topic: id} or {part: id}, not \"\(word)\"")
            }
        } else {
            let fm = try mapping(fromNode, "from")
            try checkKeys(fm, ["topic", "part"])
            if let t = fm["topic"], fm["part"] == nil {
                let id = try string(t, "topic")
                if catalog.topic(id) == nil { throw fail(t, "unknown topic id \"\(id)\"") }
                source = .topic(id)
            } else if let p = fm["part"], fm["topic"] == nil {
                let id = try string(p, "part")
                if catalog.part(id) == nil {
                    throw fail(p, "unknown part id \"\(id)\" (known: \(catalog.parts.map(\.id).joined(separator: ", ")))")
                }
                source = .part(id)
            } else {
                throw fail(fromNode, "from needs exactly one of topic or part")
            }
        }
        let sectionNode = try required(m, "section", in: n)
        let names = sectionNode.sequence.map(Array.init) ?? [sectionNode]
        if names.isEmpty { throw fail(sectionNode, "section is empty") }
        var sections: [MasterOutline.SectionName] = []
        for s in names {
            let name = try string(s, "section")
            guard let kind = MasterOutline.SectionName(rawValue: name), MasterOutline.collectableSections.contains(kind) else {
                throw fail(
                    s,
                    "unknown section kind \"\(name)\" (known: \(MasterOutline.collectableSections.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            sections.append(kind)
        }
        var mode = MasterOutline.Mode.full
        if let modeNode = m["mode"] {
            let name = try string(modeNode, "mode")
            guard let value = MasterOutline.Mode(rawValue: name) else {
                throw fail(
                    modeNode, "unknown mode \"\(name)\" (known: \(MasterOutline.Mode.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            mode = value
        }
        if (mode == .groupByCategory || mode == .categoryThemes) && sections != [.safeguards] {
            throw fail(sectionNode, "mode \(mode.rawValue) takes section safeguards only")
        }
        return MasterOutline.Collector(from: source, sections: sections, mode: mode, line: line(n))
    }

    // MARK: Settings blocks

    private func mergeSettings(_ n: Node?) throws(TemplateError) -> MergeSettings {
        var s = MergeSettings()
        guard let n else { return s }
        let m = try mapping(n, "merge")
        try checkKeys(m, ["threshold", "ngrams", "stopPhrases", "summaryLength"])
        if let t = m["threshold"] {
            guard let v = t.float, v > 0, v <= 1 else { throw fail(t, "threshold must be a number above 0 and at most 1") }
            s.threshold = v
        }
        if let g = m["ngrams"] {
            var sizes: [Int] = []
            for item in try sequence(g, "ngrams") {
                guard let v = item.int, (1...4).contains(v) else { throw fail(item, "ngrams are sizes from 1 to 4") }
                sizes.append(v)
            }
            if sizes.isEmpty { throw fail(g, "ngrams is empty") }
            s.ngrams = sizes
        }
        if let p = m["stopPhrases"] { s.stopPhrases = try strings(p, "stopPhrases") }
        if let l = m["summaryLength"] {
            guard let v = l.int, v > 0 else { throw fail(l, "summaryLength must be a positive number of characters") }
            s.summaryLength = v
        }
        return s
    }

    private func topicTitles(_ n: Node?) throws(TemplateError) -> TopicTitleRules {
        guard let n else { return TopicTitleRules() }
        let m = try mapping(n, "topicTitles")
        try checkKeys(m, ["removePrefixes", "removeSuffixes", "overrides"])
        var overrides: [String: String] = [:]
        if let o = m["overrides"] {
            for (key, value) in try mapping(o, "overrides") {
                let id = try string(key, "a topic id")
                if catalog.topic(id) == nil { throw fail(key, "unknown topic id \"\(id)\"") }
                overrides[id] = try string(value, "a heading")
            }
        }
        return TopicTitleRules(
            removePrefixes: try m["removePrefixes"].map { x throws(TemplateError) in try strings(x, "removePrefixes") } ?? [],
            removeSuffixes: try m["removeSuffixes"].map { x throws(TemplateError) in try strings(x, "removeSuffixes") } ?? [],
            overrides: overrides)
    }

    private func missing(_ n: Node?) throws(TemplateError) -> MissingMessages {
        var s = MissingMessages()
        guard let n else { return s }
        let m = try mapping(n, "missing")
        try checkKeys(m, ["noDraft", "unreadable", "unidentified", "noSection"])
        if let v = m["noDraft"] { s.noDraft = try string(v, "noDraft") }
        if let v = m["unreadable"] { s.unreadable = try string(v, "unreadable") }
        if let v = m["unidentified"] { s.unidentified = try string(v, "unidentified") }
        if let v = m["noSection"] { s.noSection = try string(v, "noSection") }
        return s
    }

    private func safeguards(_ n: Node?) throws(TemplateError) -> SafeguardGrouping {
        var s = SafeguardGrouping()
        guard let n else { return s }
        let m = try mapping(n, "safeguards")
        try checkKeys(m, ["order", "otherTitle", "titles"])
        if let v = m["order"] { s.order = try strings(v, "order") }
        if let v = m["otherTitle"] { s.otherTitle = try string(v, "otherTitle") }
        if let v = m["titles"] {
            for (key, value) in try mapping(v, "titles") { s.titles[try string(key, "a category")] = try string(value, "a heading") }
        }
        return s
    }

    private func indicators(_ n: Node?) throws(TemplateError) -> IndicatorSettings {
        guard let n else { return IndicatorSettings() }
        let m = try mapping(n, "indicators")
        try checkKeys(m, ["mainTopics"])
        var ids: [String] = []
        if let v = m["mainTopics"] {
            for item in try sequence(v, "mainTopics") {
                let id = try string(item, "a topic id")
                if catalog.topic(id) == nil { throw fail(item, "unknown topic id \"\(id)\"") }
                ids.append(id)
            }
        }
        return IndicatorSettings(mainTopics: ids)
    }

    // MARK: Node access

    private func line(_ n: Node?) -> Int { n?.mark?.line ?? 0 }

    private func fail(_ n: Node?, _ message: String) -> TemplateError {
        TemplateError(file: file, line: n?.mark?.line, column: n?.mark?.column, message: message)
    }

    private func mapping(_ n: Node, _ what: String) throws(TemplateError) -> Node.Mapping {
        guard let m = n.mapping else { throw fail(n, "\(what) must be a mapping") }
        return m
    }

    private func sequence(_ n: Node, _ what: String) throws(TemplateError) -> [Node] {
        guard let s = n.sequence else { throw fail(n, "\(what) must be a list") }
        return Array(s)
    }

    private func string(_ n: Node, _ what: String) throws(TemplateError) -> String {
        guard let s = n.scalar?.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(n, "\(what) must be a non-empty text")
        }
        return s
    }

    private func strings(_ n: Node, _ what: String) throws(TemplateError) -> [String] {
        var out: [String] = []
        for item in try sequence(n, what) { out.append(try string(item, what)) }
        return out
    }

    private func required(_ m: Node.Mapping, _ key: String, in parent: Node) throws(TemplateError) -> Node {
        guard let v = m[key] else { throw fail(parent, "missing key \"\(key)\"") }
        return v
    }

    private func checkKeys(_ m: Node.Mapping, _ allowed: [String]) throws(TemplateError) {
        for (key, _) in m {
            let name = key.scalar?.string ?? ""
            if !allowed.contains(name) {
                throw fail(key, "unknown key \"\(name)\" (known: \(allowed.joined(separator: ", ")))")
            }
        }
    }
}
