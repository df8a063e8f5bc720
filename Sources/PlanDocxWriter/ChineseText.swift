import PlanSupport
import PlanModel

/// The Chinese wording of the generated document: topic names, source lines, section kinds,
/// counting numerals.
enum ChineseText {
    /// chineseCounting as Word renders it: 一 … 九, 十, 十一 … 九十九, then digit by digit with ○.
    static func counting(_ n: Int) -> String { ChineseNumerals.counting(n) ?? String(n) }

    /// "专题13", "战略研究S4", "未识别稿件".
    static func topic(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "未识别稿件" }
        return CatalogLabel.topic(id)
    }

    /// Several topics compactly, in catalog order: "专题1、2，战略研究S4".
    static func topics(_ ids: [String?], breakable: Bool = false) -> String {
        var seen: Set<String> = []
        var numbered: [String] = []
        var studies: [String] = []
        var unknown = false
        for id in ids {
            guard let id, !id.isEmpty else { unknown = true; continue }
            guard seen.insert(id).inserted else { continue }
            if CatalogLabel.isStudy(id) { studies.append(id) } else { numbered.append(id) }
        }
        // Catalog order (专题2 before 专题10). `breakable`: a zero-width space after each 、 lets
        // a list longer than a line break there (LibreOffice takes "1、2、6、10" for one word and
        // would cut a number in two); Word shows nothing for it. Only for such lists: it is a
        // character of the text for whoever copies it.
        func ordered(_ ids: [String]) -> [String] {
            ids.sorted { a, b in
                let x = Int(a.drop { !$0.isNumber })
                let y = Int(b.drop { !$0.isNumber })
                return x != y ? (x ?? .max) < (y ?? .max) : a < b
            }
        }
        let separator = breakable ? "、\u{200B}" : "、"
        var groups: [String] = []
        if !numbered.isEmpty { groups.append("专题" + ordered(numbered).joined(separator: separator)) }
        if !studies.isEmpty { groups.append("战略研究" + ordered(studies).joined(separator: separator)) }
        if unknown { groups.append("未识别稿件") }
        return groups.joined(separator: "，")
    }

    /// The file name without its `.docx` extension.
    static func fileTitle(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        for ext in [".docx", ".docm", ".dotx", ".DOCX"] where name.hasSuffix(ext) { return String(name.dropLast(ext.count)) }
        return name
    }

    /// Where in the draft: "第27段（二、总体要求 > （三）发展目标）", "第2个表格第4行".
    static func location(_ location: DraftLocation) -> String {
        var out = ""
        if let paragraph = location.paragraph {
            out = "第\(paragraph + 1)段"
        } else if let path = location.path {
            if let table = index(after: "tbl[", in: path) { out += "第\(table + 1)个表格" }
            if let row = index(after: "tr[", in: path) { out += "第\(row + 1)行" }
        }
        if !location.headingPath.isEmpty {
            out += "（" + location.headingPath.joined(separator: " > ") + "）"
        }
        return out
    }

    private static func index(after marker: String, in path: String) -> Int? {
        guard let range = path.range(of: marker) else { return nil }
        return Int(path[range.upperBound...].prefix { $0.isNumber })
    }

    /// "专题13《文件名》第27段（二、总体要求 > （三）发展目标）".
    static func source(_ source: ItemSource) -> String {
        topic(source.topic) + "《\(fileTitle(source.file))》" + location(source.location)
    }

    /// The provenance lines of an item: one "来源：…" line per source.
    static func sourceLines(_ sources: [ItemSource]) -> [String] {
        sources.map { "来源：" + source($0) }
    }

    /// Section kinds (raw values of `SectionKind`) as the coverage table names them.
    static func sectionKind(_ raw: String) -> String {
        SectionKind(rawValue: raw)?.chineseName ?? raw
    }

    /// "2025" → "2025年目标值", "baseline" → "基期值".
    static func year(_ key: String) -> String {
        key == "baseline" ? "基期值" : "\(key)年目标值"
    }

    /// A value as the table shows it: the figure as written, with a comparator that follows the
    /// figure ("以上", "左右" …) kept; the relative wording ("翻一番") when there is no figure.
    static func value(_ value: SourcedValue) -> String {
        var text = value.text.isEmpty ? (value.relative ?? "") : value.text
        if let comparator = value.comparator, ["以上", "左右", "以内", "以下", "控制在以内"].contains(comparator),
            !text.hasSuffix(comparator == "控制在以内" ? "以内" : comparator)
        {
            text += comparator == "控制在以内" ? "以内" : comparator
        }
        return text
    }

    /// A run-in title ending in punctuation: "坚持创新引领" → "坚持创新引领。".
    static func runInTitle(_ title: String) -> String {
        let trimmed = title.trimmingCharacters(in: [" ", "\u{3000}", "\t"])
        guard let last = trimmed.last else { return trimmed }
        return "。！？：；:;，,".contains(last) ? trimmed : trimmed + "。"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
