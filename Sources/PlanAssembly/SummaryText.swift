import PlanSupport

/// How the assembly shortens a draft's paragraph for an overview line.
enum SummaryText {
    /// The first sentences of `text` within `limit` characters (cut at the last 。 inside the
    /// limit, else at the limit with "……").
    static func summary(_ text: String, limit: Int) -> String {
        let t = text.trimmingWhitespace()
        if t.count <= limit { return t }
        let head = t.prefix(limit)
        if let stop = head.lastIndex(where: { "。！？；".contains($0) }), head.distance(from: head.startIndex, to: stop) >= limit / 3 {
            return String(head[...stop])
        }
        return String(head) + "……"
    }
}
