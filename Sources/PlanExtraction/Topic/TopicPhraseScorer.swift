import DocumentModel
import PlanTemplates

/// Scores one signal's texts against every catalog topic.
///
/// A topic's phrases are the core of its catalog title and its short names, each reduced by
/// `TopicText.heavy` ("辽宁省高新技术产业开发区科技发展战略研究及规划" → "高新技术产业开发区").
/// A phrase that occurs in the reduced text scores `exactBase` plus the share of the text its
/// occurrences cover; an occurrence lying inside a longer occurrence of another topic's phrase
/// does not count ("高新技术产业" inside "高新技术产业开发区"). Otherwise the score is the best
/// bigram Dice similarity between a phrase and the text, times `fuzzyScale`.
struct TopicPhraseScorer: Sendable {
    private struct Phrase: Sendable {
        let chars: [Character]
        let bigrams: Bigrams
    }

    private struct Occurrence {
        let topic: Int
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
                out.append(Phrase(chars: Array(core), bigrams: Bigrams(core)))
            }
            return out
        }
        keywords = catalog.topics.map { topic in
            Array(Set(topic.keywords.map { text.light($0) }.filter { !$0.isEmpty })).sorted()
        }
    }

    /// Per topic (catalog order), the best score over `texts` (each scored on its own).
    func scores(of texts: [String]) -> [Double] {
        var best = [Double](repeating: 0, count: phrases.count)
        for raw in texts {
            let reduced = Array(text.heavy(raw))
            guard !reduced.isEmpty else { continue }
            for (index, score) in score(reduced).enumerated() where score > best[index] { best[index] = score }
        }
        return best
    }

    /// Per topic, how many of its keywords occur in the (light) text.
    func keywordHits(in lightText: String) -> [Int] {
        keywords.map { words in words.filter { lightText.containsText($0) }.count }
    }

    private func score(_ reduced: [Character]) -> [Double] {
        let occurrences = occurrences(in: reduced)
        let kept = occurrences.filter { o in
            !occurrences.contains { other in
                other.topic != o.topic && other.length > o.length && other.start <= o.start && other.end >= o.end
            }
        }
        let textBigrams = Bigrams(String(reduced))
        return phrases.indices.map { topic in
            let fuzzy = scores.fuzzyScale * (phrases[topic].map { $0.bigrams.dice(textBigrams) }.max() ?? 0)
            let own = kept.filter { $0.topic == topic }
            guard !own.isEmpty else { return fuzzy }
            var covered = [Bool](repeating: false, count: reduced.count)
            for o in own { for i in o.start..<o.end { covered[i] = true } }
            let share = Double(covered.filter { $0 }.count) / Double(reduced.count)
            return max(fuzzy, scores.exactBase + (1 - scores.exactBase) * share)
        }
    }

    private func occurrences(in reduced: [Character]) -> [Occurrence] {
        var out: [Occurrence] = []
        for (topic, list) in phrases.enumerated() {
            for phrase in list where phrase.chars.count <= reduced.count {
                let n = phrase.chars.count
                for start in 0...(reduced.count - n) where reduced[start] == phrase.chars[0] {
                    if Array(reduced[start..<start + n]) == phrase.chars {
                        out.append(Occurrence(topic: topic, start: start, end: start + n))
                    }
                }
            }
        }
        return out
    }
}
