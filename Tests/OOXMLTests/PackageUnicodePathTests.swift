import Testing
import TestSupport
@testable import OOXML

/// Info-ZIP Unicode Path extra fields (0x7075): libzip applies the central header's field and
/// hides it, other readers ignore it, so a field that renames an entry onto another entry's
/// name swaps parts between readers (Apache POI's `unicode-path.docx`).
struct PackageUnicodePathTests {
    static let document = "word/document.xml"
    static let other = "zip-test-additional-file"

    /// A package whose main part says "1", followed by `other`: a second document that says "2".
    static func entries() -> [StoredZip.Entry] {
        let builder = DocxBuilder(body: "<w:p><w:r><w:t>1</w:t></w:r></w:p>")
        let decoy = DocxBuilder(body: "<w:p><w:r><w:t>2</w:t></w:r></w:p>").parts().first { $0.name == document }!
        return builder.parts().map { StoredZip.Entry(name: $0.name, data: $0.bytes) }
            + [StoredZip.Entry(name: other, data: decoy.bytes, flags: 0)]
    }

    static var mainPartBytes: [UInt8] {
        DocxBuilder(body: "<w:p><w:r><w:t>1</w:t></w:r></w:p>").parts().first { $0.name == document }!.bytes
    }

    /// Where a test puts its Unicode Path fields.
    enum Header: String, CaseIterable, Sendable { case central, local, both }

    /// `entries()` with a field on the entry named `header` naming it `unicodeName`.
    static func withField(_ entries: [StoredZip.Entry], on header: String, naming unicodeName: String, in place: Header) -> [StoredZip
        .Entry]
    {
        entries.map { entry in
            guard entry.name == Array(header.utf8) else { return entry }
            var entry = entry
            let field = StoredZip.unicodePath(unicodeName, header: entry.name)
            if place != .local { entry.centralExtra += field }
            if place != .central { entry.localExtra += field }
            return entry
        }
    }

    @Test("Two entries whose Unicode Paths name each other are refused, in either header", arguments: Header.allCases)
    func swappedNames(_ place: Header) {
        var entries = Self.withField(Self.entries(), on: Self.document, naming: Self.other, in: place)
        entries = Self.withField(entries, on: Self.other, naming: Self.document, in: place)
        let outcome = ContainerOutcome(bytes: StoredZip.bytes(entries))
        #expect(outcome.reason == .unicodePathConflict(headerName: Self.other, unicodePath: Self.document))
        #expect(outcome.code == "duplicate-entry")
    }

    @Test(
        "A Unicode Path that renames an entry onto another entry's name is refused",
        arguments: [
            (Header.central, DocxReadError.Reason.duplicateEntry(name: document)),
            (.local, .unicodePathConflict(headerName: other, unicodePath: document)),
            (.both, .duplicateEntry(name: document)),
        ])
    func oneSidedRename(_ place: Header, _ expected: DocxReadError.Reason) {
        // Central: libzip itself sees two word/document.xml. Local only: libzip sees none, a
        // streaming reader (Commons Compress's ZipArchiveInputStream) two.
        let entries = Self.withField(Self.entries(), on: Self.other, naming: Self.document, in: place)
        #expect(ContainerOutcome(bytes: StoredZip.bytes(entries)).reason == expected)
    }

    /// Packages whose Unicode Path fields are correct or harmless, and the part name each must list.
    static let harmless: [(label: String, entries: [StoredZip.Entry], part: String)] = {
        let cp437 = Array("word/media/caf".utf8) + [0x82] + Array(".png".utf8)  // 0x82 is é in CP437
        let picture = StoredZip.Entry(
            name: cp437, data: [1, 2, 3], flags: 0, centralExtra: StoredZip.unicodePath("word/media/café.png", header: cp437))
        let chinese = Array("word/media/图片.png".utf8)
        let utf8 = StoredZip.Entry(name: chinese, data: [1], centralExtra: StoredZip.unicodePath("word/media/图片.png", header: chinese))
        var stale = entries()
        stale[stale.count - 1].centralExtra = StoredZip.unicodePath(document, header: Array(other.utf8), crc: 0x1234_5678)
        let ignored = [StoredZip.Entry(name: "../x.txt", data: [1]), StoredZip.Entry(name: "../x.txt", data: [2])]
        return [
            ("a CP437 name with its UTF-8 spelling", entries() + [picture], "word/media/café.png"),
            // Repeated unsafe names are ignored, never parts: the Unicode Path check leaves them be.
            ("a correct field beside two ignored entries of one unsafe name", entries() + [picture] + ignored, "word/media/café.png"),
            ("a UTF-8 name repeated in the field", entries() + [utf8], "word/media/图片.png"),
            ("the main part's own name, in both headers", withField(entries(), on: document, naming: document, in: .both), document),
            // Every reader that honours the field checks the CRC-32 and ignores a stale one.
            ("a stale field (CRC-32 of another name) naming the main part", stale, other),
        ]
    }()

    @Test("Correct Unicode Path fields still open, and the right part is read", arguments: harmless)
    func correctField(_ c: (label: String, entries: [StoredZip.Entry], part: String)) throws {
        let package = try WordPackage(bytes: StoredZip.bytes(c.entries), displayName: "t.docx")
        #expect(package.partNames.contains(c.part), "\(c.label): \(package.partNames)")
        #expect(package.mainPartName == Self.document)
        #expect(try package.readPart(Self.document) == Self.mainPartBytes, "\(c.label)")
    }

    @Test(
        "Apache POI's unicode-path.docx is refused, not read with its parts swapped",
        .enabled(if: SharedCorpus.root != nil, Comment(rawValue: SharedCorpus.missingMessage)))
    func corpusFile() {
        let outcome = ContainerOutcome(path: SharedCorpus.path("docx/apache-poi/unicode-path.docx"), displayName: "unicode-path.docx")
        #expect(outcome.reason == .unicodePathConflict(headerName: Self.other, unicodePath: Self.document))
    }

    @Test("Header names decode as libzip decodes them, and the CRC-32 is the zip one")
    func decoding() {
        #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.headerName(Array("caf".utf8) + [0x82, 0xFF], flags: 0) == "café\u{A0}")
        #expect(ZipArchive.headerName(Array("图片".utf8), flags: 0) == "图片")
        let field = StoredZip.unicodePath("b", header: Array("a".utf8))
        #expect(ZipArchive.applicableName(Array(field.dropFirst(4)), header: Array("a".utf8)) == "b")
        #expect(ZipArchive.applicableName(Array(field.dropFirst(4)), header: Array("c".utf8)) == nil)
    }
}

/// A zip of stored entries written byte by byte (APPNOTE 4.3), so that its headers can carry
/// the Unicode Path fields libzip will not write (it treats 0x7075 as its own).
enum StoredZip {
    struct Entry: Sendable {
        var name: [UInt8]
        var data: [UInt8]
        /// General-purpose flags; bit 11 (0x0800) says the name is UTF-8.
        var flags: UInt16 = 0x0800
        var centralExtra: [UInt8] = []
        var localExtra: [UInt8] = []

        init(name: [UInt8], data: [UInt8], flags: UInt16 = 0x0800, centralExtra: [UInt8] = [], localExtra: [UInt8] = []) {
            self.name = name
            self.data = data
            self.flags = flags
            self.centralExtra = centralExtra
            self.localExtra = localExtra
        }

        init(name: String, data: [UInt8], flags: UInt16 = 0x0800) {
            self.init(name: Array(name.utf8), data: data, flags: flags)
        }
    }

    /// An Info-ZIP Unicode Path field (id, length, version 1, CRC-32 of `header`, the name);
    /// `crc` overrides the checksum to make a stale field.
    static func unicodePath(_ name: String, header: [UInt8], crc: UInt32? = nil) -> [UInt8] {
        let utf8 = Array(name.utf8)
        return le16(0x7075) + le16(UInt16(5 + utf8.count)) + [1] + le32(crc ?? ZipArchive.crc32(header)) + utf8
    }

    static func bytes(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let crc = ZipArchive.crc32(entry.data)
            let size = UInt32(entry.data.count)
            // version needed, flags, method (stored), time, date (1980-01-01), CRC, sizes.
            let common = le16(20) + le16(entry.flags) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(size) + le32(size)
            out +=
                le32(0x0403_4B50) + common + le16(UInt16(entry.name.count)) + le16(UInt16(entry.localExtra.count))
                + entry.name + entry.localExtra + entry.data
            central +=
                le32(0x0201_4B50) + le16(20) + common + le16(UInt16(entry.name.count))
                + le16(UInt16(entry.centralExtra.count)) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
                + entry.name + entry.centralExtra
        }
        let count = le16(UInt16(entries.count))
        return out + central + le32(0x0605_4B50) + le16(0) + le16(0) + count + count
            + le32(UInt32(central.count)) + le32(UInt32(out.count)) + le16(0)
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
}
