import DocumentModel
import PlanSupport

/// Reads a Word document (.docx, .docm, .dotx, .dotm; Transitional or Strict OOXML) into a
/// `Document`. Throws `DocxReadError` only when the file is not a readable Word document;
/// everything else it notices is a diagnostic on the result.
public struct DocxReader: Sendable {
    public var limits: ReadLimits
    public var view: RevisionView

    public init(limits: ReadLimits = .default, view: RevisionView = .accepted) {
        self.limits = limits
        self.view = view
    }

    /// Reads the file at `path`; `displayName` names it in errors and in the result.
    public func read(path: String, displayName: String? = nil) throws(DocxReadError) -> Document {
        try read(load(path: path, displayName: displayName))
    }

    /// The bytes of the file at `path`, read once under the same size limit as `read(path:)`,
    /// with their SHA-256: what a build keys its cache with before deciding to read the document
    /// (`read(_:)` then parses these bytes; the file is not read again).
    public func load(path: String, displayName: String? = nil) throws(DocxReadError) -> DocxFile {
        let name = displayName ?? path
        do {
            return DocxFile(name: name, path: path, input: try InputBytes(contentsOf: path, file: name, maxSize: limits.maxFileSize))
        } catch let error as DocxReadError {
            throw error
        } catch {
            throw DocxReadError(file: name, reason: .io(message: "\(error)"))
        }
    }

    /// Reads a document from bytes `load(path:)` read.
    public func read(_ file: DocxFile) throws(DocxReadError) -> Document {
        try wrap(file.name) {
            try read(
                WordPackage(input: file.input, sha256: file.sha256, file: file.name, fileName: file.path, limits: limits), name: file.name)
        }
    }

    /// The SHA-256 (hex) of the file at `path`, read under the same size limit as `read(path:)`.
    public func sha256(path: String, displayName: String? = nil) throws(DocxReadError) -> String {
        try load(path: path, displayName: displayName).sha256
    }

    /// Reads a package held in memory.
    public func read(bytes: [UInt8], name: String) throws(DocxReadError) -> Document {
        try wrap(name) { try read(WordPackage(bytes: bytes, displayName: name, limits: limits), name: name) }
    }

    private func wrap(_ name: String, _ work: () throws -> Document) throws(DocxReadError) -> Document {
        do {
            return try work()
        } catch let error as DocxReadError {
            throw error
        } catch {
            throw DocxReadError(file: name, reason: .io(message: "\(error)"))
        }
    }

    private func read(_ package: WordPackage, name: String) throws -> Document {
        var diagnostics = package.diagnostics
        let main = package.mainPartName

        var styles = StyleSheet.empty
        if let part = package.relatedPart(from: main, type: .styles),
            let data = try optionalPart(package, part, &diagnostics)
        {
            do {
                styles = try XMLPart.withRoot(data, part: part, file: name, limits: limits) { StyleSheet(root: $0) }
            } catch let error as DocxReadError {
                try tolerate(error, part: part, &diagnostics)
            }
        }
        var definitions = NumberingDefinitions.empty
        if let part = package.relatedPart(from: main, type: .numbering),
            let data = try optionalPart(package, part, &diagnostics)
        {
            do {
                definitions = try XMLPart.withRoot(data, part: part, file: name, limits: limits) {
                    NumberingDefinitions(root: $0, styles: styles)
                }
            } catch let error as DocxReadError {
                try tolerate(error, part: part, &diagnostics)
            }
        }

        // The main story, streamed one body block at a time.
        let mainData = try package.readPart(main)
        var story = StoryReader(
            part: main, view: view, styles: styles, numbering: NumberingState(definitions: definitions), root: "body")
        var body: [Block] = []
        let isDocument = try XMLPart.forEachChild(
            mainData, part: main, file: name, limits: limits, path: [(.w, "document"), (.w, "body")]
        ) { element in
            story.readBlock(element, into: &body)
        }
        guard isDocument else {
            throw DocxReadError(file: name, reason: .notWordprocessing(mainPartType: "\(main) has no w:document root"))
        }
        story.finish(into: &body)
        diagnostics += story.numbering.diagnostics + story.diagnostics
        var revisions = story.revisions

        // Notes and comments, each part its own story.
        var notes: [Note] = []
        for (type, kind) in [(RelationshipType.footnotes, NoteKind.footnote), (.endnotes, .endnote)] {
            guard let part = package.relatedPart(from: main, type: type),
                let data = try optionalPart(package, part, &diagnostics)
            else { continue }
            do {
                var noteStory = StoryReader(
                    part: part, view: view, styles: styles, numbering: NumberingState(definitions: definitions),
                    root: kind.rawValue + "s")
                try XMLPart.forEachChild(
                    data, part: part, file: name, limits: limits, path: [(.w, kind == .footnote ? "footnotes" : "endnotes")]
                ) { element in
                    guard element.is(.w, kind == .footnote ? "footnote" : "endnote") else { return }
                    let type = element.attribute("type", .w)
                    if let type, type != "normal" { return }  // separator, continuationSeparator, continuationNotice
                    var blocks: [Block] = []
                    for child in element.children { noteStory.readBlock(child, into: &blocks) }
                    noteStory.finish(into: &blocks)
                    notes.append(Note(kind: kind, id: element.attribute("id", .w) ?? "", blocks: blocks))
                }
                diagnostics += noteStory.diagnostics
                revisions.add(noteStory.revisions)
            } catch let error as DocxReadError {
                try tolerate(error, part: part, &diagnostics)
            }
        }

        var comments: [Comment] = []
        if let part = package.relatedPart(from: main, type: .comments),
            let data = try optionalPart(package, part, &diagnostics)
        {
            do {
                var commentStory = StoryReader(
                    part: part, view: view, styles: styles, numbering: NumberingState(definitions: definitions),
                    root: "comments")
                try XMLPart.forEachChild(data, part: part, file: name, limits: limits, path: [(.w, "comments")]) { element in
                    guard element.is(.w, "comment") else { return }
                    var blocks: [Block] = []
                    for child in element.children { commentStory.readBlock(child, into: &blocks) }
                    commentStory.finish(into: &blocks)
                    let id = element.attribute("id", .w) ?? ""
                    let anchor = story.commentAnchors[id]
                    comments.append(
                        Comment(
                            id: id, author: element.attribute("author", .w), initials: element.attribute("initials", .w),
                            date: element.attribute("date", .w),
                            text: blocks.allParagraphs.map(\.text).joined(separator: "\n"),
                            anchorParagraphs: anchor?.paragraphs ?? [], anchorText: anchor?.text ?? ""))
                }
                diagnostics += commentStory.diagnostics
                revisions.add(commentStory.revisions)
            } catch let error as DocxReadError {
                try tolerate(error, part: part, &diagnostics)
            }
        }

        var properties = DocumentProperties()
        if let part = package.relatedPart(from: "", type: .coreProperties),
            let data = try optionalPart(package, part, &diagnostics)
        {
            do {
                properties = try XMLPart.withRoot(data, part: part, file: name, limits: limits) { CoreProperties.read($0) }
            } catch let error as DocxReadError {
                try tolerate(error, part: part, &diagnostics)
            }
        }

        // Style and numbering findings accumulate while every story is read: collect them last.
        diagnostics += styles.diagnostics + definitions.diagnostics

        return Document(
            file: name, sha256: package.sha256, byteCount: package.byteCount, view: view, properties: properties, body: body, notes: notes,
            comments: comments,
            revisions: revisions, diagnostics: diagnostics)
    }

    /// Reads a secondary part; a missing one is a diagnostic, not a failure.
    private func optionalPart(_ package: WordPackage, _ part: String, _ diagnostics: inout [Diagnostic]) throws -> [UInt8]? {
        do {
            return try package.readPart(part)
        } catch let error as DocxReadError {
            try tolerate(error, part: part, &diagnostics)
            return nil
        }
    }

    /// A secondary part that is malformed or absent is reported and skipped; a container-level
    /// failure (size limit, damaged zip, encryption) still stops the read.
    private func tolerate(_ error: DocxReadError, part: String, _ diagnostics: inout [Diagnostic]) throws {
        switch error.reason {
        case .xmlMalformed, .dtdForbidden, .invalidEncoding, .depthLimit, .missingMainPart:
            diagnostics.append(
                Diagnostic(
                    .readerPartUnreadable, message: "\(part) not read: \(error.reason)", location: SourceLocation(part: part, path: part)))
        default:
            throw error
        }
    }
}

/// One input file's bytes, read once, and their SHA-256 (hex). Immutable: safe to hand from
/// the task that read it to the one that parses it.
public final class DocxFile: @unchecked Sendable {
    /// The file as named in errors and in the document.
    public let name: String
    public let path: String
    /// SHA-256 of the bytes (hex).
    public let sha256: String
    let input: InputBytes

    init(name: String, path: String, input: InputBytes) {
        self.name = name
        self.path = path
        self.input = input
        self.sha256 = input.withBytes { SHA256.hex($0) }
    }

    /// The number of bytes read.
    public var byteCount: Int { input.count }
}

extension RevisionSummary {
    mutating func add(_ other: RevisionSummary) {
        insertions += other.insertions
        deletions += other.deletions
        moves += other.moves
        formatChanges += other.formatChanges
    }
}

/// `docProps/core.xml` (ECMA-376 Part 2, §11).
enum CoreProperties {
    static func read(_ root: XMLElement) -> DocumentProperties {
        var p = DocumentProperties()
        for child in root.children {
            let text = child.textContent.trimmingWhitespace()
            let value = text.isEmpty ? nil : text
            if child.isIn(.dc) {
                switch child.localName {
                case "title": p.title = value
                case "subject": p.subject = value
                case "creator": p.creator = value
                case "description": p.description = value
                default: break
                }
            } else if child.isIn(.dcterms) {
                switch child.localName {
                case "created": p.created = value
                case "modified": p.modified = value
                default: break
                }
            } else if child.isIn(.coreProperties) {
                switch child.localName {
                case "keywords": p.keywords = value
                case "lastModifiedBy": p.lastModifiedBy = value
                case "revision": p.revision = value
                default: break
                }
            }
        }
        return p
    }
}
