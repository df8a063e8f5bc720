/// The XML namespaces the reader interprets. Each has its Transitional URI and, where ISO
/// Strict OOXML renamed it, the Strict URI; an element matches either.
struct XMLNamespace: Sendable, Hashable {
    let uris: [String]

    /// WordprocessingML main (ECMA-376 Part 1, §17).
    static let w = XMLNamespace(uris: [OPCNames.Namespace.w, OPCNames.Namespace.wStrict])
    /// Relationship ids in part content (`r:id`, `r:embed`).
    static let r = XMLNamespace(uris: [OPCNames.Namespace.r, OPCNames.Namespace.rStrict])
    /// Markup compatibility (`mc:AlternateContent`).
    static let mc = XMLNamespace(uris: ["http://schemas.openxmlformats.org/markup-compatibility/2006"])
    /// WordprocessingML 2010 extensions (`w14:checkbox` …).
    static let w14 = XMLNamespace(uris: ["http://schemas.microsoft.com/office/word/2010/wordml"])
    /// Word 2010 shapes (`wps:wsp`, `wps:txbx`).
    static let wps = XMLNamespace(uris: ["http://schemas.microsoft.com/office/word/2010/wordprocessingShape"])
    /// Word 2010 groups (`wpg:wgp`).
    static let wpg = XMLNamespace(uris: ["http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"])
    /// VML (`v:shape`, `v:textbox`).
    static let v = XMLNamespace(uris: ["urn:schemas-microsoft-com:vml"])
    /// Office Math (`m:oMath`).
    static let m = XMLNamespace(uris: [
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    ])
    /// Package relationships part (`_rels/*.rels`).
    static let packageRelationships = XMLNamespace(uris: [OPCNames.Namespace.packageRelationships])
    /// `[Content_Types].xml`.
    static let contentTypes = XMLNamespace(uris: [OPCNames.Namespace.contentTypes])
    /// Core properties (`cp:coreProperties`).
    static let coreProperties = XMLNamespace(uris: [OPCNames.Namespace.coreProperties])
    static let dc = XMLNamespace(uris: ["http://purl.org/dc/elements/1.1/"])
    static let dcterms = XMLNamespace(uris: ["http://purl.org/dc/terms/"])
}
