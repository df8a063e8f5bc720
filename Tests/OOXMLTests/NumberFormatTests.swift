import Testing

@testable import OOXML

/// One value in one format, and where the expectation comes from.
struct FormatCase: Sendable, CustomTestStringConvertible {
    var format: String
    var value: Int
    var expected: String
    var testDescription: String { "\(format) \(value) → \(expected)" }
}

/// `values[i]` in `format` is `labels[i]`.
private func formatCases(_ format: String, _ values: [Int], _ labels: [String]) -> [FormatCase] {
    precondition(values.count == labels.count, "table for \(format) is ragged")
    return zip(values, labels).map { FormatCase(format: format, value: $0, expected: $1) }
}

/// The brief's probe values.
private let probe = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111, 1000, 1001]

/// ○ WHITE CIRCLE, chineseCounting's zero ([MS-DOCX] §2.4 lists 100 as U+4E00 U+25CB U+25CB).
private let circle = "\u{25CB}"
/// 〇 IDEOGRAPHIC NUMBER ZERO, ideographDigital's zero ([MS-DOCX] §2.4: 一〇〇 is U+4E00 U+3007
/// U+3007) and chineseCountingThousand's gap (Open-XML-PowerTools `ListItemTextGetter_zh_CN`).
private let ideographZero = "\u{3007}"

@Suite struct NumberFormatTests {
    // MARK: Western

    static let westernCases: [FormatCase] =
        formatCases("decimal", probe, probe.map(String.init))
        + formatCases("decimalHalfWidth", [1, 10, 1001], ["1", "10", "1001"])
        + formatCases("decimalZero", [0, 1, 2, 9, 10, 11, 99, 100], ["00", "01", "02", "09", "10", "11", "99", "100"])
        + formatCases("upperRoman", probe, ["I", "II", "IX", "X", "XI", "XIX", "XX", "XXI", "XCIX", "C", "CI", "CX", "CXI", "M", "MI"])
        + formatCases("lowerRoman", probe, ["i", "ii", "ix", "x", "xi", "xix", "xx", "xxi", "xcix", "c", "ci", "cx", "cxi", "m", "mi"])
        + formatCases("upperRoman", [4, 40, 400, 1994, 3999, 4000], ["IV", "XL", "CD", "MCMXCIV", "MMMCMXCIX", "MMMM"])
        // Word repeats the letter (aa, not ba): §17.18.59 upperLetter/lowerLetter.
        + formatCases(
            "upperLetter", [1, 2, 9, 10, 11, 19, 20, 21, 26, 27, 28, 52, 53, 99, 100, 101, 110, 111],
            ["A", "B", "I", "J", "K", "S", "T", "U", "Z", "AA", "BB", "ZZ", "AAA", "UUUU", "VVVV", "WWWW", "FFFFF", "GGGGG"])
        + formatCases(
            "lowerLetter", [1, 2, 9, 10, 11, 19, 20, 21, 26, 27, 52, 53, 99, 100, 101, 110, 111],
            ["a", "b", "i", "j", "k", "s", "t", "u", "z", "aa", "zz", "aaa", "uuuu", "vvvv", "wwww", "fffff", "ggggg"])
        // Open-XML-PowerTools' ListItemTextGetter_Default cycles after 30 × z (780).
        + formatCases("lowerLetter", [780, 781, 1000], ["z" + String(repeating: "z", count: 29), "a", String(repeating: "l", count: 9)])
        + formatCases(
            "ordinal", probe + [3, 12, 13, 22, 23, 112],
            [
                "1st", "2nd", "9th", "10th", "11th", "19th", "20th", "21st", "99th", "100th", "101st", "110th", "111th",
                "1000th", "1001st", "3rd", "12th", "13th", "22nd", "23rd", "112th",
            ])
        // [MS-DOCX] §2.4: cardinalText "One, Two, Three"; composition as Open-XML-PowerTools.
        + formatCases(
            "cardinalText", probe,
            [
                "One", "Two", "Nine", "Ten", "Eleven", "Nineteen", "Twenty", "Twenty-one", "Ninety-nine", "One hundred",
                "One hundred one", "One hundred ten", "One hundred eleven", "One thousand", "One thousand one",
            ])
        + formatCases(
            "ordinalText", probe,
            [
                "First", "Second", "Ninth", "Tenth", "Eleventh", "Nineteenth", "Twentieth", "Twenty-first", "Ninety-ninth",
                "One hundredth", "One hundred first", "One hundred tenth", "One hundred eleventh", "One thousandth",
                "One thousand first",
            ])
        + formatCases("hex", [1, 10, 15, 16, 255], ["1", "A", "F", "10", "FF"])
        + formatCases("chicago", [1, 2, 3, 4, 5, 8, 9], ["*", "\u{2020}", "\u{2021}", "\u{00A7}", "**", "\u{00A7}\u{00A7}", "***"])
        + formatCases("numberInDash", [1, 21], ["- 1 -", "- 21 -"])

    @Test("Western formats render as Word shows them", arguments: westernCases)
    func western(_ c: FormatCase) {
        #expect(NumberFormat.format(c.value, c.format) == c.expected)
    }

    // MARK: Enclosed and width variants

    static let enclosedCases: [FormatCase] =
        // §17.18.59: ①…⑳, then "the items fall back to the decimal format" (…, ⑲, ⑳, 21).
        formatCases(
            "decimalEnclosedCircle", [1, 2, 9, 10, 11, 19, 20, 21, 99, 100],
            ["①", "②", "⑨", "⑩", "⑪", "⑲", "⑳", "21", "99", "100"])
        + formatCases("decimalEnclosedCircleChinese", [1, 10, 20, 21], ["①", "⑩", "⑳", "21"])
        // [MS-DOCX] §2.4: U+2488 ⒈ and U+2474 ⑴ start these sets.
        + formatCases("decimalEnclosedFullstop", [1, 2, 9, 10, 11, 19, 20, 21], ["⒈", "⒉", "⒐", "⒑", "⒒", "⒚", "⒛", "21"])
        + formatCases("decimalEnclosedParen", [1, 2, 9, 10, 11, 19, 20, 21, 100], ["⑴", "⑵", "⑼", "⑽", "⑾", "⒆", "⒇", "21", "100"])
        // [MS-DOCX] §2.4: ㈠ ㈡ ㈢; [MS-OI29500] §2.1.540(a): Word uses the parenthesized ideographs.
        + formatCases("ideographEnclosedCircle", [1, 2, 9, 10, 11], ["㈠", "㈡", "㈨", "㈩", "11"])
        + formatCases("decimalFullWidth", [1, 2, 9, 10, 11, 99, 100, 1001], ["１", "２", "９", "１０", "１１", "９９", "１００", "１００１"])
        + formatCases("decimalFullWidth2", [1, 21], ["１", "２１"])

    @Test("enclosed and full-width decimals, decimal past their set", arguments: enclosedCases)
    func enclosed(_ c: FormatCase) {
        #expect(NumberFormat.format(c.value, c.format) == c.expected)
    }

    // MARK: Chinese and other East Asian formats

    static let chineseCases: [FormatCase] =
        // [MS-DOCX] §2.4 (一, 十, 一○○) and Open-XML-PowerTools ListItemTextGetter_zh_CN: 十-forms
        // to 99, then digit by digit with ○ U+25CB. Disagrees with the brief's 一百/一百零一 (those
        // are chineseCountingThousand) and with LibreOffice, which maps every Chinese counting
        // format to one NUMBER_LOWER_ZH.
        formatCases(
            "chineseCounting", probe,
            [
                "一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一\(circle)\(circle)",
                "一\(circle)一", "一一\(circle)", "一一一", "一\(circle)\(circle)\(circle)", "一\(circle)\(circle)一",
            ])
        + formatCases("chineseCounting", [30, 45, 9999, 10000], ["三十", "四十五", "九九九九", "10000"])
        // [MS-DOCX] §2.4 (一, 十, 一百) and Open-XML-PowerTools: no 一 before 十 below 20, a run of
        // zeros written once as 〇 U+3007 (the brief expected 零; [MS-OI29500] §2.1.540(e): Word
        // does not write 零 U+96F6), decimal from 10,000.
        + formatCases(
            "chineseCountingThousand", probe,
            [
                "一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百\(ideographZero)一",
                "一百一十", "一百一十一", "一千", "一千\(ideographZero)一",
            ])
        + formatCases(
            "chineseCountingThousand", [120, 1010, 1100, 1234, 2005, 9999, 10000],
            ["一百二十", "一千\(ideographZero)一十", "一千一百", "一千二百三十四", "二千\(ideographZero)五", "九千九百九十九", "10000"])
        // [MS-DOCX] §2.4: 壹, 贰, 叁. Beyond 9 not documented by Microsoft: the financial 大写 rule
        // (壹拾, gaps as 零) — the brief expected 拾, 拾壹.
        + formatCases(
            "chineseLegalSimplified", probe,
            [
                "壹", "贰", "玖", "壹拾", "壹拾壹", "壹拾玖", "贰拾", "贰拾壹", "玖拾玖", "壹佰", "壹佰零壹",
                "壹佰壹拾", "壹佰壹拾壹", "壹仟", "壹仟零壹",
            ])
        + formatCases("chineseLegalSimplified", [3, 4, 5, 6, 7, 8], ["叁", "肆", "伍", "陆", "柒", "捌"])
        // [MS-DOCX] §2.4: 壹, 貳, 參.
        + formatCases("ideographLegalTraditional", [1, 2, 3, 6, 10, 20, 101], ["壹", "貳", "參", "陸", "壹拾", "貳拾", "壹佰零壹"])
        // [MS-DOCX] §2.4: 一, 一〇, 一〇〇 (U+3007).
        + formatCases(
            "ideographDigital", probe,
            [
                "一", "二", "九", "一\(ideographZero)", "一一", "一九", "二\(ideographZero)", "二一", "九九",
                "一\(ideographZero)\(ideographZero)", "一\(ideographZero)一", "一一\(ideographZero)", "一一一",
                "一\(ideographZero)\(ideographZero)\(ideographZero)", "一\(ideographZero)\(ideographZero)一",
            ])
        // [MS-DOCX] §2.4: 甲, 乙, 丙; Open-XML-PowerTools: decimal after 癸.
        + formatCases(
            "ideographTraditional", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20],
            ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "11", "20"])
        // [MS-DOCX] §2.4: 子, 丑, 寅; decimal after 亥 by analogy with ideographTraditional.
        + formatCases(
            "ideographZodiac", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
            ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥", "13"])
        + formatCases("ideographZodiacTraditional", [1, 2, 10, 11, 60, 61], ["甲子", "乙丑", "癸酉", "甲戌", "癸亥", "61"])
        // Not verified against Word (see NumberFormat+CJK.swift).
        + formatCases("taiwaneseCounting", [1, 10, 21], ["一", "十", "二十一"])
        + formatCases(
            "japaneseCounting", [1, 10, 11, 21, 100, 101, 110, 111, 1000, 1001],
            ["一", "十", "十一", "二十一", "百", "百一", "百十", "百十一", "千", "千一"])
        + formatCases("koreanDigital", [1, 10, 21], ["일", "일영", "이일"])

    @Test("Chinese and other East Asian formats render as Word shows them", arguments: chineseCases)
    func chinese(_ c: FormatCase) {
        #expect(NumberFormat.format(c.value, c.format) == c.expected)
    }

    // MARK: Edges

    static let edgesCases: [FormatCase] =
        // Values ≤ 0 are decimal everywhere (Word allows w:start 0; Open-XML-PowerTools falls back to
        // decimal where a format has no glyph).
        formatCases("decimal", [0, -3], ["0", "-3"])
        + formatCases("upperRoman", [0], ["0"])
        + formatCases("lowerLetter", [0], ["0"])
        + formatCases("chineseCounting", [0, -1], ["0", "-1"])
        + formatCases("decimalEnclosedCircle", [0], ["0"])
        // A level's own text is its label for these (Numbering handles bullets).
        + formatCases("none", [1, 7], ["", ""])
        + formatCases("bullet", [1], [""])
        // Unknown formats: decimal (the caller reports numbering.unknown-format).
        + formatCases("hebrew1", [5], ["5"])
        + formatCases("notAFormat", [12], ["12"])

    @Test("zero, negative, none, bullet and unknown formats", arguments: edgesCases)
    func edges(_ c: FormatCase) {
        #expect(NumberFormat.format(c.value, c.format) == c.expected)
    }

    @Test("isKnown tells rendered formats from decimal fallbacks")
    func known() {
        for format in [
            "decimal", "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographZodiac", "bullet", "none",
        ] {
            #expect(NumberFormat.isKnown(format), "\(format)")
        }
        for format in ["hebrew1", "thaiCounting", "custom", ""] {
            #expect(!NumberFormat.isKnown(format), "\(format)")
        }
    }

    @Test(
        "zero-padded custom formats from Word 2010 ([MS-DOCX] §2.4)",
        arguments: [
            ("01, 02, 03, ...", 5, "05"), ("001, 002, 003, ...", 7, "007"), ("001, 002, 003, ...", 1234, "1234"),
            ("0001, 0002, 0003, ...", 12, "0012"), ("00001, 00002, 00003, ...", 3, "00003"), ("A, B, C", 3, "3"),
        ])
    func custom(pattern: String, value: Int, expected: String) {
        #expect(NumberFormat.format(value, customPattern: pattern) == expected)
    }

    @Test("huge values stay bounded")
    func bounded() {
        #expect(NumberFormat.format(Int(Int32.max), "upperLetter").count <= 30)
        #expect(NumberFormat.format(Int(Int32.max), "upperRoman") == "2147483647")
        #expect(NumberFormat.format(Int(Int32.max), "chicago") == "2147483647")
        #expect(NumberFormat.format(Int(Int32.max), "cardinalText") == "2147483647")
        #expect(NumberFormat.format(Int(Int32.max), "chineseCountingThousand") == "2147483647")
    }
}
