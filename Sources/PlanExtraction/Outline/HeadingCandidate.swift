import DocumentModel
import PlanSupport
import PlanModel
import PlanTemplates

/// One body paragraph judged a heading, with every signal it carries (before levels are normalised).
struct HeadingCandidate: Sendable, Hashable {
    /// Index of the paragraph's block in `Document.body`.
    var blockIndex: Int
    var paragraph: Int
    var path: String
    /// The label shown in front of the title, typed or rendered from numbering.xml.
    var label: HeadingLabel?
    var title: String
    var signal: HeadingSignal
    /// 0-based level from a heading style or `w:outlineLvl`, when there is one.
    var styleLevel: Int?
    /// Label and title as Word shows them (the separator after a label kept: "第一章 总则").
    var displayTitle: String
}

/// What a body paragraph is, for the outline: a heading, or a labelled item of body text
/// (a numbered list paragraph, a run-in bold heading), or plain text.
enum ParagraphRole: Sendable, Hashable {
    case heading(HeadingCandidate)
    /// A list paragraph ("1.……。") or a run-in heading ("（一）加强组织领导。正文"): an item of
    /// a list, never a heading of the outline.
    case item(label: HeadingLabel?, lead: String?, rest: String)
    case text
}

/// Judges single paragraphs (grammar and thresholds; no context beyond the paragraph).
struct HeadingClassifier: Sendable {
    var headings: SectionSynonyms.Headings
    var titleStyles: [String]

    init(settings: SectionSynonyms) {
        headings = settings.headings
        titleStyles = settings.title.styleNames
    }

    func role(of p: Paragraph, blockIndex: Int) -> ParagraphRole {
        // Line breaks and tabs inside a heading read as spaces.
        let text = OutlineText.trim(OutlineText.flatten(p.text))
        guard !text.isEmpty else { return .text }
        if let name = p.styleName?.lowercased() {
            if titleStyles.contains(name) { return .text }
            if headings.ignoredStylePrefixes.contains(where: { name.hasPrefix($0.lowercased()) }) { return .text }
        }
        if Self.isContentsEntry(p.text) { return .text }

        let rendered = p.numbering.flatMap { HeadingLabel.parse(rendered: $0.label) }
        let typed = HeadingLabel.parse(prefixOf: text)
        let label = rendered ?? typed?.label
        // A label rendered from numbering.xml and typed again in the text shows twice; the
        // title is the text after both.
        let rest: String
        if let rendered {
            rest = typed.map { $0.label.kind == rendered.kind ? $0.rest : text } ?? text
        } else {
            rest = typed?.rest ?? text
        }
        let hasNumberingLabel = p.numbering.map { !OutlineText.trim($0.label).isEmpty } ?? false

        func candidate(_ signal: HeadingSignal, level: Int?) -> ParagraphRole {
            var display = text
            if let rendered, let numbering = p.numbering {
                let separator = numbering.suffix == "\t" ? " " : numbering.suffix
                display = rendered.text + separator + text
            }
            return .heading(
                HeadingCandidate(
                    blockIndex: blockIndex, paragraph: p.location.paragraphIndex ?? 0, path: p.location.path,
                    label: label, title: OutlineText.trim(rest), signal: signal, styleLevel: level, displayTitle: display))
        }

        // A heading style or an outline level: a heading unless it is plainly a long sentence.
        let styleLevel = HeadingStyle.level(of: p)
        if let level = styleLevel ?? p.outlineLevel, level <= 8 {
            if rest.count > 2 * headings.maxLength && endsSentence(rest) { return item(p, label, rest) }
            return candidate(styleLevel != nil ? .headingStyle : .outlineLevel, level: level)
        }
        // A run-in heading ("（一）加强组织领导。" in bold, then body text) is an item.
        if let lead = p.boldLead, !OutlineText.trim(lead).isEmpty, OutlineText.trim(lead).count < text.count {
            return item(p, label, rest)
        }
        if let label {
            let short = looksLikeHeading(rest, max: headings.maxLength)
            // Without a heading style, a "1." or "（1）" paragraph is a heading only in bold; the
            // upper kinds (第一章 … （一）) are headings whenever they are short, and up to twice
            // as long when they do not end like a sentence (a work report's "（一）深入推进……，
            // 打造高质量发展动力源").
            let strongKind: Set<LabelKind> = [.chapter, .section, .chineseComma, .chineseParen]
            let strong = strongKind.contains(label.kind)
            if short && (p.isBold || strong) || strong && looksLikeHeading(rest, max: 2 * headings.maxLength) {
                return candidate(rendered != nil ? .numbering : .typedLabel, level: nil)
            }
            return .item(label: label, lead: nil, rest: OutlineText.trim(rest))
        }
        if hasNumberingLabel {
            // A bullet or another label outside the grammar: a list item.
            return .item(label: nil, lead: nil, rest: text)
        }
        if p.isBold && looksLikeHeading(text, max: headings.maxBoldLength) && !Caption.isCaption(text) {
            return candidate(.boldParagraph, level: nil)
        }
        return .text
    }

    private func item(_ p: Paragraph, _ label: HeadingLabel?, _ rest: String) -> ParagraphRole {
        var lead = p.boldLead.map { OutlineText.trim(OutlineText.flatten($0)) }
        // The bold lead may start with the typed label: keep only what follows it.
        if let l = lead, let typed = HeadingLabel.parse(prefixOf: l) { lead = typed.rest }
        return .item(label: label, lead: lead, rest: OutlineText.trim(rest))
    }

    /// A table-of-contents line: text, a tab, a page number ("一、风险识别\t1").
    static func isContentsEntry(_ text: String) -> Bool {
        let trimmed = text.reversed().drop { $0 == " " }
        let digits = trimmed.prefix { OutlineText.isDigit($0) }
        guard !digits.isEmpty else { return false }
        return trimmed.dropFirst(digits.count).first == "\t"
    }

    /// Short and not ending like a sentence.
    func looksLikeHeading(_ text: String, max: Int) -> Bool {
        let t = OutlineText.trim(text)
        return !t.isEmpty && t.count <= max && !endsSentence(t)
    }

    func endsSentence(_ text: String) -> Bool {
        guard let last = OutlineText.trim(text).last else { return false }
        return headings.sentenceEnds.contains(last)
    }
}
