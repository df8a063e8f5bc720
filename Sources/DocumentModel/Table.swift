import PlanSupport

/// A table (`w:tbl`) as rows of cells of blocks; nested tables live inside cells.
public struct Table: Sendable, Hashable, Codable {
    public var location: SourceLocation
    public var rows: [TableRow]
    /// Column widths from `w:tblGrid` in twentieths of a point (may be empty).
    public var gridColumns: [Int]

    public init(location: SourceLocation, rows: [TableRow] = [], gridColumns: [Int] = []) {
        self.location = location
        self.rows = rows
        self.gridColumns = gridColumns
    }
}

public struct TableRow: Sendable, Hashable, Codable {
    public var cells: [TableCell]
    /// `w:tblHeader`: repeated at the top of each page.
    public var isHeader: Bool

    public init(cells: [TableCell] = [], isHeader: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
    }
}

public struct TableCell: Sendable, Hashable, Codable {
    public var blocks: [Block]
    /// First grid column this cell covers (after `w:gridBefore` and earlier spans).
    public var gridColumn: Int
    /// `w:gridSpan` (1 when absent).
    public var gridSpan: Int
    /// `w:vMerge`: nil when absent.
    public var verticalMerge: VerticalMerge?

    public init(blocks: [Block] = [], gridColumn: Int = 0, gridSpan: Int = 1, verticalMerge: VerticalMerge? = nil) {
        self.blocks = blocks
        self.gridColumn = gridColumn
        self.gridSpan = gridSpan
        self.verticalMerge = verticalMerge
    }

    /// The cell's text: its paragraphs joined by "\n".
    public var text: String { blocks.allParagraphs.map(\.text).joined(separator: "\n") }
}

/// `w:vMerge`: the first cell of a vertical merge, or one that continues the one above.
public enum VerticalMerge: String, Sendable, Hashable, Codable {
    case restart
    case `continue`
}
