/// How drafts are matched to catalog topics (`Templates/topic-matching.yaml`): the generic
/// words stripped before comparing, the weights of the signals and the decision thresholds.
public struct TopicMatchingRules: Sendable, Hashable, Codable {
    public struct Weights: Sendable, Hashable, Codable {
        public var fileName: Double
        public var title: Double
        public var titleParagraph: Double

        public init(fileName: Double, title: Double, titleParagraph: Double) {
            self.fileName = fileName
            self.title = title
            self.titleParagraph = titleParagraph
        }
    }

    public struct Thresholds: Sendable, Hashable, Codable {
        /// Below this best score the draft is unknown.
        public var accept: Double
        /// When the two best scores are closer than this the draft is ambiguous.
        public var margin: Double
        /// A signal whose best topic scores below this says nothing and is left out.
        public var signalFloor: Double

        public init(accept: Double, margin: Double, signalFloor: Double) {
            self.accept = accept
            self.margin = margin
            self.signalFloor = signalFloor
        }
    }

    public struct Scores: Sendable, Hashable, Codable {
        /// Score of an exact phrase occurrence before its coverage of the text is added.
        public var exactBase: Double
        /// Factor applied to the bigram similarity so that it stays below exact matches.
        public var fuzzyScale: Double
        /// Largest share of the remaining gap that matching keywords close.
        public var keywordBonus: Double
        /// Keyword hits that give the whole keyword bonus.
        public var keywordSaturation: Int
        /// Share of the remaining gap closed when the leading number of the file name is the topic id.
        public var numberHintBonus: Double

        public init(exactBase: Double, fuzzyScale: Double, keywordBonus: Double, keywordSaturation: Int, numberHintBonus: Double) {
            self.exactBase = exactBase
            self.fuzzyScale = fuzzyScale
            self.keywordBonus = keywordBonus
            self.keywordSaturation = keywordSaturation
            self.numberHintBonus = numberHintBonus
        }
    }

    /// Stripped in this order from texts and topic names before comparing.
    public var genericWords: [String]
    public var weights: Weights
    public var thresholds: Thresholds
    public var scores: Scores

    public init(genericWords: [String], weights: Weights, thresholds: Thresholds, scores: Scores) {
        self.genericWords = genericWords
        self.weights = weights
        self.thresholds = thresholds
        self.scores = scores
    }

    /// Loads and checks the rules: every weight, threshold and score within its range.
    public static func load(from path: String) throws(TemplateError) -> TopicMatchingRules {
        let rules = try TemplateLoader.load(TopicMatchingRules.self, from: path)
        try rules.check(file: path)
        return rules
    }

    /// Decodes and checks YAML text (`file` names it in errors).
    public static func decode(yaml: String, file: String) throws(TemplateError) -> TopicMatchingRules {
        let rules = try TemplateLoader.decode(TopicMatchingRules.self, yaml: yaml, file: file)
        try rules.check(file: file)
        return rules
    }

    private func check(file: String) throws(TemplateError) {
        let unitValues: [(String, Double)] = [
            ("thresholds.accept", thresholds.accept), ("thresholds.margin", thresholds.margin),
            ("thresholds.signalFloor", thresholds.signalFloor), ("scores.exactBase", scores.exactBase),
            ("scores.fuzzyScale", scores.fuzzyScale), ("scores.keywordBonus", scores.keywordBonus),
            ("scores.numberHintBonus", scores.numberHintBonus),
        ]
        for (name, value) in unitValues where !(0...1).contains(value) {
            throw TemplateError(file: file, message: "\(name) must lie between 0 and 1, not \(value)")
        }
        for (name, value) in [("fileName", weights.fileName), ("title", weights.title), ("titleParagraph", weights.titleParagraph)]
        where !(value > 0) {
            throw TemplateError(file: file, message: "weights.\(name) must be greater than 0, not \(value)")
        }
        if scores.keywordSaturation < 1 {
            throw TemplateError(file: file, message: "scores.keywordSaturation must be at least 1")
        }
        if genericWords.contains(where: \.isEmpty) {
            throw TemplateError(file: file, message: "genericWords holds an empty word")
        }
    }
}
