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
        guard let r = text.range(of: labelPattern, options: .regularExpression) else { return (nil, text) }
        return (trim(text[r]), String(text[r.upperBound...]))
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
