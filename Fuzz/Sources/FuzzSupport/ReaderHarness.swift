import DocumentModel
import PlanSupport
import OOXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What every fuzz target does with a candidate .docx: read it with `DocxReader` in both
/// revision views, then walk the result the way the rest of the tool does. A crash (trap,
/// sanitizer report), a hang (libFuzzer `-timeout`) or runaway memory (`-rss_limit_mb`,
/// `-malloc_limit_mb`) is a finding; so is a broken invariant, reported with `fatalError`:
///
/// - both views reach the same verdict: both read the file, or both throw the same
///   `DocxReadError.Reason` (the view changes which text is kept, never whether a file is a
///   readable Word document);
/// - what does not depend on the view is equal in both documents (properties, note and comment
///   ids, sha256, and the revision counts: the reader counts the tracked changes of rows and
///   blocks a view skips, so `RevisionSummary` is the same in both views);
/// - the byte count is the input's, the SHA-256 is 64 hex digits.
public enum ReaderHarness {
    /// Reads `bytes` as a .docx (file name `fuzz.docx`) and checks the invariants above.
    public static func check(_ bytes: [UInt8]) {
        let accepted = read(bytes, view: .accepted)
        let rejected = read(bytes, view: .rejected)
        switch (accepted, rejected) {
        case (.success(let a), .success(let b)):
            walk(a, bytes: bytes)
            walk(b, bytes: bytes)
            let fields: [(String, Bool)] = [
                ("properties", a.properties == b.properties),
                ("sha256", a.sha256 == b.sha256), ("note ids", a.notes.map(\.id) == b.notes.map(\.id)),
                ("comment ids", a.comments.map(\.id) == b.comments.map(\.id)),
                ("revision counts", a.revisions == b.revisions),
            ]
            for (name, same) in fields where !same {
                fatalError("fuzz invariant: the accepted and rejected views disagree on \(name)")
            }
        case (.failure(let a), .failure(let b)):
            // Render what a user would see.
            blackHole(a.description.utf8.count &+ a.reason.code.utf8.count)
            if a.reason != b.reason {
                fatalError("fuzz invariant: the views refuse the file for different reasons: \(a.reason) / \(b.reason)")
            }
        case (.success, .failure(let e)), (.failure(let e), .success):
            fatalError("fuzz invariant: one view reads the file, the other refuses it: \(e)")
        }
    }

    static func read(_ bytes: [UInt8], view: RevisionView) -> Result<Document, DocxReadError> {
        do throws(DocxReadError) {
            return .success(try DocxReader(view: view).read(bytes: bytes, name: "fuzz.docx"))
        } catch {
            return .failure(error)
        }
    }

    /// Everything downstream code touches: every paragraph (body, table cells, text boxes,
    /// notes, comments) with its label and text, tables cell by cell, diagnostics, the hash.
    static func walk(_ document: Document, bytes: [UInt8]) {
        if document.byteCount != bytes.count { fatalError("fuzz invariant: byteCount \(document.byteCount) != \(bytes.count)") }
        if document.sha256.utf8.count != 64 { fatalError("fuzz invariant: sha256 is not 64 hex digits: \(document.sha256)") }
        var total = 0
        func paragraphs(_ blocks: [Block]) {
            for paragraph in blocks.allParagraphs {
                total &+= paragraph.displayText.unicodeScalars.count &+ paragraph.text.utf8.count
                total &+= paragraph.location.part.utf8.count &+ paragraph.commentIds.count &+ paragraph.noteReferences.count
                if let label = paragraph.numbering { total &+= label.label.utf8.count &+ label.format.utf8.count }
                total &+= (paragraph.revisions.otherViewText?.utf8.count ?? 0) &+ (paragraph.boldLead?.utf8.count ?? 0)
            }
        }
        func tables(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .table(let table):
                    total &+= table.gridColumns.count
                    for row in table.rows {
                        for cell in row.cells {
                            total &+= cell.text.utf8.count &+ cell.gridColumn &+ cell.gridSpan
                            tables(cell.blocks)
                        }
                    }
                case .paragraph(let paragraph):
                    for box in paragraph.textBoxes { tables(box.blocks) }
                }
            }
        }
        paragraphs(document.body)
        tables(document.body)
        for note in document.notes {
            paragraphs(note.blocks)
            tables(note.blocks)
            total &+= note.text.utf8.count
        }
        for comment in document.comments {
            total &+= comment.text.utf8.count &+ comment.anchorText.utf8.count &+ comment.anchorParagraphs.count
        }
        for diagnostic in document.diagnostics {
            total &+= diagnostic.message.utf8.count &+ diagnostic.code.rawValue.utf8.count
        }
        var hasher = Hasher()
        document.hash(into: &hasher)
        total &+= hasher.finalize()
        blackHole(total)
    }

    /// Keeps the optimizer from dropping the walk.
    nonisolated(unsafe) static var sink = 0

    @inline(never)
    static func blackHole(_ value: Int) { sink &+= value }
}
