import DocumentModel
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
        // Period.
        var current = false
        var other: [String] = []
        for text in squashed {
            for period in Self.periods(in: text) {
                if period.name == scope.period || overlaps(period.years) {
                    current = true
                } else if !other.contains(period.display) {
                    other.append(period.display)
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

    /// A plan period named in a text: "十三五" (name), "第十三个五年" (name), "2016—2020年"
    /// (years; the name is the canonical 十X五 when the range is a five-year plan's).
    struct Period: Sendable, Hashable {
        var name: String?
        var years: ClosedRange<Int>?
        var display: String
    }

    static func periods(in text: String) -> [Period] {
        let chars = Array(text)
        var out: [Period] = []
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
        var i = 0
        while i < chars.count {
            // 十X五
            if chars[i] == "十", i + 2 < chars.count, numerals.contains(chars[i + 1]), chars[i + 2] == "五" {
                let name = String(chars[i...(i + 2)])
                out.append(Period(name: name, years: nil, display: name))
                i += 3
                continue
            }
            // 第十X个五年
            if chars[i] == "第", i + 5 < chars.count, chars[i + 1] == "十", numerals.contains(chars[i + 2]),
               chars[i + 3] == "个", chars[i + 4] == "五", chars[i + 5] == "年" {
                let name = "十" + String(chars[i + 2]) + "五"
                out.append(Period(name: name, years: nil, display: String(chars[i...(i + 5)])))
                i += 6
                continue
            }
            // 2016—2020 / 2016-2020年 / 2016至2020年
            if let (first, length) = year(chars, i), i + length < chars.count,
               "-—–－~～至到".contains(chars[i + length]), let (last, length2) = year(chars, i + length + 1),
               last >= first, last - first <= 30 {
                var end = i + length + 1 + length2
                if end < chars.count, chars[end] == "年" { end += 1 }
                out.append(Period(name: nil, years: first...last, display: String(chars[i..<end])))
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    /// A four-digit year 1949…2099 starting at `i` and not glued to further digits.
    private static func year(_ chars: [Character], _ i: Int) -> (Int, Int)? {
        guard i + 4 <= chars.count, i == 0 || !OutlineText.isDigit(chars[i - 1]) else { return nil }
        let digits = chars[i..<(i + 4)]
        guard digits.allSatisfy(OutlineText.isDigit), i + 4 == chars.count || !OutlineText.isDigit(chars[i + 4]),
              let value = Int(String(digits)), (1949...2099).contains(value)
        else { return nil }
        return (value, 4)
    }
}
