/// A relationship type URI (ECMA-376 Part 1 §15, Part 2 §9.3): an open vocabulary, so unknown
/// types are kept as written. Two types are equal when they name the same kind in either
/// Transitional (`http://schemas.openxmlformats.org/officeDocument/2006/relationships/…`),
/// Strict (`http://purl.oclc.org/ooxml/officeDocument/relationships/…`) or the OPC package
/// namespace (`http://schemas.openxmlformats.org/package/2006/relationships/…`); the namespace
/// is compared case-insensitively, as some producers write `officedocument` in lower case.
public struct RelationshipType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// The kind after a known namespace ("styles", "metadata/core-properties"), or the whole URI.
    public let kind: String

    public init(rawValue: String) {
        self.rawValue = rawValue
        kind = RelationshipType.kind(of: rawValue)
    }

    public static func == (a: RelationshipType, b: RelationshipType) -> Bool { a.kind == b.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
    public var description: String { rawValue }

    private static let transitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private static let strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
    private static let package = "http://schemas.openxmlformats.org/package/2006/relationships/"
    /// Strict renamed a few kinds as well as the namespace.
    private static let strictRenames = ["extendedProperties": "extended-properties", "customProperties": "custom-properties"]

    private static func kind(of uri: String) -> String {
        let lower = uri.lowercased()
        for base in [transitional, strict, package] where lower.hasPrefix(base.lowercased()) {
            let suffix = String(uri.dropFirst(base.count))
            return strictRenames[suffix] ?? suffix
        }
        return uri
    }

    private init(_ suffix: String) { self.init(rawValue: RelationshipType.transitional + suffix) }

    /// The main part (`word/document.xml` in Word's layout).
    static let officeDocument = RelationshipType("officeDocument")
    static let styles = RelationshipType("styles")
    static let numbering = RelationshipType("numbering")
    static let comments = RelationshipType("comments")
    static let footnotes = RelationshipType("footnotes")
    static let endnotes = RelationshipType("endnotes")
    static let settings = RelationshipType("settings")
    static let header = RelationshipType("header")
    static let footer = RelationshipType("footer")
    static let hyperlink = RelationshipType("hyperlink")
    static let image = RelationshipType("image")
    static let extendedProperties = RelationshipType("extended-properties")
    /// `docProps/core.xml`, from the package.
    static let coreProperties = RelationshipType(rawValue: RelationshipType.package + "metadata/core-properties")
}
