import DocumentModel
import PlanSupport
import PlanTemplates

/// Scores one signal's texts against every catalog topic.
///
/// A topic's phrases are the core of its catalog title and its short names, each reduced by
/// `TopicText.heavy` ("辽宁省高新技术产业开发区科技发展战略研究及规划" → "高新技术产业开发区").
/// A phrase that occurs in the reduced text scores `exactBase` plus the share of the text its
/// occurrences cover; an occurrence lying inside a longer occurrence of another topic's phrase
/// does not count ("高新技术产业" inside "高新技术产业开发区"). A phrase made only of weak words
/// ("科技创新纲要") scores `weakPhrase` when it occurs; one that is a single weak word once the
/// generic words are gone ("中长期科技发展规划纲要" → "纲要") must occur as written (generic words
/// included), or any 纲要 would name it. Otherwise the score is the best bigram Dice similarity
/// between a phrase and the text, both without their weak words, times `fuzzyScale`.
struct TopicPhraseScorer: Sendable {
    private struct Phrase: Sendable {
        let chars: [Character]
        /// Bigrams of the phrase without its weak words; nil when less than two characters are left.
        let bigrams: Bigrams?
        /// Made only of weak words.
        let weak: Bool
        /// For a phrase that is a single weak word: the name as written (light), which must occur whole.
        let written: String?
    }

    /// One signal's scores per topic (catalog order), and per topic whether a distinctive
    /// phrase of it occurs whole (the evidence that weighs a signal up).
    struct Result: Sendable {
        var scores: [Double]
        var exact: [Bool]
    }

    private struct Occurrence {
        let topic: Int
        /// Index of the phrase in the topic's list.
        let phrase: Int
        let start: Int
        let end: Int
        var length: Int { end - start }
    }

    private let phrases: [[Phrase]]
    private let keywords: [[String]]
    private let scores: TopicMatchingRules.Scores
    private let text: TopicText

    init(catalog: Catalog, text: TopicText, scores: TopicMatchingRules.Scores) {
        self.text = text
        self.scores = scores
        phrases = catalog.topics.map { topic in
            var seen: Set<String> = []
            var out: [Phrase] = []
            for name in [topic.title] + topic.short {
                let core = text.heavy(name)
                guard core.count >= 2, seen.insert(core).inserted else { continue }
                let distinctive = text.distinctive(core)
                let single = text.weakWords.contains(core)
                out.append(
                    Phrase(
                        chars: Array(core), bigrams: distinctive.count >= 2 ? Bigrams(distinctive) : nil,
                        weak: distinctive.isEmpty, written: single ? text.light(name) : nil))
            }
            return out
        }
        keywords = catalog.topics.map { topic in
            Array(Set(topic.keywords.map { text.light($0) }.filter { !$0.isEmpty })).sorted()
        }
    }

    /// Per topic (catalog order), the best score over `texts` (each scored on its own).
    func scores(of texts: [String]) -> [Double] { result(of: texts).scores }

    /// Per topic, the best score over `texts` and whether a distinctive phrase occurs in one of them.
    func result(of texts: [String]) -> Result {
        var best = Result(
            scores: [Double](repeating: 0, count: phrases.count), exact: [Bool](repeating: false, count: phrases.count))
        for raw in texts {
            let light = text.light(raw)
            let reduced = Array(text.strip(light))
            guard !reduced.isEmpty else { continue }
            var one = score(reduced)
            for (topic, list) in phrases.enumerated()
            where list.contains(where: { $0.written.map { !$0.isEmpty && light.containsText($0) } ?? false }) {
                one.scores[topic] = max(one.scores[topic], scores.weakPhrase)
            }
            for index in phrases.indices {
                if one.scores[index] > best.scores[index] { best.scores[index] = one.scores[index] }
                if one.exact[index] { best.exact[index] = true }
            }
        }
        return best
    }

    /// Per topic, how many of its keywords occur in the (light) text.
    func keywordHits(in lightText: String) -> [Int] {
        keywords.map { words in words.filter { lightText.containsText($0) }.count }
    }

    private func score(_ reduced: [Character]) -> Result {
        let occurrences = occurrences(in: reduced)
        let kept = occurrences.filter { o in
            !occurrences.contains { other in
                other.topic != o.topic && other.length > o.length && other.start <= o.start && other.end >= o.end
            }
        }
        let distinctive = text.distinctive(String(reduced))
        let textBigrams = Bigrams(distinctive)
        var result = Result(scores: [], exact: [])
        for topic in phrases.indices {
            let fuzzy =
                distinctive.isEmpty
                ? 0
                : scores.fuzzyScale * (phrases[topic].compactMap { $0.bigrams?.dice(textBigrams) }.max() ?? 0)
            let own = kept.filter { $0.topic == topic }
            let strong = own.filter { !phrases[topic][$0.phrase].weak }
            guard !strong.isEmpty else {
                result.scores.append(own.isEmpty ? fuzzy : max(fuzzy, scores.weakPhrase))
                result.exact.append(false)
                continue
            }
            var covered = [Bool](repeating: false, count: reduced.count)
            for o in own { for i in o.start..<o.end { covered[i] = true } }
            let share = Double(covered.filter { $0 }.count) / Double(reduced.count)
            result.scores.append(max(fuzzy, scores.exactBase + (1 - scores.exactBase) * share))
            result.exact.append(true)
        }
        return result
    }

    private func occurrences(in reduced: [Character]) -> [Occurrence] {
        var out: [Occurrence] = []
        for (topic, list) in phrases.enumerated() {
            for (index, phrase) in list.enumerated() where phrase.written == nil && phrase.chars.count <= reduced.count {
                let n = phrase.chars.count
                for start in 0...(reduced.count - n) where reduced[start] == phrase.chars[0] {
                    if reduced[start..<start + n].elementsEqual(phrase.chars) {
                        out.append(Occurrence(topic: topic, phrase: index, start: start, end: start + n))
                    }
                }
            }
        }
        return out
    }
}
