import OOXML

/// The heading list of official documents as a native multilevel list (`numbering.xml`):
/// 一、 （一） 1. （1）, nothing between number and text (`w:suff="nothing"`), each level tied
/// to its heading style (`w:pStyle`), so Word, WPS and LibreOffice number the headings and a
/// heading moved or inserted is renumbered. Levels 5–9 exist for headings demoted by hand.
enum HeadingNumbering {
    /// The `w:num` the heading styles of `Templates/reference-docx` name.
    static let numId = 1
    static let abstractNumId = 1

    /// (numFmt, lvlText) per level.
    static let levels: [(format: String, text: String)] = [
        ("chineseCounting", "%1、"),
        ("chineseCounting", "（%2）"),
        ("decimal", "%3."),
        ("decimal", "（%4）"),
        ("decimalEnclosedCircle", "%5"),
        ("lowerLetter", "%6."),
        ("lowerLetter", "（%7）"),
        ("lowerRoman", "%8."),
        ("lowerRoman", "（%9）"),
    ]

    /// The label of level `level` (0-based) showing `value`, as Word renders it.
    static func label(level: Int, value: Int) -> String {
        let (format, text) = levels[level]
        let number = format == "chineseCounting" ? ChineseText.counting(value) : String(value)
        return text.replacingOccurrences(of: "%\(level + 1)", with: number)
    }

    /// `word/numbering.xml`. `headingStyles` are the reference's ids of heading 1…4.
    static func part(headingStyles: [String]) -> [UInt8] {
        var xml = Namespace.declaration + W.root("numbering")
        xml += "<w:abstractNum w:abstractNumId=\"\(abstractNumId)\">"
        xml += "<w:multiLevelType w:val=\"multilevel\"/>"
        for (ilvl, level) in levels.enumerated() {
            xml += "<w:lvl w:ilvl=\"\(ilvl)\">"
            xml += "<w:start w:val=\"1\"/><w:numFmt w:val=\"\(level.format)\"/>"
            if ilvl < headingStyles.count { xml += "<w:pStyle w:val=\"\(XMLEscape.attribute(headingStyles[ilvl]))\"/>" }
            xml += "<w:suff w:val=\"nothing\"/><w:lvlText w:val=\"\(level.text)\"/><w:lvlJc w:val=\"left\"/>"
            // The same indentation as the heading styles: two characters, like the body text.
            xml += "<w:pPr><w:ind w:left=\"0\" w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>"
            xml += "</w:lvl>"
        }
        xml += "</w:abstractNum>"
        xml += "<w:num w:numId=\"\(numId)\"><w:abstractNumId w:val=\"\(abstractNumId)\"/></w:num>"
        xml += "</w:numbering>"
        return Array(xml.utf8)
    }
}

/// The heading counters while the body is written, so that the table of contents can show the
/// same labels the list renders.
struct HeadingCounter {
    private var values: [Int] = Array(repeating: 0, count: 9)

    /// Counts a heading at `level` (0-based) and returns its label.
    mutating func next(level: Int) -> String {
        values[level] += 1
        for deeper in (level + 1)..<values.count { values[deeper] = 0 }
        return HeadingNumbering.label(level: level, value: values[level])
    }
}
