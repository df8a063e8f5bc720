/// The run properties (`w:rPr`, ECMA-376 §17.3.2) the reader interprets. nil = not set here
/// (inherit); a toggle property (`w:b`) set to false is `false`.
struct RunProperties: Sendable, Hashable {
    var styleId: String?
    var bold: Bool?
    var sizeHalfPoints: Int?
    var vanish: Bool?

    /// Reads `w:rPr` (or a style's `w:rPr`).
    init(_ rPr: XMLElement?) {
        guard let rPr else { return }
        // Names compared as bytes: no String is made for each of a run's properties.
        // The name first: most properties (w:rFonts, w:szCs, w:lang …) are none of these, and
        // their namespace is then never compared.
        for child in rPr.children {
            if child.hasLocalName("rStyle") {
                if child.isIn(.w) { styleId = child.attribute("val", .w) }
            } else if child.hasLocalName("b") {
                if child.isIn(.w) { bold = RunProperties.toggle(child) }
            } else if child.hasLocalName("sz") {
                if child.isIn(.w) { sizeHalfPoints = child.attribute("val", .w).flatMap { Int($0) } }
            } else if child.hasLocalName("vanish") {
                if child.isIn(.w) { vanish = RunProperties.toggle(child) }
            }
        }
    }

    init(styleId: String? = nil, bold: Bool? = nil, sizeHalfPoints: Int? = nil, vanish: Bool? = nil) {
        self.styleId = styleId
        self.bold = bold
        self.sizeHalfPoints = sizeHalfPoints
        self.vanish = vanish
    }

    /// `ST_OnOff`: absent val = true; "0", "false", "off" = false.
    static func toggle(_ element: XMLElement) -> Bool {
        guard let v = element.attribute("val", .w) else { return true }
        return !(v == "0" || v == "false" || v == "off")
    }

    /// These properties with `other`'s set values laid over them.
    func overlaid(with other: RunProperties) -> RunProperties {
        RunProperties(
            styleId: other.styleId ?? styleId, bold: other.bold ?? bold,
            sizeHalfPoints: other.sizeHalfPoints ?? sizeHalfPoints, vanish: other.vanish ?? vanish)
    }
}

/// The paragraph properties (`w:pPr`, ECMA-376 §17.3.1) the reader interprets.
struct ParagraphProperties: Sendable, Hashable {
    var styleId: String?
    /// `w:outlineLvl` 0…9 (9 = body text).
    var outlineLevel: Int?
    /// `w:numPr/w:numId` (0 removes numbering inherited from the style).
    var numId: Int?
    /// `w:numPr/w:ilvl`.
    var ilvl: Int?
    /// `w:jc`.
    var justification: String?
    /// `w:pPr/w:rPr`: the paragraph mark's run properties.
    var markRunProperties: RunProperties?

    /// Reads `w:pPr` (or a style's `w:pPr`).
    init(_ pPr: XMLElement?) {
        guard let pPr else { return }
        // Names compared as bytes: no String is made for each of a paragraph's properties.
        // The name first, the namespace only for a name read here.
        for child in pPr.children {
            if child.hasLocalName("pStyle") {
                if child.isIn(.w) { styleId = child.attribute("val", .w) }
            } else if child.hasLocalName("outlineLvl") {
                if child.isIn(.w) { outlineLevel = child.attribute("val", .w).flatMap { Int($0) } }
            } else if child.hasLocalName("numPr") {
                guard child.isIn(.w) else { continue }
                if let n = child.child(.w, "numId")?.attribute("val", .w) { numId = Int(n) }
                if let l = child.child(.w, "ilvl")?.attribute("val", .w) { ilvl = Int(l) }
            } else if child.hasLocalName("jc") {
                if child.isIn(.w) { justification = child.attribute("val", .w) }
            } else if child.hasLocalName("rPr") {
                if child.isIn(.w) { markRunProperties = RunProperties(child) }
            }
        }
    }

    init(
        styleId: String? = nil, outlineLevel: Int? = nil, numId: Int? = nil, ilvl: Int? = nil,
        justification: String? = nil, markRunProperties: RunProperties? = nil
    ) {
        self.styleId = styleId
        self.outlineLevel = outlineLevel
        self.numId = numId
        self.ilvl = ilvl
        self.justification = justification
        self.markRunProperties = markRunProperties
    }
}
