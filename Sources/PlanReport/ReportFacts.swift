import PlanSupport
import PlanModel

/// What the page says about a plan, computed once: counts for the header, lookups for the
/// sections. Everything is derived in the plan's own order, so the page is deterministic.
struct ReportFacts {
    let plan: MasterPlan
    /// Catalog id → catalog title.
    let topicTitles: [String: String]
    /// Indicator key → anchor of its first conflict on the page.
    let conflictAnchors: [String: String]
    /// Indicator key → unit.
    let units: [String: String]
    /// File → paragraph index → heading path, from the assembly's problem locations and every
    /// source location the plan carries.
    let headingPaths: [String: [Int: [String]]]

    init(_ plan: MasterPlan) {
        self.plan = plan
        var titles: [String: String] = [:]
        for entry in plan.coverage where titles[entry.topicId] == nil { titles[entry.topicId] = entry.title }
        topicTitles = titles
        var anchors: [String: String] = [:]
        for (i, conflict) in plan.conflicts.enumerated() where anchors[conflict.key] == nil {
            anchors[conflict.key] = "conflict-\(i + 1)"
        }
        conflictAnchors = anchors
        var units: [String: String] = [:]
        for row in plan.indicators { if let unit = row.unit, units[row.key] == nil { units[row.key] = unit } }
        self.units = units
        headingPaths = Self.collectHeadingPaths(plan)
    }

    // MARK: Counts

    var entries: [CoverageEntry] { plan.coverage }
    var presentCount: Int { entries.filter { $0.status == .present }.count }
    var missingEntries: [CoverageEntry] { entries.filter { $0.status == .missing } }
    var entriesLackingSections: [CoverageEntry] {
        entries.filter { $0.status == .present && !$0.missingSections.isEmpty }
    }

    func inputCount(_ status: InputRecord.Status) -> Int { plan.inputs.filter { $0.status == status }.count }

    /// Problems an editor can act on, of one entry.
    func problems(of entry: CoverageEntry) -> [Diagnostic] { entry.problems.filter { !ReportWords.isTechnical($0) } }

    func technicalCount(of entry: CoverageEntry) -> Int { entry.problems.filter(ReportWords.isTechnical).count }

    func problemCount(_ severity: Diagnostic.Severity) -> Int {
        entries.reduce(0) { $0 + problems(of: $1).filter { $0.severity == severity }.count }
    }

    var technicalCount: Int { entries.reduce(0) { $0 + technicalCount(of: $1) } }

    /// The problems of an entry, errors first, then warnings, then notes; within a severity by
    /// paragraph (whole-document findings first), then as the assembly listed them.
    func sortedProblems(of entry: CoverageEntry) -> [Diagnostic] {
        problems(of: entry).enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let pa = a.element.location?.paragraphIndex ?? -1
            let pb = b.element.location?.paragraphIndex ?? -1
            if pa != pb { return pa < pb }
            return a.offset < b.offset
        }.map(\.element)
    }

    // MARK: Names and places

    /// "专题1 辽宁省科技发展总体战略研究及规划", or the label alone for an unknown id.
    func topicName(_ id: String?) -> String {
        guard let id else { return "未识别专题" }
        guard let title = topicTitles[id] else { return ReportWords.topicLabel(id) }
        return "\(ReportWords.topicLabel(id)) \(title)"
    }

    /// Where an item stands in its draft, in Chinese.
    func place(_ location: DraftLocation) -> String {
        ReportWords.place(paragraph: location.paragraph, headingPath: location.headingPath)
    }

    /// Where a diagnostic of `file` points, in Chinese, with the heading path when it is known.
    func place(of diagnostic: Diagnostic, in file: String?) -> String {
        guard let location = diagnostic.location else { return "全文" }
        if location.part != "word/document.xml" {
            let name = ReportWords.partName(location.part)
            return location.paragraphIndex.map { "\(name)第 \($0 + 1) 段" } ?? name
        }
        guard let paragraph = location.paragraphIndex else { return "正文" }
        let path = file.flatMap { headingPaths[$0]?[paragraph] } ?? []
        return ReportWords.place(paragraph: paragraph, headingPath: path)
    }

    /// "2.5%", "1000亿元", "1.2万家": the value as written when it carries its unit; a bare figure
    /// (from a table whose header held the unit) gets the indicator's unit, 元 in 亿元/万元.
    func valueText(_ value: SourcedValue, key: String) -> String {
        let bare = value.text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }
        guard bare, let unit = units[key], !unit.isEmpty else { return value.text }
        guard let number = value.value else { return value.text + unit }
        if unit == "元" {
            if abs(number) >= 1e8 { return Self.figure(number / 1e8) + "亿元" }
            if abs(number) >= 1e4 { return Self.figure(number / 1e4) + "万元" }
        }
        return Self.figure(number) + unit
    }

    /// A number without a trailing ".0" (Swift's shortest round-trip form otherwise).
    static func figure(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    // MARK: Heading paths

    private static func collectHeadingPaths(_ plan: MasterPlan) -> [String: [Int: [String]]] {
        var out: [String: [Int: [String]]] = [:]
        func add(_ file: String?, _ location: DraftLocation) {
            guard let file, let paragraph = location.paragraph, !location.headingPath.isEmpty else { return }
            if out[file, default: [:]][paragraph] == nil { out[file, default: [:]][paragraph] = location.headingPath }
        }
        // The assembly's own answer first, so it wins over anything found in the sources.
        for entry in plan.coverage {
            for location in entry.problemLocations ?? [] { add(entry.draft, location) }
        }
        func addSources(_ sources: [ItemSource]) { for s in sources { add(s.file, s.location) } }
        func walkItems(_ items: [PlanItem]) {
            for item in items {
                addSources(item.sources)
                walkItems(item.children)
            }
        }
        func walkNodes(_ nodes: [PlanNode]) {
            for node in nodes {
                walkItems(node.items)
                walkItems((node.themes ?? []).flatMap(\.statements))
                walkNodes(node.children)
            }
        }
        walkNodes(plan.chapters)
        for row in plan.indicators {
            for value in row.baseline { addSources(value.sources) }
            for year in row.targets.keys.sorted() { for value in row.targets[year] ?? [] { addSources(value.sources) } }
        }
        for conflict in plan.conflicts { for value in conflict.values { addSources(value.sources) } }
        return out
    }
}
