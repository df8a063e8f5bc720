/// Why a file could not be read as a Word document. Thrown only when reading cannot go on;
/// everything else is a `Diagnostic` on the result.
public struct DocxReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input file as the user named it.
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }

    /// Stable category codes (the hostile corpus's `category` column where one applies).
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// The file could not be opened or read from disk.
        case io(message: String)
        /// 0 bytes.
        case emptyFile
        /// Not a zip archive; `detected` names what it looks like (RTF, HTML, PDF, Git LFS pointer, text …).
        case notAZip(detected: String?)
        /// OLE2 compound file with a `WordDocument` stream: Word 97–2003 binary `.doc`.
        case legacyDoc
        /// OLE2 compound file with `EncryptionInfo`/`EncryptedPackage`: a password-protected OOXML file.
        case encryptedPackage
        /// Another OLE2 compound file (old Excel, PowerPoint, MSG …).
        case compoundFile(detected: String?)
        /// Word's `~$` owner/lock file.
        case lockFile
        /// An OpenDocument package (`mimetype` says which).
        case openDocument(mimeType: String)
        /// An OOXML package whose main part is not a word-processing document.
        case notWordprocessing(mainPartType: String)
        /// The zip has no central directory or ends early.
        case truncatedZip(message: String)
        /// The zip is damaged: bad CRC, corrupt deflate stream, inconsistent headers.
        case corruptZip(entry: String?, message: String)
        /// Zip entries encrypted (ZipCrypto or AES).
        case encryptedEntries(entry: String)
        /// A compression method libzip cannot inflate here.
        case unsupportedCompression(entry: String, method: String)
        /// A part or the parts read inflate past a limit, or lie about their size.
        case sizeLimit(entry: String?, message: String)
        /// The file itself is larger than `ReadLimits.maxFileSize` (it would be held in memory whole).
        case fileTooLarge(size: Int64, limit: Int64)
        /// A text node of an XML part is longer than libxml2 accepts without `XML_PARSE_HUGE`
        /// (10,000,000 bytes): the part is well-formed, but too large to read safely.
        case textNodeLimit(part: String, line: Int, limit: Int)
        /// More entries than the limit.
        case tooManyEntries(count: Int, limit: Int)
        /// Two entries with the same part name (forbidden by OPC).
        case duplicateEntry(name: String)
        /// A zip entry whose Info-ZIP Unicode Path field (0x7075) gives it a name other than its
        /// header name, where one of the two names another entry: readers that apply the field
        /// and readers that do not would read different entries as the same part.
        case unicodePathConflict(headerName: String, unicodePath: String)
        /// No officeDocument relationship, or its target is absent or outside the package.
        case missingMainPart(message: String)
        /// An XML part is not well-formed (libxml2's message, with line and column).
        case xmlMalformed(part: String, line: Int, column: Int, message: String)
        /// An XML part declares a DTD (never allowed in OOXML; refused before any entity is read).
        case dtdForbidden(part: String)
        /// An XML part is not valid in its declared encoding.
        case invalidEncoding(part: String, message: String)
        /// An XML part nests deeper than the limit.
        case depthLimit(part: String, limit: Int)

        /// A stable, machine-readable category.
        public var code: String {
            switch self {
            case .io: "io"
            case .emptyFile: "empty-file"
            case .notAZip: "not-a-zip"
            case .legacyDoc: "legacy-doc"
            case .encryptedPackage: "encrypted"
            case .compoundFile: "not-wordprocessing"
            case .lockFile: "lock-file"
            case .openDocument: "not-wordprocessing"
            case .notWordprocessing: "not-wordprocessing"
            case .truncatedZip: "truncated-zip"
            case .corruptZip: "zip-corrupt"
            case .encryptedEntries: "encrypted"
            case .unsupportedCompression: "unsupported-compression"
            case .sizeLimit: "size-limit"
            case .fileTooLarge: "file-too-large"
            case .textNodeLimit: "text-node-limit"
            case .tooManyEntries: "size-limit"
            case .duplicateEntry: "duplicate-entry"
            case .unicodePathConflict: "duplicate-entry"
            case .missingMainPart: "missing-main-part"
            case .xmlMalformed: "xml-malformed"
            case .dtdForbidden: "dtd-forbidden"
            case .invalidEncoding: "invalid-encoding"
            case .depthLimit: "depth-limit"
            }
        }

        public var description: String {
            switch self {
            case .io(let m): "cannot read the file: \(m)"
            case .emptyFile: "empty file (0 bytes)"
            case .notAZip(let d): "not a Word document: not a zip archive" + (d.map { " (looks like \($0))" } ?? "")
            case .legacyDoc: "legacy Word 97-2003 binary document (.doc), not .docx: save it as .docx"
            case .encryptedPackage: "password-protected (encrypted OOXML): remove the password and save again"
            case .compoundFile(let d): "not a Word document: an OLE compound file" + (d.map { " (\($0))" } ?? "")
            case .lockFile: "Word lock/owner file (~$…), not a document"
            case .openDocument(let m): "OpenDocument file (\(m)), not OOXML: save it as .docx"
            case .notWordprocessing(let t): "an OOXML package, but not a word-processing document (main part: \(t))"
            case .truncatedZip(let m): "truncated or damaged zip archive: \(m)"
            case .corruptZip(let e, let m): "damaged zip archive" + (e.map { " (entry \($0))" } ?? "") + ": \(m)"
            case .encryptedEntries(let e): "encrypted zip entries (entry \(e)): the package is password-protected"
            case .unsupportedCompression(let e, let m): "unsupported compression method \(m) (entry \(e))"
            case .sizeLimit(let e, let m): "size limit exceeded" + (e.map { " (entry \($0))" } ?? "") + ": \(m)"
            case .fileTooLarge(let s, let l):
                "the file is \(s) bytes, larger than the \(l)-byte limit for a whole file (ReadLimits.maxFileSize)"
            case .textNodeLimit(let p, let line, let l):
                "\(p): a text node" + (line > 0 ? " ending near line \(line)" : "")
                    + " is larger than \(l) bytes, the most libxml2 reads in one text node (XML_MAX_TEXT_LENGTH)"
            case .tooManyEntries(let c, let l): "too many zip entries (\(c), limit \(l))"
            case .duplicateEntry(let n): "ambiguous package: two zip entries named \(n)"
            case .unicodePathConflict(let h, let u):
                "ambiguous package: zip entry \(h) has an Info-ZIP Unicode Path field (0x7075) naming it \(u), "
                    + "and another entry goes by one of these names (readers would not agree which entry is which part)"
            case .missingMainPart(let m): "main document part missing: \(m)"
            case .xmlMalformed(let p, let l, let c, let m): "\(p):\(l):\(c): XML not well-formed: \(m)"
            case .dtdForbidden(let p): "\(p): XML declares a DTD, which OOXML never does (refused; no entity was expanded)"
            case .invalidEncoding(let p, let m): "\(p): invalid character encoding: \(m)"
            case .depthLimit(let p, let l): "\(p): XML nested deeper than \(l) levels"
            }
        }
    }
}
