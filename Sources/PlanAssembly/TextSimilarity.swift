import PlanSupport
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
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { s in
                    !(s.properties.isWhitespace || CharacterSet.punctuationCharacters.contains(s)
                        || CharacterSet.symbols.contains(s) || s == "\u{3000}")
                }))
    }

    /// The text as compared: stripped, stop phrases removed (`replacingText`: Foundation's
    /// replacingOccurrences is slow on Linux and this runs for every statement).
    public func normalized(_ text: String) -> String {
        var t = Self.strip(text)
        for stop in stops { t = t.replacingText(stop, with: "") }
        return t
    }

    /// The n-gram counts of a text, computed once and compared many times.
    public struct Fingerprint: Sendable, Hashable {
        /// Gram → count; a gram packs up to three characters' first scalars into 63 bits.
        let counts: [UInt64: Int]
        let total: Int
        var isEmpty: Bool { total == 0 }
    }

    /// The fingerprint of `text` (normalized first).
    public func fingerprint(_ text: String) -> Fingerprint {
        let scalars = normalized(text).map { UInt64($0.unicodeScalars.first!.value) }
        var counts: [UInt64: Int] = [:]
        for n in settings.ngrams where n >= 1 && scalars.count >= n {
            for i in 0...(scalars.count - n) {
                var key = UInt64(n) << 61
                for j in 0..<min(n, 3) { key |= scalars[i + j] << UInt64(21 * j) }
                if n > 3 { for j in 3..<n { key = key &* 31 &+ scalars[i + j] } }
                counts[key, default: 0] += 1
            }
        }
        if counts.isEmpty && !scalars.isEmpty {
            var key: UInt64 = 7 << 61
            for s in scalars { key = key &* 31 &+ s }
            counts[key] = 1
        }
        return Fingerprint(counts: counts, total: counts.values.reduce(0, +))
    }

    /// Dice coefficient over n-gram counts, 0 when either is empty.
    public func similarity(_ x: Fingerprint, _ y: Fingerprint) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        let (small, large) = x.counts.count <= y.counts.count ? (x, y) : (y, x)
        var common = 0
        for (gram, count) in small.counts { common += min(count, large.counts[gram] ?? 0) }
        return 2 * Double(common) / Double(x.total + y.total)
    }

    /// Dice coefficient over n-gram counts of two texts, 0 when either is empty after normalizing.
    public func similarity(_ a: String, _ b: String) -> Double {
        similarity(fingerprint(a), fingerprint(b))
    }

    /// A statement's title and text fingerprints.
    public struct StatementPrint: Sendable {
        let title: Fingerprint?
        let text: Fingerprint
    }

    public func statementPrint(title: String?, text: String) -> StatementPrint {
        StatementPrint(title: title.flatMap { $0.isEmpty ? nil : fingerprint($0) }, text: fingerprint(text))
    }

    /// Two statements: the better of title against title (both titled) and text against text.
    public func similarity(_ a: StatementPrint, _ b: StatementPrint) -> Double {
        var best = 0.0
        if let x = a.title, let y = b.title { best = similarity(x, y) }
        return max(best, similarity(a.text, b.text))
    }

    /// Two statements: the better of title against title (both titled) and text against text.
    public func similarity(title a: String?, text textA: String, title b: String?, text textB: String) -> Double {
        similarity(statementPrint(title: a, text: textA), statementPrint(title: b, text: textB))
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
        var prints: [TextSimilarity.StatementPrint] = []
        var files: [Set<String>] = []
        var folded = 0
        for item in items {
            let own = Set(item.sources.map(\.file))
            let print = similarity.statementPrint(title: item.title, text: item.text)
            let target = clusters.indices.first { i in
                files[i].isDisjoint(with: own) && similarity.similarity(prints[i], print) >= similarity.settings.threshold
            }
            if let i = target {
                clusters[i].sources += item.sources
                files[i].formUnion(own)
                folded += 1
            } else {
                clusters.append(item)
                prints.append(print)
                files.append(own)
            }
        }
        return Result(items: clusters, folded: folded)
    }
}
