import DocumentModel
import PlanSupport

/// The list counters of one story (the body, or one note or comment story), advanced once per
/// numbered paragraph in document order, as Word counts:
///
/// - Counters belong to the abstract definition (after `w:numStyleLink`), so every `w:num`
///   pointing to it continues one sequence ("1, 2" under numId 1, then "3" under numId 2).
/// - A `w:startOverride` restarts its level at the override value the first time that `w:num`
///   uses the level; later paragraphs of any `w:num` on the same definition continue from there.
///   (Word's behaviour as reported by document viewers matching its output, e.g.
///   office-open-xml-viewer PR 590 and anydoc PR 129; LibreOffice's writerfilter models each
///   `w:num` as a list that shares the abstract definition's list id.)
/// - A level never used, or reset, shows its `w:start` value when next used; using level k resets
///   every deeper level whose `w:lvlRestart` allows it (absent: always; 0: never; n: when k < n).
/// - `w:lvlText` placeholders %1…%9 show each level's current value in that level's format, or
///   in decimal when the level being labelled has `w:isLgl`; a level that has not been used yet
///   shows its start value. A `bullet` level shows its text as written; a `none` level's
///   placeholder is empty (its literal text stays, as §17.9.17 replaces only the placeholder).
struct NumberingState: Sendable {
    let definitions: NumberingDefinitions
    /// Numbering ids or levels that were referenced but not defined (each reported once).
    private(set) var diagnostics: [Diagnostic] = []

    private var counters: [Int: [Int?]] = [:]
    private var appliedOverrides: Set<NumberingKey> = []
    private var reported: Set<NumberingKey> = []

    init(definitions: NumberingDefinitions) {
        self.definitions = definitions
    }

    /// The label of the next paragraph numbered `numId`/`ilvl`; nil for `numId` 0 (numbering
    /// removed), and nil plus a `numbering.undefined-num` / `numbering.undefined-level`
    /// diagnostic for a `w:num` or level that does not exist.
    mutating func label(numId: Int, ilvl: Int, at location: SourceLocation? = nil) -> NumberingLabel? {
        guard numId != 0 else { return nil }
        guard let numbering = definitions.resolve(numId: numId) else {
            report(
                NumberingKey(numId: numId, ilvl: -1), code: .numberingUndefinedNum,
                message: "numbering \(numId) is not defined in \(definitions.part); the paragraph is left unnumbered",
                at: location)
            return nil
        }
        let ilvl = min(max(ilvl, 0), 8)
        guard let level = numbering.levels[ilvl] else {
            report(
                NumberingKey(numId: numId, ilvl: ilvl), code: .numberingUndefinedLevel,
                message: "numbering \(numId) has no level \(ilvl); the paragraph is left unnumbered",
                at: location)
            return nil
        }

        var values = counters[numbering.counterKey] ?? Array(repeating: nil, count: 9)
        let value: Int
        if let override = numbering.startOverrides[ilvl],
            appliedOverrides.insert(NumberingKey(numId: numId, ilvl: ilvl)).inserted
        {
            value = override
        } else if let current = values[ilvl] {
            value = current < Int.max ? current + 1 : current  // saturates: a w:start of Int.max trapped here
        } else {
            value = level.startValue
        }
        values[ilvl] = value
        for deeper in (ilvl + 1)..<9 where NumberingState.restarts(numbering.levels[deeper], after: ilvl) {
            values[deeper] = nil
        }
        counters[numbering.counterKey] = values

        return NumberingLabel(
            numId: numId, level: ilvl, label: NumberingState.render(level, at: ilvl, values: values, levels: numbering.levels),
            format: level.format == "custom" ? (level.customFormat ?? "custom") : level.format,
            suffix: level.suffixText)
    }

    /// Whether `level` (deeper than `used`) restarts when level `used` is counted.
    static func restarts(_ level: NumberingLevel?, after used: Int) -> Bool {
        guard let restart = level?.lvlRestart else { return true }
        return restart != 0 && used < restart
    }

    /// `level`'s (level `ilvl`'s) `w:lvlText` with its placeholders filled in from `values`.
    static func render(_ level: NumberingLevel, at ilvl: Int, values: [Int?], levels: [Int: NumberingLevel]) -> String {
        let text = level.lvlText ?? ""
        if level.format == "bullet" { return text }
        let legal = level.isLegal ?? false
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            guard scalar == "%", let digit = pending, ("1"..."9").contains(digit) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            pending = scalars.next()
            let index = Int(digit.value - 0x30) - 1
            let referenced = levels[index] ?? NumberingLevel()
            // A higher level not used yet shows its start value; a deeper one not running, nothing.
            guard let value = values[index] ?? (index <= ilvl ? referenced.startValue : nil) else { continue }
            if referenced.format == "none" { continue }
            out += legal ? NumberFormat.format(value, "decimal") : referenced.render(value)
        }
        return out
    }

    private mutating func report(_ key: NumberingKey, code: DiagnosticCode, message: String, at location: SourceLocation?) {
        guard reported.insert(key).inserted else { return }
        diagnostics.append(Diagnostic(severity: .warning, code: code, message: message, location: location))
    }
}

private struct NumberingKey: Hashable, Sendable {
    var numId: Int
    var ilvl: Int
}
