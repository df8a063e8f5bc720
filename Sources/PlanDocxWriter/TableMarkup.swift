import OOXML

/// A table as WordprocessingML: fixed layout over the width of the text block, borders given
/// directly (so the table looks the same with a reference that has no "Table Grid" style), a
/// header row repeated on every page (`w:tblHeader`), rows that do not split across pages.
struct TableMarkup {
    /// A column; its width is fitted to the content (`ColumnLayout`).
    struct Column {
        var header: String
        /// Bounds of its width in twentieths of a point (default: the header on two lines; the
        /// text block).
        var minWidth: Int?
        var maxWidth: Int?
        var leftAligned: Bool = false
        /// Takes the width left over when every column has what it wants.
        var grows: Bool = false
    }

    struct Cell {
        var text: String
        /// Shaded: a conflict or a gap the reader must see.
        var marked: Bool = false
        /// Provenance anchored in the cell (comment or footnote markup).
        var anchor: (start: String, end: String) = ("", "")
        /// `w:vMerge`: "restart" on the first cell of a vertical merge, "continue" below.
        var verticalMerge: String?

        init(_ text: String, marked: Bool = false) {
            self.text = text
            self.marked = marked
        }
    }

    /// The fill of marked cells (a light orange that still prints as a visible grey).
    static let markFill = "FCE4D6"
    /// The fill of the header row.
    static let headerFill = "E7E6E6"

    var columns: [Column]
    var rows: [[Cell]]

    /// The table over `width`, the text block's width in twentieths of a point.
    func markup(styles: StyleIds, width: Int) -> String {
        let widths = ColumnLayout.widths(columns, rows: rows, total: width)
        var xml = "<w:tbl><w:tblPr>" + (styles.tableGrid.map { "<w:tblStyle w:val=\"\(XMLEscape.attribute($0))\"/>" } ?? "")
        xml += "<w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        xml +=
            "<w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }.joined() + "</w:tblBorders>"
        xml += "<w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
        xml +=
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        xml += "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"

        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (index, column) in columns.enumerated() {
            xml += cell(Cell(column.header), width: widths[index], fill: TableMarkup.headerFill, style: styles.tableHeading)
        }
        xml += "</w:tr>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, column) in columns.enumerated() {
                let value = index < row.count ? row[index] : Cell("")
                xml += cell(
                    value, width: widths[index], fill: value.marked ? TableMarkup.markFill : nil,
                    style: column.leftAligned ? styles.tableTextLeft : styles.tableText)
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    private func cell(_ cell: Cell, width: Int, fill: String?, style: String?) -> String {
        var xml = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if let merge = cell.verticalMerge { xml += "<w:vMerge w:val=\"\(merge)\"/>" }
        if let fill { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
        xml += "<w:vAlign w:val=\"center\"/></w:tcPr>"
        // A cell's lines are separate paragraphs; a merged-away cell still needs one.
        let lines =
            cell.verticalMerge == "continue" ? [""] : cell.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            xml += "<w:p><w:pPr>\(W.pStyle(style))</w:pPr>"
            if index == 0 { xml += cell.anchor.start }
            if !line.isEmpty { xml += W.run(line) }
            if index == lines.count - 1 { xml += cell.anchor.end }
            xml += "</w:p>"
        }
        return xml + "</w:tc>"
    }
}
