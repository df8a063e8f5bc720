import Testing
import TestSupport
@testable import OOXML

/// One input that is not a usable zip, and the refusal it must get.
struct SniffCase: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: [UInt8]
    var fileName = "draft.docx"
    var expected: DocxReadError.Reason
    var testDescription: String { label }
}

/// A 162-byte Word owner file for `user`, as Word writes it.
func lockFileBytes(user: String = "Test User") -> [UInt8] {
    var bytes = [UInt8(user.utf8.count)] + Array(user.utf8) + Array(repeating: 0x20, count: 53 - user.utf8.count)
    bytes += [UInt8(user.utf16.count), 0] + user.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    while bytes.count < 162 { bytes += [0x20, 0x00] }
    return bytes
}

struct PackageSnifferTests {
    static let textCases: [SniffCase] = [
        SniffCase(label: "0 bytes", bytes: [], expected: .emptyFile),
        SniffCase(label: "Word lock file by its ~$ name", bytes: lockFileBytes(), fileName: "dir/~$draft.docx", expected: .lockFile),
        SniffCase(label: "Word lock file renamed", bytes: lockFileBytes(user: "张三"), expected: .lockFile),
        SniffCase(label: "random bytes", bytes: seededBytes(count: 4096), expected: .notAZip(detected: nil)),
        SniffCase(
            label: "RTF", bytes: Array(#"{\rtf1\ansi\deff0 RTF saved as .docx\par}"#.utf8), expected: .notAZip(detected: "RTF document")),
        SniffCase(
            label: "HTML with BOM, blank lines and upper case",
            bytes: [0xEF, 0xBB, 0xBF] + Array("\r\n  <!DOCTYPE HTML><html></html>".utf8),
            expected: .notAZip(detected: "HTML document")),
        SniffCase(
            label: "HTML without doctype", bytes: Array("<html><body>x</body></html>".utf8), expected: .notAZip(detected: "HTML document")),
        SniffCase(
            label: "XHTML", bytes: Array(#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>"#.utf8),
            expected: .notAZip(detected: "HTML document")),
        SniffCase(label: "PDF", bytes: Array("%PDF-1.7\n%âãÏÓ\n".utf8), expected: .notAZip(detected: "PDF document")),
        SniffCase(
            label: "Git LFS pointer", bytes: Array("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 182364\n".utf8),
            expected: .notAZip(detected: "Git LFS pointer: the real file was never downloaded (run git lfs pull)")),
        SniffCase(
            label: "Flat OPC XML",
            bytes: Array(#"<?xml version="1.0"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="urn:x"/>"#.utf8),
            expected: .notAZip(detected: "Word XML document (Flat OPC), not .docx")),
        SniffCase(
            label: "Word 2003 XML", bytes: Array(#"<?xml version="1.0"?><w:wordDocument xmlns:w="urn:x"/>"#.utf8),
            expected: .notAZip(detected: "Word 2003 XML document, not .docx")),
        SniffCase(
            label: "a bare document.xml", bytes: Array(#"<?xml version="1.0"?><w:document xmlns:w="urn:x"/>"#.utf8),
            expected: .notAZip(detected: "XML document")),
        SniffCase(label: "UTF-8 text", bytes: Array("一、总体要求\n（一）指导思想\n".utf8), expected: .notAZip(detected: "text file")),
        SniffCase(
            label: "UTF-16 text", bytes: [0xFF, 0xFE] + "plan".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            expected: .notAZip(detected: "text file, UTF-16")),
        SniffCase(label: "PNG", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], expected: .notAZip(detected: "PNG image")),
    ]

    @Test("A file that is not a zip is named for what it is", arguments: textCases)
    func notAZip(_ c: SniffCase) {
        let outcome = ContainerOutcome(bytes: c.bytes, name: c.fileName)
        #expect(outcome.reason == c.expected)
    }

    static let compoundCases: [SniffCase] = [
        SniffCase(
            label: "Word 97-2003 .doc",
            bytes: CompoundFileBuilder.build(streams: [
                ("WordDocument", [0xEC, 0xA5] + Array(repeating: 0, count: 4998)), ("1Table", Array(repeating: 0, count: 1200)),
                ("\u{5}SummaryInformation", Array(repeating: 0, count: 400)),
            ]), expected: .legacyDoc),
        SniffCase(
            label: "password-protected .docx",
            bytes: CompoundFileBuilder.build(streams: [
                ("EncryptionInfo", [4, 0, 4, 0, 0x40, 0, 0, 0] + Array("<encryption/>".utf8)),
                ("EncryptedPackage", seededBytes(count: 9016)),
            ]), expected: .encryptedPackage),
        SniffCase(
            label: "stream names in another case",
            bytes: CompoundFileBuilder.build(streams: [
                ("ENCRYPTIONINFO", [4, 0, 4, 0]), ("ENCRYPTEDPACKAGE", [1, 2, 3]),
            ]), expected: .encryptedPackage),
        SniffCase(
            label: "Excel 97-2003", bytes: CompoundFileBuilder.build(streams: [("Workbook", Array(repeating: 9, count: 600))]),
            expected: .compoundFile(detected: "Excel 97-2003 workbook")),
        SniffCase(
            label: "PowerPoint 97-2003", bytes: CompoundFileBuilder.build(streams: [("PowerPoint Document", [1]), ("Current User", [2])]),
            expected: .compoundFile(detected: "PowerPoint 97-2003 presentation")),
        SniffCase(
            label: "Outlook message",
            bytes: CompoundFileBuilder.build(streams: [("__properties_version1.0", [0]), ("__substg1.0_0037001F", [0])]),
            expected: .compoundFile(detected: "Outlook message")),
        SniffCase(
            label: "another compound file", bytes: CompoundFileBuilder.build(streams: [("Contents", [1, 2, 3])]),
            expected: .compoundFile(detected: nil)),
        SniffCase(
            label: "only the signature", bytes: CompoundFile.signature + seededBytes(count: 1000),
            expected: .compoundFile(detected: "unreadable compound-file directory")),
    ]

    @Test("An OLE2 compound file is told apart by its root streams", arguments: compoundCases)
    func compoundFile(_ c: SniffCase) {
        #expect(ContainerOutcome(bytes: c.bytes).reason == c.expected)
    }

    @Test("A compound file whose directory chain loops is refused without hanging")
    func compoundFileLoop() {
        var bytes = CompoundFileBuilder.build(streams: [("WordDocument", [1])])
        // FAT entry of the first directory sector (sector 1, after one FAT sector): point it at itself.
        let fatEntry = 512 + 4 * 1
        bytes.replaceSubrange(fatEntry..<(fatEntry + 4), with: [1, 0, 0, 0])
        #expect(ContainerOutcome(bytes: bytes).reason == .compoundFile(detected: "unreadable compound-file directory"))
    }

    @Test("A compound file whose directory tree links back to itself is read once per entry")
    func compoundFileTreeCycle() throws {
        var bytes = CompoundFileBuilder.build(streams: [("Contents", [1]), ("WordDocument", [2])])
        // Directory sector is sector 1 (offset 1024); entry 2's right sibling → entry 1.
        let right = 1024 + 2 * 128 + 0x48
        bytes.replaceSubrange(right..<(right + 4), with: [1, 0, 0, 0])
        let names = try #require(bytes.withUnsafeBytes { CompoundFile($0) }?.rootEntryNames)
        #expect(names == ["Contents", "WordDocument"])
    }

    @Test("A real package named like a lock file is read")
    func lockNameButZip() {
        let outcome = ContainerOutcome(bytes: DocxBuilder(body: "<w:p/>").bytes(), name: "~$draft.docx")
        #expect(outcome.code == nil)
    }

    @Test("A zip cut in half is truncated, not 'not a zip'")
    func truncated() {
        let bytes = DocxBuilder(body: String(repeating: "<w:p><w:r><w:t>段落</w:t></w:r></w:p>", count: 200)).bytes()
        #expect(ContainerOutcome(bytes: Array(bytes.prefix(bytes.count / 2))).code == "truncated-zip")
    }
}
