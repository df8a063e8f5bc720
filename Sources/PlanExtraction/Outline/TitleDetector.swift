import DocumentModel
import PlanSupport
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

/// What kind of cover line a paragraph before (or just after) the title is, when it is not part of
/// the title: an attachment mark, a classification, a document number, an issuing authority or
/// signature, a date.
public enum FrontMatterKind: String, Sendable, Hashable, Codable {
    case attachment, classification, documentNumber, authority, date
}

/// The leading lines of a draft: its title lines and the cover lines around them.
public struct TitleBlock: Sendable, Hashable {
    public var titles: [TitleParagraph]
    /// Cover lines that are not the title (signal: the `FrontMatterKind` raw value), in order.
    public var frontMatter: [TitleParagraph]
}

/// Finds the title paragraph(s) before the first heading: Title/Subtitle styles, centred large
/// or bold lines, or a first line worded like a plan title (a title may run over two or three
/// paragraphs) followed by a parenthesised subtitle. Cover lines — attachment marks (附件2),
/// classifications (密级：秘密, 内部资料), document numbers (辽科发〔2021〕12号), issuing
/// authorities (辽宁省科学技术厅) and signatures, dates (2021年3月) — are passed over, before or
/// after the title; a version line (征求意见稿) is a subtitle wherever it stands.
public struct TitleDetector: Sendable {
    public var settings: SectionSynonyms.Title
    public var headings: SectionSynonyms.Headings

    public init(settings: SectionSynonyms.Title, headings: SectionSynonyms.Headings) {
        self.settings = settings
        self.headings = headings
    }

    /// Title lines among the leading paragraphs of `body`, in order.
    public func detect(in body: [Block]) -> [TitleParagraph] { read(body).titles }

    /// Title lines and cover lines among the leading paragraphs of `body`, in order.
    public func read(_ body: [Block]) -> TitleBlock {
        // The leading non-empty paragraphs, as far as a title block can reach.
        var lines: [(p: Paragraph, text: String)] = []
        let reach = settings.maxLines + 2 + settings.frontMatter.maxLines
        for block in body {
            guard case .paragraph(let p) = block else { break }
            let text = OutlineText.trim(OutlineText.flatten(p.text))
            if text.isEmpty { continue }
            lines.append((p, text))
            if lines.count >= reach { break }
        }
        var found: [TitleParagraph] = []
        var skipped: [TitleParagraph] = []
        var considered = 0
        var k = 0
        func line(_ i: Int, _ signal: String) -> TitleParagraph {
            TitleParagraph(text: lines[i].text, paragraph: lines[i].p.location.paragraphIndex ?? 0, signal: signal)
        }
        while k < lines.count {
            let (p, text) = lines[k]
            if !isTitleStyle(p), let kind = frontMatterKind(p, text: text) {
                if skipped.count >= settings.frontMatter.maxLines { break }
                skipped.append(line(k, kind.rawValue))
                k += 1
                continue
            }
            considered += 1
            guard found.count < settings.maxLines, considered <= settings.maxLines + 2 else { break }
            if let signal = titleSignal(p, text: text, after: found) {
                found.append(line(k, signal))
                k += 1
                continue
            }
            // A title worded over several plain paragraphs ("辽宁省新材料领域科技发展" /
            // "“十四五”规划及中长期发展规划"): the lines up to the one that completes the wording.
            if !hasMainTitle(found),
                let count = wordedRun(from: k, lines.map(\.p), lines.map(\.text), room: settings.maxLines - found.count)
            {
                for i in k..<(k + count) { found.append(line(i, "wording")) }
                k += count
                continue
            }
            break
        }
        return TitleBlock(titles: found, frontMatter: skipped)
    }

    /// Whether `p` is a title line, given the title lines found above it.
    func titleSignal(_ p: Paragraph, text: String, after found: [TitleParagraph]) -> String? {
        if isTitleStyle(p) { return "style" }
        // Anything labelled, styled as a heading or long is not a title.
        if p.numbering.map({ !OutlineText.trim($0.label).isEmpty }) == true { return nil }
        if HeadingLabel.parse(prefixOf: text) != nil { return nil }
        let centred = p.alignment == "center"
        let worded = isWorded(text)
        let hasTitle = hasMainTitle(found)
        if HeadingStyle.level(of: p) != nil || p.outlineLevel != nil {
            // A plan title put in a heading style: the first line, centred, worded like a title.
            return !hasTitle && centred && worded && text.count <= settings.maxLength ? "layout" : nil
        }
        if text.count > settings.maxLength || isSentence(text) && !isParenthesised(text) { return nil }
        if Caption.isCaption(text) { return nil }
        let large = (p.fontSizeHalfPoints ?? 0) >= settings.minFontSizeHalfPoints
        if centred && (large || p.isBold) { return "layout" }
        if !hasTitle {
            // The first line, worded like a plan title ("辽宁省……规划"), in any layout.
            if worded { return "wording" }
        } else if isParenthesised(text) || centred {
            // A subtitle under a title: "（征求意见稿）", "（2021—2035年）", or any centred short line.
            return "layout"
        }
        // A version line ("征求意见稿", "【送审稿】") is a subtitle, above or below the title.
        return isVersionLine(text) ? "wording" : nil
    }

    /// The number of lines from `start` (at most `room`) that together are worded like a plan
    /// title, each short, plain and unlabelled, the last one holding the title word; nil when none.
    func wordedRun(from start: Int, _ paragraphs: [Paragraph], _ texts: [String], room: Int) -> Int? {
        guard room >= 2 else { return nil }
        var joined = ""
        for i in start..<min(texts.count, start + room) {
            let p = paragraphs[i]
            let text = texts[i]
            guard !isTitleStyle(p), HeadingStyle.level(of: p) == nil, p.outlineLevel == nil,
                p.numbering.map({ OutlineText.trim($0.label).isEmpty }) ?? true,
                HeadingLabel.parse(prefixOf: text) == nil, !isSentence(text), !Caption.isCaption(text),
                frontMatterKind(p, text: text) == nil
            else { return nil }
            joined += text
            guard joined.count <= settings.maxLength else { return nil }
            if isWorded(joined) { return i > start ? i - start + 1 : nil }
        }
        return nil
    }

    func isTitleStyle(_ p: Paragraph) -> Bool {
        guard let name = p.styleName?.lowercased() else { return false }
        return settings.styleNames.contains(name)
    }

    func isWorded(_ text: String) -> Bool { settings.words.contains(where: { text.containsText($0) }) }

    /// A title line other than a version line has been found.
    private func hasMainTitle(_ found: [TitleParagraph]) -> Bool { found.contains { !isVersionLine($0.text) } }

    private func isSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return headings.sentenceEnds.contains(last)
    }

    private func isParenthesised(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        return (first == "（" || first == "(") && (last == "）" || last == ")")
    }

    /// A short line naming a draft version: "征求意见稿", "（送审稿）", "【讨论稿】", "修改版".
    func isVersionLine(_ text: String) -> Bool {
        let core = text.filter { $0.isLetter }
        guard !core.isEmpty, core.count <= 8, let last = core.last else { return false }
        return last == "稿" || last == "版"
    }

    // MARK: - Cover lines

    /// The kind of cover line `text` is, nil for any other line.
    func frontMatterKind(_ p: Paragraph, text: String) -> FrontMatterKind? {
        let words = settings.frontMatter
        let squashed = OutlineText.squash(text)
        guard squashed.count <= settings.maxLength, !isSentence(squashed) || squashed.last == "：" || squashed.last == ":"
        else { return nil }
        if HeadingStyle.level(of: p) != nil || p.outlineLevel != nil { return nil }
        if p.numbering.map({ !OutlineText.trim($0.label).isEmpty }) == true || HeadingLabel.parse(prefixOf: text) != nil {
            return nil
        }
        // 附件 / 附件2 / 附件： / 附表1
        for word in words.attachments where squashed.hasPrefix(word) {
            let rest = squashed.dropFirst(word.count)
            if rest.allSatisfy({ OutlineText.isDigit($0) || $0.isNumber || "一二三四五六七八九十：:-—".contains($0) }) {
                return .attachment
            }
        }
        // 密级：秘密★1年 / 内部资料 注意保存
        var rest = squashed
        for word in words.classifications.sorted(by: { $0.count > $1.count }) { rest = rest.replacingText(word, with: "") }
        if rest.count < squashed.count,
            rest.allSatisfy({ !$0.isLetter || OutlineText.isDigit($0) || "年月个".contains($0) || $0.isNumber })
        {
            return .classification
        }
        if Self.isDocumentNumber(squashed) { return .documentNumber }
        if Self.startsWithDate(squashed) { return .date }
        if isAuthority(text) { return .authority }
        return nil
    }

    /// A document number: an issuer's abbreviation, the year in brackets, a serial and 号
    /// ("辽科发〔2021〕12号", "辽政办发[2020]3号").
    static func isDocumentNumber(_ text: String) -> Bool {
        let chars = Array(text)
        let opens: Set<Character> = ["〔", "[", "［", "（", "(", "【"]
        let closes: Set<Character> = ["〕", "]", "］", "）", ")", "】"]
        guard let open = chars.firstIndex(where: { opens.contains($0) }), open >= 1, open + 6 < chars.count,
            chars[(open + 1)...(open + 4)].allSatisfy(OutlineText.isDigit), closes.contains(chars[open + 5]),
            chars.last == "号"
        else { return false }
        let serial = chars[(open + 6)..<(chars.count - 1)]
        return !serial.isEmpty && serial.allSatisfy(OutlineText.isDigit)
            && chars[..<open].allSatisfy { OutlineText.isIdeograph($0) }
    }

    /// A line that starts with a date of month precision: "2021年3月", "2021年1月26日在……会议上",
    /// "——2021年1月28日在……会议上", "二〇二一年三月", "2021.3", "2021-03-12".
    static func startsWithDate(_ text: String) -> Bool {
        let chars = Array(text.drop { "—-－–― ".contains($0) })
        let yearDigits = chars.prefix { OutlineText.isDigit($0) }
        if yearDigits.count == 4 {
            var i = 4
            guard i < chars.count else { return false }
            let separator = chars[i]
            guard "年.-／/".contains(separator) else { return false }
            i += 1
            let month = chars[i...].prefix { OutlineText.isDigit($0) }
            guard (1...2).contains(month.count), let m = Int(String(month)), (1...12).contains(m) else { return false }
            i += month.count
            if separator == "年" { return i < chars.count && chars[i] == "月" }
            return i == chars.count || chars[i...].allSatisfy { OutlineText.isDigit($0) || "日.-／/".contains($0) }
        }
        let chineseYear = chars.prefix { "〇零一二三四五六七八九".contains($0) }
        guard chineseYear.count == 4, chineseYear.count < chars.count, chars[chineseYear.count] == "年" else { return false }
        let month = chars[(chineseYear.count + 1)...].prefix { "一二三四五六七八九十".contains($0) }
        let end = chineseYear.count + 1 + month.count
        return !month.isEmpty && end < chars.count && chars[end] == "月"
    }

    /// An issuing authority or a signature: every space-separated part names an organisation
    /// (辽宁省科学技术厅, 辽宁省人民政府) or a post (浙江省省长) — an administrative word
    /// (省, 市, 国家 …) before a suffix of `authoritySuffixes` or `posts`, so that 布局 or 格局
    /// are not taken for a 局 — or is a short personal name after a post; and nothing in it is
    /// worded like a plan title.
    func isAuthority(_ text: String) -> Bool {
        let words = settings.frontMatter
        let parts = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !parts.isEmpty, parts.count <= 4 else { return false }
        var sawPost = false
        for (index, part) in parts.enumerated() {
            guard part.allSatisfy({ OutlineText.isIdeograph($0) || "（）()、".contains($0) }) else { return false }
            func administrative(_ head: Substring) -> Bool { words.authorityMarkers.contains { String(head).containsText($0) } }
            if let suffix = words.authoritySuffixes.filter({ part.hasSuffix($0) && part.count > $0.count }).max(by: { $0.count < $1.count })
            {
                let head = part.dropLast(suffix.count)
                guard administrative(head), !isWorded(String(head)) else { return false }
                continue
            }
            if let post = words.posts.filter({ part.hasSuffix($0) }).max(by: { $0.count < $1.count }) {
                guard administrative(part.dropLast(post.count)) || administrative(Substring(post)), !isWorded(part) else { return false }
                sawPost = true
                continue
            }
            if sawPost, index > 0, (2...4).contains(part.count) { continue }
            return false
        }
        return true
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
