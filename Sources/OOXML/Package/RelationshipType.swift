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

    /// The type of `kind` ("comments", "header") written in the Transitional namespace, or the
    /// Strict one; "metadata/…" kinds in the OPC package namespace.
    public init(kind: String, strict: Bool = false) {
        if kind.hasPrefix("metadata/") {
            self.init(rawValue: RelationshipType.package + kind)
        } else {
            self.init(rawValue: (strict ? RelationshipType.strict : RelationshipType.transitional) + kind)
        }
    }

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
    public static let officeDocument = RelationshipType("officeDocument")
    public static let styles = RelationshipType("styles")
    public static let numbering = RelationshipType("numbering")
    public static let comments = RelationshipType("comments")
    public static let footnotes = RelationshipType("footnotes")
    public static let endnotes = RelationshipType("endnotes")
    public static let settings = RelationshipType("settings")
    public static let header = RelationshipType("header")
    public static let footer = RelationshipType("footer")
    public static let hyperlink = RelationshipType("hyperlink")
    public static let image = RelationshipType("image")
    public static let extendedProperties = RelationshipType("extended-properties")
    /// `docProps/core.xml`, from the package.
    public static let coreProperties = RelationshipType(rawValue: RelationshipType.package + "metadata/core-properties")
}
