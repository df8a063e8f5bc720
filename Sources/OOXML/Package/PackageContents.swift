import DocumentModel

/// A Word package read whole, for a writer that takes parts from it (a reference document, as
/// pandoc's `--reference-doc`): every part's bytes, the main part, content types and
/// relationships. Read-only, and built on the reader's `WordPackage`, so the same refusals apply
/// (not a Word document, encrypted, zip bombs and size limits, unsafe entry names).
public struct PackageContents: Sendable {
    /// The file as the caller named it.
    public let file: String
    /// The main document part ("word/document.xml"), found through `_rels/.rels`.
    public let mainPart: String
    /// Part names in the zip's central-directory order.
    public let partNames: [String]
    /// Every part's bytes by name (as `partNames` spells it).
    public let parts: [String: [UInt8]]
    /// Content type of each part that `[Content_Types].xml` types.
    public let contentTypes: [String: String]
    /// Relationships by source part ("" for the package), for every part that has them.
    public let relationships: [String: [Relationship]]
    /// What the package layer noticed (dangling relationships …).
    public let diagnostics: [Diagnostic]

    /// Reads the package at `path`; throws `DocxReadError` as `DocxReader` does.
    public static func read(docx path: String, displayName: String? = nil, limits: ReadLimits = .default) throws -> PackageContents {
        try PackageContents(WordPackage(path: path, displayName: displayName ?? path, limits: limits))
    }

    /// Reads a package held in memory.
    public static func read(bytes: [UInt8], name: String, limits: ReadLimits = .default) throws -> PackageContents {
        try PackageContents(WordPackage(bytes: bytes, displayName: name, limits: limits))
    }

    /// Every part of the package at `path` by name.
    public static func parts(ofDocx path: String, limits: ReadLimits = .default) throws -> [String: [UInt8]] {
        try read(docx: path, limits: limits).parts
    }

    private init(_ package: WordPackage) throws {
        file = package.file
        mainPart = package.mainPartName
        partNames = package.partNames
        var parts: [String: [UInt8]] = [:]
        var types: [String: String] = [:]
        for name in package.partNames {
            parts[name] = try package.readPart(name)
            if let type = package.contentType(of: name) { types[name] = type.rawValue }
        }
        var relationships: [String: [Relationship]] = [:]
        for source in [WordPackage.packageSource] + package.partNames
        where package.hasPart(PartName.relationshipsPart(of: source)) {
            relationships[source] = try package.relationships(of: source).map {
                // The target part as the zip spells it.
                var relationship = $0
                relationship.targetPart = $0.targetPart.flatMap { target in
                    package.partNames.first { PartName.folded($0) == PartName.folded(target) }
                }
                return relationship
            }
        }
        self.parts = parts
        contentTypes = types
        self.relationships = relationships
        diagnostics = package.diagnostics
    }

    /// The relationships of `source` ("" for the package); empty when it has none.
    public func relationships(of source: String) -> [Relationship] { relationships[source] ?? [] }

    /// The first internal part `source` relates to with relationship kind `kind` ("styles").
    public func relatedPart(from source: String, kind: String) -> String? {
        relationships(of: source).first { $0.kind == kind && !$0.isExternal && $0.targetPart != nil }?.targetPart
    }

    /// The relationships part name of `source` ("word/_rels/document.xml.rels").
    public static func relationshipsPartName(of source: String) -> String { PartName.relationshipsPart(of: source) }
}
