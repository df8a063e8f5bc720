import DocumentModel
import PlanSupport
import Testing
import TestSupport
@testable import OOXML

/// Part names, relationships, content types and the main part (ECMA-376 Part 2).
struct PackageOPCTests {
    // MARK: Part names

    static let resolutions: [(target: String, source: String, expected: PartName.Resolution)] = [
        ("styles.xml", "word/document.xml", .part("word/styles.xml")),
        ("/word/styles.xml", "word/document.xml", .part("word/styles.xml")),
        ("../customXml/item1.xml", "word/document.xml", .part("customXml/item1.xml")),
        ("./media/../theme/theme1.xml", "word/document.xml", .part("word/theme/theme1.xml")),
        ("word/document.xml", "", .part("word/document.xml")),
        ("styles.xml#fragment", "word/document.xml", .part("word/styles.xml")),
        ("media//image1.png", "word/document.xml", .part("word/media/image1.png")),
        ("../../../../../../etc/passwd", "", .outsidePackage),
        ("../../x.xml", "word/document.xml", .outsidePackage),
        ("/../x.xml", "word/document.xml", .outsidePackage),
        ("http://example.com/a.xml", "word/document.xml", .invalid("an absolute URI (http:), not a part")),
        ("file:///etc/passwd", "", .invalid("an absolute URI (file:), not a part")),
        ("C:/x.xml", "", .invalid("an absolute URI (C:), not a part")),
        (#"media\image1.png"#, "word/document.xml", .invalid("backslash in the target")),
        ("//host/share/x.xml", "", .invalid("a network-path reference, not a part")),
        ("", "", .invalid("empty target")),
        ("/", "", .invalid("names no part")),
    ]

    @Test("Relationship targets resolve against their source part, never above the root", arguments: resolutions)
    func resolve(_ c: (target: String, source: String, expected: PartName.Resolution)) {
        #expect(PartName.resolve(target: c.target, from: c.source) == c.expected)
    }

    @Test(
        "Zip entry names that could leave the package are unsafe",
        arguments: [
            ("word/document.xml", nil), ("[Content_Types].xml", nil), ("word/media/图片 1.png", nil),
            ("../x", "\"..\" segment (leaves the package root)"), ("word/../../x", "\"..\" segment (leaves the package root)"),
            ("/etc/passwd", "absolute path"), (#"..\x"#, "backslash in the name"), ("C:/x", "drive letter"),
            ("c:x", "drive letter"), ("a//b", "empty path segment"), ("./a", "\".\" segment"), ("", "empty name"),
            ("a\u{0}b", "control character in the name"),
        ] as [(String, String?)])
    func unsafeNames(_ name: String, _ reason: String?) {
        #expect(PartName.unsafeReason(name) == reason)
    }

    @Test(
        "Each part's relationships live in _rels next to it",
        arguments: [
            ("", "_rels/.rels"), ("word/document.xml", "word/_rels/document.xml.rels"),
            ("/word/document.xml", "word/_rels/document.xml.rels"), ("main.xml", "_rels/main.xml.rels"),
        ])
    func relationshipsPart(_ source: String, _ expected: String) {
        #expect(PartName.relationshipsPart(of: source) == expected)
    }

    @Test("Part names compare as case-insensitive ASCII only")
    func folding() {
        #expect(PartName.folded("Word/Document.XML") == "word/document.xml")
        #expect(PartName.folded("word/ÄÖ.xml") == "word/ÄÖ.xml")
        #expect(PartName.percentDecoded("media/image%201.png") == "media/image 1.png")
        #expect(PartName.percentDecoded("media/%E5%9B%BE.png") == "media/图.png")
        #expect(PartName.percentDecoded("media/%zz.png") == nil)
        #expect(PartName.percentDecoded("media/%FF.png") == nil)
    }

    // MARK: Relationship types

    @Test(
        "Transitional and Strict relationship types are the same kind",
        arguments: [
            ("officeDocument", RelationshipType.officeDocument), ("styles", .styles), ("numbering", .numbering),
            ("comments", .comments), ("footnotes", .footnotes), ("endnotes", .endnotes), ("settings", .settings),
            ("extendedProperties", .extendedProperties),
        ])
    func strictTypes(_ strictSuffix: String, _ type: RelationshipType) {
        let strict = RelationshipType(rawValue: "http://purl.oclc.org/ooxml/officeDocument/relationships/" + strictSuffix)
        #expect(strict == type)
        #expect(Set([strict, type]).count == 1)
    }

    @Test(
        "Core properties match in the package namespace and the misspelt ones seen in the wild",
        arguments: [
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/metadata/core-properties",
        ])
    func coreProperties(_ uri: String) {
        #expect(RelationshipType(rawValue: uri) == .coreProperties)
    }

    @Test("Unknown relationship types are kept and compared as written")
    func unknownTypes() {
        let people = RelationshipType(rawValue: "http://schemas.microsoft.com/office/2011/relationships/people")
        #expect(people.rawValue == "http://schemas.microsoft.com/office/2011/relationships/people")
        #expect(people == RelationshipType(rawValue: people.rawValue))
        #expect(people != .comments)
        #expect(RelationshipType.styles != .numbering)
    }

    // MARK: Content types

    @Test("Overrides win over defaults; extensions and part names ignore case")
    func contentTypes() throws {
        let xml = #"""
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="XML" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>
            <Override PartName="/Word/Document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Bogus/></Types>
            """#
        var diagnostics: [Diagnostic] = []
        let types = try ContentTypes(Array(xml.utf8), file: "t.docx", limits: .default, diagnostics: &diagnostics)
        #expect(types.contentType(of: "word/document.xml") == .wordDocument)
        #expect(types.contentType(of: "word/styles.xml")?.isGenericXML == true)
        #expect(types.contentType(of: "word/media/a.PNG")?.rawValue == "image/png")
        #expect(types.contentType(of: "word/media/noextension") == nil)
        #expect(diagnostics.map(\.code) == ["package.content-types-skipped-element"])
    }

    @Test(
        "Only WordprocessingML main parts are Word documents",
        arguments: [
            (DocxBuilder.ContentTypes.document, true), (DocxBuilder.ContentTypes.template, true),
            (DocxBuilder.ContentTypes.macroEnabledDocument, true), (DocxBuilder.ContentTypes.macroEnabledTemplate, true),
            ("APPLICATION/VND.MS-WORD.DOCUMENT.MACROENABLED.MAIN+XML", true),
            (DocxBuilder.ContentTypes.spreadsheet, false),
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml", false),
        ])
    func wordprocessingTypes(_ type: String, _ isWord: Bool) {
        #expect(ContentType(rawValue: type).isWordprocessingMain == isWord)
    }

    // MARK: The main part

    @Test(
        "Documents, templates and macro-enabled files all open",
        arguments: [
            DocxBuilder.ContentTypes.document, DocxBuilder.ContentTypes.template,
            DocxBuilder.ContentTypes.macroEnabledDocument, DocxBuilder.ContentTypes.macroEnabledTemplate,
        ])
    func wordMainTypes(_ type: String) throws {
        let package = try WordPackage(bytes: DocxBuilder(body: "<w:p/>", mainContentType: type).bytes(), displayName: "t.dotm")
        #expect(package.mainPartContentType == ContentType(rawValue: type))
        #expect(package.diagnostics.isEmpty)
    }

    @Test("The main part is found through _rels/.rels, wherever it is")
    func mainPartAnywhere() throws {
        let builder = DocxBuilder(body: "<w:p/>", styles: "", mainPartName: "content/main.xml")
        let package = try WordPackage(bytes: builder.bytes(), displayName: "t.docx")
        #expect(package.mainPartName == "content/main.xml")
        #expect(package.relatedPart(from: package.mainPartName, type: .styles) == "content/styles.xml")
        #expect(!package.hasPart("word/document.xml"))
    }

    @Test("A spreadsheet or presentation main part is not a Word document")
    func spreadsheet() {
        let bytes = DocxBuilder(body: "", mainContentType: DocxBuilder.ContentTypes.spreadsheet).bytes()
        #expect(ContainerOutcome(bytes: bytes).reason == .notWordprocessing(mainPartType: DocxBuilder.ContentTypes.spreadsheet))
    }

    @Test("A main part with a generic XML content type is read with a warning")
    func genericMainType() throws {
        let package = try WordPackage(bytes: DocxBuilder(body: "<w:p/>", mainContentType: "application/xml").bytes(), displayName: "t.docx")
        #expect(package.diagnostics.map(\.code) == ["package.main-part-generic-content-type"])
    }

    @Test("Without [Content_Types].xml the package is read leniently, with a warning")
    func noContentTypes() throws {
        let package = try WordPackage(bytes: DocxBuilder(body: "<w:p/>", includeContentTypes: false).bytes(), displayName: "t.docx")
        #expect(package.diagnostics.map(\.code) == ["package.no-content-types"])
        #expect(package.mainPartContentType == nil)
    }

    @Test("A malformed [Content_Types].xml is reported and read past")
    func malformedContentTypes() throws {
        let bytes = DocxBuilder(body: "<w:p/>", replacedParts: ["[Content_Types].xml": Array("<Types><Default".utf8)]).bytes()
        let package = try WordPackage(bytes: bytes, displayName: "t.docx")
        #expect(package.diagnostics.map(\.code) == ["package.content-types-unreadable"])
    }

    static let officeDocument = DocxBuilder.transitionalRelationshipBase + "officeDocument"

    @Test(
        "A package whose relationships do not lead to a main part is refused",
        arguments: [
            ("no _rels/.rels", DocxBuilder(body: "<w:p/>", omittedParts: ["_rels/.rels"]), "no _rels/.rels"),
            ("main part absent", DocxBuilder(body: "<w:p/>", omittedParts: ["word/document.xml"]), "no such part"),
            (
                "no officeDocument relationship",
                DocxBuilder(body: "<w:p/>", replacedParts: ["_rels/.rels": Array(DocxBuilder.relationshipsXML([]).utf8)]),
                "no officeDocument relationship"
            ),
            (
                "target outside the package",
                DocxBuilder(
                    body: "<w:p/>",
                    replacedParts: [
                        "_rels/.rels": Array(DocxBuilder.relationshipsXML([(officeDocument, "../../../../etc/passwd")]).utf8)
                    ]), "outside the package"
            ),
            (
                "external target",
                DocxBuilder(
                    body: "<w:p/>",
                    replacedParts: [
                        "_rels/.rels": Array(
                            DocxBuilder.relationshipsXML([(officeDocument, "file:///etc/passwd")], external: ["file:///etc/passwd"]).utf8)
                    ]), "external target"
            ),
        ] as [(String, DocxBuilder, String)])
    func missingMainPart(_ label: String, _ builder: DocxBuilder, _ message: String) {
        guard case .missingMainPart(let text)? = ContainerOutcome(bytes: builder.bytes()).reason else {
            Issue.record("\(label): expected missingMainPart")
            return
        }
        #expect(text.contains(message), "\(label): \(text)")
    }

    @Test("An ODF package is refused as OpenDocument; another mimetype zip has no main part")
    func openDocument() throws {
        var odt = ZipWriter()
        odt.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8), compress: false)
        odt.add("content.xml", Array("<office:document-content/>".utf8))
        #expect(ContainerOutcome(bytes: try odt.finish()).reason == .openDocument(mimeType: "application/vnd.oasis.opendocument.text"))
        var epub = ZipWriter()
        epub.add("mimetype", Array("application/epub+zip".utf8), compress: false)
        #expect(ContainerOutcome(bytes: try epub.finish()).code == "missing-main-part")
    }

    @Test("A DTD in _rels/.rels is refused before any entity is read")
    func dtdInPackageRelationships() {
        let rels =
            #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#
        let bytes = DocxBuilder(body: "<w:p/>", replacedParts: ["_rels/.rels": Array(rels.utf8)]).bytes()
        #expect(ContainerOutcome(bytes: bytes).code == "dtd-forbidden")
    }

    // MARK: Related parts

    static let related: [(RelationshipType, String, String)] = [
        (.styles, "word/document.xml", "word/styles.xml"), (.numbering, "word/document.xml", "word/numbering.xml"),
        (.comments, "word/document.xml", "word/comments.xml"), (.footnotes, "word/document.xml", "word/footnotes.xml"),
        (.endnotes, "word/document.xml", "word/endnotes.xml"), (.coreProperties, "", "docProps/core.xml"),
    ]

    static let full = DocxBuilder(
        body: "<w:p/>", styles: "", numbering: "", comments: "", footnotes: "", endnotes: "", coreProperties: "<dc:title>规划</dc:title>")

    @Test(
        "Styles, numbering, comments, notes and core properties are found by relationship, Transitional and Strict",
        arguments: [false, true])
    func relatedParts(strict: Bool) throws {
        var builder = Self.full
        builder.strict = strict
        let package = try WordPackage(bytes: builder.bytes(), displayName: "t.docx")
        for (type, source, part) in Self.related {
            #expect(package.relatedPart(from: source, type: type) == part, "\(type.kind)")
            #expect(try package.readPart(part).isEmpty == false)
        }
        #expect(package.diagnostics.isEmpty)
        let title = try package.withXMLRoot(of: "docProps/core.xml") { $0.child(.dc, "title")?.textContent }
        #expect(title == "规划")
    }

    @Test("A relationship to an absent part is reported and not followed")
    func dangling() throws {
        var builder = Self.full
        builder.omittedParts = ["word/styles.xml"]
        let package = try WordPackage(bytes: builder.bytes(), displayName: "t.docx")
        #expect(package.relatedPart(from: package.mainPartName, type: .styles) == nil)
        #expect(package.diagnostics.map(\.code) == ["package.dangling-relationship"])
        #expect(package.diagnostics.first?.severity == .info)
        #expect(throws: DocxReadError(file: "t.docx", reason: .missingMainPart(message: "the package has no part named word/styles.xml"))) {
            try package.readPart("word/styles.xml")
        }
    }

    @Test("External targets stay external; targets outside the package are refused with a warning")
    func externalAndOutside() throws {
        let rels = DocxBuilder.relationshipsXML(
            [
                (DocxBuilder.transitionalRelationshipBase + "hyperlink", "https://example.com/plan"),
                (DocxBuilder.transitionalRelationshipBase + "styles", "../../styles.xml"),
                (DocxBuilder.transitionalRelationshipBase + "image", "media/image%201.png"),
            ],
            external: ["https://example.com/plan"])
        var builder = DocxBuilder(body: "<w:p/>", replacedParts: ["word/_rels/document.xml.rels": Array(rels.utf8)])
        builder.extraParts = [
            .init(name: "word/media/image 1.png", bytes: [0x89], relationshipType: DocxBuilder.transitionalRelationshipBase + "image")
        ]
        let package = try WordPackage(bytes: builder.bytes(), displayName: "t.docx")
        let relationships = try package.relationships(of: package.mainPartName)
        #expect(relationships.map(\.isExternal) == [true, false, false])
        #expect(relationships.map(\.targetPart) == [nil, nil, "word/media/image%201.png"])
        #expect(package.relatedPart(from: package.mainPartName, type: .styles) == nil)
        #expect(package.relatedPart(from: package.mainPartName, type: .image) == "word/media/image 1.png")
        #expect(package.diagnostics.map(\.code) == ["package.relationship-outside-package"])
    }

    @Test("A malformed relationships part of the main part is reported; the document still opens")
    func malformedPartRelationships() throws {
        var builder = Self.full
        builder.replacedParts = ["word/_rels/document.xml.rels": Array("<Relationships><Relationship".utf8)]
        let package = try WordPackage(bytes: builder.bytes(), displayName: "t.docx")
        #expect(package.diagnostics.map(\.code) == ["package.relationships-unreadable"])
        #expect(package.relatedPart(from: package.mainPartName, type: .styles) == nil)
    }

    @Test("DocxBuilder writes [Content_Types].xml first and declares the usual prefixes")
    func builderLayout() throws {
        let parts = Self.full.parts()
        #expect(
            parts.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/numbering.xml", "word/comments.xml", "word/footnotes.xml", "word/endnotes.xml",
                "docProps/core.xml",
            ])
        let document = String(decoding: parts[2].bytes, as: UTF8.self)
        for prefix in ["w", "r", "mc", "wp", "a", "pic", "wps", "v", "w14", "m"] {
            #expect(document.contains("xmlns:\(prefix)=\""), "\(prefix)")
        }
        #expect(Self.full.bytes() == Self.full.bytes())
    }
}
