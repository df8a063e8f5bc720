import DocumentModel
import PlanSupport

/// A MIME content type as `[Content_Types].xml` gives it: an open vocabulary compared
/// case-insensitively (RFC 2045), parameters and all.
struct ContentType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    let rawValue: String
    private let key: String

    init(rawValue: String) {
        self.rawValue = rawValue
        key = ContentType.trimmed(rawValue).lowercased()
    }

    private static func trimmed(_ s: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(s.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }

    static func == (a: ContentType, b: ContentType) -> Bool { a.key == b.key }
    func hash(into hasher: inout Hasher) { hasher.combine(key) }
    var description: String { rawValue }

    static let wordDocument = ContentType(rawValue: OPCNames.ContentType.document)
    static let wordTemplate = ContentType(rawValue: OPCNames.ContentType.template)
    static let wordMacroEnabledDocument = ContentType(rawValue: OPCNames.ContentType.macroEnabledDocument)
    static let wordMacroEnabledTemplate = ContentType(rawValue: OPCNames.ContentType.macroEnabledTemplate)
    static let relationships = ContentType(rawValue: OPCNames.ContentType.relationships)

    /// A main document part of a .docx, .dotx, .docm or .dotm (Transitional and Strict use
    /// the same content types).
    var isWordprocessingMain: Bool {
        [ContentType.wordDocument, .wordTemplate, .wordMacroEnabledDocument, .wordMacroEnabledTemplate].contains(self)
    }

    /// `application/xml` or `text/xml`: says nothing about what the part is.
    var isGenericXML: Bool { key == "application/xml" || key == "text/xml" }
}

/// `[Content_Types].xml` (ECMA-376 Part 2, §10.1.2): `Default` by extension, `Override` by
/// part name; an override wins. Extensions and part names compare case-insensitively.
struct ContentTypes: Sendable {
    static let partName = "[Content_Types].xml"

    private(set) var defaults: [String: ContentType] = [:]
    private(set) var overrides: [String: ContentType] = [:]

    init() {}

    /// Parses the part strictly (`XMLPart`); elements other than `Default` and `Override`, and
    /// those missing an attribute, are skipped and reported in `diagnostics`.
    init(_ data: [UInt8], file: String, limits: ReadLimits, diagnostics: inout [Diagnostic]) throws {
        var skipped: [String] = []
        let root = try XMLPart.withRoot(data, part: ContentTypes.partName, file: file, limits: limits) { root -> Bool in
            guard root.localName == "Types" else { return false }
            for child in root.children {
                switch child.localName {
                case "Default":
                    guard let ext = child.attribute("Extension"), let type = child.attribute("ContentType") else {
                        skipped.append("line \(child.line): Default without Extension or ContentType")
                        continue
                    }
                    defaults[PartName.folded(ext)] = ContentType(rawValue: type)
                case "Override":
                    guard let name = child.attribute("PartName"), let type = child.attribute("ContentType") else {
                        skipped.append("line \(child.line): Override without PartName or ContentType")
                        continue
                    }
                    let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
                    overrides[PartName.folded(bare)] = ContentType(rawValue: type)
                default:
                    skipped.append("line \(child.line): unexpected element \(child.qualifiedName)")
                }
            }
            return true
        }
        if !root {
            diagnostics.append(
                Diagnostic(
                    .packageContentTypesUnexpectedRoot,
                    message: "\(ContentTypes.partName) has no Types root element; no content type is known",
                    location: SourceLocation(part: ContentTypes.partName, path: "")))
        }
        for message in skipped {
            diagnostics.append(
                Diagnostic(
                    .packageContentTypesSkippedElement, message: "\(ContentTypes.partName) \(message); skipped",
                    location: SourceLocation(part: ContentTypes.partName, path: "")))
        }
    }

    /// The content type of `part` ("word/document.xml"), nil when none applies.
    func contentType(of part: String) -> ContentType? {
        let key = PartName.folded(part)
        if let type = overrides[key] { return type }
        guard let dot = key.lastIndex(of: "."), !key[dot...].contains("/") else { return nil }
        return defaults[String(key[key.index(after: dot)...])]
    }
}
