import Foundation
import OOXML
import PlanModel

/// Writes a `MasterPlan` as the consolidated DOCX a planning office circulates: title, table of
/// contents, the numbered outline with its items, the tables, the gaps, and each item's sources
/// as a comment (or footnote). Content parts are generated; styles, theme, fonts, settings, page
/// setup, headers and footers come from the `ReferenceDocument`.
///
/// Deterministic: the same plan and reference give the same bytes. Dates come from `plan.date`
/// (never the clock); zip entries are written in a fixed order, `[Content_Types].xml` first,
/// all with the plan's date as timestamp.
public struct DocxPlanWriter: Sendable {
    public var reference: ReferenceDocument
    public var provenance: Provenance
    /// The 主要指标 table under the goals lists only the main indicators (`IndicatorRow.main`),
    /// when there are any: for the 纲要 edition; the full compilation lists them all.
    public var mainIndicatorsOnly: Bool

    /// What changed since the previous build: the last appendix (修改说明) when set.
    public var changes: PlanChanges?

    public init(
        reference: ReferenceDocument, provenance: Provenance = .comments, mainIndicatorsOnly: Bool = false,
        changes: PlanChanges? = nil
    ) {
        self.reference = reference
        self.provenance = provenance
        self.mainIndicatorsOnly = mainIndicatorsOnly
        self.changes = changes
    }

    /// The author of the redline's tracked changes.
    public static let redlineAuthor = "规划汇编"

    /// The package's bytes.
    public func write(_ plan: MasterPlan) throws -> [UInt8] {
        try write(plan, previous: nil)
    }

    /// The redline: the package of `plan` with what differs from `previous` (rendered the same
    /// way, without provenance and without a 修改说明 appendix) as Word tracked changes — author
    /// 规划汇编, dated with the plan's date — at paragraph, table-row and table-cell level. Accepting
    /// every change gives `write(plan)`'s text, rejecting every change `previous`'s — the table of
    /// contents' entries included (its field itself stays outside the revisions).
    public func writeRedline(_ plan: MasterPlan, previous: MasterPlan) throws -> [UInt8] {
        try write(plan, previous: previous)
    }

    private func write(_ plan: MasterPlan, previous: MasterPlan?) throws -> [UInt8] {
        let styles = StyleIds(reference.styles)
        let date = PlanDate.dateTime(plan.date)
        var body = BodyContext(
            styles: styles, textWidth: reference.textWidth, notes: ProvenanceNotes(mode: provenance, date: date, styles: styles))
        body.mainIndicatorsOnly = mainIndicatorsOnly
        for chapter in plan.chapters { body.node(chapter, depth: 1, plan: plan) }
        appendTablesNotEmbedded(plan, changes: changes, into: &body)
        var redline: (front: String, toc: String, body: String)?
        if let previous {
            var old = BodyContext(
                styles: styles, textWidth: reference.textWidth, notes: ProvenanceNotes(mode: .none, date: date, styles: styles))
            old.mainIndicatorsOnly = mainIndicatorsOnly
            for chapter in previous.chapters { old.node(chapter, depth: 1, plan: previous) }
            appendTablesNotEmbedded(previous, changes: nil, into: &old)
            var marks = Redline(author: Self.redlineAuthor, date: date)
            redline = (
                marks.body(old: Self.frontMatter(previous, styles: styles), new: Self.frontMatter(plan, styles: styles)),
                marks.body(old: TableOfContents.markup(old.toc, styles: styles), new: TableOfContents.markup(body.toc, styles: styles)),
                marks.body(old: old.xml, new: body.xml)
            )
        }

        // Relationships of the main part, in the order the parts are written.
        var relationships: [Relationship] = []
        func relate(_ kind: String, _ name: String) -> String {
            let id = "rId\(relationships.count + 1)"
            relationships.append(
                Relationship(
                    id: id, type: RelationshipType(kind: kind), target: name.hasPrefix("word/") ? String(name.dropFirst(5)) : "/" + name))
            return id
        }
        var contentParts: [(name: String, bytes: [UInt8], contentType: String)] = []
        contentParts.append(("word/numbering.xml", HeadingNumbering.part(headingStyles: styles.headings), OPCNames.ContentType.numbering))
        _ = relate("numbering", "word/numbering.xml")
        if let comments = body.notes.commentsPart() {
            contentParts.append(("word/comments.xml", comments, OPCNames.ContentType.comments))
            _ = relate("comments", "word/comments.xml")
        }
        if let footnotes = body.notes.footnotesPart() {
            contentParts.append(("word/footnotes.xml", footnotes, OPCNames.ContentType.footnotes))
            _ = relate("footnotes", "word/footnotes.xml")
        }
        var referenceIds: [String: String] = [:]
        for part in reference.parts {
            guard let kind = part.relationshipKind else { continue }
            let id = relate(kind, part.name)
            if kind == "header" || kind == "footer" { referenceIds[part.name] = id }
        }

        let document = documentPart(plan, body: body, redline: redline, sectPr: sectionProperties(referenceIds))

        // The entries, in their fixed order.
        var entries: [(name: String, bytes: [UInt8], contentType: String?)] = [
            ("_rels/.rels", PackageMarkup.packageRelationships(), nil),
            (
                "docProps/core.xml", PackageMarkup.coreProperties(title: plan.title, subject: plan.subtitle, date: date),
                OPCNames.ContentType.coreProperties
            ),
            ("docProps/app.xml", PackageMarkup.appProperties(title: plan.title), OPCNames.ContentType.extendedProperties),
            ("word/document.xml", document, OPCNames.ContentType.document),
            ("word/_rels/document.xml.rels", PackageMarkup.relationships(relationships), nil),
        ]
        entries += contentParts.map { ($0.name, $0.bytes, $0.contentType) }
        for part in reference.parts {
            entries.append((part.name, part.bytes, part.contentType))
            if let rels = part.relationships { entries.append((PackageContents.relationshipsPartName(of: part.name), rels, nil)) }
        }
        let types = PackageMarkup.contentTypes(entries.compactMap { entry in entry.contentType.map { (entry.name, $0) } })

        var zip = ZipWriter(modificationDate: PlanDate.instant(plan.date) ?? ZipWriter.dosEpoch)
        zip.add("[Content_Types].xml", types)
        for entry in entries { zip.add(entry.name, entry.bytes) }
        do {
            return try zip.finish()
        } catch {
            throw DocxPlanWriterError(message: "无法生成 DOCX 压缩包：\(error)")
        }
    }

    /// Tables no node embeds are appended as appendices, so that the indicators, the conflicts
    /// and the coverage are always in the document.
    private func appendTablesNotEmbedded(_ plan: MasterPlan, changes: PlanChanges?, into body: inout BodyContext) {
        var embedded: Set<EmbeddedTable> = []
        func collect(_ node: PlanNode) {
            if let embed = node.embed { embedded.insert(embed) }
            node.children.forEach(collect)
        }
        plan.chapters.forEach(collect)
        let indicatorsShown = embedded.contains(.indicatorTable) || embedded.contains(.indicatorSummary)
        var appendix: [EmbeddedTable] = []
        if !indicatorsShown, !plan.indicators.isEmpty { appendix.append(.indicatorTable) }
        if !embedded.contains(.conflictTable), !plan.conflicts.isEmpty { appendix.append(.conflictTable) }
        if !embedded.contains(.coverageTable), !plan.coverage.isEmpty { appendix.append(.coverageTable) }
        for (index, kind) in appendix.enumerated() {
            // Each appendix table on a page of its own.
            body.breakBeforeNextChapter()
            body.heading("附表\(index + 1)　" + PlanTables.caption(kind), level: 1, numbered: false)
            body.table(kind, plan: plan, caption: "")
        }
        if let changes {
            body.breakBeforeNextChapter()
            body.heading("附表\(appendix.count + 1)　修改说明", level: 1, numbered: false)
            body.changesTable(changes)
        }
    }

    /// `word/document.xml`: title, table of contents, body, page setup.
    private func documentPart(
        _ plan: MasterPlan, body: BodyContext, redline: (front: String, toc: String, body: String)?, sectPr: String
    ) -> [UInt8] {
        let styles = body.styles
        var xml = Namespace.declaration + W.root("document") + "<w:body>"
        xml += redline?.front ?? Self.frontMatter(plan, styles: styles)
        xml += redline?.toc ?? TableOfContents.markup(body.toc, styles: styles)
        let main = redline?.body ?? body.xml
        xml += main
        // Word wants a paragraph, not a table, before the final section properties (and keeps
        // the last paragraph mark: after a tracked one, a plain paragraph ends the body).
        let lastMarkTracked =
            redline != nil
            && Redline.blocks(main).last.map {
                let pPr = Redline.paragraphParts($0).pPr
                return !Redline.isTable($0) && (pPr.contains("<w:rPr><w:ins ") || pPr.contains("<w:rPr><w:del "))
            } == true
        if main.hasSuffix("</w:tbl>") || lastMarkTracked {
            xml += "<w:p/>"
        }
        xml += sectPr + "</w:body></w:document>"
        return Array(xml.utf8)
    }

    /// The title and subtitle paragraphs.
    static func frontMatter(_ plan: MasterPlan, styles: StyleIds) -> String {
        var xml = "<w:p><w:pPr>\(W.pStyle(styles.title))</w:pPr>\(W.run(plan.title))</w:p>"
        if let subtitle = plan.subtitle, !subtitle.isEmpty {
            xml += "<w:p><w:pPr>\(W.pStyle(styles.subtitle))</w:pPr>\(W.run(subtitle))</w:p>"
        }
        return xml
    }

    /// The reference's `w:sectPr` with relationship ids for its headers and footers. Only
    /// WordprocessingML elements and attributes are kept, written with the `w:` and `r:` prefixes.
    private func sectionProperties(_ ids: [String: String]) -> String {
        func write(_ element: XMLTree) -> String {
            guard Namespace.isW(element.namespaceURI) else { return "" }
            let isReference = element.localName == "headerReference" || element.localName == "footerReference"
            var out = "<w:" + element.localName
            for attribute in element.attributes {
                if Namespace.isW(attribute.namespaceURI) {
                    out += " w:\(attribute.localName)=\"\(XMLEscape.attribute(attribute.value))\""
                } else if Namespace.isR(attribute.namespaceURI), attribute.localName == "id" {
                    let id = isReference ? (ids[attribute.value] ?? attribute.value) : attribute.value
                    out += " r:id=\"\(XMLEscape.attribute(id))\""
                }
            }
            let children = element.elements.map(write).joined()
            return out + (children.isEmpty ? "/>" : ">" + children + "</w:\(element.localName)>")
        }
        return write(reference.sectionProperties)
    }
}

/// The package could not be assembled.
public struct DocxPlanWriterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
