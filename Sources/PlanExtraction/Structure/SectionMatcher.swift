import DocumentModel
import PlanModel
import PlanTemplates

/// Names section kinds from heading texts with the synonyms of `Templates/sections.yaml`
/// (the scoring rules are documented at the top of that file).
struct SectionMatcher: Sendable {
    struct Match: Sendable, Hashable {
        var kind: SectionKind
        var score: Int
        var exact: Bool
    }

    /// Entries in file order, with the kinds PlanModel knows.
    private let entries: [(kind: SectionKind, entry: SectionSynonyms.Kind)]
    /// Per entry, its phrases squashed once (white space removed), empty phrases dropped.
    private let keys: [(exact: Set<String>, excludes: [String], contains: [(text: String, length: Int)])]

    init(_ synonyms: SectionSynonyms) {
        entries = synonyms.kinds.compactMap { e in SectionKind(rawValue: e.kind).map { ($0, e) } }
        keys = entries.map { _, entry in
            (Set(entry.exact.map { OutlineText.squash($0) }),
             entry.excludes.map { OutlineText.squash($0) },
             entry.contains.map { OutlineText.squash($0) }.filter { !$0.isEmpty }.map { ($0, $0.count) })
        }
    }

    /// Every kind the heading text names, best first (ties keep file order).
    func matches(_ title: String) -> [Match] {
        let key = OutlineText.squash(title)
        guard !key.isEmpty else { return [] }
        var found: [(Match, Int)] = []
        for (order, (kind, entry)) in entries.enumerated() {
            var score = 0
            var exact = false
            let phrases = keys[order]
            if phrases.exact.contains(key) {
                score = 1000
                exact = true
            } else if !phrases.excludes.contains(where: { key.containsText($0) }) {
                let longest = phrases.contains.filter { key.containsText($0.text) }.map(\.length).max() ?? 0
                score = longest * 10
            }
            guard score > 0 else { continue }
            found.append((Match(kind: kind, score: score + entry.priority, exact: exact), order))
        }
        return found.sorted { a, b in a.0.score != b.0.score ? a.0.score > b.0.score : a.1 < b.1 }.map(\.0)
    }

    /// The kind the heading text names, nil when none.
    func kind(of title: String) -> SectionKind? { matches(title).first?.kind }

    func itemsBelow(_ kind: SectionKind) -> Bool { entry(kind)?.itemsBelow ?? false }
    func topLevel(_ kind: SectionKind) -> Bool { entry(kind)?.topLevel ?? false }

    private func entry(_ kind: SectionKind) -> SectionSynonyms.Kind? { entries.first { $0.kind == kind }?.entry }
}
