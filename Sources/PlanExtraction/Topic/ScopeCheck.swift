import DocumentModel
import PlanSupport
import PlanTemplates

/// Why a draft lies outside the plan: another region, or another plan period.
public struct ScopeFinding: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case region, period
    }

    public var reason: Reason
    /// What the draft names instead ("浙江", "十三五", "2016—2020年"), in order of appearance.
    public var named: [String]
}

/// Tells drafts of the plan's region and period from drafts of other regions or periods
/// (`Templates/topic-matching.yaml` `scope`), from the names a draft gives itself: its title and
/// cover lines, its document title and its file name — never its body, which compares with
/// other provinces and reviews the last period as a matter of course.
///
/// A draft is of another region when it names other places (provinces, their cities) and none of
/// the plan's; of another period when it names plan periods (十三五, 第十三个五年, 2016—2020年)
/// and none that is or overlaps the plan's.
struct ScopeCheck: Sendable {
    let scope: TopicMatchingRules.Scope

    func finding(in texts: [String]) -> ScopeFinding? {
        let squashed = texts.map { TopicText.halfWidth($0).filter { !$0.isWhitespace } }
        // Region.
        let home = squashed.contains { text in scope.homePlaces.contains { !$0.isEmpty && text.containsText($0) } }
        if !home {
            var others: [String] = []
            for text in squashed {
                for place in Self.places(in: text, among: scope.otherPlaces, named: true) where !others.contains(place) {
                    others.append(place)
                }
            }
            if !others.isEmpty { return ScopeFinding(reason: .region, named: others) }
        }
        // Period: the names a plan period has are read by PlanPeriod, as for dating targets.
        var current = false
        var other: [String] = []
        for text in squashed {
            for (period, display) in PlanPeriod.named(in: text) {
                if overlaps(period.start...period.end) {
                    current = true
                } else if !other.contains(display) {
                    other.append(display)
                }
            }
        }
        if !current, !other.isEmpty { return ScopeFinding(reason: .period, named: other) }
        return nil
    }

    private func overlaps(_ years: ClosedRange<Int>?) -> Bool {
        guard let years, scope.periodYears.count == 2 else { return false }
        return years.overlaps(scope.periodYears[0]...scope.periodYears[1])
    }

    /// The places of `list` named in `text`, by position; a place inside a longer named place
    /// counts once (the longer one). `named`: only where the text names a place — at the start
    /// of the text or of a phrase (after punctuation or a figure), or followed by 省, 市, 县, 区,
    /// 自治区 — so that 幸福建设 does not name 福建.
    static func places(in text: String, among list: [String], named: Bool = false) -> [String] {
        let chars = Array(text)
        var hits: [(start: Int, end: Int, name: String)] = []
        for place in list where !place.isEmpty {
            let p = Array(place)
            guard p.count <= chars.count else { continue }
            for start in 0...(chars.count - p.count) where chars[start] == p[0] && Array(chars[start..<start + p.count]) == p {
                let end = start + p.count
                if named {
                    let opensPhrase = start == 0 || !chars[start - 1].isLetter
                    let suffixed = end < chars.count && "省市县区自".contains(chars[end])
                    guard opensPhrase || suffixed else { continue }
                }
                hits.append((start, end, place))
            }
        }
        let kept = hits.filter { h in
            !hits.contains { o in o.end - o.start > h.end - h.start && o.start <= h.start && o.end >= h.end }
        }
        var out: [String] = []
        for h in kept.sorted(by: { $0.start < $1.start }) where !out.contains(h.name) { out.append(h.name) }
        return out
    }

}
