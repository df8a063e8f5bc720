import PlanTemplates

/// A figure found in a text: a number with its multiplier and unit ("1.2万家", "2.5%", "十五家"),
/// or a doubling phrase ("翻一番").
struct Figure: Sendable, Hashable {
    /// Character offsets in the scanned text.
    var range: Range<Int>
    /// As written.
    var text: String
    /// Normalized (multiplier applied); nil for a doubling phrase.
    var value: Double?
    /// Base unit after normalization; nil when the figure names none.
    var unit: String?
    /// "翻一番" and the like, which state no number.
    var doubling: String?
    /// The upper end of a range ("8%—10%": value 8, upper 10).
    var upper: Double? = nil
    /// A footnote marker written on the value ("60.6*").
    var note: String? = nil
}

/// The grammar of numbers in Chinese plan texts: Arabic and Chinese numerals, the 百/千/万/亿
/// multipliers, and which unit follows (from the lexicon).
struct FigureScanner: Sendable {
    let lexicon: IndicatorSynonyms
    private let spellings: [[Character]]

    static let multipliers: [Character: Double] = ["百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8]
    static let chineseDigits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let chineseSmallUnits: [Character: Double] = ["十": 10, "百": 100, "千": 1000]
    /// Phrases stating a doubling without a number.
    static let doublings = ["翻两番", "翻一番", "翻了一番", "翻番"]
    private static let doublingChars: [[Character]] = doublings.map { Array($0) }

    init(lexicon: IndicatorSynonyms) {
        self.lexicon = lexicon
        self.spellings = lexicon.unitSpellings.map { Array(IndicatorSynonyms.halfWidth($0)) }
    }

    /// Every figure of `text`, in order. Numbers without a unit are not figures in prose
    /// ("5G", "2025年", "表1"), nor are ordinals (第三), terms in quotes (“四个面向”) or the
    /// article 一 ("一个", "一批").
    func scan(_ text: String) -> [Figure] {
        // Most clauses hold no figure: a pass over the scalars rules them out without making
        // Character arrays.
        guard text.mayHoldFigureScalar(Self.figureStartScalars) else { return [] }
        let original = Array(text)
        let chars = original.map(Self.halfWidth)
        var out: [Figure] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "翻", let k = Self.doublingChars.firstIndex(where: { chars.figureHasPrefix($0, at: i) }) {
                let d = Self.doublings[k]
                out.append(Figure(range: i..<(i + d.count), text: d, value: nil, unit: nil, doubling: d))
                i += d.count
                continue
            }
            if let f = figure(in: chars, original: original, at: i) ?? bareTarget(in: chars, original: original, at: i) {
                out.append(f)
                i = f.range.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    /// The figure starting exactly at `i`, if one does.
    private func figure(in chars: [Character], original: [Character], at i: Int) -> Figure? {
        let previous: Character? = i > 0 ? chars[i - 1] : nil
        // Ordinals and ranks are not quantities: 第三, 前十名, 前3位.
        if let p = previous, p == "第" || p == "前" { return nil }
        if chars[i].isFigureDigit {
            if let p = previous, p.isFigureDigit || p == "." || p.isFigureLetter { return nil }
            guard let (number, end) = Self.arabic(chars, from: i) else { return nil }
            if let (mult, unit, stop) = unitSuffix(chars, from: end, requireUnit: true),
                acceptsUnit(unit, number: number, chinese: false, chars: chars, start: i, end: end)
            {
                var f = Figure(range: i..<stop, text: String(original[i..<stop]), value: number * mult, unit: unit)
                extendRange(&f, chars: chars, original: original, multiplier: mult)
                markNote(&f, chars: chars, original: original)
                return f
            }
            // "8—10%", "8~10%": a bare number opening a range whose second end carries the unit.
            if end < chars.count, Self.rangeDashes.contains(chars[end]) {
                var j = end + 1
                while j < chars.count, Self.rangeDashes.contains(chars[j]) { j += 1 }
                if j < chars.count, chars[j].isFigureDigit, let (high, e2) = Self.arabic(chars, from: j),
                    let (mult, unit, stop) = unitSuffix(chars, from: e2, requireUnit: true), high > number,
                    acceptsUnit(unit, number: high, chinese: false, chars: chars, start: j, end: e2)
                {
                    var f = Figure(range: i..<stop, text: String(original[i..<stop]), value: number * mult, unit: unit)
                    f.upper = high * mult
                    markNote(&f, chars: chars, original: original)
                    return f
                }
            }
            return nil
        }
        guard Self.isChineseNumeralStart(chars[i]) else { return nil }
        if let p = previous, p == "“" || p == "\"" || p == "《" || Self.isChineseNumeralChar(p) { return nil }
        var runEnd = i
        while runEnd < chars.count, Self.isChineseNumeralChar(chars[runEnd]) { runEnd += 1 }
        // Longest numeral first; give characters back when they belong to the unit (五千瓦 = 5 千瓦).
        var end = runEnd
        while end > i {
            if let number = Self.chineseValue(chars[i..<end]), number != 1,
                let (mult, unit, stop) = unitSuffix(chars, from: end, requireUnit: true),
                acceptsUnit(unit, number: number, chinese: true, chars: chars, start: i, end: end)
            {
                return Figure(range: i..<stop, text: String(original[i..<stop]), value: number * mult, unit: unit)
            }
            end -= 1
        }
        return nil
    }

    /// Verbs after which a number without a unit is still a target: an index or a coefficient
    /// ("有效利用系数提高到0.53", "居民消费价格指数控制在103.5左右").
    static let bareLeads: [[Character]] = [
        "达到", "提高到", "提升到", "提高至", "提升至", "降至", "降到", "降低到", "下降到", "控制在", "保持在", "稳定在",
        "超过", "不低于", "不高于", "低于", "增加到", "扩大到", "缩小到",
    ].map { Array($0) }

    /// A unitless Arabic number right after a target verb, ending the clause (or before 以上/左右).
    private func bareTarget(in chars: [Character], original: [Character], at i: Int) -> Figure? {
        guard chars[i].isFigureDigit, i > 0, !chars[i - 1].isFigureDigit, chars[i - 1] != "." else { return nil }
        guard Self.bareLeads.contains(where: { i >= $0.count && chars.figureHasPrefix($0, at: i - $0.count) }) else { return nil }
        guard let (number, end) = Self.arabic(chars, from: i) else { return nil }
        if end - i == 4, number >= 1949, number <= 2100 { return nil }
        if end < chars.count {
            let next = chars[end]
            let closes =
                "，。；、,.;）)".contains(next) || chars.figureHasPrefix(Array("以上"), at: end)
                || chars.figureHasPrefix(Array("左右"), at: end) || chars.figureHasPrefix(Array("以内"), at: end)
            guard closes else { return nil }
        }
        return Figure(range: i..<end, text: String(original[i..<end]), value: number, unit: nil)
    }

    static let rangeDashes: Set<Character> = ["—", "–", "-", "－", "~", "～", "―"]

    /// Units that read as something else after some numbers: 年 after a year ("2025年") or a
    /// Chinese numeral ("三年行动") is a date or a span, not a quantity.
    private func acceptsUnit(_ unit: String?, number: Double, chinese: Bool, chars: [Character], start: Int, end: Int) -> Bool {
        guard unit == "年" else { return true }
        if chinese { return false }
        let digits = end - start
        return !(digits == 4 && number >= 1949 && number <= 2100 && number == number.rounded())
    }

    /// "8%—10%", "50万-60万千瓦": the same unit on both ends of a range.
    private func extendRange(_ f: inout Figure, chars: [Character], original: [Character], multiplier: Double) {
        var j = f.range.upperBound
        guard j < chars.count, Self.rangeDashes.contains(chars[j]) else { return }
        while j < chars.count, Self.rangeDashes.contains(chars[j]) { j += 1 }
        guard j < chars.count, chars[j].isFigureDigit, let (high, e2) = Self.arabic(chars, from: j) else { return }
        guard let (mult, unit, stop) = unitSuffix(chars, from: e2, requireUnit: true), unit == f.unit,
            let low = f.value, high * mult > low
        else { return }
        f.upper = high * mult
        f.range = f.range.lowerBound..<stop
        f.text = String(original[f.range])
    }

    /// A footnote marker right after the figure ("60.6*", "2.5①").
    private func markNote(_ f: inout Figure, chars: [Character], original: [Character]) {
        let j = f.range.upperBound
        guard j < chars.count, Self.noteMarks.contains(chars[j]) else { return }
        f.note = String(original[j])
    }

    static let noteMarks: Set<Character> = ["*", "＊", "※", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"]

    /// Multipliers and a unit after a number: "万家" → (1e4, 家), "亿元" → (1e8, 元),
    /// "万千瓦" → (1e4, 千瓦), "亿吨标准煤" → (1e8, 吨标准煤); a compound unit keeps its
    /// denominator as written: "万元/人" → (1e4, 元/人), "件/万人" → (1, 件/万人).
    /// With `requireUnit` false a bare multiplier (or nothing) is accepted.
    func unitSuffix(_ chars: [Character], from start: Int, requireUnit: Bool) -> (Double, String?, Int)? {
        var mult = 1.0
        var i = start
        while i <= chars.count {
            if let s = spellings.first(where: { chars.figureHasPrefix($0, at: i) }) {
                var unit = lexicon.baseUnit(String(s))
                var stop = i + s.count
                // A compound unit: "/" or "每" and a second unit, which may carry its own multiplier.
                if stop < chars.count, chars[stop] == "/" || chars[stop] == "每" {
                    var k = stop + 1
                    var denominator = ""
                    while k < chars.count, Self.multipliers[chars[k]] != nil {
                        denominator.append(chars[k])
                        k += 1
                    }
                    if let d = spellings.first(where: { chars.figureHasPrefix($0, at: k) }) {
                        unit += "/" + denominator + lexicon.baseUnit(String(d))
                        stop = k + d.count
                    }
                }
                return (mult, unit, stop)
            }
            guard i < chars.count, let m = Self.multipliers[chars[i]] else { break }
            mult *= m
            i += 1
        }
        return requireUnit ? nil : (mult, nil, i)
    }

    /// A unit column's text: "亿元" → (1e8, "元"), "万人年" → (1e4, "人年"), "%" → (1, "%").
    /// A unit the lexicon does not know is kept as written.
    func unitSpec(_ text: String) -> (multiplier: Double, unit: String?) {
        let chars = Array(text.filter { !$0.isWhitespace }).map(Self.halfWidth)
        if chars.isEmpty { return (1, nil) }
        if let (m, u, end) = unitSuffix(chars, from: 0, requireUnit: true), end == chars.count { return (m, u) }
        return (1, String(chars))
    }

    /// A table cell's number: "2.5", "1.2万", "十五", "30万吨"; the unit when the cell names one.
    func cellNumber(_ text: String) -> (value: Double, unit: String?, multiplier: Double)? {
        let chars = Array(text.filter { !$0.isWhitespace && $0 != "," && $0 != "，" }).map(Self.halfWidth)
        guard let first = chars.first else { return nil }
        var number: Double
        var end: Int
        if first.isFigureDigit {
            guard let (n, e) = Self.arabic(chars, from: 0) else { return nil }
            (number, end) = (n, e)
        } else if Self.isChineseNumeralStart(first) {
            var e = 0
            while e < chars.count, Self.isChineseNumeralChar(chars[e]) { e += 1 }
            while e > 0, Self.chineseValue(chars[0..<e]) == nil { e -= 1 }
            guard e > 0, let n = Self.chineseValue(chars[0..<e]) else { return nil }
            (number, end) = (n, e)
        } else {
            return nil
        }
        guard let (mult, unit, stop) = unitSuffix(chars, from: end, requireUnit: false), stop == chars.count else {
            return nil
        }
        return (number * mult, unit, mult)
    }

    // MARK: numerals

    /// An Arabic number at `i` ("1000", "2.5", "1,200"), and where it ends.
    static func arabic(_ chars: [Character], from i: Int) -> (Double, Int)? {
        var j = i
        var digits = ""
        while j < chars.count {
            let c = chars[j]
            if c.isFigureDigit {
                digits.append(c)
            } else if c == ",", !digits.isEmpty, !digits.contains("."), isThousandsGroup(chars, after: j) {
                // a thousands separator: skipped
            } else if c == ".", !digits.contains("."), j + 1 < chars.count, chars[j + 1].isFigureDigit {
                digits.append(c)
            } else {
                break
            }
            j += 1
        }
        guard !digits.isEmpty, let v = Double(digits) else { return nil }
        return (v, j)
    }

    private static func isThousandsGroup(_ chars: [Character], after j: Int) -> Bool {
        guard j + 3 < chars.count else { return false }
        guard (1...3).allSatisfy({ chars[j + $0].isFigureDigit }) else { return false }
        return j + 4 >= chars.count || !chars[j + 4].isFigureDigit
    }

    /// The value of a Chinese numeral ("十五" 15, "一百二十" 120, "两千" 2000, "一万二千" 12000,
    /// "三亿五千万" 350000000); nil when the characters do not form one.
    static func chineseValue(_ chars: ArraySlice<Character>) -> Double? {
        guard let first = chars.first, isChineseNumeralStart(first) else { return nil }
        var total = 0.0
        var section = 0.0
        var digit: Double? = nil
        for c in chars {
            if let d = chineseDigits[c] {
                if let previous = digit, previous != 0 { return nil }  // 二三 is not a number
                digit = Double(d)
            } else if let u = chineseSmallUnits[c] {
                section += (digit ?? 1) * u
                digit = nil
            } else if c == "万" {
                section = (section + (digit ?? 0)) * 1e4
                digit = nil
            } else if c == "亿" {
                total = (total + section + (digit ?? 0)) * 1e8
                section = 0
                digit = nil
            } else {
                return nil
            }
        }
        return total + section + (digit ?? 0)
    }

    static func isChineseNumeralStart(_ c: Character) -> Bool {
        if let v = c.plainScalar { return numeralStartScalars.contains(v) }
        return c != "零" && c != "〇" && (chineseDigits[c] != nil || c == "十")
    }

    static func isChineseNumeralChar(_ c: Character) -> Bool {
        if let v = c.plainScalar { return numeralScalars.contains(v) }
        return chineseDigits[c] != nil || chineseSmallUnits[c] != nil || c == "万" || c == "亿"
    }

    /// The same tests on scalar values (all these characters are plain scalars).
    private static let numeralStartScalars: Set<UInt32> = Set(
        (chineseDigits.keys.filter { $0 != "零" && $0 != "〇" } + ["十"]).map { $0.unicodeScalars.first!.value })
    private static let numeralScalars: Set<UInt32> = Set(
        (Array(chineseDigits.keys) + Array(chineseSmallUnits.keys) + ["万", "亿"]).map { $0.unicodeScalars.first!.value })

    /// Every scalar a figure can start with: ASCII and full-width digits (full-width ones become
    /// ASCII through `halfWidth`), 翻 (翻一番), and the Chinese numerals a figure can open with.
    static let figureStartScalars: Set<UInt32> = numeralStartScalars.union(Array(0x30...0x39) + Array(0xFF10...0xFF19) + [0x7FFB])

    /// Full-width digits, letters and signs to ASCII, one character for one.
    static func halfWidth(_ c: Character) -> Character {
        guard c.unicodeScalars.count == 1, let u = c.unicodeScalars.first else { return c }
        if u.value >= 0xFF01, u.value <= 0xFF5E, let h = Unicode.Scalar(u.value - 0xFEE0) { return Character(h) }
        return c
    }
}

extension Character {
    var isFigureDigit: Bool { isASCII && isNumber }
    var isFigureLetter: Bool { isASCII && isLetter }

    /// The scalar value when this Character is one scalar that is its own canonical form for
    /// sure (ASCII, the dashes and quotes U+2010–U+2027, U+3000–U+F8FF: CJK punctuation, kana, ideographs; the fullwidth forms), nil
    /// otherwise. Two such Characters are equal exactly when their values are: comparing them
    /// needs no normalization. Callers fall back to Character comparison on nil (a compatibility
    /// ideograph such as U+F9D1 equals 六).
    @inline(__always) var plainScalar: UInt32? {
        let s = unicodeScalars
        guard let f = s.first, s.index(after: s.startIndex) == s.endIndex else { return nil }
        let v = f.value
        return v < 0x80 || (v >= 0x2010 && v < 0x2028) || (v >= 0x3000 && v < 0xF900) || (v >= 0xFF00 && v < 0xFFF0) ? v : nil
    }

    /// `==`, without normalizing when both are plain scalars.
    @inline(__always) func sameFigureCharacter(_ other: Character) -> Bool {
        if let a = plainScalar, let b = other.plainScalar { return a == b }
        return self == other
    }
}

extension String {
    /// False when no Character of the string can equal a character whose scalar is in
    /// `scalars` (all plain scalars, see `plainScalar`): no scalar of the string is in the set,
    /// and none is a CJK compatibility ideograph (U+F900–U+FAFF, U+2F800–U+2FA1F: the only
    /// scalars canonically equal to another ideograph, as U+F98E to 年). True means "maybe": the
    /// caller does the exact work. A cheap test on scalars, without grapheme breaking.
    func mayHoldFigureScalar(_ scalars: Set<UInt32>) -> Bool {
        for scalar in unicodeScalars {
            let v = scalar.value
            if scalars.contains(v) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x2F800 && v <= 0x2FA1F) { return true }
        }
        return false
    }
}

extension Array where Element == Character {
    func figureHasPrefix(_ p: [Character], at i: Int) -> Bool {
        guard !p.isEmpty, i >= 0, i + p.count <= count else { return false }
        for k in 0..<p.count where !self[i + k].sameFigureCharacter(p[k]) { return false }
        return true
    }

    /// The Character offset of the first occurrence of `p`, if any.
    func firstFigureOccurrence(of p: [Character]) -> Int? {
        guard !p.isEmpty, p.count <= count else { return nil }
        for i in 0...(count - p.count) where self[i] == p[0] && figureHasPrefix(p, at: i) { return i }
        return nil
    }
}
