import DocumentModel
import PlanSupport
import Foundation
import PlanTemplates

/// Text normalization for matching draft names and titles to catalog topics.
///
/// Two levels: `light` keeps only letters (Han characters, Latin letters) after turning
/// full-width forms to half-width and removing version words and figures (dates, years,
/// "0915"); `heavy` then strips the generic words of `TopicMatchingRules` (辽宁省, 规划 …),
/// leaving the distinctive core ("高新技术产业开发区").
struct TopicText: Sendable {
    let genericWords: [String]
    /// Weak words reduced as the generic ones are, longest first.
    let weakWords: [String]
    /// Version spellings, longest first.
    let versionSpellings: [String]

    init(rules: TopicMatchingRules, versions: VersionWords) {
        let generic = rules.genericWords.map { Self.letters(Self.halfWidth($0)) }.filter { !$0.isEmpty }
        genericWords = generic
        var weak: [String] = []
        for word in rules.weakWords {
            var w = Self.letters(Self.halfWidth(word))
            for g in generic { w = w.replacingText(g, with: "") }
            if !w.isEmpty, !weak.contains(w) { weak.append(w) }
        }
        weakWords = weak.sorted { $0.count > $1.count }
        versionSpellings = versions.spellings.map(\.spelling)
    }

    /// A heavy text without its weak words: what likeness is measured on.
    func distinctive(_ heavyText: String) -> String {
        var s = heavyText
        for word in weakWords { s = s.replacingText(word, with: "") }
        return s
    }

    /// Letters only, version words and figures removed, Latin lower-cased.
    func light(_ text: String) -> String {
        var s = Self.halfWidth(text)
        for spelling in versionSpellings { s = s.replacingText(spelling, with: " ") }
        return Self.letters(Self.removingFigures(s))
    }

    /// `light`, then the generic words removed (repeated until nothing changes).
    func heavy(_ text: String) -> String { strip(light(text)) }

    /// Removes the generic words from an already light text.
    func strip(_ lightText: String) -> String {
        var s = lightText
        for _ in 0..<4 {
            let before = s
            for word in genericWords { s = s.replacingText(word, with: "") }
            if s == before { break }
        }
        return s
    }

    // MARK: - Grammar of names

    /// The file name without folders and without its extension ("a/b.docx" → "b").
    static func stem(ofFileName name: String) -> String {
        let last = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        let ext = last[last.index(after: dot)...]
        guard !ext.isEmpty, ext.count <= 5, ext.allSatisfy({ $0.isASCII && $0.isLetter }) else { return last }
        return String(last[..<dot])
    }

    /// A leading topic number such as "5 沈大鞍…", "10-新材料…", "23.农业…", "S4 科技投入…",
    /// "07_…": the number (without leading zeros, "S" upper-cased) and the rest of the name.
    /// Four digits or more are a year, not a number; a number glued to a Latin letter is not one.
    static func leadingNumber(_ stem: String) -> (hint: String?, rest: String) {
        let chars = Array(halfWidth(stem).drop(while: { $0.isWhitespace }))
        var i = 0
        var prefix = ""
        if i < chars.count, chars[i] == "S" || chars[i] == "s" {
            prefix = "S"
            i += 1
        }
        let digitsStart = i
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        let digits = String(chars[digitsStart..<i])
        guard (1...2).contains(digits.count) else { return (nil, stem) }
        if i < chars.count {
            let next = chars[i]
            let separator = next.isWhitespace || ".-_、—–·,".contains(next)
            guard separator || isHan(next) else { return (nil, stem) }
        }
        let rest = chars[i...].drop(while: { $0.isWhitespace || ".-_、—–·,".contains($0) })
        let number = String(Int(digits) ?? 0)
        return (prefix + number, String(rest))
    }

    /// Full-width ASCII forms (！…～) to half-width, the ideographic space to a space.
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Runs of ASCII digits, with a following 年/月/日/号, replaced by a space.
    static func removingFigures(_ text: String) -> String {
        var out = ""
        var chars = text.makeIterator()
        var inFigure = false
        while let c = chars.next() {
            if c.isASCII, c.isNumber {
                inFigure = true
                continue
            }
            if inFigure {
                inFigure = false
                if "年月日号".contains(c) {
                    out.append(" ")
                    continue
                }
                out.append(" ")
            }
            out.append(c)
        }
        return out
    }

    /// Letters only (Han characters and Latin letters, lower-cased).
    static func letters(_ text: String) -> String {
        String(text.filter { $0.isLetter }.lowercased())
    }

    static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }
}

/// Character bigrams of a short text (a text of one character is its own "bigram").
struct Bigrams: Sendable {
    let set: Set<String>

    init(_ text: String) {
        let chars = Array(text)
        if chars.count < 2 {
            set = chars.isEmpty ? [] : [String(chars)]
        } else {
            var s: Set<String> = []
            for i in 0..<(chars.count - 1) { s.insert(String(chars[i...i + 1])) }
            set = s
        }
    }

    /// Dice coefficient 2|A∩B| / (|A|+|B|).
    func dice(_ other: Bigrams) -> Double {
        let total = set.count + other.set.count
        guard total > 0 else { return 0 }
        // |A∩B| counted over the smaller set, without building the intersection.
        let (small, large) = set.count <= other.set.count ? (set, other.set) : (other.set, set)
        var common = 0
        for bigram in small where large.contains(bigram) { common += 1 }
        return 2 * Double(common) / Double(total)
    }
}
