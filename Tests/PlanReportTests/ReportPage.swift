import Foundation
import PlanModel
import PlanReport

/// A rendered page and a few ways to look into it, for the tests.
struct ReportPage {
    let html: String

    init(_ plan: MasterPlan) { html = HTMLReport.render(plan) }

    static func sample() throws -> ReportPage { ReportPage(try SamplePlan.make()) }

    /// How often `needle` occurs.
    func count(_ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }

    func contains(_ needle: String) -> Bool { html.contains(needle) }

    /// The markup from the first `start` up to the following `end` (inclusive), or "".
    func slice(from start: String, to end: String) -> String {
        guard let a = html.range(of: start), let b = html.range(of: end, range: a.upperBound..<html.endIndex) else { return "" }
        return String(html[a.lowerBound..<b.upperBound])
    }

    /// The coverage row of a catalog entry, opening tag included.
    func row(_ topic: String) -> String {
        guard let id = html.range(of: "id=\"topic-\(topic)\""),
            let open = html.range(of: "<tr ", options: .backwards, range: html.startIndex..<id.lowerBound),
            let close = html.range(of: "</tr>", range: id.upperBound..<html.endIndex)
        else { return "" }
        return String(html[open.lowerBound..<close.upperBound])
    }

    /// The opening tag of the coverage row of a catalog entry.
    func rowTag(_ topic: String) -> String {
        let r = row(topic)
        guard let end = r.firstIndex(of: ">") else { return "" }
        return String(r[...end])
    }

    /// The section with the given id.
    func section(_ id: String) -> String { slice(from: "<section id=\"\(id)\">", to: "</section>") }

    /// Offsets of each needle in the page (nil when absent).
    func offsets(_ needles: [String], in text: String? = nil) -> [Int?] {
        let haystack = text ?? html
        return needles.map { n in haystack.range(of: n).map { haystack.distance(from: haystack.startIndex, to: $0.lowerBound) } }
    }
}
