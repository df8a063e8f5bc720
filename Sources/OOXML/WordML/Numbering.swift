import DocumentModel
import PlanSupport

/// The numbering definitions of `numbering.xml` (ECMA-376 Part 1, §17.9).
///
/// Handled: `w:abstractNum` (`w:abstractNumId`, `w:styleLink`, `w:numStyleLink`, `w:lvl`),
/// `w:lvl` (`w:ilvl`, `w:start`, `w:numFmt` with Word 2010's `custom` `w:format` inside
/// `mc:AlternateContent`, `w:lvlText`, `w:lvlRestart`, `w:isLgl`, `w:suff`, `w:pStyle`,
/// `w:lvlJc`), `w:num` (`w:numId`, `w:abstractNumId`, `w:lvlOverride` with `w:startOverride`
/// and a full or partial `w:lvl`). A `w:numStyleLink` is followed through the numbering style's
/// `w:numPr` to the `w:num` and abstract definition that hold the levels (cycle-safe).
/// Ignored on purpose: `w:numIdMacAtCleanup`, `w:nsid`, `w:tmpl`, `w:multiLevelType`,
/// `w:numPicBullet` (a picture bullet's label is its `w:lvlText`), level `w:pPr`/`w:rPr`.
struct NumberingDefinitions: Sendable {
    /// No `numbering.xml`: every numbered paragraph is reported and left unnumbered.
    static let empty = NumberingDefinitions()

    private(set) var abstracts: [Int: AbstractNumbering] = [:]
    private(set) var instances: [Int: NumberingInstance] = [:]
    /// What was odd in the part (each once).
    private(set) var diagnostics: [Diagnostic] = []
    let part: String

    private init() { part = "word/numbering.xml" }

    /// Reads the root `w:numbering` element. `styles` supplies the numbering styles that
    /// `w:numStyleLink` names.
    init(root: XMLElement, styles: StyleSheet = .empty, part: String = "word/numbering.xml") {
        self.part = part
        guard root.is(.w, "numbering") else {
            warn(
                .numberingUnexpectedRoot, "the numbering part's root is \(root.qualifiedName), not w:numbering; numbering ignored",
                path: root.qualifiedName)
            return
        }
        for child in root.children where child.isIn(.w) {
            switch child.localName {
            case "abstractNum": readAbstract(child)
            case "num": readInstance(child)
            default: break  // w:numPicBullet, w:numIdMacAtCleanup
            }
        }
        resolveStyleLinks(styles)
        reportUnknownFormats()
    }

    private mutating func readAbstract(_ element: XMLElement) {
        guard let id = element.attribute("abstractNumId", .w).flatMap({ Int($0) }) else {
            warn(.numberingMissingId, "a w:abstractNum has no valid w:abstractNumId; skipped", path: "numbering/abstractNum")
            return
        }
        guard abstracts[id] == nil else {
            warn(
                .numberingDuplicateAbstract, "w:abstractNumId \(id) is defined twice; the first is used",
                path: "numbering/abstractNum[\(id)]")
            return
        }
        var abstract = AbstractNumbering(id: id)
        for child in element.children where child.isIn(.w) {
            switch child.localName {
            case "styleLink": abstract.styleLink = child.attribute("val", .w)
            case "numStyleLink": abstract.numStyleLink = child.attribute("val", .w)
            case "lvl":
                guard let ilvl = child.attribute("ilvl", .w).flatMap({ Int($0) }), (0...8).contains(ilvl) else { continue }
                if abstract.levels[ilvl] == nil { abstract.levels[ilvl] = NumberingLevel(child) }
            default: break
            }
        }
        abstracts[id] = abstract
    }

    private mutating func readInstance(_ element: XMLElement) {
        guard let numId = element.attribute("numId", .w).flatMap({ Int($0) }) else {
            warn(.numberingMissingId, "a w:num has no valid w:numId; skipped", path: "numbering/num")
            return
        }
        guard let abstractId = element.child(.w, "abstractNumId")?.attribute("val", .w).flatMap({ Int($0) }) else {
            warn(.numberingMissingAbstract, "w:num \(numId) names no w:abstractNumId; skipped", path: "numbering/num[\(numId)]")
            return
        }
        guard instances[numId] == nil else {
            warn(.numberingDuplicateNum, "w:numId \(numId) is defined twice; the first is used", path: "numbering/num[\(numId)]")
            return
        }
        var instance = NumberingInstance(numId: numId, abstractNumId: abstractId)
        for override in element.children where override.is(.w, "lvlOverride") {
            guard let ilvl = override.attribute("ilvl", .w).flatMap({ Int($0) }), (0...8).contains(ilvl) else { continue }
            var levelOverride = LevelOverride()
            levelOverride.startOverride = override.child(.w, "startOverride")?.attribute("val", .w).flatMap { Int($0) }
            levelOverride.level = override.child(.w, "lvl").map(NumberingLevel.init)
            instance.overrides[ilvl] = levelOverride
        }
        instances[numId] = instance
    }

    /// An abstract definition with `w:numStyleLink` takes its levels from the numbering style's
    /// `w:num` (the abstract definition with the matching `w:styleLink`). Counting then happens on
    /// that definition, so every list using the style shares one sequence.
    private mutating func resolveStyleLinks(_ styles: StyleSheet) {
        for id in abstracts.keys.sorted() {
            guard let link = abstracts[id]?.numStyleLink else { continue }
            var target: Int? = id
            var seen: Set<Int> = [id]
            var steps = 0
            while let current = target, let name = abstracts[current]?.numStyleLink, steps < 16 {
                steps += 1
                guard let style = styles.styles[name], style.kind == .numbering,
                    let numId = style.paragraphProperties.numId, let next = instances[numId]?.abstractNumId,
                    abstracts[next] != nil
                else {
                    warn(
                        .numberingUnresolvedStyleLink,
                        "w:abstractNum \(id) links to numbering style \(link), which names no usable w:num; its own levels are used",
                        path: "numbering/abstractNum[\(id)]")
                    target = nil
                    break
                }
                guard seen.insert(next).inserted else {
                    warn(
                        .numberingStyleLinkCycle, "w:abstractNum \(id)'s numStyleLink chain loops; its own levels are used",
                        path: "numbering/abstractNum[\(id)]")
                    target = nil
                    break
                }
                target = next
            }
            if let target, target != id { abstracts[id]?.linkedAbstractId = target }
        }
    }

    private mutating func reportUnknownFormats() {
        var seen: Set<String> = []
        let levels =
            abstracts.keys.sorted().flatMap { id in abstracts[id]!.levels.keys.sorted().map { abstracts[id]!.levels[$0]! } }
            + instances.keys.sorted().flatMap { id in
                instances[id]!.overrides.keys.sorted().compactMap { instances[id]!.overrides[$0]!.level }
            }
        for level in levels {
            guard let format = level.numFmt else { continue }
            let known =
                format == "custom"
                ? level.customFormat.map(NumberFormat.isKnown(customPattern:)) ?? false
                : NumberFormat.isKnown(format)
            let key = format == "custom" ? "custom:" + (level.customFormat ?? "") : format
            if !known, seen.insert(key).inserted {
                diagnostics.append(
                    Diagnostic(
                        .numberingUnknownFormat,
                        message: "number format \(key) is not rendered as Word would; decimal numbers are shown instead",
                        location: SourceLocation(part: part, path: "numbering")))
            }
        }
    }

    private mutating func warn(_ code: DiagnosticCode, _ message: String, path: String) {
        diagnostics.append(Diagnostic(severity: .warning, code: code, message: message, location: SourceLocation(part: part, path: path)))
    }

    // MARK: - Lookup

    /// The abstract definition whose counters `numId` advances (after `w:numStyleLink`), with the
    /// levels in force for that `w:num` (overrides applied); nil when `numId` or its abstract
    /// definition is not defined.
    func resolve(numId: Int) -> ResolvedNumbering? {
        guard let instance = instances[numId], let abstract = abstracts[instance.abstractNumId] else { return nil }
        let source = abstract.linkedAbstractId.flatMap { abstracts[$0] } ?? abstract
        var levels = source.levels
        for (ilvl, override) in instance.overrides {
            if let patch = override.level { levels[ilvl] = patch.laid(over: levels[ilvl]) }
        }
        return ResolvedNumbering(
            numId: numId, counterKey: source.id, levels: levels,
            startOverrides: instance.overrides.compactMapValues(\.startOverride))
    }

    /// The `w:num` and level that a paragraph style is attached to by a level's `w:pStyle`
    /// (§17.9.23), for styles that do not carry their own `w:numPr`: the lowest `w:numId` whose
    /// levels name the style.
    func numbering(forParagraphStyle styleId: String) -> StyleNumbering? {
        for numId in instances.keys.sorted() {
            guard let resolved = resolve(numId: numId) else { continue }
            for ilvl in resolved.levels.keys.sorted() where resolved.levels[ilvl]?.paragraphStyleId == styleId {
                return StyleNumbering(numId: numId, ilvl: ilvl)
            }
        }
        return nil
    }
}

/// `w:abstractNum`.
struct AbstractNumbering: Sendable, Hashable {
    var id: Int
    /// Levels by `w:ilvl` (0…8).
    var levels: [Int: NumberingLevel] = [:]
    /// `w:styleLink`: this definition is the numbering style of that name.
    var styleLink: String?
    /// `w:numStyleLink`: this definition is a reference to that numbering style.
    var numStyleLink: String?
    /// The abstract definition `numStyleLink` resolves to.
    var linkedAbstractId: Int?
}

/// `w:num`: an instance of an abstract definition.
struct NumberingInstance: Sendable, Hashable {
    var numId: Int
    var abstractNumId: Int
    /// `w:lvlOverride` by level.
    var overrides: [Int: LevelOverride] = [:]
}

/// `w:lvlOverride`.
struct LevelOverride: Sendable, Hashable {
    /// `w:startOverride`: the level restarts at this value the first time this `w:num` uses it.
    var startOverride: Int?
    /// `w:lvl`: replaces the abstract level's elements that it sets.
    var level: NumberingLevel?
}

/// One `w:lvl` as written: nil is "not set here".
struct NumberingLevel: Sendable, Hashable {
    var start: Int?
    /// `w:numFmt/@w:val` (`ST_NumberFormat`).
    var numFmt: String?
    /// `w:numFmt/@w:format` when `numFmt` is "custom" ([MS-DOCX] §2.4).
    var customFormat: String?
    var lvlText: String?
    /// `w:lvlRestart`: restart after a use of a level with a lower index than this (1-based)
    /// value; 0 never restarts; absent restarts after any higher level.
    var lvlRestart: Int?
    var isLegal: Bool?
    /// `w:suff`: "tab", "space", "nothing".
    var suffix: String?
    var paragraphStyleId: String?
    var justification: String?

    init() {}

    /// Reads `w:lvl`.
    init(_ lvl: XMLElement) {
        for child in lvl.children {
            if child.is(.mc, "AlternateContent") {
                readAlternateNumFmt(child)
                continue
            }
            guard child.isIn(.w) else { continue }
            let val = child.attribute("val", .w)
            switch child.localName {
            case "start": start = val.flatMap { Int($0) }
            case "numFmt": readNumFmt(child)
            case "lvlText": lvlText = NumberingLevel.bounded(val ?? "")
            case "lvlRestart": lvlRestart = val.flatMap { Int($0) }
            case "isLgl": isLegal = RunProperties.toggle(child)
            case "suff": suffix = val
            case "pStyle": paragraphStyleId = val
            case "lvlJc": justification = val
            default: break
            }
        }
    }

    private mutating func readNumFmt(_ element: XMLElement) {
        numFmt = element.attribute("val", .w)
        customFormat = element.attribute("format", .w).map(NumberingLevel.bounded)
    }

    /// Longest `w:lvlText` and custom `w:format` kept, in characters. Every numbered
    /// paragraph's label is rendered from them anew, so an oversized one multiplied memory and
    /// time by the number of paragraphs (a 6 KB file took 46 s and 2.4 GB); real ones are a few
    /// characters long.
    static let maxTextLength = 256

    static func bounded(_ text: String) -> String {
        text.utf8.count <= maxTextLength ? text : String(text.prefix(maxTextLength))
    }

    /// `mc:Choice Requires="w14"` holds Word 2010's `custom` format, `mc:Fallback` an
    /// `ST_NumberFormat` for older readers: the choice is taken when it is a format we render.
    private mutating func readAlternateNumFmt(_ element: XMLElement) {
        var fallback: (String?, String?)?
        for branch in element.children {
            guard let numFmt = branch.child(.w, "numFmt") else { continue }
            let val = numFmt.attribute("val", .w)
            let format = numFmt.attribute("format", .w)
            if branch.is(.mc, "Choice") {
                let renderable =
                    val == "custom"
                    ? format.map(NumberFormat.isKnown(customPattern:)) ?? false
                    : val.map { NumberFormat.isKnown($0) } ?? false
                if renderable {
                    numFmt.attribute("val", .w).map { self.numFmt = $0 }
                    customFormat = format.map(NumberingLevel.bounded)
                    return
                }
            } else if branch.is(.mc, "Fallback") {
                fallback = (val, format)
            }
        }
        if let fallback {
            numFmt = fallback.0
            customFormat = fallback.1.map(NumberingLevel.bounded)
        }
    }

    /// These elements over `base`'s.
    func laid(over base: NumberingLevel?) -> NumberingLevel {
        guard let base else { return self }
        var out = base
        if let start { out.start = start }
        if let numFmt {
            out.numFmt = numFmt
            out.customFormat = customFormat
        }
        if let lvlText { out.lvlText = lvlText }
        if let lvlRestart { out.lvlRestart = lvlRestart }
        if let isLegal { out.isLegal = isLegal }
        if let suffix { out.suffix = suffix }
        if let paragraphStyleId { out.paragraphStyleId = paragraphStyleId }
        if let justification { out.justification = justification }
        return out
    }

    // Defaults (§17.9): start 0, decimal, no text, tab.
    var startValue: Int { start ?? 0 }
    var format: String { numFmt ?? "decimal" }
    var suffixText: String {
        switch suffix {
        case "space": " "
        case "nothing": ""
        default: "\t"
        }
    }

    /// `n` in this level's format.
    func render(_ n: Int) -> String {
        if format == "custom", let customFormat { return NumberFormat.format(n, customPattern: customFormat) }
        return NumberFormat.format(n, format)
    }
}

/// A `w:num` ready for counting.
struct ResolvedNumbering: Sendable, Hashable {
    var numId: Int
    /// The abstract definition whose counters this instance shares.
    var counterKey: Int
    var levels: [Int: NumberingLevel]
    var startOverrides: [Int: Int]
}
