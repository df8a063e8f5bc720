/// The OPC and WordprocessingML names both the reader and the writer use: namespace URIs and
/// content types, spelled once (ECMA-376 Part 1 §11, §14, §17; Part 2 §9–§11).
public enum OPCNames {
    /// Namespace URIs (Transitional, and Strict where ISO renamed them).
    public enum Namespace {
        public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        public static let wStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
        public static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        public static let rStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
        public static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        public static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
        public static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
        /// The prefix of Transitional relationship types ("…/relationships/styles").
        public static let relationshipBase = r + "/"
        /// The core properties relationship type (under the package namespace).
        public static let corePropertiesRelationship = packageRelationships + "/metadata/core-properties"
    }

    /// Content types of the parts of a Word package.
    public enum ContentType {
        static let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        public static let document = wml + "document.main+xml"
        public static let template = wml + "template.main+xml"
        public static let macroEnabledDocument = "application/vnd.ms-word.document.macroEnabled.main+xml"
        public static let macroEnabledTemplate = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
        public static let styles = wml + "styles+xml"
        public static let settings = wml + "settings+xml"
        public static let webSettings = wml + "webSettings+xml"
        public static let fontTable = wml + "fontTable+xml"
        public static let numbering = wml + "numbering+xml"
        public static let comments = wml + "comments+xml"
        public static let footnotes = wml + "footnotes+xml"
        public static let endnotes = wml + "endnotes+xml"
        public static let header = wml + "header+xml"
        public static let footer = wml + "footer+xml"
        public static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
        public static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        public static let coreProperties = "application/vnd.openxmlformats-package.core-properties+xml"
        public static let extendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

        /// Media a part may be (the images of a header) by its extension; anything else as an
        /// opaque stream.
        public static func byExtension(_ name: String) -> String {
            switch name.split(separator: ".").last.map({ $0.lowercased() }) {
            case "png": "image/png"
            case "jpg", "jpeg": "image/jpeg"
            case "gif": "image/gif"
            case "bmp": "image/bmp"
            case "emf": "image/x-emf"
            case "wmf": "image/x-wmf"
            case "svg": "image/svg+xml"
            case "tif", "tiff": "image/tiff"
            default: "application/octet-stream"
            }
        }
    }
}
