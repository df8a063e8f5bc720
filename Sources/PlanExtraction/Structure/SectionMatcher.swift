import DocumentModel
import PlanSupport
import Foundation
import PlanModel
import PlanTemplates

/// Names section kinds from heading texts with the synonyms of `Templates/sections.yaml`
/// (the scoring and position rules are documented at the top of that file).
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
    /// Per entry, the words that may stand before a plan-role word: the leads and the kind's own words.
    private let roleLeads: [[String]]

    init(_ synonyms: SectionSynonyms) {
        entries = synonyms.kinds.compactMap { e in SectionKind(rawValue: e.kind).map { ($0, e) } }
        keys = entries.map { _, entry in
            (
                Set(entry.exact.map { OutlineText.squash($0) }),
                entry.excludes.map { OutlineText.squash($0) },
                entry.contains.map { OutlineText.squash($0) }.filter { !$0.isEmpty }.map { ($0, $0.count) }
            )
        }
        let leads = synonyms.planRoleLeads.map { OutlineText.squash($0) }
        roleLeads = entries.map { _, entry in
            // Longest first, then in string order; lengths counted once, not per comparison (the
            // order is total on distinct strings, so the result is the same).
            let words: Set<String> = Set(leads + (entry.exact + entry.contains).map { OutlineText.squash($0) })
            let counted: [(String, Int)] = words.filter { !$0.isEmpty }.map { ($0, $0.count) }
            let sorted = counted.sorted { (a: (String, Int), b: (String, Int)) -> Bool in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
            return sorted.map { $0.0 }
        }
    }

    /// Every kind the heading text names, best first (ties keep file order). `closing`: the
    /// heading is the plan's last top-level heading, where a plan-role kind needs no role check.
    func matches(_ title: String, closing: Bool = false) -> [Match] {
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
                var hits = phrases.contains.filter { key.containsText($0.text) }
                if entry.planRole && !closing {
                    hits = hits.filter { isAboutThePlan(key, word: $0.text, leads: roleLeads[order]) }
                }
                score = (hits.map(\.length).max() ?? 0) * 10
            }
            guard score > 0 else { continue }
            found.append((Match(kind: kind, score: score + entry.priority, exact: exact), order))
        }
        return found.sorted { a, b in a.0.score != b.0.score ? a.0.score > b.0.score : a.1 < b.1 }.map(\.0)
    }

    /// Whether some occurrence of `word` in `key` has nothing around it but lead words, the
    /// kind's own words and punctuation ("加强|规划实施|保障", "政策建议与|保障措施"), so that the
    /// heading is about carrying out the plan, not about a subject ("完善社会|保障体系",
    /// "|保障|妇女未成年人和残疾人基本权益").
    func isAboutThePlan(_ key: String, word: String, leads: [String]) -> Bool {
        var searchStart = key.startIndex
        while let range = key.range(of: word, range: searchStart..<key.endIndex) {
            if Self.reduces(key[key.startIndex..<range.lowerBound], leads: leads),
                Self.reduces(key[range.upperBound...], leads: leads)
            {
                return true
            }
            searchStart = key.index(after: range.lowerBound)
        }
        return false
    }

    /// `prefix` consists only of `leads` (longest first) and characters that are not letters.
    static func reduces(_ prefix: Substring, leads: [String]) -> Bool {
        var rest = prefix
        while let c = rest.first {
            if !c.isLetter {
                rest = rest.dropFirst()
                continue
            }
            guard let lead = leads.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(lead.count)
        }
        return true
    }

    /// The kind the heading text names, nil when none.
    func kind(of title: String) -> SectionKind? { matches(title).first?.kind }

    func itemsBelow(_ kind: SectionKind) -> Bool { entry(kind)?.itemsBelow ?? false }
    func topLevel(_ kind: SectionKind) -> Bool { entry(kind)?.topLevel ?? false }

    private func entry(_ kind: SectionKind) -> SectionSynonyms.Kind? { entries.first { $0.kind == kind }?.entry }
}
