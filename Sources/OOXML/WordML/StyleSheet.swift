import DocumentModel
import PlanSupport
import Foundation

/// The style definitions of `styles.xml` (ECMA-376 Part 1, §17.7) and their resolution.
///
/// Handled: `w:docDefaults` (`w:rPrDefault`, `w:pPrDefault`); `w:style` of every `w:type` with
/// `w:styleId`, `w:default`, `w:name`, `w:aliases`, `w:basedOn`, `w:link`, `w:pPr`, `w:rPr`
/// (the fields `ParagraphProperties`/`RunProperties` read). `basedOn` chains are followed nearest
/// first, stopping at a cycle, an unknown or other-type parent, or `maxChainDepth` styles, each
/// reported once. Not handled: `w:latentStyles` (built-in styles never written to the part are
/// unknown ids), table-style conditional formatting (`w:tblStylePr`) and table-style run
/// properties in `effectiveRun`.
struct StyleSheet: Sendable {
    /// No styles: every paragraph resolves to no style, with Word's defaults. A fresh value each
    /// time, so unknown ids reported by one document never hide another's.
    static var empty: StyleSheet { StyleSheet() }

    /// The longest `basedOn` chain followed (Word's UI refuses far shorter chains).
    static let maxChainDepth = 32

    /// `w:rPrDefault/w:rPr`.
    private(set) var defaultRunProperties = RunProperties(nil)
    /// `w:pPrDefault/w:pPr`.
    private(set) var defaultParagraphProperties = ParagraphProperties(nil)
    /// Every style by `w:styleId` (the first definition of a duplicated id).
    private(set) var styles: [String: StyleDefinition] = [:]
    /// The paragraph style with `w:default="1"` (the last one when several claim it, §17.7.4.17).
    private(set) var defaultParagraphStyleId: String?
    /// What was odd in the part, then the unknown style ids met while resolving (each once, in
    /// the order met, whichever copy of this value met them).
    var diagnostics: [Diagnostic] { partDiagnostics + unknownIds.entries }

    private var partDiagnostics: [Diagnostic] = []
    /// Shared by the copies of this value (the stories of one document), so that resolution stays
    /// non-mutating and each unknown id is reported once per document.
    private let unknownIds = DiagnosticLog()

    private var resolvedParagraphStyles: [String: ResolvedParagraphStyle] = [:]
    private var characterChains: [String: StyleLevel] = [:]
    private let part: String

    private init() { part = "word/styles.xml" }

    /// Reads the root `w:styles` element of the styles part.
    init(root: XMLElement, part: String = "word/styles.xml") {
        self.part = part
        guard root.is(.w, "styles") else {
            partDiagnostics.append(
                Diagnostic(
                    .stylesUnexpectedRoot, message: "the styles part's root is \(root.qualifiedName), not w:styles; styles ignored",
                    location: SourceLocation(part: part, path: root.qualifiedName)))
            return
        }
        for child in root.children where child.isIn(.w) {
            switch child.localName {
            case "docDefaults": readDocDefaults(child)
            case "style": readStyle(child)
            default: break  // w:latentStyles: names of built-in styles, no formatting
            }
        }
        if defaultParagraphStyleId == nil, styles["Normal"]?.kind == .paragraph { defaultParagraphStyleId = "Normal" }
        precompute()
    }

    private mutating func readDocDefaults(_ element: XMLElement) {
        if let rPr = element.child(.w, "rPrDefault")?.child(.w, "rPr") { defaultRunProperties = RunProperties(rPr) }
        if let pPr = element.child(.w, "pPrDefault")?.child(.w, "pPr") { defaultParagraphProperties = ParagraphProperties(pPr) }
    }

    private mutating func readStyle(_ element: XMLElement) {
        let type = element.attribute("type", .w) ?? "paragraph"
        guard let id = element.attribute("styleId", .w), !id.isEmpty else {
            warn(.stylesMissingStyleId, "a w:style has no w:styleId; skipped", path: "styles/style")
            return
        }
        guard let kind = StyleDefinition.Kind(rawValue: type) else {
            warn(.stylesUnknownStyleType, "style \(id) has w:type=\"\(type)\"; skipped", styleId: id)
            return
        }
        guard styles[id] == nil else {
            warn(.stylesDuplicateStyle, "style id \(id) is defined twice; the first definition is used", styleId: id)
            return
        }
        var style = StyleDefinition(kind: kind, styleId: id)
        style.isDefault = element.attribute("default", .w).map(StyleDefinition.onOff) ?? false
        for child in element.children where child.isIn(.w) {
            switch child.localName {
            case "name": style.name = child.attribute("val", .w)
            case "aliases":
                style.aliases = (child.attribute("val", .w) ?? "").split(separator: ",").map(String.init)
            case "basedOn": style.basedOn = child.attribute("val", .w).flatMap { $0.isEmpty ? nil : $0 }
            case "link": style.link = child.attribute("val", .w)
            case "pPr": style.paragraphProperties = ParagraphProperties(child)
            case "rPr": style.runProperties = RunProperties(child)
            default: break
            }
        }
        styles[id] = style
        if kind == .paragraph, style.isDefault { defaultParagraphStyleId = id }
    }

    // MARK: - Chains

    /// `id` and its `basedOn` ancestors of the same kind, nearest first. Problems on the way are
    /// reported once per style (the chains are all walked in `init`).
    private mutating func chain(_ id: String) -> [StyleDefinition] {
        guard let first = styles[id] else { return [] }
        var out = [first]
        var seen: Set<String> = [id]
        var current = first
        while let parent = current.basedOn {
            guard out.count < Self.maxChainDepth else {
                warn(.stylesBasedonTooDeep, "style \(id)'s basedOn chain is longer than \(Self.maxChainDepth); cut there", styleId: id)
                break
            }
            guard !seen.contains(parent) else {
                warn(.stylesBasedonCycle, "style \(id)'s basedOn chain loops back to \(parent); cut there", styleId: id)
                break
            }
            guard let next = styles[parent] else {
                warn(.stylesUnknownBasedon, "style \(current.styleId) is based on unknown style \(parent)", styleId: current.styleId)
                break
            }
            guard next.kind == first.kind else {
                warn(
                    .stylesBasedonTypeMismatch,
                    "\(first.kind.rawValue) style \(current.styleId) is based on \(next.kind.rawValue) style \(parent); ignored",
                    styleId: current.styleId)
                break
            }
            seen.insert(parent)
            out.append(next)
            current = next
        }
        return out
    }

    private mutating func precompute() {
        var reported: Set<String> = []
        for id in styles.keys.sorted() {
            let before = partDiagnostics.count
            let styleChain = chain(id)
            // A chain problem is reported from the style that has it, not from every descendant.
            if partDiagnostics.count > before {
                let fresh = partDiagnostics[before...].filter { reported.insert($0.message).inserted }
                partDiagnostics.removeSubrange(before...)
                partDiagnostics.append(contentsOf: fresh)
            }
            guard let style = styleChain.first else { continue }
            switch style.kind {
            case .paragraph: resolvedParagraphStyles[id] = resolve(paragraphChain: styleChain)
            case .character: characterChains[id] = StyleLevel(styleChain.map(\.runProperties))
            case .table, .numbering: break
            }
        }
    }

    private func resolve(paragraphChain chain: [StyleDefinition]) -> ResolvedParagraphStyle {
        let first = chain.first
        var resolved = ResolvedParagraphStyle(styleId: first?.styleId, name: first?.name)
        for style in chain {
            if let level = style.paragraphProperties.outlineLevel {
                resolved.outlineLevel = (0...8).contains(level) ? level : nil
                break
            }
            if let level = style.headingLevelFromName {
                resolved.outlineLevel = level
                break
            }
        }
        let numId = chain.lazy.compactMap(\.paragraphProperties.numId).first
        if let numId, numId != 0 {
            let ilvl = chain.lazy.compactMap(\.paragraphProperties.ilvl).first ?? 0
            resolved.numbering = StyleNumbering(numId: numId, ilvl: min(max(ilvl, 0), 8))
        }
        resolved.justification =
            chain.lazy.compactMap(\.paragraphProperties.justification).first
            ?? defaultParagraphProperties.justification
        let level = StyleLevel(chain.map(\.runProperties))
        resolved.runProperties = StyleSheet.combine(
            defaults: defaultRunProperties, paragraph: level, character: StyleLevel([]), direct: RunProperties())
        resolved.paragraphLevel = level
        return resolved
    }

    // MARK: - The body reader's API

    /// The paragraph style `styleId` resolved through its chain; the default paragraph style when
    /// `styleId` is nil or unknown (an unknown id is reported once, as `styles.unknown-style`).
    func resolveParagraph(styleId: String?, at location: SourceLocation? = nil) -> ResolvedParagraphStyle {
        if let styleId {
            if let resolved = resolvedParagraphStyles[styleId] { return resolved }
            reportUnknown(styleId, kind: "paragraph", at: location)
        }
        if let id = defaultParagraphStyleId, let resolved = resolvedParagraphStyles[id] { return resolved }
        var bare = ResolvedParagraphStyle(styleId: nil, name: nil)
        bare.justification = defaultParagraphProperties.justification
        bare.runProperties = StyleSheet.combine(
            defaults: defaultRunProperties, paragraph: StyleLevel([]), character: StyleLevel([]), direct: RunProperties())
        return bare
    }

    /// The run properties Word applies to a run: document defaults, then the paragraph style chain,
    /// then the character style chain (`direct.styleId`), then `direct`. Toggle properties
    /// (`w:b`, `w:vanish`) follow ECMA-376 §17.7.3 as Word implements it (see `combine`); in
    /// the result they are never nil. `styleId` stays the run's own `w:rStyle`.
    func effectiveRun(
        direct: RunProperties, paragraphStyleId: String?, at location: SourceLocation? = nil
    ) -> RunProperties {
        let paragraph = resolveParagraph(styleId: paragraphStyleId, at: location).paragraphLevel
        var character = StyleLevel([])
        if let id = direct.styleId {
            if let chain = characterChains[id] {
                character = chain
            } else if styles[id] == nil {
                reportUnknown(id, kind: "character", at: location)
            }
        }
        return StyleSheet.combine(
            defaults: defaultRunProperties, paragraph: paragraph, character: character, direct: direct)
    }

    /// Combines the levels of the hierarchy (ECMA-376 §17.7.2) for one run.
    ///
    /// Ordinary properties: the last level that sets one wins. Toggle properties (§17.7.3):
    /// direct formatting sets the value outright; otherwise, within one level (a style and its
    /// `basedOn` ancestors) the nearest value counts, and the levels combine as Word does:
    /// starting from the document default (false when absent), a paragraph style that sets the
    /// property *resets* it to that value ([MS-OI29500] §2.1.258: "Word resets the value of the
    /// toggle property to the value specified by the paragraph style if a value is present",
    /// where the standard would toggle), and a character style that sets it true *toggles*
    /// it (§17.7.3's XOR; false leaves it unchanged). So bold in the paragraph style and bold in
    /// the character style cancel. This departs from the standard in one corner: the standard
    /// keeps the result true whenever the document default is true; Word lets a paragraph
    /// style's explicit false (and a toggling character style) turn it off.
    static func combine(
        defaults: RunProperties, paragraph: StyleLevel, character: StyleLevel, direct: RunProperties
    ) -> RunProperties {
        func toggle(_ key: KeyPath<RunProperties, Bool?>) -> Bool {
            if let value = direct[keyPath: key] { return value }
            var state = defaults[keyPath: key] ?? false
            if let value = paragraph.nearest(key) { state = value }
            if character.nearest(key) == true { state.toggle() }
            return state
        }
        return RunProperties(
            styleId: direct.styleId,
            bold: toggle(\.bold),
            sizeHalfPoints: direct.sizeHalfPoints ?? character.nearest(\.sizeHalfPoints)
                ?? paragraph.nearest(\.sizeHalfPoints) ?? defaults.sizeHalfPoints,
            vanish: toggle(\.vanish))
    }

    /// `w:name` of style `id`, nil when the style is unknown or unnamed.
    func styleName(for id: String) -> String? { styles[id]?.name }

    /// True when paragraph style `id` resolves to an outline level 0…8 (explicit `w:outlineLvl`
    /// in its chain, or a built-in heading name).
    func isHeadingStyle(_ id: String?) -> Bool {
        guard let id else { return false }
        return resolvedParagraphStyles[id]?.outlineLevel != nil
    }

    // MARK: - Diagnostics

    private func reportUnknown(_ id: String, kind: String, at location: SourceLocation?) {
        unknownIds.record(
            key: kind + "\u{0}" + id,
            Diagnostic(
                .stylesUnknownStyle,
                message: "\(kind) style \(id) is not defined in \(part); "
                    + (kind == "paragraph"
                        ? "the default paragraph style is used" : "its formatting is ignored"),
                location: location))
    }

    private mutating func warn(_ code: DiagnosticCode, _ message: String, styleId: String? = nil, path: String? = nil) {
        partDiagnostics.append(
            Diagnostic(
                severity: .warning, code: code, message: message,
                location: SourceLocation(part: part, path: path ?? "styles/style[@w:styleId='\(styleId ?? "")']")))
    }
}

/// One `w:style` as written (§17.7.4.17).
struct StyleDefinition: Sendable, Hashable {
    /// `ST_StyleType`.
    enum Kind: String, Sendable, Hashable {
        case paragraph, character, table, numbering
    }

    var kind: Kind
    var styleId: String
    /// `w:name` ("heading 1", "Normal", "标题 1" …).
    var name: String?
    /// `w:aliases`, split at commas.
    var aliases: [String] = []
    var basedOn: String?
    /// `w:link`: the linked character (or paragraph) style.
    var link: String?
    /// `w:default`.
    var isDefault = false
    var paragraphProperties = ParagraphProperties(nil)
    var runProperties = RunProperties(nil)

    init(kind: Kind, styleId: String, name: String? = nil) {
        self.kind = kind
        self.styleId = styleId
        self.name = name
    }

    /// The outline level a built-in heading style has by name, whatever its id: "heading 1" …
    /// "heading 9" (Word writes these English names under localized ids such as "1" or "标题1")
    /// and "标题 1"/"标题1" (WPS, LibreOffice), case-insensitive, from the name or an alias.
    /// "Title"/"标题" are not headings.
    var headingLevelFromName: Int? {
        for candidate in [name].compactMap({ $0 }) + aliases {
            if let level = StyleDefinition.headingLevel(named: candidate) { return level }
        }
        return nil
    }

    static func headingLevel(named name: String) -> Int? {
        let folded = name.lowercased().filter { !$0.isWhitespace }
        for prefix in ["heading", "标题"] where folded.hasPrefix(prefix) {
            let rest = folded.dropFirst(prefix.count)
            if rest.count == 1, let digit = rest.first?.wholeNumberValue, (1...9).contains(digit) { return digit - 1 }
        }
        return nil
    }

    static func onOff(_ value: String) -> Bool { !(value == "0" || value == "false" || value == "off") }
}

/// A paragraph style with its chain resolved.
struct ResolvedParagraphStyle: Sendable, Hashable {
    /// The style applied (the default paragraph style when none or an unknown one was named).
    var styleId: String?
    /// Its `w:name`.
    var name: String?
    /// 0…8, from `w:outlineLvl` in the chain (9 = body text → nil) or a heading style name.
    var outlineLevel: Int?
    /// `w:numPr` through the chain; nil when absent or `w:numId` is 0.
    var numbering: StyleNumbering?
    /// `numbering?.numId`.
    var numId: Int? { numbering?.numId }
    /// `numbering?.ilvl`.
    var ilvl: Int? { numbering?.ilvl }
    /// `w:jc` through the chain, then the document default.
    var justification: String?
    /// The style chain's run properties over the document defaults (toggles resolved, no
    /// character style or direct formatting).
    var runProperties = RunProperties()
    /// The chain's run properties, nearest first, for `StyleSheet.effectiveRun`.
    var paragraphLevel = StyleLevel([])

    init(styleId: String?, name: String?) {
        self.styleId = styleId
        self.name = name
    }
}

/// `w:numPr` inherited from a paragraph style.
struct StyleNumbering: Sendable, Hashable {
    var numId: Int
    var ilvl: Int
}

/// The run properties of one level of the style hierarchy: a style and its `basedOn`
/// ancestors, nearest first.
struct StyleLevel: Sendable, Hashable {
    var chain: [RunProperties]
    init(_ chain: [RunProperties]) { self.chain = chain }

    /// The nearest value of `key` in the chain (§17.7.3: "the first value encountered").
    func nearest<T>(_ key: KeyPath<RunProperties, T?>) -> T? {
        for properties in chain { if let value = properties[keyPath: key] { return value } }
        return nil
    }
}

/// Diagnostics recorded once per key, shared by the copies of the value that owns it.
final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: Set<String> = []
    private var recorded: [Diagnostic] = []

    /// Records `diagnostic` unless one with `key` was recorded before.
    func record(key: String, _ diagnostic: @autoclosure () -> Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        if keys.insert(key).inserted { recorded.append(diagnostic()) }
    }

    var entries: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
