import Foundation

/// The lexicon that sorts safeguard measures into categories (`Templates/safeguards.yaml`).
public struct SafeguardCategories: Sendable, Hashable, Codable {
    public struct Category: Sendable, Hashable, Codable {
        /// The category as planners name it (组织领导, 政策支持 …).
        public var name: String
        /// Words whose presence points to the category; longer words weigh more.
        public var keywords: [String]

        public init(name: String, keywords: [String]) {
            self.name = name
            self.keywords = keywords
        }
    }

    /// In file order: on equal scores the earlier category wins.
    public var categories: [Category]
    /// A measure whose text (title having matched nothing) scores below this gets no category.
    public var minimumTextScore: Int

    public init(categories: [Category], minimumTextScore: Int = 2) {
        self.categories = categories
        self.minimumTextScore = minimumTextScore
    }

    enum CodingKeys: String, CodingKey {
        case categories, minimumTextScore
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        categories = try c.decode([Category].self, forKey: .categories)
        minimumTextScore = try c.decodeIfPresent(Int.self, forKey: .minimumTextScore) ?? 2
    }

    public func category(_ name: String) -> Category? { categories.first { $0.name == name } }

    /// The file name under `Templates/`.
    public static let fileName = "safeguards.yaml"

    /// Loads and checks the lexicon: unique names, no empty keyword list, no empty keyword.
    public static func load(from path: String) throws(TemplateError) -> SafeguardCategories {
        let text = try TemplateLoader.text(of: path)
        return try decode(yaml: text, file: path)
    }

    /// Decodes and checks YAML text; `file` names it in errors.
    public static func decode(yaml text: String, file: String) throws(TemplateError) -> SafeguardCategories {
        let value = try TemplateLoader.decode(SafeguardCategories.self, yaml: text, file: file)
        var seen: Set<String> = []
        for category in value.categories {
            let line = TemplateText.line(of: "name: \(category.name)", in: text)
            if !seen.insert(category.name).inserted {
                throw TemplateError(
                    file: file, line: TemplateText.line(of: "name: \(category.name)", in: text, occurrence: 2),
                    message: "category \"\(category.name)\" appears twice")
            }
            if category.keywords.isEmpty {
                throw TemplateError(file: file, line: line, message: "category \"\(category.name)\" has no keywords")
            }
            if category.keywords.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw TemplateError(file: file, line: line, message: "category \"\(category.name)\" has an empty keyword")
            }
        }
        return value
    }
}
