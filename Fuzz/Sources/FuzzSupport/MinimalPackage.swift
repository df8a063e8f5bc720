import OOXML

/// A fixed, complete WordprocessingML package (document, styles, numbering, footnotes, endnotes,
/// comments, core properties) whose parts are small but use what the reader interprets: heading
/// styles with outline levels and a `basedOn` chain, multi-level lists (decimal, Chinese
/// counting, roman, letters, `w:startOverride`, `w:numStyleLink`), tracked insertions and
/// deletions, tables with `gridSpan`/`vMerge`, fields, hyperlinks, content controls, a text box
/// in `mc:AlternateContent`, note references and comment ranges.
///
/// The XML targets replace one part with the fuzz input; every other part stays as here, so the
/// input is read in a realistic context (its numbering ids, style ids, note and comment ids
/// resolve).
public enum MinimalPackage {
    /// The parts, in zip order. `Slot.rawValue` is the selector byte of `fuzz-parts`.
    public enum Slot: Int, CaseIterable, Sendable {
        case document, styles, numbering, footnotes, endnotes, comments, core, contentTypes, packageRelationships, documentRelationships

        public var partName: String {
            switch self {
            case .document: "word/document.xml"
            case .styles: "word/styles.xml"
            case .numbering: "word/numbering.xml"
            case .footnotes: "word/footnotes.xml"
            case .endnotes: "word/endnotes.xml"
            case .comments: "word/comments.xml"
            case .core: "docProps/core.xml"
            case .contentTypes: "[Content_Types].xml"
            case .packageRelationships: "_rels/.rels"
            case .documentRelationships: "word/_rels/document.xml.rels"
            }
        }
    }

    /// Zip order: content types, package relationships, the main part and its relationships, the rest.
    static let order: [Slot] = [
        .contentTypes, .packageRelationships, .document, .documentRelationships, .styles, .numbering, .footnotes, .endnotes, .comments,
        .core,
    ]

    /// The package with `slot` replaced by `bytes` (entries stored, not deflated: the zip layer is
    /// `fuzz-docx`'s business, and storing keeps these targets fast).
    public static func bytes(replacing slot: Slot, with bytes: [UInt8]) -> [UInt8] {
        var writer = ZipWriter()
        for s in order { writer.add(s.partName, s == slot ? bytes : defaultPart(s), compress: false) }
        do {
            return try writer.finish()
        } catch {
            fatalError("MinimalPackage: ZipWriter failed: \(error)")  // fixed, distinct names: cannot happen
        }
    }

    /// The whole package as built here.
    public static func bytes() -> [UInt8] { bytes(replacing: .document, with: defaultPart(.document)) }

    public static func defaultPart(_ slot: Slot) -> [UInt8] { Array(defaultXML(slot).utf8) }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let namespaces = [
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#,
        #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#,
        #"xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math""#,
        #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#,
        #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#,
        #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#,
        #"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#,
        #"xmlns:v="urn:schemas-microsoft-com:vml""#,
        #"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#,
    ].joined(separator: " ")
    static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let contentTypeBase = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    static func defaultXML(_ slot: Slot) -> String {
        switch slot {
        case .document:
            return declaration + "<w:document \(namespaces) mc:Ignorable=\"w14\"><w:body>" + #"""
                <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>第一章 总则</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">发展目标。</w:t></w:r><w:r><w:t>到2025年，</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:commentRangeStart w:id="0"/><w:r><w:t>任务</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="3"/></w:numPr></w:pPr><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:br/><w:sym w:char="F0B7"/><w:noBreakHyphen/></w:r></w:p>
                <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:pPr><w:pStyle w:val="ListStyle"/></w:pPr><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>
                <w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>
                <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>目标值</w:t></w:r></w:p></w:tc></w:tr>
                <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>研发投入</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>
                <w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2.5%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
                <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:moveFrom w:id="5" w:author="a"><w:r><w:t>移出</w:t></w:r></w:moveFrom><w:moveTo w:id="6" w:author="a"><w:r><w:t>移入</w:t></w:r></w:moveTo><w:r><w:ruby><w:rt><w:r><w:t>zhu</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>
                <w:sectPr/>
                """# + "</w:body></w:document>"
        case .styles:
            return declaration + "<w:styles \(namespaces)>" + #"""
                <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
                <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
                <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>
                <w:style w:type="paragraph" w:styleId="ListStyle"><w:name w:val="List Paragraph"/><w:aliases w:val="列表"/><w:basedOn w:val="Normal"/><w:link w:val="ListChar"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
                <w:style w:type="character" w:styleId="ListChar"><w:name w:val="List Char"/><w:rPr><w:b/><w:vanish/></w:rPr></w:style>
                <w:style w:type="numbering" w:styleId="OutlineList"><w:name w:val="Outline List"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
                <w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:basedOn w:val="Grid"/></w:style>
                """# + "</w:styles>"
        case .numbering:
            return declaration + "<w:numbering \(namespaces)>" + #"""
                <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlRestart w:val="1"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="3"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1.%2.%3"/><w:isLgl/></w:lvl></w:abstractNum>
                <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="0"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
                <w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>
                <w:abstractNum w:abstractNumId="3"><w:styleLink w:val="OutlineList"/><w:lvl w:ilvl="0"><w:start w:val="19"/><w:numFmt w:val="cardinalText"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1%2"/></w:lvl></w:abstractNum>
                <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
                <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
                <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/></w:lvl></w:lvlOverride></w:num>
                <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
                <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
                """# + "</w:numbering>"
        case .footnotes, .endnotes:
            let kind = slot == .footnotes ? "footnote" : "endnote"
            return declaration + "<w:\(kind)s \(namespaces)>"
                + #"<w:\#(kind) w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:\#(kind)>"#
                + #"<w:\#(kind) w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:\#(kind)>"#
                + #"<w:\#(kind) w:id="1"><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:\#(kind)Ref/></w:r><w:r><w:t xml:space="preserve"> 注释</w:t></w:r><w:ins w:id="7" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins></w:p></w:\#(kind)>"#
                + "</w:\(kind)s>"
        case .comments:
            return declaration + "<w:comments \(namespaces)>"
                + #"<w:comment w:id="0" w:author="审稿人" w:initials="S" w:date="2024-01-01T00:00:00Z"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>请核实</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:comment>"#
                + "</w:comments>"
        case .core:
            return declaration
                + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
                + #"<dc:title>规划</dc:title><dc:subject>科技</dc:subject><dc:creator>办公室</dc:creator><cp:keywords>规划</cp:keywords><dc:description>草案</dc:description><cp:lastModifiedBy>a</cp:lastModifiedBy><cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-02T00:00:00Z</dcterms:modified>"#
                + "</cp:coreProperties>"
        case .contentTypes:
            var xml = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
            let overrides: [(Slot, String)] = [
                (.document, contentTypeBase + "document.main+xml"), (.styles, contentTypeBase + "styles+xml"),
                (.numbering, contentTypeBase + "numbering+xml"), (.footnotes, contentTypeBase + "footnotes+xml"),
                (.endnotes, contentTypeBase + "endnotes+xml"), (.comments, contentTypeBase + "comments+xml"),
                (.core, "application/vnd.openxmlformats-package.core-properties+xml"),
            ]
            for (s, type) in overrides { xml += #"<Override PartName="/\#(s.partName)" ContentType="\#(type)"/>"# }
            return xml + "</Types>"
        case .packageRelationships:
            return declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(relationshipBase)officeDocument" Target="word/document.xml"/>"#
                + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
                + "</Relationships>"
        case .documentRelationships:
            let targets = [
                ("styles", "styles.xml"), ("numbering", "numbering.xml"), ("footnotes", "footnotes.xml"), ("endnotes", "endnotes.xml"),
                ("comments", "comments.xml"),
            ]
            var xml = declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            for (i, (type, target)) in targets.enumerated() {
                xml += #"<Relationship Id="rId\#(i + 1)" Type="\#(relationshipBase)\#(type)" Target="\#(target)"/>"#
            }
            xml += #"<Relationship Id="rId9" Type="\#(relationshipBase)hyperlink" Target="https://example.org/" TargetMode="External"/>"#
            return xml + "</Relationships>"
        }
    }
}
