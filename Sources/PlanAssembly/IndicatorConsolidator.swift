import PlanSupport
import Foundation
import PlanModel

/// The indicators of all current drafts by key and year. Values that agree (same normalized
/// value and unit; for relative targets the same phrase and figure) share one entry with all
/// their sources; a year (or the baseline) with two different values of the same kind is a
/// conflict, listed with every value and source — nothing is picked.
///
/// Kinds: absolute values compare with absolute values (a different unit is a different value,
/// hence a conflict); relative targets (翻一番, 年均增长8%) compare only with the same phrase.
/// An absolute and a relative target of the same year are two statements, not a conflict.
struct IndicatorConsolidator {
    let mainTopics: Set<String>

    /// The key under `targets` of an indicator without a year.
    static let noYear = "未注明年份"

    struct Result {
        var rows: [IndicatorRow]
        var conflicts: [IndicatorConflict]
        var diagnostics: [Diagnostic]
    }

    /// What makes two stated values the same value.
    struct Identity: Hashable {
        var relative: String?
        var value: String?
        var unit: String?
        var year: Int?
    }

    /// Values of one key and year (or the baseline) in first-seen order.
    struct Column {
        var identities: [Identity] = []
        var values: [SourcedValue] = []
        /// Whether a value came from prose (its text is kept as written).
        var prose: [Bool] = []

        mutating func add(
            _ id: Identity, _ make: () -> SourcedValue, source: ItemSource, fromProse: Bool, text: String, comparator: String?
        ) {
            if let i = identities.firstIndex(of: id) {
                values[i].sources.append(source)
                if values[i].comparator == nil { values[i].comparator = comparator }
                if fromProse && !prose[i] {
                    values[i].text = text
                    prose[i] = true
                }
            } else {
                identities.append(id)
                values.append(make())
                prose.append(fromProse)
            }
        }

        /// Indices of the values that disagree: absolute ones when several, relative ones of the
        /// same phrase when several.
        var conflicting: [Int] {
            // Absolute values conflict within one year: baselines of different years (or one whose
            // year a footnote leaves open) are different facts. Targets carry no year here.
            var result: [Int] = []
            var years: [Int?] = []
            for id in identities where id.relative == nil && !years.contains(id.year) { years.append(id.year) }
            for year in years {
                let same = identities.indices.filter { identities[$0].relative == nil && identities[$0].year == year }
                if same.count > 1 { result += same }
            }
            var phrases: [String] = []
            for id in identities { if let r = id.relative, !phrases.contains(r) { phrases.append(r) } }
            for phrase in phrases {
                let same = identities.indices.filter { identities[$0].relative == phrase }
                if same.count > 1 { result += same }
            }
            return result.sorted()
        }
    }

    struct Accumulator {
        var key: String
        var name: String
        var units: [String] = []
        var attributes: [String] = []
        var topics: [String] = []
        var baseline = Column()
        var years: [String] = []
        var targets: [String: Column] = [:]
    }

    func consolidate(_ slots: [TopicSlot]) -> Result {
        var order: [String] = []
        var rows: [String: Accumulator] = [:]
        for slot in slots {
            guard let draft = slot.draft else { continue }
            for indicator in draft.indicators {
                let key = indicator.key
                if rows[key] == nil {
                    order.append(key)
                    rows[key] = Accumulator(key: key, name: indicator.canonicalName)
                }
                rows[key]!.add(indicator, source: ItemSource(file: draft.source.file, topic: slot.topic.id, location: indicator.location))
            }
        }

        var result = Result(rows: [], conflicts: [], diagnostics: [])
        for key in order {
            let acc = rows[key]!
            var conflict = false
            let baselineClash = acc.baseline.conflicting
            if !baselineClash.isEmpty {
                conflict = true
                result.conflicts.append(
                    IndicatorConflict(
                        key: key, name: acc.name, year: "baseline", values: baselineClash.map { acc.baseline.values[$0] }))
            }
            var targets: [String: [SourcedValue]] = [:]
            for year in acc.years {
                let column = acc.targets[year]!
                targets[year] = column.values
                let clash = column.conflicting
                if !clash.isEmpty {
                    conflict = true
                    result.conflicts.append(
                        IndicatorConflict(key: key, name: acc.name, year: year, values: clash.map { column.values[$0] }))
                }
            }
            if acc.units.count > 1 {
                result.diagnostics.append(
                    Diagnostic(
                        .assemblyIndicatorUnitMismatch, message: "指标“\(acc.name)”在各稿中的计量单位不一致（\(acc.units.joined(separator: "、"))），请统一"))
            }
            result.rows.append(
                IndicatorRow(
                    key: key, name: acc.name, unit: acc.units.first, attributes: acc.attributes, baseline: acc.baseline.values,
                    targets: targets, topics: acc.topics, conflict: conflict,
                    main: !mainTopics.isDisjoint(with: acc.topics)))
        }
        return result
    }
}

extension IndicatorConsolidator.Accumulator {
    mutating func add(_ i: Indicator, source: ItemSource) {
        if let topic = source.topic, !topics.contains(topic) { topics.append(topic) }
        if let a = i.attribute, !attributes.contains(a) { attributes.append(a) }
        if i.relative == nil, let u = i.unit, !units.contains(u) { units.append(u) }
        let prose = i.from == "prose"
        if let b = i.baseline {
            let id = IndicatorConsolidator.Identity(relative: nil, value: ValueText.canonical(b), unit: i.unit, year: i.baselineYear)
            let text = ValueText.format(b, unit: i.unit) + (i.baselineYear.map { "（\($0)年）" } ?? "")
            baseline.add(
                id, { SourcedValue(value: b, text: text, sources: [source]) }, source: source, fromProse: false, text: text,
                comparator: nil)
        }
        let year = i.year.map(String.init) ?? IndicatorConsolidator.noYear
        if targets[year] == nil {
            years.append(year)
            targets[year] = IndicatorConsolidator.Column()
        }
        let id: IndicatorConsolidator.Identity
        let text: String
        if let r = i.relative {
            id = .init(relative: r, value: i.value.map(ValueText.canonical), unit: i.value == nil ? nil : i.unit, year: nil)
            text = i.text.hasPrefix(r) ? i.text : (i.value == nil ? r : r + i.text)
        } else {
            id = .init(relative: nil, value: i.value.map(ValueText.canonical) ?? i.text, unit: i.unit, year: nil)
            text = prose || i.value == nil ? i.text : ValueText.format(i.value!, unit: i.unit)
        }
        targets[year]!.add(
            id, { SourcedValue(value: i.value, text: text, comparator: i.comparator, relative: i.relative, sources: [source]) },
            source: source, fromProse: prose, text: text, comparator: i.comparator)
    }
}

/// Figures as planners write them: 10000 家 → 1万家, 1e11 元 → 1000亿元, 2.5 % → 2.5%.
enum ValueText {
    /// A stable text of a number for comparing (no float noise).
    static func canonical(_ v: Double) -> String { String(format: "%.9g", v) }

    static func number(_ v: Double) -> String {
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    static func format(_ v: Double, unit: String?) -> String {
        let u = unit ?? ""
        if u == "%" || u == "‰" { return number(v) + u }
        for (scale, word) in [(1e8, "亿"), (1e4, "万")] where abs(v) >= scale {
            let scaled = v / scale
            if (scaled * 100).rounded() == scaled * 100 { return number(scaled) + word + u }
        }
        return number(v) + u
    }
}
