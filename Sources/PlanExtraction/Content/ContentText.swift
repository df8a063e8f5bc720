import DocumentModel
import PlanSupport
import Foundation

/// Small text rules of Chinese official documents as `ContentReader` applies them to a draft's
/// paragraphs: labels, run-in titles, intro lines. (The outline has its own: `HeadingLabel`,
/// `OutlineText`, `ItemExtractor.split`; see the notes in ContentReader.swift.)
enum ContentText {
    /// Without leading and trailing whitespace (full-width spaces included).
    static func trim<S: StringProtocol>(_ text: S) -> String {
        text.trimmingWhitespace()
    }

    /// Without trailing punctuation ("坚持创新引领。" → "坚持创新引领").
    static func stripEnd(_ text: String) -> String {
        var t = Substring(trim(text))
        while let last = t.last, "。．.，,；;：:、".contains(last) || last.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    /// A typed heading label at the start: 第一章, 一、, （一）, 1., （1）, ①.
    private static let labelPattern =
        #"^\s*(第[一二三四五六七八九十百零〇\d]+[章节部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)|[①-⑳])\s*"#

    /// The typed label of `text` and the text after it.
    static func splitLabel(_ text: String) -> (label: String?, rest: String) {
        guard mayOpenWithLabel(text) else { return (nil, text) }
        guard let r = text.range(of: labelPattern, options: .regularExpression) else { return (nil, text) }
        return (trim(text[r]), String(text[r.upperBound...]))
    }

    /// False when `labelPattern` cannot match: the pattern's `\s*` takes only White_Space scalars,
    /// so its first alternative starts at the first scalar that is not one, and every alternative
    /// opens with 第, 一…十, a parenthesis, a digit (any scalar with a numeric value, a superset of
    /// `\d`) or ①…⑳. Spares compiling the expression for the many paragraphs with no label.
    private static func mayOpenWithLabel(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        switch first.value {
        case 0x7B2C, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true  // 第 一…十
        case 0xFF08, 0x28, 0x2460...0x2473: return true  // （ ( ①…⑳
        default: return first.properties.numericType != nil
        }
    }

    /// A run-in statement: a bold lead ("坚持创新引领。正文"), or a labelled paragraph whose first
    /// clause is short enough for a title ("1.坚持问题导向。正文"). Nil for a plain paragraph.
    static func runIn(_ p: Paragraph, maxTitle: Int = 30) -> (label: String?, title: String, text: String)? {
        let text = trim(p.text)
        if let lead = p.boldLead.map({ trim($0) }), !lead.isEmpty, lead.count < text.count, text.hasPrefix(lead) {
            let (label, title) = splitLabel(lead)
            let body = trim(text.dropFirst(lead.count))
            return (p.numbering?.label ?? label, stripEnd(title), body)
        }
        let (typed, rest) = splitLabel(text)
        guard let label = p.numbering?.label ?? typed else { return nil }
        if let cut = rest.firstIndex(where: { "。：:；;".contains($0) }) {
            let head = trim(rest[..<cut])
            let tail = trim(rest[rest.index(after: cut)...])
            if head.count <= maxTitle && !tail.isEmpty { return (label, head, tail) }
        }
        return (label, "", trim(rest))
    }

    /// A line that announces what follows ("规划实施遵循以下原则：").
    static func isIntro(_ text: String) -> Bool {
        let t = trim(text)
        return t.hasSuffix("：") || t.hasSuffix(":")
    }
}
