import DocumentModel
import PlanSupport
/// The East Asian `ST_NumberFormat` values (ECMA-376 Part 1, §17.18.59), as Word renders them.
///
/// Where the expectations come from (the tests repeat this per case):
/// - [MS-DOCX] §2.4 "numFmt Extensions" lists, for each format, the first labels Word shows:
///   chineseCounting "一, 十, 一○○" (U+4E00, U+5341, U+4E00 U+25CB U+25CB),
///   chineseCountingThousand "一, 十, 一百", chineseLegalSimplified "壹, 贰, 叁",
///   ideographDigital "一, 一〇, 一〇〇" (U+3007), ideographEnclosedCircle "㈠, ㈡, ㈢",
///   ideographTraditional "甲, 乙, 丙", ideographZodiac "子, 丑, 寅".
/// - Open-XML-PowerTools `ListItemTextGetter_zh_CN` (Microsoft, Eric White; built against
///   Word's output) for the full rules of chineseCounting (十-forms up to 99, then digit by digit
///   with ○ U+25CB, decimal from 10,000), chineseCountingThousand (十一 without a leading 一,
///   一百一十, gaps written once as 〇 U+3007: 一百〇一, 一千〇一; decimal from 10,000) and
///   ideographTraditional (decimal after 癸).
/// - [MS-OI29500] §2.1.540 (Word's deviations for §17.18.59): Word never writes 零 U+96F6 in
///   chineseCountingThousand, and encloses ideographEnclosedCircle ideographs in parentheses.
///
/// Not verified against a Microsoft source, chosen by analogy (documented in the report):
/// chineseLegalSimplified beyond 9 (壹拾, 壹佰零壹: the financial 大写 convention, which keeps the
/// leading 壹 and writes gaps as 零), ideographLegalTraditional (same with 貳 參 陸), ideographZodiac
/// beyond 12 and ideographZodiacTraditional beyond 60 (decimal, as ideographTraditional),
/// taiwaneseCounting/taiwaneseCountingThousand/taiwaneseDigital (as the Chinese ones),
/// japaneseCounting (一 before 十/百/千 elided, no zero: 十一, 百一, 千一), koreanDigital.
extension NumberFormat {
    static let cjkFormats: Set<String> = [
        "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
        "ideographTraditional", "ideographZodiac", "ideographZodiacTraditional",
        "ideographLegalTraditional", "taiwaneseCounting", "taiwaneseCountingThousand",
        "taiwaneseDigital", "japaneseCounting", "koreanDigital",
    ]

    /// `n` (> 0) in an East Asian format, or nil when the format is not one of them or `n` is past
    /// what the format shows (the caller then writes decimal).
    static func cjk(_ n: Int, _ numFmt: String) -> String? {
        switch numFmt {
        case "chineseCounting", "taiwaneseCounting": return chineseCounting(n)
        case "chineseCountingThousand", "taiwaneseCountingThousand": return CJKCounting.chineseThousand.render(n)
        case "chineseLegalSimplified": return CJKCounting.chineseLegalSimplified.render(n)
        case "ideographLegalTraditional": return CJKCounting.chineseLegalTraditional.render(n)
        case "japaneseCounting": return CJKCounting.japanese.render(n)
        case "ideographDigital", "taiwaneseDigital": return digits(n, ideographDigits)
        case "koreanDigital": return digits(n, ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"])
        case "ideographTraditional": return cyclic(n, heavenlyStems)
        case "ideographZodiac": return cyclic(n, earthlyBranches)
        case "ideographZodiacTraditional":
            guard n <= 60 else { return nil }
            return heavenlyStems[(n - 1) % 10] + earthlyBranches[(n - 1) % 12]
        default: return nil
        }
    }

    /// 〇 (U+3007) 一 … 九: ideographDigital's digits.
    static let ideographDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    /// 甲 乙 丙 丁 戊 己 庚 辛 壬 癸: the heavenly stems (ideographTraditional).
    static let heavenlyStems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    /// 子 丑 寅 卯 辰 巳 午 未 申 酉 戌 亥: the earthly branches (ideographZodiac).
    static let earthlyBranches = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    /// chineseCounting: 一 … 九, 十, 十一 … 十九, 二十 … 九十九, then digit by digit with ○ (U+25CB,
    /// not 〇 U+3007): 一○○, 一○一, 一一○ … 九九九九; decimal from 10,000.
    static func chineseCounting(_ n: Int) -> String? { ChineseNumerals.counting(n) }

    private static func digits(_ n: Int, _ glyphs: [String]) -> String? {
        guard n < 100_000_000 else { return nil }
        return String(n).map { glyphs[Int(String($0))!] }.joined()
    }

    /// One glyph per value in 1…glyphs.count, nil (decimal) beyond.
    private static func cyclic(_ n: Int, _ glyphs: [String]) -> String? {
        n <= glyphs.count ? glyphs[n - 1] : nil
    }
}

/// A positional counting system with unit characters (十 百 千) for 1…9,999.
struct CJKCounting: Sendable {
    /// Index 0 is the gap character (written once for a run of zeros before a non-zero digit).
    var digits: [String]
    var ten: String
    var hundred: String
    var thousand: String
    /// 10…19 as 十, 十一 … (no leading 一) when the whole value is below 100.
    var omitsLeadingOneOfTen: Bool
    /// 一 dropped before every unit (Japanese: 十, 百一, 千).
    var omitsOneBeforeUnits: Bool
    /// Whether a run of zeros between non-zero digits is written (as `digits[0]`).
    var writesGaps: Bool

    static let chineseThousand = CJKCounting(
        digits: ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"], ten: "十", hundred: "百", thousand: "千",
        omitsLeadingOneOfTen: true, omitsOneBeforeUnits: false, writesGaps: true)
    static let chineseLegalSimplified = CJKCounting(
        digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"], ten: "拾", hundred: "佰", thousand: "仟",
        omitsLeadingOneOfTen: false, omitsOneBeforeUnits: false, writesGaps: true)
    static let chineseLegalTraditional = CJKCounting(
        digits: ["零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"], ten: "拾", hundred: "佰", thousand: "仟",
        omitsLeadingOneOfTen: false, omitsOneBeforeUnits: false, writesGaps: true)
    static let japanese = CJKCounting(
        digits: ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"], ten: "十", hundred: "百", thousand: "千",
        omitsLeadingOneOfTen: true, omitsOneBeforeUnits: true, writesGaps: false)

    /// `n` in 1…9,999, nil otherwise.
    func render(_ n: Int) -> String? {
        guard (1...9999).contains(n) else { return nil }
        let places = [(n / 1000, thousand), (n / 100 % 10, hundred), (n / 10 % 10, ten), (n % 10, "")]
        var out = ""
        var seenNonZero = false
        var gap = false
        for (digit, unit) in places {
            guard digit != 0 else {
                if seenNonZero { gap = true }
                continue
            }
            if gap, writesGaps { out += digits[0] }
            gap = false
            let omitOne =
                digit == 1 && !unit.isEmpty
                && (omitsOneBeforeUnits || (omitsLeadingOneOfTen && unit == ten && n < 100))
            if !omitOne { out += digits[digit] }
            out += unit
            seenNonZero = true
        }
        return out
    }
}
