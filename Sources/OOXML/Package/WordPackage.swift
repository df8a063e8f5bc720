import DocumentModel
import PlanSupport

/// A Word document's OPC package (ECMA-376 Part 2) opened for reading: the container layer
/// under `DocxReader`. Not `Sendable` (it owns a libzip handle): use it from one task.
///
/// `init` reads the file once and refuses it, with a `DocxReadError` naming the file, as soon
/// as it can tell:
/// 1. empty; a `~$` lock file; an OLE2 compound file (legacy `.doc`, encrypted OOXML, old
///    Excel/PowerPoint …) — from the bytes, before libzip (`FileSniffer`, `CompoundFile`);
/// 2. not a zip (named when recognisable: RTF, HTML, PDF, Git LFS pointer, text …), truncated,
///    inconsistent central directory, too many entries (`ZipArchive`);
/// 3. encrypted or duplicate entries; unsafe entry names are ignored with a diagnostic
///    (`PackageParts`);
/// 4. an OpenDocument package (`mimetype` entry);
/// 5. the main part: found through the package's `officeDocument` relationship (Transitional or
///    Strict), never a fixed path; missing or outside the package → `.missingMainPart`;
///    a main part whose content type is not a WordprocessingML main part (document, template,
///    macro-enabled document or template) → `.notWordprocessing`;
/// 6. the main part's headers: its declared size, compression ratio and method are checked
///    before anything is inflated, so an honest zip bomb is refused here.
///
/// Tolerated with a diagnostic: no `[Content_Types].xml` (`package.no-content-types`; the main
/// part is then accepted by its relationship alone and the reader checks its root element),
/// a main part with no or a generic XML content type, dangling relationships, relationship
/// targets outside the package, malformed relationships parts of parts other than the package.
final class WordPackage {
    /// The package itself as a relationship source (its relationships are `_rels/.rels`).
    static let packageSource = ""

    /// The input file as the user named it.
    let file: String
    let limits: ReadLimits
    /// SHA-256 of the file's bytes (hex), taken from the one copy read into memory.
    let sha256: String
    /// The file's size in bytes.
    let byteCount: Int
    /// The main document part, e.g. "word/document.xml" (the zip entry's own spelling).
    let mainPartName: String
    /// Its content type; nil when the package has no `[Content_Types].xml` or none applies.
    let mainPartContentType: ContentType?
    /// Package-level findings: no content types, ignored unsafe entries, dangling or refused
    /// relationships … (grows when relationships of further parts are read).
    private(set) var diagnostics: [Diagnostic]

    private let parts: PackageParts
    private let contentTypes: ContentTypes?
    private var relationshipCache: [String: [Relationship]] = [:]

    /// Reads the file at `path` once. `displayName` names it in errors (default: `path`).
    convenience init(path: String, displayName: String? = nil, limits: ReadLimits = .default) throws {
        let name = displayName ?? path
        let input = try InputBytes(contentsOf: path, file: name, maxSize: limits.maxFileSize)
        try self.init(input: input, file: name, fileName: path, limits: limits)
    }

    /// Opens a package held in memory (copied once).
    convenience init(bytes: [UInt8], displayName: String, limits: ReadLimits = .default) throws {
        try self.init(input: InputBytes(copying: bytes), file: displayName, fileName: displayName, limits: limits)
    }

    /// Opens a package from bytes already read and hashed (`DocxReader.load`).
    init(input: InputBytes, sha256: String? = nil, file: String, fileName: String, limits: ReadLimits) throws {
        if let refusal = input.withBytes({ FileSniffer.refusalBeforeUnzipping($0, fileName: fileName) }) {
            throw DocxReadError(file: file, reason: refusal)
        }
        var diagnostics: [Diagnostic] = []
        let parts = try PackageParts(
            archive: ZipArchive(input: input, file: file, limits: limits), limits: limits, diagnostics: &diagnostics)
        try WordPackage.refuseOpenDocument(parts, file: file)
        let contentTypes = try WordPackage.loadContentTypes(parts, file: file, diagnostics: &diagnostics)
        guard let relsEntry = parts.entry(PartName.relationshipsPart(of: WordPackage.packageSource)) else {
            throw DocxReadError(
                file: file,
                reason: .missingMainPart(
                    message: "the package has no _rels/.rels, so nothing names its main document part"))
        }
        let packageRelationships = try Relationship.parse(
            parts.read(relsEntry), part: relsEntry.name, source: WordPackage.packageSource, file: file, limits: limits,
            diagnostics: &diagnostics)
        let main = try WordPackage.mainPart(packageRelationships, parts: parts, file: file)
        let mainType = contentTypes?.contentType(of: main.name)
        try WordPackage.checkMainContentType(mainType, part: main.name, known: contentTypes != nil, file: file, diagnostics: &diagnostics)
        try parts.check(main)

        self.file = file
        self.limits = limits
        self.sha256 = sha256 ?? input.withBytes { SHA256.hex($0) }
        self.byteCount = input.count
        self.parts = parts
        self.contentTypes = contentTypes
        self.mainPartName = main.name
        self.mainPartContentType = mainType
        self.diagnostics = diagnostics
        cache(packageRelationships, of: WordPackage.packageSource)
        // The main part's relationships now, so that their diagnostics are complete from the start.
        _ = try relationships(of: main.name)
    }

    // MARK: - Parts

    /// Part names in central-directory order (unsafe entries and directories excluded).
    var partNames: [String] { parts.names }

    /// True when the package has part `name` (compared as OPC part names).
    func hasPart(_ name: String) -> Bool { parts.entry(name) != nil }

    /// The content type `[Content_Types].xml` gives `part`, if any.
    func contentType(of part: String) -> ContentType? { contentTypes?.contentType(of: part) }

    /// Uncompressed bytes read so far, counted against `limits.maxTotalSize`.
    var bytesRead: Int64 { parts.bytesRead }

    /// Inflates part `name` within the limits (declared size, ratio, running total checked
    /// first; bytes actually inflated counted; CRC verified). An absent part throws
    /// `.missingMainPart` naming it.
    func readPart(_ name: String) throws -> [UInt8] {
        guard let entry = parts.entry(name) else {
            throw DocxReadError(file: file, reason: .missingMainPart(message: "the package has no part named \(name)"))
        }
        return try parts.read(entry)
    }

    /// Reads part `name` and hands its root element to `body` (`XMLPart.withRoot`).
    func withXMLRoot<R>(of name: String, _ body: (XMLElement) throws -> R) throws -> R {
        let data = try readPart(name)
        return try XMLPart.withRoot(data, part: name, file: file, limits: limits, body)
    }

    /// The relationships of part `source` ("" for the package), from its relationships part;
    /// empty when it has none. Cached. A relationships part of a part other than the package
    /// that is not well-formed gives an error diagnostic and no relationships; a damaged zip
    /// entry or a size limit throws.
    func relationships(of source: String) throws -> [Relationship] {
        if let cached = relationshipCache[Self.cacheKey(source)] { return cached }
        guard let entry = parts.entry(PartName.relationshipsPart(of: source)) else {
            relationshipCache[Self.cacheKey(source)] = []
            return []
        }
        var found: [Diagnostic] = []
        let relationships: [Relationship]
        do {
            relationships = try Relationship.parse(
                parts.read(entry), part: entry.name, source: source, file: file, limits: limits, diagnostics: &found)
        } catch let error as DocxReadError where error.reason.isXMLLevel && !source.isEmpty {
            found.append(
                Diagnostic(
                    .packageRelationshipsUnreadable,
                    message: "\(entry.name) not read (\(error.reason)); the relationships of \(source) are ignored",
                    location: SourceLocation(part: entry.name, path: "")))
            relationships = []
        }
        diagnostics += found
        cache(relationships, of: source)
        return relationships
    }

    /// The first internal target of type `type` from `source` ("" for the package) that is a
    /// part of this package, in the zip entry's own spelling; nil when there is none (dangling
    /// targets were reported when the relationships were read). Never throws: a failure to
    /// read the relationships becomes a diagnostic. (The package's and the main part's
    /// relationships are read by `init`, so for them there is nothing left to fail.)
    func relatedPart(from source: String, type: RelationshipType) -> String? {
        relatedParts(from: source, type: type).first
    }

    /// Every internal target of type `type` from `source` that is a part of this package, in
    /// relationship order, without repeats.
    func relatedParts(from source: String, type: RelationshipType) -> [String] {
        let all: [Relationship]
        do {
            all = try relationships(of: source)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .packageRelationshipsUnreadable,
                    message: "the relationships of \(source.isEmpty ? "the package" : source) not read: \(error)",
                    location: SourceLocation(part: PartName.relationshipsPart(of: source), path: "")))
            relationshipCache[Self.cacheKey(source)] = []
            return []
        }
        var seen = Set<String>()
        var names: [String] = []
        for relationship in all where relationship.type == type && !relationship.isExternal {
            guard let target = relationship.targetPart, let entry = parts.entry(target) else { continue }
            if seen.insert(entry.name).inserted { names.append(entry.name) }
        }
        return names
    }

    /// Stores `relationships` and reports the internal ones whose target part is absent
    /// (Word tolerates these, e.g. a missing `docProps/thumbnail.jpeg`).
    private func cache(_ relationships: [Relationship], of source: String) {
        relationshipCache[Self.cacheKey(source)] = relationships
        let relsPart = PartName.relationshipsPart(of: source)
        for relationship in relationships where !relationship.isExternal {
            guard let target = relationship.targetPart, parts.entry(target) == nil else { continue }
            diagnostics.append(
                Diagnostic(
                    .packageDanglingRelationship,
                    message:
                        "\(relsPart): relationship \(relationship.id) (\(relationship.type.kind)) targets \(target), which is not in the package",
                    location: SourceLocation(part: relsPart, path: "")))
        }
    }

    /// Sources compare as part names, with or without a leading "/".
    private static func cacheKey(_ source: String) -> String {
        PartName.folded(source.hasPrefix("/") ? String(source.dropFirst()) : source)
    }
}
