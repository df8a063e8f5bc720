import Foundation
import PlanModel
import PlanTemplates

/// Similarity of two Chinese statements: punctuation, whitespace and generic stop phrases
/// removed, then character n-grams (2 and 3 by default) counted, and the Dice coefficient of the
/// counts: 2 × |A ∩ B| / (|A| + |B|), 0…1. Titles and texts are compared apart; the higher wins.
public struct TextSimilarity: Sendable {
    public let settings: MergeSettings
    private let stops: [String]

    public init(settings: MergeSettings) {
        self.settings = settings
        stops = settings.stopPhrases.map { Self.strip($0) }.filter { !$0.isEmpty }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// Punctuation, symbols and whitespace removed.
    static func strip(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { s in
            !(s.properties.isWhitespace || CharacterSet.punctuationCharacters.contains(s)
              || CharacterSet.symbols.contains(s) || s == "\u{3000}")
        }))
    }

    /// The text as compared: stripped, stop phrases removed.
    public func normalized(_ text: String) -> String {
        var t = Self.strip(text)
        for stop in stops { t = t.replacingOccurrences(of: stop, with: "") }
        return t
    }

    /// Counts of the character n-grams of the normalized text (a text shorter than every size
    /// counts as one gram of itself).
    func grams(_ normalized: String) -> [String: Int] {
        let chars = Array(normalized)
        var counts: [String: Int] = [:]
        for n in settings.ngrams where chars.count >= n {
            for i in 0...(chars.count - n) { counts[String(chars[i..<(i + n)]), default: 0] += 1 }
        }
        if counts.isEmpty && !chars.isEmpty { counts[normalized] = 1 }
        return counts
    }

    /// Dice coefficient over n-gram counts of two texts, 0 when either is empty after normalizing.
    public func similarity(_ a: String, _ b: String) -> Double {
        let x = grams(normalized(a)), y = grams(normalized(b))
        let total = x.values.reduce(0, +) + y.values.reduce(0, +)
        guard total > 0, !x.isEmpty, !y.isEmpty else { return 0 }
        var common = 0
        for (gram, count) in x { common += min(count, y[gram] ?? 0) }
        return 2 * Double(common) / Double(total)
    }

    /// Two statements: the better of title against title (both titled) and text against text.
    public func similarity(title a: String?, text textA: String, title b: String?, text textB: String) -> Double {
        var best = 0.0
        if let a, let b, !a.isEmpty, !b.isEmpty { best = similarity(a, b) }
        if !textA.isEmpty, !textB.isEmpty { best = max(best, similarity(textA, textB)) }
        return best
    }

    /// True when the two statements are the same one worded differently.
    public func isNearDuplicate(title a: String?, text textA: String, title b: String?, text textB: String) -> Bool {
        similarity(title: a, text: textA, title: b, text: textB) >= settings.threshold
    }
}

/// Merges near-duplicate items: each item joins the first earlier cluster whose representative
/// (its first item) it duplicates and which has no source from the same file; the merged item is
/// the representative with every source. Order and representatives follow the input order.
struct NearDuplicateMerger {
    let similarity: TextSimilarity

    struct Result {
        var items: [PlanItem]
        /// Items folded into an earlier one.
        var folded: Int
    }

    func merge(_ items: [PlanItem]) -> Result {
        var clusters: [PlanItem] = []
        var files: [Set<String>] = []
        var folded = 0
        for item in items {
            let own = Set(item.sources.map(\.file))
            let target = clusters.indices.first { i in
                files[i].isDisjoint(with: own)
                    && similarity.isNearDuplicate(
                        title: clusters[i].title, text: clusters[i].text, title: item.title, text: item.text)
            }
            if let i = target {
                clusters[i].sources += item.sources
                files[i].formUnion(own)
                folded += 1
            } else {
                clusters.append(item)
                files.append(own)
            }
        }
        return Result(items: clusters, folded: folded)
    }
}
