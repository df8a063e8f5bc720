/// The topic catalog (`Templates/catalog.yaml`): the parts and the topics of the project guide.
public struct Catalog: Sendable, Hashable, Codable {
    public struct Part: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
    }

    public struct Topic: Sendable, Hashable, Codable {
        /// "1".."29", "S1".."S6".
        public var id: String
        public var part: String
        public var title: String
        public var short: [String]
        public var keywords: [String]
    }

    public var parts: [Part]
    public var topics: [Topic]

    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }
    public func part(_ id: String) -> Part? { parts.first { $0.id == id } }

    /// Loads and checks the catalog: unique ids, every topic in a known part.
    public static func load(from path: String) throws(TemplateError) -> Catalog {
        try decode(yaml: TemplateLoader.text(of: path), file: path)
    }

    /// Decodes and checks YAML text; `file` names it in errors.
    public static func decode(yaml text: String, file: String) throws(TemplateError) -> Catalog {
        let catalog = try TemplateLoader.decode(Catalog.self, yaml: text, file: file)
        var seen: Set<String> = []
        for t in catalog.topics {
            if !seen.insert(t.id).inserted { throw TemplateError(file: file, message: "topic id \(t.id) appears twice") }
            if catalog.part(t.part) == nil { throw TemplateError(file: file, message: "topic \(t.id) names unknown part \(t.part)") }
        }
        return catalog
    }
}
