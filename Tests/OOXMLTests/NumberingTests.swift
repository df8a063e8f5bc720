import DocumentModel
import PlanSupport
import Testing

@testable import OOXML

private let wNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/// Numbering definitions from the children of `w:numbering`, with optional `w:styles` children.
private func definitions(_ children: String, styles: String = "") throws -> NumberingDefinitions {
    let sheet = try styleSheet(styles)
    let xml =
        #"<w:numbering xmlns:w="\#(wNamespace)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">"#
        + children + "</w:numbering>"
    return try XMLPart.withRoot(Array(xml.utf8), part: "word/numbering.xml", file: "test", limits: .default) { root in
        NumberingDefinitions(root: root, styles: sheet)
    }
}

private func styleSheet(_ children: String) throws -> StyleSheet {
    let xml = #"<w:styles xmlns:w="\#(wNamespace)">"# + children + "</w:styles>"
    return try XMLPart.withRoot(Array(xml.utf8), part: "word/styles.xml", file: "test", limits: .default) { StyleSheet(root: $0) }
}

/// A `w:lvl`.
private func level(
    _ ilvl: Int, _ numFmt: String = "decimal", _ text: String, start: Int? = 1, extra: String = ""
) -> String {
    #"<w:lvl w:ilvl="\#(ilvl)">"# + (start.map { #"<w:start w:val="\#($0)"/>"# } ?? "")
        + #"<w:numFmt w:val="\#(numFmt)"/><w:lvlText w:val="\#(text)"/>"# + extra + "</w:lvl>"
}

private func abstractNum(_ id: Int, _ levels: String...) -> String {
    #"<w:abstractNum w:abstractNumId="\#(id)">"# + levels.joined() + "</w:abstractNum>"
}

private func num(_ numId: Int, abstract: Int, _ overrides: String = "") -> String {
    #"<w:num w:numId="\#(numId)"><w:abstractNumId w:val="\#(abstract)"/>"# + overrides + "</w:num>"
}

/// The labels for a sequence of (numId, ilvl) paragraphs, in order.
private func labels(_ defs: NumberingDefinitions, _ paragraphs: [(Int, Int)]) -> [String?] {
    var state = NumberingState(definitions: defs)
    return paragraphs.map { state.label(numId: $0.0, ilvl: $0.1)?.label }
}

/// The levels Chinese official documents use (GB/T 9704): 一、 （一） 1. （1）.
private let officialLevels = abstractNum(
    1,
    level(0, "chineseCounting", "%1、", extra: #"<w:suff w:val="nothing"/>"#),
    level(1, "chineseCounting", "（%2）", extra: #"<w:suff w:val="nothing"/>"#),
    level(2, "decimal", "%3."),
    level(3, "decimal", "（%4）"))

@Suite struct NumberingTests {
    @Test("Chinese official-document levels give 一、（一）1.（1） and restart lower levels")
    func officialDocument() throws {
        let defs = try definitions(officialLevels + num(1, abstract: 1))
        let got = labels(defs, [(1, 0), (1, 1), (1, 1), (1, 2), (1, 3), (1, 3), (1, 2), (1, 0), (1, 1), (1, 2), (1, 3)])
        #expect(got == ["一、", "（一）", "（二）", "1.", "（1）", "（2）", "2.", "二、", "（一）", "1.", "（1）"])
        #expect(defs.diagnostics.isEmpty)
    }

    @Test("the label carries numId, level, format and suffix")
    func labelFields() throws {
        let defs = try definitions(officialLevels + num(1, abstract: 1))
        var state = NumberingState(definitions: defs)
        let first = state.label(numId: 1, ilvl: 0)
        #expect(first == NumberingLabel(numId: 1, level: 0, label: "一、", format: "chineseCounting", suffix: ""))
        let third = state.label(numId: 1, ilvl: 2)
        #expect(third?.suffix == "\t")  // w:suff absent: tab
        #expect(third?.format == "decimal")
    }

    @Test("w:suff space and nothing", arguments: [("space", " "), ("nothing", ""), ("tab", "\t")])
    func suffix(value: String, expected: String) throws {
        let defs = try definitions(abstractNum(1, level(0, "decimal", "%1.", extra: #"<w:suff w:val="\#(value)"/>"#)) + num(1, abstract: 1))
        var state = NumberingState(definitions: defs)
        #expect(state.label(numId: 1, ilvl: 0)?.suffix == expected)
    }

    @Test("two w:num sharing an abstractNum continue one sequence")
    func sharedAbstract() throws {
        let defs = try definitions(abstractNum(7, level(0, "decimal", "%1.")) + num(1, abstract: 7) + num(2, abstract: 7))
        #expect(labels(defs, [(1, 0), (1, 0), (2, 0), (1, 0), (2, 0)]) == ["1.", "2.", "3.", "4.", "5."])
    }

    @Test("a startOverride restarts the first time its w:num is used; the shared sequence goes on from there")
    func startOverride() throws {
        let defs = try definitions(
            abstractNum(7, level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)"))
                + num(1, abstract: 7)
                + num(2, abstract: 7, #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>"#)
                + num(3, abstract: 7, #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride>"#))
        let got = labels(defs, [(1, 0), (1, 0), (1, 1), (2, 0), (2, 1), (2, 0), (1, 0), (3, 0), (1, 0), (2, 0)])
        #expect(got == ["1.", "2.", "a)", "1.", "a)", "2.", "3.", "10.", "11.", "12."])
    }

    @Test("w:lvlRestart: restart only after the named level, or never")
    func lvlRestart() throws {
        let defs = try definitions(
            abstractNum(
                1,
                level(0, "decimal", "%1"),
                level(1, "decimal", "%1.%2"),
                level(2, "lowerLetter", "%3", extra: #"<w:lvlRestart w:val="1"/>"#),
                level(3, "upperRoman", "%4", extra: #"<w:lvlRestart w:val="0"/>"#))
                + num(1, abstract: 1))
        let got = labels(defs, [(1, 0), (1, 1), (1, 2), (1, 3), (1, 1), (1, 2), (1, 3), (1, 0), (1, 2), (1, 3)])
        // Level 2 survives a new level 1 and restarts at a new level 0; level 3 never restarts.
        #expect(got == ["1", "1.1", "a", "I", "1.2", "b", "II", "2", "a", "III"])
    }

    @Test("w:isLgl shows every level of the label in decimal")
    func legal() throws {
        let chapters = abstractNum(
            1, level(0, "chineseCounting", "第%1章"), level(1, "decimal", "%1.%2", extra: "<w:isLgl/>"),
            level(2, "decimal", "%1.%2.%3"))
        let defs = try definitions(chapters + num(1, abstract: 1))
        let got = labels(defs, [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1), (1, 2)])
        #expect(got == ["第一章", "1.1", "1.2", "第二章", "2.1", "二.1.1"])
    }

    @Test("a level used before its parents shows the parents' start values")
    func unusedParents() throws {
        let defs = try definitions(
            abstractNum(1, level(0, "decimal", "%1", start: 3), level(1, "decimal", "%1.%2")) + num(1, abstract: 1))
        #expect(labels(defs, [(1, 1), (1, 1), (1, 0), (1, 1)]) == ["3.1", "3.2", "3", "3.1"])
    }

    @Test("a level never used starts at its w:start (0 when absent, §17.9.25)")
    func startValues() throws {
        let defs = try definitions(
            abstractNum(1, level(0, "decimal", "%1.", start: 5), level(1, "decimal", "%2)", start: nil)) + num(1, abstract: 1))
        #expect(labels(defs, [(1, 0), (1, 0), (1, 1), (1, 1)]) == ["5.", "6.", "0)", "1)"])
    }

    @Test("numbering attached to heading styles numbers paragraphs without a direct numPr")
    func headingStyles() throws {
        let styles = """
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>
              <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Unnumbered"><w:basedOn w:val="1"/>
              <w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
            """
        let sheet = try styleSheet(styles)
        let defs = try definitions(officialLevels + num(5, abstract: 1), styles: styles)
        var state = NumberingState(definitions: defs)
        var got: [String?] = []
        for styleId in ["1", "2", "2", "Unnumbered", "1", "2"] {
            let style = sheet.resolveParagraph(styleId: styleId)
            got.append(style.numbering.flatMap { state.label(numId: $0.numId, ilvl: $0.ilvl)?.label })
        }
        #expect(got == ["一、", "（一）", "（二）", nil, "二、", "（一）"])
        #expect(state.diagnostics.isEmpty)
    }

    @Test("a level's w:pStyle links a paragraph style to its numbering")
    func levelParagraphStyle() throws {
        let defs = try definitions(
            abstractNum(
                1, level(0, "decimal", "%1.", extra: #"<w:pStyle w:val="Heading1"/>"#),
                level(1, "decimal", "%1.%2", extra: #"<w:pStyle w:val="Heading2"/>"#))
                + num(4, abstract: 1) + num(3, abstract: 1))
        #expect(defs.numbering(forParagraphStyle: "Heading2") == StyleNumbering(numId: 3, ilvl: 1))
        #expect(defs.numbering(forParagraphStyle: "Other") == nil)
    }

    @Test("numId 0 removes numbering and is not an error")
    func numIdZero() throws {
        let defs = try definitions(officialLevels + num(1, abstract: 1))
        var state = NumberingState(definitions: defs)
        #expect(state.label(numId: 0, ilvl: 0) == nil)
        #expect(state.label(numId: 1, ilvl: 0)?.label == "一、")
        #expect(state.diagnostics.isEmpty)
    }

    @Test("a bullet level shows its text as written")
    func bullet() throws {
        let defs = try definitions(
            abstractNum(1, level(0, "bullet", "\u{F0B7}"), level(1, "bullet", "•"), level(2, "bullet", "%3"))
                + num(1, abstract: 1))
        var state = NumberingState(definitions: defs)
        let first = state.label(numId: 1, ilvl: 0)
        #expect(first?.label == "\u{F0B7}")
        #expect(first?.format == "bullet")
        #expect(state.label(numId: 1, ilvl: 1)?.label == "•")
        #expect(state.label(numId: 1, ilvl: 2)?.label == "%3")
    }

    @Test("a none level has an empty number; its literal text stays (§17.9.17 replaces the placeholder)")
    func noneFormat() throws {
        let defs = try definitions(
            abstractNum(1, level(0, "none", ""), level(1, "none", "%2"), level(2, "none", "%3."), level(3, "decimal", "%3%4"))
                + num(1, abstract: 1))
        #expect(labels(defs, [(1, 0), (1, 1), (1, 2), (1, 3)]) == ["", "", ".", "1"])
    }

    @Test("an undefined numId or level gives no label and one diagnostic each")
    func undefined() throws {
        let defs = try definitions(abstractNum(1, level(0, "decimal", "%1.")) + num(1, abstract: 1) + num(2, abstract: 99))
        var state = NumberingState(definitions: defs)
        let location = SourceLocation(part: "word/document.xml", paragraphIndex: 0, path: "body/p[0]")
        #expect(state.label(numId: 42, ilvl: 0, at: location) == nil)
        #expect(state.label(numId: 42, ilvl: 0) == nil)
        #expect(state.label(numId: 2, ilvl: 0) == nil)  // its abstractNum does not exist
        #expect(state.label(numId: 1, ilvl: 4) == nil)
        #expect(state.label(numId: 1, ilvl: 4) == nil)
        #expect(state.label(numId: 1, ilvl: 0)?.label == "1.")
        #expect(state.diagnostics.map(\.code) == ["numbering.undefined-num", "numbering.undefined-num", "numbering.undefined-level"])
        #expect(state.diagnostics.first?.location == location)
        var empty = NumberingState(definitions: .empty)
        #expect(empty.label(numId: 1, ilvl: 0) == nil)
        #expect(empty.diagnostics.count == 1)
    }

    @Test("a full w:lvl override replaces the level's format and text")
    func levelOverride() throws {
        let override =
            #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride>"#
        let defs = try definitions(
            abstractNum(1, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2")) + num(1, abstract: 1) + num(2, abstract: 1, override))
        #expect(labels(defs, [(2, 0), (2, 0), (2, 1), (1, 0)]) == ["IV)", "V)", "V.1", "6."])
    }

    @Test("w:numStyleLink follows the numbering style to the definition that holds the levels")
    func numStyleLink() throws {
        let styles =
            #"<w:style w:type="numbering" w:styleId="OutlineList"><w:name w:val="Outline List"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>"#
        let defs = try definitions(
            #"<w:abstractNum w:abstractNumId="10"><w:styleLink w:val="OutlineList"/>"#
                + level(0, "chineseCounting", "%1、") + level(1, "decimal", "%2.") + "</w:abstractNum>"
                + #"<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>"#
                + num(20, abstract: 10) + num(21, abstract: 11) + "<w:numIdMacAtCleanup w:val=\"3\"/>",
            styles: styles)
        #expect(labels(defs, [(21, 0), (21, 1), (20, 0), (21, 0)]) == ["一、", "1.", "二、", "三、"])
        #expect(defs.diagnostics.isEmpty)
    }

    @Test("an unresolvable or looping numStyleLink falls back to the definition's own levels")
    func brokenStyleLink() throws {
        let styles = #"<w:style w:type="numbering" w:styleId="Loop"><w:pPr><w:numPr><w:numId w:val="31"/></w:numPr></w:pPr></w:style>"#
        let defs = try definitions(
            #"<w:abstractNum w:abstractNumId="30"><w:numStyleLink w:val="Loop"/>"# + level(0, "decimal", "%1]") + "</w:abstractNum>"
                + #"<w:abstractNum w:abstractNumId="32"><w:numStyleLink w:val="Missing"/>"# + level(0, "lowerLetter", "%1]")
                + "</w:abstractNum>"
                + num(31, abstract: 30) + num(33, abstract: 32),
            styles: styles)
        #expect(labels(defs, [(31, 0), (33, 0)]) == ["1]", "a]"])
        #expect(Set(defs.diagnostics.map(\.code)) == ["numbering.style-link-cycle", "numbering.unresolved-style-link"])
    }

    @Test("Word 2010's custom format inside mc:AlternateContent is used; otherwise the fallback")
    func alternateContent() throws {
        func alternate(_ format: String) -> String {
            #"<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="\#(format)"/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>"#
        }
        let defs = try definitions(
            abstractNum(
                1, #"<w:lvl w:ilvl="0"><w:start w:val="1"/>"# + alternate("001, 002, 003, ...") + #"<w:lvlText w:val="%1."/></w:lvl>"#)
                + abstractNum(
                    2, #"<w:lvl w:ilvl="0"><w:start w:val="1"/>"# + alternate("一, 二, 三, ...") + #"<w:lvlText w:val="%1."/></w:lvl>"#)
                + num(1, abstract: 1) + num(2, abstract: 2))
        var state = NumberingState(definitions: defs)
        let padded = state.label(numId: 1, ilvl: 0)
        #expect(padded?.label == "001.")
        #expect(padded?.format == "001, 002, 003, ...")
        #expect(state.label(numId: 2, ilvl: 0)?.label == "1.")
        #expect(defs.diagnostics.isEmpty)
    }

    @Test("a format we do not render is reported once and shown in decimal")
    func unknownFormat() throws {
        let defs = try definitions(
            abstractNum(1, level(0, "hebrew1", "%1."), level(1, "hebrew1", "%2.")) + num(1, abstract: 1))
        #expect(labels(defs, [(1, 0), (1, 1)]) == ["1.", "1."])
        #expect(defs.diagnostics.map(\.code) == ["numbering.unknown-format"])
        #expect(defs.diagnostics.first?.message.contains("hebrew1") == true)
    }

    @Test("duplicates and missing ids are reported; the first definition is kept")
    func malformed() throws {
        let defs = try definitions(
            abstractNum(1, level(0, "decimal", "%1.")) + abstractNum(1, level(0, "upperRoman", "%1."))
                + "<w:abstractNum><w:lvl w:ilvl=\"0\"/></w:abstractNum>"
                + num(1, abstract: 1) + num(1, abstract: 1) + "<w:num w:numId=\"2\"/>")
        #expect(labels(defs, [(1, 0)]) == ["1."])
        #expect(
            defs.diagnostics.map(\.code) == [
                "numbering.duplicate-abstract", "numbering.missing-id", "numbering.duplicate-num", "numbering.missing-abstract",
            ])
    }

    @Test("separate states count separately (one per story)")
    func perStory() throws {
        let defs = try definitions(abstractNum(1, level(0, "decimal", "%1.")) + num(1, abstract: 1))
        var body = NumberingState(definitions: defs)
        var notes = NumberingState(definitions: defs)
        #expect(body.label(numId: 1, ilvl: 0)?.label == "1.")
        #expect(body.label(numId: 1, ilvl: 0)?.label == "2.")
        #expect(notes.label(numId: 1, ilvl: 0)?.label == "1.")
    }
}
