import Foundation

/// Renders one counter value in an `ST_NumberFormat` (ECMA-376 Part 1, §17.18.59) the way Word
/// displays it in a list label.
///
/// Handled: decimal, decimalZero, decimalHalfWidth, decimalFullWidth(2), upper/lowerRoman,
/// upper/lowerLetter, ordinal, cardinalText, ordinalText (English), hex, chicago, numberInDash,
/// the enclosed decimals (circle, circle Chinese, full stop, parenthesis), ideographEnclosedCircle,
/// and the East Asian formats in `NumberFormat+CJK.swift`. `none` and `bullet` render as "" (a
/// bullet level shows its `w:lvlText` literally; `Numbering` handles that).
/// Not handled (render as decimal, and `isKnown` is false so the caller can say so): the Hebrew,
/// Arabic, Hindi, Thai, Russian, Korean counting/legal, Vietnamese, Japanese legal/aiueo/iroha
/// formats, and `custom` formats other than the zero-padded ones.
///
/// Values ≤ 0 render as plain decimal in every numeric format ("0", "-1"): Word allows
/// `w:start w:val="0"`, and Open-XML-PowerTools' `ListItemTextGetter_*` (Microsoft, written
/// against Word's output) falls back to decimal wherever a format has no glyph for a value.
enum NumberFormat {
    /// `n` in `numFmt` (an `ST_NumberFormat` value). Unknown formats render as decimal.
    static func format(_ n: Int, _ numFmt: String) -> String {
        switch numFmt {
        case "none", "bullet": return ""
        case "decimalZero": return (0...9).contains(n) ? "0\(n)" : String(n)
        default: break
        }
        guard n > 0 else { return String(n) }
        switch numFmt {
        case "decimal", "decimalHalfWidth": return String(n)
        case "decimalFullWidth", "decimalFullWidth2": return fullWidth(n)
        case "upperRoman": return roman(n) ?? String(n)
        case "lowerRoman": return roman(n)?.lowercased() ?? String(n)
        case "upperLetter": return letters(n, uppercase: true)
        case "lowerLetter": return letters(n, uppercase: false)
        case "ordinal": return String(n) + ordinalSuffix(n)
        case "cardinalText": return EnglishWords.cardinal(n).map(capitalizedFirst) ?? String(n)
        case "ordinalText": return EnglishWords.ordinal(n).map(capitalizedFirst) ?? String(n)
        case "hex": return String(n, radix: 16, uppercase: true)
        case "chicago": return chicago(n)
        case "numberInDash": return "- \(n) -"
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return enclosed(n, first: 0x2460, count: 20)  // ① … ⑳
        case "decimalEnclosedFullstop": return enclosed(n, first: 0x2488, count: 20)  // ⒈ … ⒛
        case "decimalEnclosedParen": return enclosed(n, first: 0x2474, count: 20)  // ⑴ … ⒇
        case "ideographEnclosedCircle": return enclosed(n, first: 0x3220, count: 10)  // ㈠ … ㈩
        default: return cjk(n, numFmt) ?? String(n)
        }
    }

    /// A `w:numFmt w:val="custom"` with a `w:format` pattern ([MS-DOCX] §2.4, written by Word
    /// 2010+ inside `mc:AlternateContent`). The zero-padded patterns are rendered; others fall back
    /// to decimal.
    static func format(_ n: Int, customPattern: String) -> String {
        if let width = paddedWidth(customPattern), n >= 0 {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return String(n)
    }

    /// True when `format` renders `numFmt` as Word does rather than falling back to decimal.
    static func isKnown(_ numFmt: String) -> Bool { known.contains(numFmt) }

    /// True when `customPattern` (`w:numFmt/@w:format`) is one `format(_:customPattern:)` renders.
    static func isKnown(customPattern: String) -> Bool { paddedWidth(customPattern) != nil }

    static let known: Set<String> = Set([
        "none", "bullet", "decimal", "decimalZero", "decimalHalfWidth", "decimalFullWidth",
        "decimalFullWidth2", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal",
        "cardinalText", "ordinalText", "hex", "chicago", "numberInDash", "decimalEnclosedCircle",
        "decimalEnclosedCircleChinese", "decimalEnclosedFullstop", "decimalEnclosedParen",
        "ideographEnclosedCircle",
    ]).union(cjkFormats)

    // MARK: - Western formats

    /// "01, 02, 03, ..." → 2, "001, 002, 003, ..." → 3 … ([MS-DOCX] §2.4 second table).
    private static func paddedWidth(_ pattern: String) -> Int? {
        let first = pattern.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        // At most 32 digits: the zeros are written out for every numbered paragraph.
        guard (2...32).contains(first.count), first.hasSuffix("1"), first.dropLast().allSatisfy({ $0 == "0" }) else { return nil }
        return first.count
    }

    private static func fullWidth(_ n: Int) -> String {
        String(String.UnicodeScalarView(String(n).unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
    }

    /// Roman numerals; thousands beyond MMM repeat M as Open-XML-PowerTools does (up to 10,999),
    /// larger values are decimal.
    static func roman(_ n: Int) -> String? {
        guard (1...10_999).contains(n) else { return nil }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = n
        var out = ""
        for (value, glyph) in table {
            while rest >= value {
                out += glyph
                rest -= value
            }
        }
        return out
    }

    /// a … z, aa … zz, aaa … (the letter repeats, it is not base 26). Word cycles after 780
    /// (30 repetitions of z), as Open-XML-PowerTools' `ListItemTextGetter_Default` encodes.
    static func letters(_ n: Int, uppercase: Bool) -> String {
        var m = n % 780
        if m == 0 { m = 780 }
        let letter = Character(Unicode.Scalar(UInt8((uppercase ? 65 : 97) + (m - 1) % 26)))
        return String(repeating: letter, count: (m - 1) / 26 + 1)
    }

    static func ordinalSuffix(_ n: Int) -> String {
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// `*`, `†`, `‡`, `§`, then each doubled, tripled … (§17.18.59 chicago).
    private static func chicago(_ n: Int) -> String {
        let symbols: [Character] = ["*", "\u{2020}", "\u{2021}", "\u{00A7}"]
        let count = (n - 1) / 4 + 1
        guard count <= 64 else { return String(n) }
        return String(repeating: symbols[(n - 1) % 4], count: count)
    }

    /// One code point per value in 1…count, decimal beyond (§17.18.59: "for values greater than
    /// the size of the set, the items fall back to the decimal format"; Open-XML-PowerTools does
    /// the same for decimalEnclosedCircle).
    private static func enclosed(_ n: Int, first: UInt32, count: Int) -> String {
        guard n <= count, let scalar = Unicode.Scalar(first + UInt32(n - 1)) else { return String(n) }
        return String(Character(scalar))
    }

    private static func capitalizedFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// English number words as Word spells them in cardinalText/ordinalText ("One", "Twenty-one",
/// "One hundred one", "Twenty-first"), following Open-XML-PowerTools; 1…19,999, else nil.
enum EnglishWords {
    private static let units = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    private static let tens = ["ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    private static let ordinalUnits = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth",
    ]
    private static let ordinalTens = [
        "tenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
    ]

    static func cardinal(_ n: Int) -> String? { words(n, ordinal: false) }
    static func ordinal(_ n: Int) -> String? { words(n, ordinal: true) }

    private static func words(_ n: Int, ordinal: Bool) -> String? {
        guard (1...19_999).contains(n) else { return nil }
        var parts: [String] = []
        let thousands = n / 1000
        let hundreds = n % 1000 / 100
        let rest = n % 100
        if thousands > 0 { parts.append(units[thousands - 1] + " thousand") }
        if hundreds > 0 { parts.append(units[hundreds - 1] + " hundred") }
        if rest > 0 {
            if rest < 20 {
                parts.append(ordinal ? ordinalUnits[rest - 1] : units[rest - 1])
            } else if rest % 10 == 0 {
                parts.append(ordinal ? ordinalTens[rest / 10 - 1] : tens[rest / 10 - 1])
            } else {
                parts.append(tens[rest / 10 - 1] + "-" + (ordinal ? ordinalUnits[rest % 10 - 1] : units[rest % 10 - 1]))
            }
        } else if ordinal {
            parts[parts.count - 1] += "th"
        }
        return parts.joined(separator: " ")
    }
}
