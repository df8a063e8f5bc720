import DocumentModel
import PlanTemplates

/// A title line at the top of the body: the plan's name or its subtitle ("（征求意见稿）").
public struct TitleParagraph: Sendable, Hashable, Codable {
    public var text: String
    /// Paragraph index in the main story.
    public var paragraph: Int
    /// How it was recognised: "style", "layout" (centred, large or bold) or "wording".
    public var signal: String

    public init(text: String, paragraph: Int, signal: String) {
        self.text = text
        self.paragraph = paragraph
        self.signal = signal
    }
}

/// Finds the title paragraph(s) before the first heading: Title/Subtitle styles, centred large
/// or bold lines, or a first line worded like a plan title followed by a parenthesised subtitle.
public struct TitleDetector: Sendable {
    public var settings: SectionSynonyms.Title
    public var headings: SectionSynonyms.Headings

    public init(settings: SectionSynonyms.Title, headings: SectionSynonyms.Headings) {
        self.settings = settings
        self.headings = headings
    }

    /// Title lines among the leading paragraphs of `body`, in order.
    public func detect(in body: [Block]) -> [TitleParagraph] {
        var found: [TitleParagraph] = []
        var nonEmptySeen = 0
        for block in body {
            guard case .paragraph(let p) = block else { break }
            let text = OutlineText.trim(p.text)
            if text.isEmpty { continue }
            nonEmptySeen += 1
            guard found.count < settings.maxLines, nonEmptySeen <= settings.maxLines + 2,
                let signal = titleSignal(p, text: text, after: found)
            else { break }
            found.append(TitleParagraph(text: text, paragraph: p.location.paragraphIndex ?? 0, signal: signal))
        }
        return found
    }

    /// Whether `p` is a title line, given the title lines found above it.
    func titleSignal(_ p: Paragraph, text: String, after found: [TitleParagraph]) -> String? {
        if isTitleStyle(p) { return "style" }
        // Anything labelled, styled as a heading or long is not a title.
        if p.numbering.map({ !OutlineText.trim($0.label).isEmpty }) == true { return nil }
        if HeadingLabel.parse(prefixOf: text) != nil { return nil }
        let centred = p.alignment == "center"
        let worded = settings.words.contains(where: { text.containsText($0) })
        if HeadingStyle.level(of: p) != nil || p.outlineLevel != nil {
            // A plan title put in a heading style: the first line, centred, worded like a title.
            return found.isEmpty && centred && worded && text.count <= settings.maxLength ? "layout" : nil
        }
        if text.count > settings.maxLength || isSentence(text) && !isParenthesised(text) { return nil }
        if Caption.isCaption(text) { return nil }
        let large = (p.fontSizeHalfPoints ?? 0) >= settings.minFontSizeHalfPoints
        if centred && (large || p.isBold) { return "layout" }
        if found.isEmpty {
            // The first line, worded like a plan title ("辽宁省……规划"), in any layout.
            return worded ? "wording" : nil
        }
        // A subtitle under a title: "（征求意见稿）", "（2021—2035年）", or any centred short line.
        if isParenthesised(text) || centred { return "layout" }
        return nil
    }

    func isTitleStyle(_ p: Paragraph) -> Bool {
        guard let name = p.styleName?.lowercased() else { return false }
        return settings.styleNames.contains(name)
    }

    private func isSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return headings.sentenceEnds.contains(last)
    }

    private func isParenthesised(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        return (first == "（" || first == "(") && (last == "）" || last == ")")
    }
}

/// Heading styles by name: "heading 1", "Heading 1", "标题 1" (the style's `w:name`).
enum HeadingStyle {
    /// 0-based outline level named by the style, nil for other styles.
    static func level(of p: Paragraph) -> Int? {
        guard let name = p.styleName?.lowercased() else { return nil }
        for prefix in ["heading", "标题"] where name.hasPrefix(prefix) {
            let rest = OutlineText.trim(name.dropFirst(prefix.count))
            if let n = Int(rest), (1...9).contains(n) { return n - 1 }
        }
        return nil
    }
}

/// Table and figure captions ("表1 主要指标", "表 人工智能领域主要发展指标", "图2 …").
enum Caption {
    static func isCaption(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.hasPrefix("续") { chars = chars.dropFirst() }
        guard let first = chars.first, first == "表" || first == "图" else { return false }
        guard let next = chars.dropFirst().first else { return false }
        return next.isWhitespace || OutlineText.isDigit(next) || "一二三四五六七八九十".contains(next)
    }
}
