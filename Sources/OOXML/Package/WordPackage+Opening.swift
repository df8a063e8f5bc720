import DocumentModel
import PlanSupport

/// The checks `WordPackage.init` makes once the zip is open.
extension WordPackage {
    /// An OpenDocument package stores its media type in a `mimetype` entry.
    static func refuseOpenDocument(_ parts: PackageParts, file: String) throws {
        guard let entry = parts.entry("mimetype"), entry.declaredSize <= 256,
            let data = try? parts.read(entry)
        else { return }
        let mimeType = String(decoding: data.filter { $0 > 0x20 }, as: UTF8.self)
        if mimeType.hasPrefix("application/vnd.oasis.opendocument.") {
            throw DocxReadError(file: file, reason: .openDocument(mimeType: mimeType))
        }
    }

    /// `[Content_Types].xml`, or nil with a diagnostic when it is absent or not well-formed
    /// (a damaged zip entry still throws).
    static func loadContentTypes(_ parts: PackageParts, file: String, diagnostics: inout [Diagnostic]) throws -> ContentTypes? {
        guard let entry = parts.entry(ContentTypes.partName) else {
            diagnostics.append(
                Diagnostic(
                    .packageNoContentTypes,
                    message:
                        "the package has no [Content_Types].xml (an incomplete OPC package); read leniently, the main part is taken from _rels/.rels alone"
                ))
            return nil
        }
        do {
            return try ContentTypes(parts.read(entry), file: file, limits: parts.limits, diagnostics: &diagnostics)
        } catch let error as DocxReadError where error.reason.isXMLLevel {
            diagnostics.append(
                Diagnostic(
                    .packageContentTypesUnreadable, message: "[Content_Types].xml not read (\(error.reason)); no content type is known",
                    location: SourceLocation(part: ContentTypes.partName, path: "")))
            return nil
        }
    }

    /// The first `officeDocument` relationship whose target is a part of the package.
    static func mainPart(_ relationships: [Relationship], parts: PackageParts, file: String) throws -> ZipArchive.Entry {
        let candidates = relationships.filter { $0.type == .officeDocument }
        for relationship in candidates where !relationship.isExternal {
            if let name = relationship.targetPart, let entry = parts.entry(name) { return entry }
        }
        func refuse(_ message: String) -> DocxReadError { DocxReadError(file: file, reason: .missingMainPart(message: message)) }
        guard let first = candidates.first else {
            throw refuse("_rels/.rels has no officeDocument relationship")
        }
        if first.isExternal {
            throw refuse("the officeDocument relationship points outside the package (external target \"\(first.target)\")")
        }
        switch PartName.resolve(target: first.target, from: packageSource) {
        case .outsidePackage:
            throw refuse(
                "the officeDocument relationship targets \"\(first.target)\", which lies outside the package (refused; nothing outside the package is ever opened)"
            )
        case .invalid(let why):
            throw refuse("the officeDocument relationship target \"\(first.target)\" is not a part name: \(why)")
        case .part(let name):
            throw refuse("_rels/.rels names \(name) as the main document, but the package has no such part")
        }
    }

    static func checkMainContentType(
        _ type: ContentType?, part: String, known: Bool, file: String, diagnostics: inout [Diagnostic]
    ) throws {
        guard known else { return }
        guard let type else {
            diagnostics.append(
                Diagnostic(
                    .packageMainPartNoContentType,
                    message: "[Content_Types].xml gives no content type for the main part \(part); read as a Word document",
                    location: SourceLocation(part: part, path: "")))
            return
        }
        if type.isWordprocessingMain { return }
        if type.isGenericXML {
            diagnostics.append(
                Diagnostic(
                    .packageMainPartGenericContentType,
                    message: "the main part \(part) has the generic content type \(type); read as a Word document",
                    location: SourceLocation(part: part, path: "")))
            return
        }
        throw DocxReadError(file: file, reason: .notWordprocessing(mainPartType: type.rawValue))
    }
}

extension DocxReadError.Reason {
    /// A problem inside an XML part's text (as opposed to the zip container or the package).
    var isXMLLevel: Bool {
        switch self {
        case .xmlMalformed, .dtdForbidden, .invalidEncoding, .depthLimit, .textNodeLimit: true
        default: false
        }
    }
}
