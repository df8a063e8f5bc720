import Foundation
import PlanModel
import PlanTemplates

/// Groups statements of several drafts (principles, safeguard measures) by the idea they state,
/// whatever the wording: 需求导向, 需求牵引 and 问题导向 fall in one theme. The rules, in order
/// (`Templates/themes.yaml` explains them to the office):
///
/// 1. a lexicon term in the lead phrase (the run-in title, else the text's first clause): the
///    earliest term, then the longest, then the earlier theme;
/// 2. the lead's key term (its first characters once 坚持, 加强 … are taken off) opening the
///    terms of exactly one theme;
/// 3. statements of different topics still unplaced whose leads share a key term are one group
///    (the lead states the idea, so this comes before the text);
/// 4. the lexicon terms in the text, scored by their characters (each term once), the best
///    theme at or above `minimumTextScore`, ties to the term found first; else the most similar
///    placed statement (lead phrases at `leadSimilarity`, whole statements at `textSimilarity`,
///    the n-gram Dice of `TextSimilarity`) takes them in;
/// 5. safeguard measures that no lexicon theme took (alone, or grouped by a key term) whose
///    leads name their category (`forCategory`, the lexicon's `categoryTheme`) form the
///    category's theme, when they come from two topics or more;
/// 6. else the statement stands alone.
///
/// Every statement is kept: the theme's representative is the lead phrase most topics share
/// (ties: the first in catalog order), the others are listed with their sources. Themes are
/// ordered by how many topics state them, then by first appearance. Deterministic: the result
/// depends only on the statements and their order.
public struct ThemeGrouper: Sendable {
    public let lexicon: ThemeLexicon
    public let similarity: TextSimilarity

    public init(lexicon: ThemeLexicon, similarity: TextSimilarity) {
        self.lexicon = lexicon
        self.similarity = similarity
        prefixes = lexicon.leadPrefixes.filter { !$0.isEmpty }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        var owners: [String: Set<Int>] = [:]
        for (index, theme) in lexicon.themes.enumerated() {
            for term in theme.terms {
                let key = Self.key(of: term, prefixes: prefixes, length: lexicon.keyTermLength)
                if let key, key.count == lexicon.keyTermLength, !lexicon.genericKeyTerms.contains(key) {
                    owners[key, default: []].insert(index)
                }
            }
        }
        keyOwners = owners.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    /// The grouper for the safeguard measures of one category: with the lexicon's
    /// `categoryTheme`, the category is one more theme (its title, its keywords).
    public func forCategory(title: String, keywords: [String]) -> ThemeGrouper {
        guard lexicon.categoryTheme else { return self }
        var copy = self
        let terms = keywords.filter { !$0.isEmpty }
        copy.category = terms.isEmpty ? nil : (title, terms)
        return copy
    }

    /// The category's theme: taken by statements that no other rule places and whose lead
    /// phrase holds one of its terms.
    private var category: (label: String, terms: [String])? = nil

    private let prefixes: [String]
    /// Key term → the one theme whose terms open with it.
    private let keyOwners: [String: Int]

    /// Where a statement was placed: a lexicon theme, a shared key term, or a cluster of
    /// statements (named by its first member) that no rule placed.
    enum Placement: Hashable {
        case theme(Int)
        case key(String)
        case cluster(Int)
        case category
    }

    /// The themes of `items`, every item in exactly one.
    public func group(_ items: [PlanItem]) -> [PlanTheme] {
        let leads = items.map(Self.lead)
        var placements: [Placement?] = items.indices.map { i in
            if let t = termTheme(in: leads[i]) { return .theme(t) }
            if let key = key(leads[i]), let t = keyOwners[key] { return .theme(t) }
            return nil
        }
        // Unplaced statements of different topics whose leads share a key term: the lead says
        // the idea, so this comes before the terms of the text.
        var byKey: [String: [Int]] = [:]
        for i in items.indices where placements[i] == nil {
            if let k = key(leads[i]), !lexicon.genericKeyTerms.contains(k) { byKey[k, default: []].append(i) }
        }
        for (k, members) in byKey where Set(members.map { topic(items[$0]) }).count > 1 {
            for i in members { placements[i] = .key(k) }
        }
        for i in items.indices where placements[i] == nil {
            if let t = textTheme(items[i].text) { placements[i] = .theme(t) }
        }
        // Still unplaced: the most similar statement of another topic, if similar enough, takes
        // it in (a placed one its group, an unplaced one a cluster with it).
        let settled = placements
        let leadPrints = leads.map { similarity.fingerprint($0) }
        let textPrints = items.map { similarity.fingerprint($0.text) }
        var parent = Array(items.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { i = parent[i] }
            return i
        }
        var similar: Set<Int> = []
        for i in items.indices where settled[i] == nil {
            var best: (score: Double, index: Int)? = nil
            for j in items.indices where j != i && topic(items[j]) != topic(items[i]) {
                let byLead = similarity.similarity(leadPrints[i], leadPrints[j])
                let byText = similarity.similarity(textPrints[i], textPrints[j])
                guard byLead >= lexicon.leadSimilarity || byText >= lexicon.textSimilarity else { continue }
                let score = max(byLead, byText)
                if best == nil || score > best!.score { best = (score, j) }
            }
            guard let best else { continue }
            similar.insert(i)
            if let placed = settled[best.index] {
                placements[i] = placed
            } else {
                let a = find(i)
                let b = find(best.index)
                parent[max(a, b)] = min(a, b)
            }
        }
        // Not placed by the lexicon: a lead naming the category joins the category's theme.
        if let category {
            for i in items.indices {
                switch placements[i] {
                case .theme?, .category?, .cluster?: continue
                case .key?, nil: break
                }
                let lead = Array(leads[i])
                if category.terms.contains(where: { Self.position(of: Array($0), in: lead) != nil }) { placements[i] = .category }
            }
            // One measure alone is no shared theme: it keeps its own lead as label.
            let members = items.indices.filter { placements[$0] == .category }
            if Set(members.map { topic(items[$0]) }).count < 2 {
                for i in members { placements[i] = settled[i] }
            }
        }
        var groups: [Placement: [Int]] = [:]
        var order: [Placement] = []
        for i in items.indices {
            let p = placements[i] ?? .cluster(find(i))
            if groups[p] == nil { order.append(p) }
            groups[p, default: []].append(i)
        }
        var themes: [(theme: PlanTheme, first: Int)] = []
        for p in order {
            let members = groups[p]!
            let basis: PlanTheme.Basis
            var label: String? = nil
            switch p {
            case .theme(let t):
                basis = .lexicon
                label = lexicon.themes[t].label
            case .key:
                basis = .keyTerm
            case .category:
                basis = .category
                label = category?.label
            case .cluster:
                basis = members.count > 1 || members.contains(where: similar.contains) ? .similarity : .alone
            }
            themes.append((build(members.map { (items[$0], leads[$0]) }, label: label, basis: basis), members[0]))
        }
        return themes.sorted { a, b in
            a.theme.topicCount != b.theme.topicCount ? a.theme.topicCount > b.theme.topicCount : a.first < b.first
        }.map(\.theme)
    }

    /// One theme: identical statements merged (their sources joined), the lead phrase most topics
    /// share chooses the representative.
    private func build(_ members: [(item: PlanItem, lead: String)], label: String?, basis: PlanTheme.Basis) -> PlanTheme {
        var wordings: [PlanItem] = []
        var leads: [String] = []
        for (item, lead) in members {
            if let k = wordings.firstIndex(where: { $0.title == item.title && $0.text == item.text && $0.kind == item.kind }) {
                wordings[k].sources += item.sources
            } else {
                wordings.append(item)
                leads.append(TextSimilarity.strip(lead))
            }
        }
        var topicsByLead: [String: Set<String>] = [:]
        for (k, w) in wordings.enumerated() { topicsByLead[leads[k], default: []].formUnion(w.sources.map(topicKey)) }
        var chosen = 0
        for k in wordings.indices where topicsByLead[leads[k]]!.count > topicsByLead[leads[chosen]]!.count { chosen = k }
        let representative = wordings.remove(at: chosen)
        var topics: [String] = []
        for item in [representative] + wordings {
            for s in item.sources where !topics.contains(topicKey(s)) { topics.append(topicKey(s)) }
        }
        let ownLabel = label ?? (TextSimilarity.strip(leads[chosen]).isEmpty ? representative.text : leads[chosen])
        return PlanTheme(label: ownLabel, basis: basis, topics: topics, representative: representative, wordings: wordings)
    }

    private func topicKey(_ s: ItemSource) -> String { s.topic ?? "file:" + s.file }
    private func topic(_ item: PlanItem) -> String { item.sources.first.map(topicKey) ?? "" }

    // MARK: Lead phrase and key term

    /// The run-in title, else the text up to its first comma or full stop (at most 20 characters).
    static func lead(_ item: PlanItem) -> String {
        if let t = item.title?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty { return t }
        let clause = item.text.prefix { !"，。；：,;:".contains($0) }
        return String(clause.prefix(20))
    }

    /// The key term of a lead phrase: its prefix taken off, the first `keyTermLength` characters.
    func key(_ lead: String) -> String? {
        Self.key(of: lead, prefixes: prefixes, length: lexicon.keyTermLength)
    }

    static func key(of lead: String, prefixes: [String], length: Int) -> String? {
        guard length > 0 else { return nil }
        let core = core(of: lead, prefixes: prefixes)
        guard core.count >= length else { return nil }
        return String(core.prefix(length))
    }

    /// The lead phrase with its prefixes (坚持, 加强 …, several in a row) taken off.
    static func core(of lead: String, prefixes: [String]) -> Substring {
        var core = Substring(TextSimilarity.strip(lead))
        var changed = true
        while changed {
            changed = false
            for p in prefixes where core.hasPrefix(p) && core.count > p.count {
                core = core.dropFirst(p.count)
                changed = true
                break
            }
        }
        return core
    }

    // MARK: Lexicon

    /// The theme of the earliest term in `lead` (longer terms first at the same place, then the
    /// earlier theme).
    func termTheme(in lead: String) -> Int? {
        let text = Array(lead)
        var best: (position: Int, length: Int, theme: Int)? = nil
        for (t, theme) in lexicon.themes.enumerated() {
            for term in theme.terms {
                guard let at = Self.position(of: Array(term), in: text) else { continue }
                let candidate = (position: at, length: term.count, theme: t)
                if let b = best {
                    if candidate.position < b.position
                        || (candidate.position == b.position && candidate.length > b.length)
                    {
                        best = candidate
                    }
                } else {
                    best = candidate
                }
            }
        }
        return best?.theme
    }

    /// The theme whose terms in `text` score the most characters (each term once), at least
    /// `minimumTextScore`; ties go to the theme whose term comes first in the text.
    func textTheme(_ text: String) -> Int? {
        let chars = Array(text)
        var best: (score: Int, first: Int, theme: Int)? = nil
        for (t, theme) in lexicon.themes.enumerated() {
            var score = 0
            var first = Int.max
            for term in Set(theme.terms).sorted() {
                if let at = Self.position(of: Array(term), in: chars) {
                    score += term.count
                    first = min(first, at)
                }
            }
            guard score > 0 else { continue }
            if let b = best {
                if score > b.score || (score == b.score && first < b.first) { best = (score, first, t) }
            } else {
                best = (score, first, t)
            }
        }
        guard let best, best.score >= lexicon.minimumTextScore else { return nil }
        return best.theme
    }

    static func position(of needle: [Character], in haystack: [Character]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}

/// Agreement of a grouping with a reference grouping, over every pair of statements: precision
/// (pairs put together that the reference puts together) and recall (pairs the reference puts
/// together that were put together).
public struct PairwiseAgreement: Sendable, Hashable {
    public var precision: Double
    public var recall: Double
    public var truePairs: Int
    public var predictedPairs: Int
    public var referencePairs: Int

    /// `predicted[i]` and `reference[i]` are the group labels of statement `i`; with `counting`,
    /// only the pairs `(i, j)` it accepts count (e.g. statements of the same safeguard category:
    /// the decisions the grouper makes inside one; or of different topics).
    public init<A: Hashable, B: Hashable>(predicted: [A], reference: [B], counting: ((Int, Int) -> Bool)? = nil) {
        precondition(predicted.count == reference.count)
        var tp = 0
        var pp = 0
        var rp = 0
        for i in predicted.indices {
            for j in predicted.indices where j > i && counting?(i, j) ?? true {
                let p = predicted[i] == predicted[j]
                let r = reference[i] == reference[j]
                if p { pp += 1 }
                if r { rp += 1 }
                if p && r { tp += 1 }
            }
        }
        truePairs = tp
        predictedPairs = pp
        referencePairs = rp
        precision = pp == 0 ? 1 : Double(tp) / Double(pp)
        recall = rp == 0 ? 1 : Double(tp) / Double(rp)
    }
}
