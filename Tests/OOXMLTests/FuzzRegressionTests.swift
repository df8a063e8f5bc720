import DocumentModel
import PlanSupport
import Foundation
import OOXML
import Testing
import TestSupport

/// Inputs that crashed the reader, or made it hang or use memory out of all proportion to the
/// file, found while fuzzing it (Fuzz/, scripts/fuzz.sh). Each is read in both views and must
/// get its verdict; the tests below check that what used to overflow or grow without bound is
/// bounded now. FuzzCrashes/README.md says what each file did before its fix; FuzzCrashes/make.py
/// writes them.
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCrashes")

    static func read(_ name: String, view: RevisionView = .accepted) throws -> Document {
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
        return try DocxReader(view: view).read(bytes: bytes, name: name)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        /// nil: the file reads; else the `DocxReadError.Reason.code` it is refused with.
        let refusal: String?
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "numbering-start-overflow.docx", refusal: nil),
        Case(file: "table-grid-overflow.docx", refusal: nil),
        Case(file: "comment-ranges-never-closed.docx", refusal: nil),
        Case(file: "comment-range-over-many-paragraphs.docx", refusal: nil),
        Case(file: "numbering-level-text-huge.docx", refusal: nil),
        Case(file: "paragraph-marks-deleted.docx", refusal: nil),
        Case(file: "fields-never-ended.docx", refusal: nil),
        Case(file: "empty-document-part.docx", refusal: "xml-malformed"),
    ]

    @Test(arguments: cases, RevisionView.allCases)
    func verdict(_ c: Case, view: RevisionView) throws {
        do {
            let document = try Self.read(c.file, view: view)
            #expect(c.refusal == nil, "read, but should be refused with \(c.refusal ?? "")")
            _ = document.body.allParagraphs.map(\.displayText)
        } catch let error as DocxReadError {
            #expect(error.reason.code == c.refusal, "\(error)")
        }
    }

    @Test func everyInputHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".docx") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    /// A w:start or w:startOverride of Int.max, counted on by the next paragraph, trapped
    /// (arithmetic overflow in NumberingState): the counter now stays at Int.max.
    @Test func numberingCounterAtIntMaxDoesNotOverflow() throws {
        let labels = try Self.read("numbering-start-overflow.docx").body.allParagraphs.map { $0.numbering?.label }
        #expect(labels == ["9223372036854775807.", "9223372036854775807.", "(9223372036854775807)", "(9223372036854775807)"])
    }

    /// w:gridSpan and w:gridBefore of Int.max trapped (arithmetic overflow in readRow); they are
    /// now taken up to 63 (Word's column limit), and negative ones as 1 and 0.
    @Test func gridSpanAndGridBeforeAreBounded() throws {
        let document = try Self.read("table-grid-overflow.docx")
        guard case .table(let table) = document.body.first else {
            Issue.record("no table")
            return
        }
        let layout = table.rows.map { $0.cells.map { [$0.gridColumn, $0.gridSpan] } }
        #expect(layout == [[[0, 63], [63, 1]], [[63, 1], [64, 1]], [[0, 1]]])
    }

    /// 3,000 comment ranges opened and never closed over 3,000 paragraphs: 49 s and 360 MB
    /// before. At most 32 ranges are tracked at once, reported once.
    @Test func openCommentRangesAreBounded() throws {
        let document = try Self.read("comment-ranges-never-closed.docx")
        let paragraphs = document.body.allParagraphs
        #expect(paragraphs.count == 3000)
        #expect(paragraphs.allSatisfy { $0.commentIds == (0..<32).map(String.init) })
        #expect(document.diagnostics.filter { $0.code == "reader.comment-ranges-limit" }.count == 1)
        let comment = try #require(document.comments.first)
        #expect(comment.anchorParagraphs == Array(0..<3000))
        #expect(comment.anchorText == String(repeating: "x", count: 3000))
    }

    /// One comment range over 100,000 paragraphs: quadratic before (each paragraph copied and
    /// searched the anchor's paragraph list).
    @Test func oneCommentOverManyParagraphs() throws {
        let comment = try #require(try Self.read("comment-range-over-many-paragraphs.docx").comments.first)
        #expect(comment.anchorParagraphs == Array(0..<100_000))
    }

    /// A 200,000-character w:lvlText was copied into every label (2.4 GB for 3,000 paragraphs);
    /// a custom w:format padded every label with 100,000 zeros. Level texts and formats are
    /// kept up to 256 characters; a zero-padded format wider than 32 digits renders as decimal.
    @Test func numberingTextsAreBounded() throws {
        let paragraphs = try Self.read("numbering-level-text-huge.docx").body.allParagraphs
        #expect(paragraphs.count == 3003)
        #expect(paragraphs.prefix(3000).allSatisfy { $0.numbering?.label == String(repeating: "x", count: 256) })
        #expect(paragraphs.suffix(3).map { $0.numbering?.label } == ["1", "2", "3"])
    }

    /// 9,000 deleted paragraph marks join 9,001 paragraphs into one in the accepted view; each
    /// join copied all the text joined so far (quadratic).
    @Test func longChainsOfJoinedParagraphs() throws {
        let accepted = try Self.read("paragraph-marks-deleted.docx").body.allParagraphs
        #expect(accepted.map(\.text) == [String(repeating: "0123456789", count: 9000) + "end"])
        #expect(accepted.first?.location.paragraphIndex == 0)
        let rejected = try Self.read("paragraph-marks-deleted.docx", view: .rejected).body.allParagraphs
        #expect(rejected.count == 9001)
    }

    /// 10,000 fields begun and never ended: every piece of text scanned every open field. All
    /// the text is still inside field instructions, so nothing is shown.
    @Test func unendedFieldsHideTheirText() throws {
        let paragraphs = try Self.read("fields-never-ended.docx").body.allParagraphs
        #expect(paragraphs.map(\.text) == ["", ""])
    }

    /// fuzz-parts' first finding (LeakSanitizer): ZipWriter gave libzip a 1-byte copy for an
    /// empty entry, which libzip never frees. An empty part still round-trips; the leak itself
    /// shows under `swift test --sanitize=address`.
    @Test func emptyPartsAreWrittenAndRead() throws {
        let builder = DocxBuilder(body: "<w:p><w:r><w:t>正文</w:t></w:r></w:p>", styles: "", replacedParts: ["word/styles.xml": []])
        let document = try DocxReader().read(bytes: builder.bytes(), name: "empty-styles.docx")
        #expect(document.body.allParagraphs.map(\.text) == ["正文"])
        #expect(document.diagnostics.contains { $0.code == "reader.part-unreadable" })
    }
}
