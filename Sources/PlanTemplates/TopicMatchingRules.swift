/// How drafts are matched to catalog topics (`Templates/topic-matching.yaml`): the generic
/// words stripped before comparing, the weights of the signals and the decision thresholds.
public struct TopicMatchingRules: Sendable, Hashable, Codable {
    public struct Weights: Sendable, Hashable, Codable {
        public var fileName: Double
        public var title: Double
        public var titleParagraph: Double
        /// A signal in which a topic's distinctive name occurs whole (not only generic or weak
        /// words, not a mere likeness) weighs this many times its weight.
        public var exactFactor: Double

        public init(fileName: Double, title: Double, titleParagraph: Double, exactFactor: Double = 1) {
            self.fileName = fileName
            self.title = title
            self.titleParagraph = titleParagraph
            self.exactFactor = exactFactor
        }

        enum CodingKeys: String, CodingKey { case fileName, title, titleParagraph, exactFactor }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            fileName = try c.decode(Double.self, forKey: .fileName)
            title = try c.decode(Double.self, forKey: .title)
            titleParagraph = try c.decode(Double.self, forKey: .titleParagraph)
            exactFactor = try c.decodeIfPresent(Double.self, forKey: .exactFactor) ?? 1
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
        /// Score of an occurrence of a topic name made only of weak words ("科技创新纲要").
        public var weakPhrase: Double

        public init(
            exactBase: Double, fuzzyScale: Double, keywordBonus: Double, keywordSaturation: Int, numberHintBonus: Double,
            weakPhrase: Double = 0.55
        ) {
            self.exactBase = exactBase
            self.fuzzyScale = fuzzyScale
            self.keywordBonus = keywordBonus
            self.keywordSaturation = keywordSaturation
            self.numberHintBonus = numberHintBonus
            self.weakPhrase = weakPhrase
        }

        enum CodingKeys: String, CodingKey {
            case exactBase, fuzzyScale, keywordBonus, keywordSaturation, numberHintBonus, weakPhrase
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            exactBase = try c.decode(Double.self, forKey: .exactBase)
            fuzzyScale = try c.decode(Double.self, forKey: .fuzzyScale)
            keywordBonus = try c.decode(Double.self, forKey: .keywordBonus)
            keywordSaturation = try c.decode(Int.self, forKey: .keywordSaturation)
            numberHintBonus = try c.decode(Double.self, forKey: .numberHintBonus)
            weakPhrase = try c.decodeIfPresent(Double.self, forKey: .weakPhrase) ?? 0.55
        }
    }

    /// Which drafts belong to the plan at all: its region and its period. A draft whose title,
    /// cover lines, document title or file name name only other regions, or only other plan
    /// periods, is out of scope: it gets no topic and is reported.
    public struct Scope: Sendable, Hashable, Codable {
        /// The plan's region, for messages ("辽宁").
        public var region: String
        /// Names of the region and its cities ("辽宁", "沈阳", "大连" …).
        public var homePlaces: [String]
        /// Names of other provinces and of their cities.
        public var otherPlaces: [String]
        /// The plan period's name ("十四五").
        public var period: String
        /// First and last year of the plan period.
        public var periodYears: [Int]

        public init(region: String, homePlaces: [String], otherPlaces: [String], period: String, periodYears: [Int]) {
            self.region = region
            self.homePlaces = homePlaces
            self.otherPlaces = otherPlaces
            self.period = period
            self.periodYears = periodYears
        }
    }

    /// Stripped in this order from texts and topic names before comparing.
    public var genericWords: [String]
    /// Words that say little about a topic ("科技创新", "纲要"): left out of likeness, and a topic
    /// name made only of them scores `scores.weakPhrase` when it occurs.
    public var weakWords: [String]
    public var weights: Weights
    public var thresholds: Thresholds
    public var scores: Scores
    /// Nil: every draft is in scope.
    public var scope: Scope?

    public init(
        genericWords: [String], weakWords: [String] = [], weights: Weights, thresholds: Thresholds, scores: Scores,
        scope: Scope? = nil
    ) {
        self.genericWords = genericWords
        self.weakWords = weakWords
        self.weights = weights
        self.thresholds = thresholds
        self.scores = scores
        self.scope = scope
    }

    enum CodingKeys: String, CodingKey { case genericWords, weakWords, weights, thresholds, scores, scope }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        genericWords = try c.decode([String].self, forKey: .genericWords)
        weakWords = try c.decodeIfPresent([String].self, forKey: .weakWords) ?? []
        weights = try c.decode(Weights.self, forKey: .weights)
        thresholds = try c.decode(Thresholds.self, forKey: .thresholds)
        scores = try c.decode(Scores.self, forKey: .scores)
        scope = try c.decodeIfPresent(Scope.self, forKey: .scope)
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
            ("scores.numberHintBonus", scores.numberHintBonus), ("scores.weakPhrase", scores.weakPhrase),
        ]
        for (name, value) in unitValues where !(0...1).contains(value) {
            throw TemplateError(file: file, message: "\(name) must lie between 0 and 1, not \(value)")
        }
        for (name, value) in [("fileName", weights.fileName), ("title", weights.title), ("titleParagraph", weights.titleParagraph)]
        where !(value > 0) {
            throw TemplateError(file: file, message: "weights.\(name) must be greater than 0, not \(value)")
        }
        if !(weights.exactFactor >= 1) {
            throw TemplateError(file: file, message: "weights.exactFactor must be at least 1, not \(weights.exactFactor)")
        }
        if let scope, scope.periodYears.count != 2 || scope.periodYears[0] > scope.periodYears[1] {
            throw TemplateError(file: file, message: "scope.periodYears must be [first year, last year]")
        }
        if scores.keywordSaturation < 1 {
            throw TemplateError(file: file, message: "scores.keywordSaturation must be at least 1")
        }
        if genericWords.contains(where: \.isEmpty) || weakWords.contains(where: \.isEmpty) {
            throw TemplateError(file: file, message: "genericWords or weakWords holds an empty word")
        }
    }
}
