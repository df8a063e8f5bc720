import OOXML

/// The table of contents: a `TOC \o "1-3" \h \z \u` complex field marked dirty, so Word and WPS
/// rebuild it when the file opens (with `w:updateFields` in the reference's settings), and a
/// pre-rendered result — one hyperlinked entry per heading of levels 1–3, with its list label and
/// a `PAGEREF` to the heading's bookmark — so the contents are readable before any update
/// (LibreOffice computes the page references itself).
enum TableOfContents {
    static let instruction = " TOC \\o \"1-3\" \\h \\z \\u "
    /// Shown when the plan has no heading yet.
    static let placeholder = "右键单击此处，选择“更新域”以生成目录"

    static func markup(_ entries: [BodyContext.TOCEntry], styles: StyleIds) -> String {
        var xml = "<w:p><w:pPr>\(W.pStyle(styles.tocHeading))</w:pPr>\(W.run("目　　录"))</w:p>"
        let begin =
            "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\">\(XMLEscape.text(instruction))</w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        guard !entries.isEmpty else {
            return xml + "<w:p><w:pPr>\(W.pStyle(styles.toc[0]))</w:pPr>" + begin + W.run(placeholder) + end + "</w:p>"
        }
        for (index, entry) in entries.enumerated() {
            xml += "<w:p><w:pPr>\(W.pStyle(styles.toc[min(entry.level, 3) - 1]))</w:pPr>"
            if index == 0 { xml += begin }
            xml += "<w:hyperlink w:anchor=\"\(entry.bookmark)\" w:history=\"1\">"
            xml += W.run(entry.label + entry.text) + "<w:r><w:tab/></w:r>"
            xml += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            xml += "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF \(entry.bookmark) \\h </w:instrText></w:r>"
            xml += "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            xml += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            xml += "</w:hyperlink>"
            if index == entries.count - 1 { xml += end }
            xml += "</w:p>"
        }
        return xml
    }
}
