import DocumentModel
import PlanSupport
import Testing

@testable import OOXML

/// A `StyleSheet` from the children of `w:styles`.
private func styleSheet(_ children: String) throws -> StyleSheet {
    let xml = #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"# + children + "</w:styles>"
    return try XMLPart.withRoot(Array(xml.utf8), part: "word/styles.xml", file: "test", limits: .default) { root in
        StyleSheet(root: root)
    }
}

/// A paragraph style definition.
private func paragraphStyle(
    _ id: String, name: String? = nil, basedOn: String? = nil, isDefault: Bool = false, pPr: String = "", rPr: String = ""
) -> String {
    var xml = #"<w:style w:type="paragraph" w:styleId="\#(id)""# + (isDefault ? #" w:default="1""# : "") + ">"
    if let name { xml += #"<w:name w:val="\#(name)"/>"# }
    if let basedOn { xml += #"<w:basedOn w:val="\#(basedOn)"/>"# }
    if !pPr.isEmpty { xml += "<w:pPr>\(pPr)</w:pPr>" }
    if !rPr.isEmpty { xml += "<w:rPr>\(rPr)</w:rPr>" }
    return xml + "</w:style>"
}

private func characterStyle(_ id: String, basedOn: String? = nil, rPr: String = "") -> String {
    #"<w:style w:type="character" w:styleId="\#(id)">"#
        + (basedOn.map { #"<w:basedOn w:val="\#($0)"/>"# } ?? "") + "<w:rPr>\(rPr)</w:rPr></w:style>"
}

private let normal = paragraphStyle("Normal", name: "Normal", isDefault: true)

@Suite struct StyleSheetTests {
    // MARK: Defaults and the default style

    @Test("a paragraph without pStyle gets the default paragraph style over docDefaults")
    func defaultStyle() throws {
        let sheet = try styleSheet(
            """
            <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault>
            <w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
            \(paragraphStyle("a", name: "Normal", isDefault: true))
            """)
        let resolved = sheet.resolveParagraph(styleId: nil)
        #expect(resolved.styleId == "a")
        #expect(resolved.name == "Normal")
        #expect(resolved.runProperties.sizeHalfPoints == 21)
        #expect(resolved.runProperties.bold == false)
        #expect(resolved.justification == "both")
        #expect(resolved.outlineLevel == nil)
        #expect(sheet.diagnostics.isEmpty)
    }

    @Test("an unknown style id resolves to the default style and is reported once")
    func unknownStyle() throws {
        let sheet = try styleSheet(normal)
        let location = SourceLocation(part: "word/document.xml", paragraphIndex: 3, path: "body/p[3]")
        #expect(sheet.resolveParagraph(styleId: "Missing", at: location).styleId == "Normal")
        #expect(sheet.resolveParagraph(styleId: "Missing").styleId == "Normal")
        let copy = sheet  // copies share the report: one per document
        _ = copy.resolveParagraph(styleId: "Missing")
        _ = copy.effectiveRun(direct: RunProperties(styleId: "NoSuchChar"), paragraphStyleId: nil)
        _ = copy.effectiveRun(direct: RunProperties(styleId: "NoSuchChar"), paragraphStyleId: nil)
        #expect(sheet.diagnostics.map(\.code) == ["styles.unknown-style", "styles.unknown-style"])
        #expect(sheet.diagnostics.first?.location == location)
        #expect(sheet.diagnostics.first?.message.contains("Missing") == true)
    }

    @Test("without styles every paragraph resolves to no style")
    func emptySheet() {
        let sheet = StyleSheet.empty
        let resolved = sheet.resolveParagraph(styleId: nil)
        #expect(resolved.styleId == nil)
        #expect(resolved.runProperties.bold == false)
        _ = sheet.resolveParagraph(styleId: "Heading1")
        #expect(sheet.diagnostics.map(\.code) == ["styles.unknown-style"])
        #expect(StyleSheet.empty.diagnostics.isEmpty)  // a fresh value each time
    }

    @Test("when several paragraph styles claim w:default the last one wins (§17.7.4.17)")
    func lastDefaultWins() throws {
        let sheet = try styleSheet(paragraphStyle("A", isDefault: true) + paragraphStyle("B", isDefault: true))
        #expect(sheet.resolveParagraph(styleId: nil).styleId == "B")
    }

    // MARK: basedOn chains

    @Test("properties come through the basedOn chain, nearest first")
    func chain() throws {
        let sheet = try styleSheet(
            normal + """
                \(paragraphStyle("Base", basedOn: "Normal", pPr: #"<w:jc w:val="center"/><w:outlineLvl w:val="1"/>"#, rPr: #"<w:sz w:val="32"/>"#))
                \(paragraphStyle("Mid", basedOn: "Base", rPr: #"<w:sz w:val="28"/>"#))
                \(paragraphStyle("Leaf", name: "Leaf", basedOn: "Mid"))
                """)
        let leaf = sheet.resolveParagraph(styleId: "Leaf")
        #expect(leaf.styleId == "Leaf")
        #expect(leaf.justification == "center")
        #expect(leaf.outlineLevel == 1)
        #expect(leaf.runProperties.sizeHalfPoints == 28)
        #expect(sheet.diagnostics.isEmpty)
    }

    @Test("a basedOn cycle is cut and reported, not followed forever")
    func cycle() throws {
        let sheet = try styleSheet(
            normal + """
                \(paragraphStyle("A", basedOn: "B", pPr: #"<w:jc w:val="right"/>"#))
                \(paragraphStyle("B", basedOn: "A", rPr: "<w:b/>"))
                \(paragraphStyle("Self", basedOn: "Self"))
                """)
        let a = sheet.resolveParagraph(styleId: "A")
        #expect(a.justification == "right")
        #expect(a.runProperties.bold == true)
        #expect(sheet.resolveParagraph(styleId: "Self").styleId == "Self")
        #expect(sheet.diagnostics.contains { $0.code == "styles.basedon-cycle" })
    }

    @Test("a chain deeper than the cap is cut and reported")
    func deepChain() throws {
        var xml = paragraphStyle("S0", pPr: #"<w:jc w:val="center"/>"#)
        for i in 1...40 { xml += paragraphStyle("S\(i)", basedOn: "S\(i - 1)") }
        let sheet = try styleSheet(xml)
        #expect(sheet.resolveParagraph(styleId: "S40").justification == nil)  // S0 is beyond the cap
        #expect(sheet.resolveParagraph(styleId: "S20").justification == "center")
        #expect(sheet.diagnostics.contains { $0.code == "styles.basedon-too-deep" })
    }

    @Test("an unknown or other-type parent ends the chain with a diagnostic")
    func brokenParents() throws {
        let sheet = try styleSheet(
            normal + characterStyle("Char", rPr: "<w:b/>") + """
                \(paragraphStyle("Orphan", basedOn: "Nowhere", pPr: #"<w:jc w:val="left"/>"#))
                \(paragraphStyle("Odd", basedOn: "Char"))
                """)
        #expect(sheet.resolveParagraph(styleId: "Orphan").justification == "left")
        #expect(sheet.resolveParagraph(styleId: "Odd").runProperties.bold == false)
        let codes = Set(sheet.diagnostics.map(\.code))
        #expect(codes == ["styles.unknown-basedon", "styles.basedon-type-mismatch"])
    }

    @Test("a duplicated style id keeps the first definition")
    func duplicate() throws {
        let sheet = try styleSheet(normal + paragraphStyle("X", name: "first") + paragraphStyle("X", name: "second"))
        #expect(sheet.styleName(for: "X") == "first")
        #expect(sheet.diagnostics.map(\.code) == ["styles.duplicate-style"])
    }

    @Test("a part whose root is not w:styles yields no styles and a diagnostic")
    func wrongRoot() throws {
        let xml = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>"#
        let sheet = try XMLPart.withRoot(Array(xml.utf8), part: "word/styles.xml", file: "test", limits: .default) {
            StyleSheet(root: $0)
        }
        #expect(sheet.styles.isEmpty)
        #expect(sheet.diagnostics.map(\.code) == ["styles.unexpected-root"])
    }

    // MARK: Outline levels

    struct HeadingCase: Sendable, CustomTestStringConvertible {
        var id: String
        var name: String?
        var pPr: String = ""
        var expected: Int?
        var testDescription: String { "\(id) \(name ?? "-") \(pPr) → \(expected.map(String.init) ?? "body")" }
    }

    static let headingCases: [HeadingCase] = [
        HeadingCase(id: "Heading1", name: "heading 1", pPr: #"<w:outlineLvl w:val="0"/>"#, expected: 0),
        HeadingCase(id: "Body", name: "Body", pPr: #"<w:outlineLvl w:val="2"/>"#, expected: 2),
        HeadingCase(id: "Body9", name: "Body", pPr: #"<w:outlineLvl w:val="9"/>"#, expected: nil),
        // Word writes the English name under localized ids (zh-CN Word: styleId "1", "2" …).
        HeadingCase(id: "1", name: "heading 1", expected: 0),
        HeadingCase(id: "标题1", name: "heading 2", expected: 1),
        HeadingCase(id: "Heading1", name: "Heading 4", expected: 3),
        HeadingCase(id: "h9", name: "HEADING 9", expected: 8),
        // WPS and LibreOffice localized names.
        HeadingCase(id: "3", name: "标题 3", expected: 2),
        HeadingCase(id: "x", name: "标题1", expected: 0),
        // Not headings.
        HeadingCase(id: "Title", name: "Title", expected: nil),
        HeadingCase(id: "a5", name: "标题", expected: nil),
        HeadingCase(id: "h10", name: "heading 10", expected: nil),
        HeadingCase(id: "Normal2", name: "Normal", expected: nil),
        // An explicit outline level wins over the name.
        HeadingCase(id: "Demoted", name: "heading 1", pPr: #"<w:outlineLvl w:val="9"/>"#, expected: nil),
        HeadingCase(id: "Shifted", name: "heading 1", pPr: #"<w:outlineLvl w:val="3"/>"#, expected: 3),
    ]

    @Test("outline levels come from w:outlineLvl or a built-in heading name", arguments: headingCases)
    func outline(_ c: HeadingCase) throws {
        let sheet = try styleSheet(normal + paragraphStyle(c.id, name: c.name, basedOn: "Normal", pPr: c.pPr))
        #expect(sheet.resolveParagraph(styleId: c.id).outlineLevel == c.expected)
        #expect(sheet.isHeadingStyle(c.id) == (c.expected != nil))
    }

    @Test("a custom style based on a heading inherits its outline level")
    func inheritedHeading() throws {
        let sheet = try styleSheet(
            normal + """
                \(paragraphStyle("2", name: "heading 2", basedOn: "Normal"))
                \(paragraphStyle("MyHeading", name: "My heading", basedOn: "2"))
                """)
        #expect(sheet.resolveParagraph(styleId: "MyHeading").outlineLevel == 1)
        #expect(sheet.isHeadingStyle("MyHeading"))
        #expect(!sheet.isHeadingStyle("Normal"))
        #expect(!sheet.isHeadingStyle(nil))
        #expect(sheet.styleName(for: "2") == "heading 2")
        #expect(sheet.styleName(for: "Nope") == nil)
    }

    // MARK: Numbering through styles

    @Test("numPr is inherited through the chain; numId 0 removes it")
    func numbering() throws {
        let sheet = try styleSheet(
            normal + """
                \(paragraphStyle("H1", name: "heading 1", basedOn: "Normal", pPr: #"<w:numPr><w:numId w:val="3"/></w:numPr>"#))
                \(paragraphStyle("H2", name: "heading 2", basedOn: "H1", pPr: #"<w:numPr><w:ilvl w:val="1"/></w:numPr>"#))
                \(paragraphStyle("Mine", basedOn: "H2"))
                \(paragraphStyle("Plain", basedOn: "H2", pPr: #"<w:numPr><w:numId w:val="0"/></w:numPr>"#))
                """)
        #expect(sheet.resolveParagraph(styleId: "H1").numbering == StyleNumbering(numId: 3, ilvl: 0))
        #expect(sheet.resolveParagraph(styleId: "H2").numbering == StyleNumbering(numId: 3, ilvl: 1))
        #expect(sheet.resolveParagraph(styleId: "Mine").numId == 3)
        #expect(sheet.resolveParagraph(styleId: "Mine").ilvl == 1)
        #expect(sheet.resolveParagraph(styleId: "Plain").numbering == nil)
        #expect(sheet.resolveParagraph(styleId: nil).numbering == nil)
    }

    // MARK: Run properties and toggles

    @Test("non-toggle properties: direct, then character style, then paragraph style, then defaults")
    func sizes() throws {
        let sheet = try styleSheet(
            """
            <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>
            \(normal)
            \(paragraphStyle("P", basedOn: "Normal", rPr: #"<w:sz w:val="30"/>"#))
            \(characterStyle("C", rPr: #"<w:sz w:val="40"/>"#))
            """)
        #expect(sheet.effectiveRun(direct: RunProperties(), paragraphStyleId: nil).sizeHalfPoints == 20)
        #expect(sheet.effectiveRun(direct: RunProperties(), paragraphStyleId: "P").sizeHalfPoints == 30)
        #expect(sheet.effectiveRun(direct: RunProperties(styleId: "C"), paragraphStyleId: "P").sizeHalfPoints == 40)
        let direct = sheet.effectiveRun(direct: RunProperties(styleId: "C", sizeHalfPoints: 50), paragraphStyleId: "P")
        #expect(direct.sizeHalfPoints == 50)
        #expect(direct.styleId == "C")
    }

    struct ToggleCase: Sendable, CustomTestStringConvertible {
        var label: String
        var defaults: String = ""
        var paragraph: String = ""
        var paragraphParent: String = ""
        var character: String = ""
        var characterParent: String = ""
        var direct: Bool?
        var expected: Bool
        var testDescription: String { label }
    }

    /// ECMA-376 §17.7.3 with Word's reading ([MS-OI29500] §2.1.258): nearest value within a
    /// level, the paragraph style resets, the character style toggles, direct formatting wins.
    static let toggleCases: [ToggleCase] = [
        ToggleCase(label: "nothing anywhere: not bold", expected: false),
        ToggleCase(label: "paragraph style bold", paragraph: "<w:b/>", expected: true),
        ToggleCase(label: "character style bold", character: "<w:b/>", expected: true),
        ToggleCase(label: "paragraph and character style bold cancel", paragraph: "<w:b/>", character: "<w:b/>", expected: false),
        ToggleCase(label: "direct bold over cancelling styles", paragraph: "<w:b/>", character: "<w:b/>", direct: true, expected: true),
        ToggleCase(label: "direct not-bold over a bold style", paragraph: "<w:b/>", direct: false, expected: false),
        ToggleCase(label: "direct bold alone", direct: true, expected: true),
        ToggleCase(
            label: "basedOn is inheritance, not XOR: bold over bold stays bold",
            paragraph: "<w:b/>", paragraphParent: "<w:b/>", expected: true),
        ToggleCase(label: "bold inherited from the parent style", paragraphParent: "<w:b/>", expected: true),
        ToggleCase(
            label: "nearest false in the chain wins over the parent's true",
            paragraph: #"<w:b w:val="0"/>"#, paragraphParent: "<w:b/>", expected: false),
        ToggleCase(
            label: "character chain bold over bold toggles once",
            character: "<w:b/>", characterParent: "<w:b/>", expected: true),
        ToggleCase(
            label: "character style false leaves the paragraph's bold", paragraph: "<w:b/>",
            character: #"<w:b w:val="false"/>"#, expected: true),
        ToggleCase(label: "document default bold", defaults: "<w:b/>", expected: true),
        ToggleCase(
            label: "document default bold toggled off by a character style", defaults: "<w:b/>",
            character: "<w:b/>", expected: false),
        ToggleCase(
            label: "document default bold reset by the paragraph style (Word, not the standard)",
            defaults: "<w:b/>", paragraph: #"<w:b w:val="0"/>"#, expected: false),
    ]

    @Test("bold follows the toggle rules", arguments: toggleCases)
    func toggle(_ c: ToggleCase) throws {
        let sheet = try styleSheet(
            """
            <w:docDefaults><w:rPrDefault><w:rPr>\(c.defaults)</w:rPr></w:rPrDefault></w:docDefaults>
            \(normal)
            \(paragraphStyle("PP", basedOn: "Normal", rPr: c.paragraphParent))
            \(paragraphStyle("P", basedOn: "PP", rPr: c.paragraph))
            \(characterStyle("CP", rPr: c.characterParent))
            \(characterStyle("C", basedOn: "CP", rPr: c.character))
            """)
        let run = sheet.effectiveRun(direct: RunProperties(styleId: "C", bold: c.direct), paragraphStyleId: "P")
        #expect(run.bold == c.expected)
        #expect(sheet.diagnostics.isEmpty)
    }

    @Test("w:vanish is a toggle too, and the paragraph style's resolved run properties reflect it")
    func vanish() throws {
        let sheet = try styleSheet(
            normal + paragraphStyle("Hidden", basedOn: "Normal", rPr: "<w:vanish/>")
                + characterStyle("Unhide", rPr: "<w:vanish/>"))
        #expect(sheet.resolveParagraph(styleId: "Hidden").runProperties.vanish == true)
        #expect(sheet.effectiveRun(direct: RunProperties(), paragraphStyleId: "Hidden").vanish == true)
        #expect(sheet.effectiveRun(direct: RunProperties(styleId: "Unhide"), paragraphStyleId: "Hidden").vanish == false)
    }

    @Test("an unknown paragraph style id in effectiveRun falls back to the default style's run properties")
    func effectiveRunUnknownParagraphStyle() throws {
        let sheet = try styleSheet(paragraphStyle("Normal", isDefault: true, rPr: "<w:b/>"))
        #expect(sheet.effectiveRun(direct: RunProperties(), paragraphStyleId: "Gone").bold == true)
        #expect(sheet.diagnostics.map(\.code) == ["styles.unknown-style"])
    }

    @Test("style names, aliases and types are read")
    func definitions() throws {
        let sheet = try styleSheet(
            normal + """
                <w:style w:type="paragraph" w:styleId="a1"><w:name w:val="My Heading"/><w:aliases w:val="标题 1,H1"/></w:style>
                <w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/></w:style>
                <w:style w:type="numbering" w:styleId="List1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
                <w:style w:type="character" w:styleId="Link1"><w:link w:val="a1"/></w:style>
                """)
        #expect(sheet.resolveParagraph(styleId: "a1").outlineLevel == 0)  // from the alias
        #expect(sheet.styles["Grid"]?.kind == .table)
        #expect(sheet.styles["List1"]?.paragraphProperties.numId == 4)
        #expect(sheet.styles["Link1"]?.link == "a1")
        #expect(sheet.styles["a1"]?.aliases == ["标题 1", "H1"])
    }
}
