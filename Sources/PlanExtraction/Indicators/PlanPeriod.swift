/// The period a plan covers, read from what names it (title lines, file name, lead text):
/// a five-year plan ("十四五", "“十四五”", "第十四个五年") or a span of years ("2021—2035年").
/// It tells which year an undated target aims at, which table columns are baselines and which
/// are targets, and which years are history.
public struct PlanPeriod: Sendable, Hashable {
    /// First year of the plan (2021 for 十四五).
    public var start: Int
    /// Year its targets aim at when none is stated (2025 for 十四五).
    public var end: Int
    /// The ordinal of the five-year plan (14 for 十四五), nil for a plain span of years.
    public var fiveYearPlan: Int?
    /// The single calendar year a text is about when it names one and no period
    /// ("浙江省2021年政府工作报告": 今年 = 2021).
    public var documentYear: Int?

    public init(start: Int, end: Int, fiveYearPlan: Int? = nil, documentYear: Int? = nil) {
        self.start = start
        self.end = end
        self.fiveYearPlan = fiveYearPlan
        self.documentYear = documentYear
    }

    /// The last year of history: figures of this year or earlier are baselines, not targets.
    public var baseYear: Int { start - 1 }

    /// The period the texts name, first text first; nil when none names one.
    public static func read(_ texts: [String]) -> PlanPeriod? {
        var documentYear: Int? = nil
        for text in texts {
            if let n = fiveYearPlan(in: text) {
                let start = startOfFiveYearPlan(n)
                return PlanPeriod(start: start, end: start + 4, fiveYearPlan: n)
            }
        }
        for text in texts {
            let years = yearsWritten(in: text)
            if let span = yearSpan(in: text) { return PlanPeriod(start: span.0, end: span.1) }
            if documentYear == nil, years.count == 1 { documentYear = years[0] }
        }
        return documentYear.map { PlanPeriod(start: $0, end: $0, documentYear: $0) }
    }

    /// The first year of the n-th five-year plan: 一五 1953–1957, 二五 1958–1962, then from
    /// 三五 (1966–1970) every five years (十四五 2021–2025, 十五五 2026–2030).
    public static func startOfFiveYearPlan(_ n: Int) -> Int {
        switch n {
        case 1: return 1953
        case 2: return 1958
        default: return 1966 + 5 * (n - 3)
        }
    }

    /// The ordinal of a five-year plan the text names: “十四五”, 十三五时期, 第十四个五年规划.
    static func fiveYearPlan(in text: String) -> Int? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            // 第十四个五年
            if chars[i] == "第" {
                var j = i + 1
                while j < chars.count, FigureScanner.isChineseNumeralChar(chars[j]) { j += 1 }
                if j > i + 1, j + 2 < chars.count, chars[j] == "个", chars[j + 1] == "五", chars[j + 2] == "年",
                    let n = FigureScanner.chineseValue(chars[(i + 1)..<j]), n >= 1, n <= 30
                {
                    return Int(n)
                }
            }
            // 十四五 with quotes, or followed by a period word.
            if chars[i] == "五", i >= 1, i + 1 >= chars.count || chars[i + 1] != "五" {
                var j = i - 1
                while j >= 0, j >= i - 2, chars[j] == "十" || (FigureScanner.chineseDigits[chars[j]] ?? 0) > 0 { j -= 1 }
                let numeral = chars[(j + 1)..<i]
                if !numeral.isEmpty, let n = FigureScanner.chineseValue(numeral), n >= 2, n <= 30 {
                    let before: Character? = j >= 0 ? chars[j] : nil
                    let after = String(chars[(i + 1)..<min(chars.count, i + 3)])
                    let quoted = before == "“" || before == "\"" || before == "‘" || before == "「"
                    let periodWord = ["时期", "期间", "规划", "末", "计划", "以来", "开局", "初期", "中期"].contains { after.hasPrefix($0) }
                    let digitBefore = before.map { $0.isFigureDigit || FigureScanner.isChineseNumeralChar($0) } ?? false
                    if (quoted || periodWord) && !digitBefore && before != "第" { return Int(n) }
                }
            }
            i += 1
        }
        return nil
    }

    /// "2021—2035年", "2021-2025年", "2021年至2035年": the span, when both ends are years.
    static func yearSpan(in text: String) -> (Int, Int)? {
        let chars = Array(text)
        var i = 0
        while i + 4 <= chars.count {
            if let a = year(chars, at: i) {
                var j = i + 4
                if j < chars.count, chars[j] == "年" { j += 1 }
                if j < chars.count, "—–-－~～至到".contains(chars[j]) {
                    j += 1
                    while j < chars.count, chars[j] == "—" || chars[j] == "－" { j += 1 }
                    if let b = year(chars, at: j), b > a, b - a <= 30 { return (a, b) }
                }
            }
            i += 1
        }
        return nil
    }

    /// Every 4-digit year written "YYYY年" in the text.
    static func yearsWritten(in text: String) -> [Int] {
        let chars = Array(text)
        var out: [Int] = []
        var i = 0
        while i + 5 <= chars.count {
            if let y = year(chars, at: i), chars[i + 4] == "年" {
                if !out.contains(y) { out.append(y) }
                i += 5
            } else {
                i += 1
            }
        }
        return out
    }

    /// A year 1949–2100 written with four digits at `i`, not inside a longer number.
    static func year(_ chars: [Character], at i: Int) -> Int? {
        guard i >= 0, i + 4 <= chars.count, (i..<(i + 4)).allSatisfy({ chars[$0].isFigureDigit }) else { return nil }
        if i > 0, chars[i - 1].isFigureDigit || chars[i - 1] == "." { return nil }
        if i + 4 < chars.count, chars[i + 4].isFigureDigit || chars[i + 4] == "." { return nil }
        guard let y = Int(String(chars[i..<(i + 4)])), y >= 1949, y <= 2100 else { return nil }
        return y
    }
}
