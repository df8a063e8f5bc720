/// Column widths fitted to the content and to the text block: each column wants the width of its
/// longest line (a CJK character one em, Latin letters and digits about half), within its bounds;
/// when the wants exceed the text block the text columns give up width first (they wrap
/// gracefully, a date or a figure does not); what is left over goes to the column marked `grows`.
/// Deterministic, and exact: the widths add up to the text block's width.
enum ColumnLayout {
    /// One em of 5号 (10.5 pt) table text, in twentieths of a point.
    static let em = 210.0
    /// Left and right cell margins plus a little air.
    static let padding = 140.0

    /// The width `text`'s longest line takes, in ems.
    static func ems(_ text: String) -> Double {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.unicodeScalars.reduce(0.0) { $0 + ($1.value < 0x2E80 ? ($1.value < 0x80 ? 0.55 : 0.8) : 1.0) }
        }.max() ?? 0
    }

    /// Widths for `columns` with `rows` over `total` twentieths of a point.
    static func widths(_ columns: [TableMarkup.Column], rows: [[TableMarkup.Cell]], total: Int) -> [Int] {
        let minimum = columns.map { column in
            // A header may wrap onto two lines; never narrower than two characters.
            column.minWidth ?? Int(max(2, (ems(column.header) / 2).rounded(.up)) * em + padding)
        }
        let wanted = columns.indices.map { index -> Int in
            let longest = rows.reduce(ems(columns[index].header) / 2) { max($0, index < $1.count ? ems($1[index].text) : 0) }
            let natural = Int((longest * em + padding).rounded(.up))
            return min(max(natural, minimum[index]), columns[index].maxWidth ?? total)
        }
        var widths: [Int]
        let wantedSum = wanted.reduce(0, +)
        let minimumSum = minimum.reduce(0, +)
        if wantedSum <= total {
            widths = wanted
            let growing = columns.indices.filter { columns[$0].grows }
            let receivers = growing.isEmpty ? Array(columns.indices) : growing
            let extra = total - wantedSum
            for (n, index) in receivers.enumerated() {
                widths[index] += extra / receivers.count + (n < extra % receivers.count ? 1 : 0)
            }
        } else if minimumSum < total {
            // Text columns (names, files, sources) wrap gracefully: they give first, in
            // proportion to what they want above their minimum; figures and dates only if needed.
            widths = wanted
            var deficit = wantedSum - total
            let text = columns.indices.filter { columns[$0].leftAligned || columns[$0].grows }
            for group in [text, Array(columns.indices)] where deficit > 0 {
                let slack = group.map { widths[$0] - minimum[$0] }
                let available = slack.reduce(0, +)
                guard available > 0 else { continue }
                let taken = min(deficit, available)
                for (n, index) in group.enumerated() {
                    widths[index] -= Int((Double(slack[n]) * Double(taken) / Double(available)).rounded(.up))
                }
                deficit = widths.reduce(0, +) - total
            }
        } else {
            widths = minimum.map { Int((Double($0) * Double(total) / Double(minimumSum)).rounded(.down)) }
        }
        // Rounding leaves a few twips: the widest column takes them.
        if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] += total - widths.reduce(0, +)
        }
        return widths
    }
}
