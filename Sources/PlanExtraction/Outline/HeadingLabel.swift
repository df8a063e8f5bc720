import DocumentModel
import PlanSupport
import PlanModel

/// A heading label of the Chinese official-document order, typed in the text or rendered from
/// numbering.xml: 第一篇 / 第一编 / 第一部分, 第一章, 第一节, 一、, （一）, 1. / 1、 / 1．, （1）, ①, 1.1.
///
/// This is grammar, not vocabulary: it stays in code.
public struct HeadingLabel: Sendable, Hashable {
    /// The label as displayed, without the spaces that follow it ("一、", "(一)", "1.").
    public var text: String
    public var kind: LabelKind
    /// The number the label counts (三 → 3, ⑤ → 5, "1.2" → 2), when it can be read.
    public var ordinal: Int?
    /// Number of components of a decimal multilevel label ("1.2.3" → 3); 1 otherwise.
    public var components: Int
    /// A form that shares a kind but not a depth: "part" for 第一部分, "volume" for 第一篇 / 第一编
    /// (chapter-like kinds that hold chapters), "ordinal" for 第一， beside 一、, "half" for
    /// 1） / 1) beside （1）; empty otherwise.
    public var variant: String

    public init(text: String, kind: LabelKind, ordinal: Int?, components: Int = 1, variant: String = "") {
        self.text = text
        self.kind = kind
        self.ordinal = ordinal
        self.components = components
        self.variant = variant
    }

    /// What sits at one depth within a draft: the kind, its variant, and for 1.1 / 1.1.1 the
    /// component count.
    var depthKey: String {
        var key = kind.rawValue
        if kind == .decimalMultilevel { key += "#\(components)" }
        if !variant.isEmpty { key += "/" + variant }
        return key
    }

    /// A label at the start of `text` and the text after it (spaces after the label dropped).
    public static func parse(prefixOf text: String) -> (label: HeadingLabel, rest: String)? {
        // Most paragraphs open with no label at all: ruled out on their first Character before the
        // whole text is split into Characters.
        guard let first = text.first, mayStartLabel(first) else { return nil }
        guard let (label, length) = scanPrefix(of: text) else { return nil }
        // The rest is cut from the text itself, not rebuilt from Characters (the same scalars).
        var start = text.index(text.startIndex, offsetBy: length)
        while start < text.endIndex, text[start].isWhitespace { start = text.index(after: start) }
        return (label, String(text[start...]))
    }

    /// Characters `scan` is first given: a label is a few Characters long.
    private static let scanWindow = 16

    /// `scan` of the whole text, on its first `scanWindow` Characters when that decides. `scan` reads
    /// at most one Character past the label it returns, and a run of digits it follows to the end
    /// of the window ends in nothing shorter than the window: a label ending 3 or more Characters
    /// before the window's end is the one the whole text gives. Otherwise the whole text is scanned.
    private static func scanPrefix(of text: String) -> (HeadingLabel, Int)? {
        let head = Array(text.prefix(scanWindow))
        if head.count < scanWindow { return scan(head) }
        if let found = scan(head), found.1 <= scanWindow - 3 { return found }
        return scan(Array(text))
    }

    /// The kind of a label rendered from numbering.xml ("（三）", "第二章", "1."); nil for bullets,
    /// empty labels and labels outside the grammar.
    public static func parse(rendered label: String) -> HeadingLabel? {
        let trimmed = OutlineText.trim(label)
        guard !trimmed.isEmpty else { return nil }
        let chars = Array(trimmed)
        if let (parsed, length) = scan(chars), length == chars.count { return parsed }
        // A bare number ("1", "一") rendered without its punctuation.
        if let n = arabic(chars[...]), n.length == chars.count {
            return HeadingLabel(text: trimmed, kind: .arabicDot, ordinal: n.value)
        }
        return nil
    }

    // MARK: - Scanning

    private static let chineseDigits: Set<Character> = ["零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百"]
    private static let openParens: Set<Character> = ["（", "("]
    private static let closeParens: Set<Character> = ["）", ")"]
    private static let arabicSeparators: Set<Character> = [".", "、", "．"]
    private static let chineseSeparators: Set<Character> = ["、", "．", "."]
    /// Characters after "1.5" that make it a figure (1.5亿元, 2.5倍, 2.5%), not a label.
    private static let figureFollowers: Set<Character> = [
        "万", "亿", "千", "百", "十", "元", "个", "家", "项", "倍", "年", "月", "日", "%", "％", "‰", "人", "次", "吨", "米",
    ]

    /// Whether `scan` can find a label opening with `first` (its branches, in its order).
    private static func mayStartLabel(_ first: Character) -> Bool {
        if first == "第" || chineseDigits.contains(first) || openParens.contains(first) { return true }
        if let scalar = first.unicodeScalars.first, first.unicodeScalars.count == 1, (0x2460...0x2473).contains(scalar.value) {
            return true
        }
        return OutlineText.isDigit(first)
    }

    /// A label at the start of `chars` and its length.
    private static func scan(_ chars: [Character]) -> (HeadingLabel, Int)? {
        guard let first = chars.first else { return nil }
        let all = chars[...]
        // 第一章 / 第一节 / 第一部分 / 第一篇 / 第一编
        if first == "第" {
            let digits = all.dropFirst().prefix { chineseDigits.contains($0) || OutlineText.isDigit($0) }
            let end = 1 + digits.count
            guard !digits.isEmpty, end < chars.count else { return nil }
            if chars[end] == "章" || chars[end] == "节" {
                let kind: LabelKind = chars[end] == "章" ? .chapter : .section
                return (HeadingLabel(text: String(chars[0...end]), kind: kind, ordinal: number(digits)), end + 1)
            }
            if chars[end] == "篇" || chars[end] == "编" {
                return (
                    HeadingLabel(text: String(chars[0...end]), kind: .chapter, ordinal: number(digits), variant: "volume"),
                    end + 1
                )
            }
            // 第一，…… / 第二、……: an enumeration of a work report, a depth of its own.
            if "，、,".contains(chars[end]), digits.allSatisfy({ chineseDigits.contains($0) }) {
                return (
                    HeadingLabel(text: String(chars[0...end]), kind: .chineseComma, ordinal: number(digits), variant: "ordinal"),
                    end + 1
                )
            }
            if end + 1 < chars.count, chars[end] == "部", chars[end + 1] == "分" {
                return (
                    HeadingLabel(text: String(chars[0...end + 1]), kind: .chapter, ordinal: number(digits), variant: "part"),
                    end + 2
                )
            }
            return nil
        }
        // 一、
        if chineseDigits.contains(first) {
            let digits = all.prefix { chineseDigits.contains($0) }
            let end = digits.count
            if end < chars.count, chineseSeparators.contains(chars[end]), let n = chineseNumber(digits) {
                return (HeadingLabel(text: String(chars[0...end]), kind: .chineseComma, ordinal: n), end + 1)
            }
            return nil
        }
        // （一） / （1）
        if openParens.contains(first) {
            let inner = all.dropFirst()
            if let n = arabic(inner), 1 + n.length < chars.count, closeParens.contains(chars[1 + n.length]) {
                let end = 1 + n.length
                return (HeadingLabel(text: String(chars[0...end]), kind: .arabicParen, ordinal: n.value), end + 1)
            }
            let digits = inner.prefix { chineseDigits.contains($0) }
            let end = 1 + digits.count
            if !digits.isEmpty, end < chars.count, closeParens.contains(chars[end]), let n = chineseNumber(digits) {
                return (HeadingLabel(text: String(chars[0...end]), kind: .chineseParen, ordinal: n), end + 1)
            }
            return nil
        }
        // ① … ⑳
        if let scalar = first.unicodeScalars.first, first.unicodeScalars.count == 1,
            (0x2460...0x2473).contains(scalar.value)
        {
            return (HeadingLabel(text: String(first), kind: .circled, ordinal: Int(scalar.value) - 0x2460 + 1), 1)
        }
        // 1. / 1、 / 1． / 1.2 / 1.2.3
        if let n = arabic(all) {
            var end = n.length
            var parts = [n.value]
            while end + 1 < chars.count, chars[end] == "." || chars[end] == "．", let next = arabic(all.dropFirst(end + 1)) {
                parts.append(next.value)
                end += 1 + next.length
            }
            if parts.count > 1 {
                // "1.5亿" or "2.5%" is a figure, not a label: the label must be followed by a space
                // or by text that is not part of a number.
                guard
                    end == chars.count || chars[end].isWhitespace || arabicSeparators.contains(chars[end])
                        || OutlineText.isIdeograph(chars[end]) && !figureFollowers.contains(chars[end])
                else { return nil }
                if end < chars.count, arabicSeparators.contains(chars[end]) { end += 1 }
                return (
                    HeadingLabel(
                        text: String(chars[0..<end]), kind: .decimalMultilevel, ordinal: parts.last,
                        components: parts.count), end
                )
            }
            // 1） / 1): a half-parenthesised number, a depth of its own beside （1）.
            if end < chars.count, closeParens.contains(chars[end]) {
                return (HeadingLabel(text: String(chars[0...end]), kind: .arabicParen, ordinal: n.value, variant: "half"), end + 1)
            }
            guard end < chars.count, arabicSeparators.contains(chars[end]) else { return nil }
            // "1.5" was handled above; a separator followed by a digit is a figure.
            if end + 1 < chars.count, OutlineText.isDigit(chars[end + 1]) { return nil }
            return (HeadingLabel(text: String(chars[0...end]), kind: .arabicDot, ordinal: n.value), end + 1)
        }
        return nil
    }

    /// Up to two ASCII digits (a label, not a year) and their value.
    private static func arabic(_ chars: ArraySlice<Character>) -> (value: Int, length: Int)? {
        let digits = chars.prefix { OutlineText.isDigit($0) }
        guard !digits.isEmpty, digits.count <= 2, let value = Int(String(digits)) else { return nil }
        return (value, digits.count)
    }

    private static func number(_ chars: ArraySlice<Character>) -> Int? {
        if chars.allSatisfy(OutlineText.isDigit) { return Int(String(chars)) }
        return chineseNumber(chars)
    }

    /// 一 … 九十九 (with 百 for chapter counts); nil when the characters do not form a number.
    static func chineseNumber(_ chars: ArraySlice<Character>) -> Int? {
        let values: [Character: Int] = [
            "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        ]
        guard !chars.isEmpty else { return nil }
        var total = 0
        var current = 0
        var sawDigit = false
        for c in chars {
            if let v = values[c] {
                current = v
                sawDigit = true
            } else if c == "十" {
                total += (sawDigit ? current : 1) * 10
                current = 0
                sawDigit = false
            } else if c == "百" {
                total += (sawDigit ? current : 1) * 100
                current = 0
                sawDigit = false
            } else {
                return nil
            }
        }
        return total + current
    }
}

/// Small text helpers of outline recognition (kept in a namespace: other files of the module
/// may define their own).
enum OutlineText {
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// A CJK unified ideograph (the script of the text after a label).
    static func isIdeograph(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    /// Without leading and trailing white space (the ideographic space U+3000 included).
    static func trim(_ text: some StringProtocol) -> String {
        var chars = Substring(text)
        while let c = chars.first, c.isWhitespace { chars = chars.dropFirst() }
        while let c = chars.last, c.isWhitespace { chars = chars.dropLast() }
        return String(chars)
    }

    /// Line breaks and tabs replaced by single spaces.
    static func flatten(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { return text }
        var out = ""
        for c in text {
            if c == "\n" || c == "\t" || c == "\r" || c == "\r\n" {
                if out.last != " " { out.append(" ") }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Every white-space character removed: the key for synonym matching.
    static func squash(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.isUnicodeWhitespace }))
    }
}
