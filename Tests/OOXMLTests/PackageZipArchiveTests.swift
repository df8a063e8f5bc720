import Testing
import TestSupport
@testable import OOXML

/// Damaged, lying and hostile zip containers, built in code from a valid package.
struct PackageZipArchiveTests {
    static let document = "word/document.xml"

    /// A valid package whose document.xml is `paragraphs` paragraphs long.
    static func package(paragraphs: Int = 40) -> [UInt8] {
        DocxBuilder(body: String(repeating: "<w:p><w:r><w:t>第一章 总体要求 The plan text.</w:t></w:r></w:p>", count: paragraphs)).bytes()
    }

    static func patched(_ edit: (inout ZipPatcher) -> Void) -> [UInt8] {
        var patcher = ZipPatcher(package())
        edit(&patcher)
        return patcher.bytes
    }

    @Test("A valid package opens and its main part reads back as written")
    func valid() throws {
        let builder = DocxBuilder(body: "<w:p><w:r><w:t>你好</w:t></w:r></w:p>")
        let package = try WordPackage(bytes: builder.bytes(), displayName: "ok.docx")
        let written = try #require(builder.parts().first { $0.name == Self.document })
        #expect(try package.readPart(Self.document) == written.bytes)
        #expect(package.diagnostics.isEmpty)
        #expect(package.sha256.count == 64)
    }

    @Test("A stored CRC-32 that does not match the data is a damaged zip")
    func crcMismatch() {
        let bytes = Self.patched { $0.setCRC(of: Self.document, $0.crc(of: Self.document) ^ 0x5A5A_5A5A) }
        guard case .corruptZip(let entry, let message)? = ContainerOutcome(bytes: bytes).reason else {
            Issue.record("expected corruptZip")
            return
        }
        #expect(entry == Self.document)
        #expect(message.contains("CRC-32"))
    }

    @Test("A corrupt deflate stream is a damaged zip")
    func deflateCorrupt() {
        let bytes = Self.patched { $0.invertData(of: Self.document, 10..<40) }
        #expect(ContainerOutcome(bytes: bytes).code == "zip-corrupt")
    }

    @Test("An entry that inflates past its declared size is refused after a few bytes")
    func lyingSize() throws {
        // 6 MB of XML declared as 4096 bytes.
        var patcher = ZipPatcher(DocxBuilder(body: String(repeating: "<w:p/>", count: 1_000_000)).bytes())
        patcher.setDeclaredSize(of: Self.document, 4096)
        let package = try WordPackage(bytes: patcher.bytes, displayName: "lying.docx")
        let before = package.bytesRead
        #expect {
            try package.readPart(Self.document)
        } throws: { error in
            guard case .sizeLimit(let entry, let message) = (error as? DocxReadError)?.reason else { return false }
            return entry == Self.document && message.contains("inflates past the 4096 bytes")
        }
        #expect(package.bytesRead == before)
    }

    @Test("An entry shorter than declared is a damaged zip")
    func shorterThanDeclared() throws {
        var patcher = ZipPatcher(Self.package())
        let written = try #require(DocxBuilder(body: String(repeating: "<w:p><w:r><w:t>第一章 总体要求 The plan text.</w:t></w:r></w:p>", count: 40)).parts().first { $0.name == Self.document })
        patcher.setDeclaredSize(of: Self.document, UInt32(written.bytes.count + 1000))
        #expect(ContainerOutcome(bytes: patcher.bytes).code == "zip-corrupt")
    }

    @Test("A part compressed beyond the ratio limit is refused before it is inflated")
    func ratioBomb() {
        let bytes = DocxBuilder(body: String(repeating: "<w:p/>", count: 50_000)).bytes()  // 300 kB → ~1 kB
        let limits = ReadLimits(maxCompressionRatio: 100, ratioFloor: 64 << 10)
        guard case .sizeLimit(_, let message)? = ContainerOutcome(bytes: bytes, limits: limits).reason else {
            Issue.record("expected sizeLimit")
            return
        }
        #expect(message.contains("compression ratio"))
        // Under the floor the ratio is not checked.
        #expect(ContainerOutcome(bytes: bytes, limits: ReadLimits(maxCompressionRatio: 100, ratioFloor: 1 << 20)).code == nil)
    }

    @Test("A part larger than maxEntrySize is refused by its declared size")
    func entrySize() {
        let outcome = ContainerOutcome(bytes: Self.package(), limits: ReadLimits(maxEntrySize: 1000))
        guard case .sizeLimit(let entry, let message)? = outcome.reason else {
            Issue.record("expected sizeLimit, got \(outcome)")
            return
        }
        #expect(entry == Self.document)
        #expect(message.contains("declares"))
    }

    @Test("Reading stops at maxTotalSize, counting every part read")
    func totalSize() throws {
        let bytes = Self.package()
        let main = try WordPackage(bytes: bytes, displayName: "t.docx").readPart(Self.document).count
        let package = try WordPackage(bytes: bytes, displayName: "t.docx", limits: ReadLimits(maxTotalSize: Int64(main * 3)))
        var reads = 0
        #expect(throws: DocxReadError.self) {
            while reads < 10 {
                _ = try package.readPart(Self.document)
                reads += 1
            }
        }
        #expect(reads == 2)  // the package and content-type parts were read first
        #expect(package.bytesRead <= Int64(main * 3))
    }

    @Test("More entries than maxEntries is refused")
    func tooManyEntries() {
        #expect(ContainerOutcome(bytes: Self.package(), limits: ReadLimits(maxEntries: 2)).reason == .tooManyEntries(count: 3, limit: 2))
    }

    @Test("A file larger than maxTotalSize is refused before it is read")
    func fileSize() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.package(), to: "big.docx")
        guard case .sizeLimit(nil, _)? = ContainerOutcome(path: path, displayName: "big.docx", limits: ReadLimits(maxTotalSize: 100)).reason else {
            Issue.record("expected sizeLimit")
            return
        }
    }

    @Test("Encrypted entries refuse the package, whichever entry is encrypted", arguments: ["[Content_Types].xml", document])
    func encryptedEntry(_ name: String) {
        let bytes = Self.patched { $0.addFlags(of: name, 0x1) }
        #expect(ContainerOutcome(bytes: bytes).reason == .encryptedEntries(entry: name))
    }

    @Test("A compression method libzip cannot inflate is named", arguments: [(UInt16(98), "PPMd (98)"), (6, "imploded (6)")])
    func unsupportedMethod(_ method: UInt16, _ name: String) {
        let bytes = Self.patched { $0.setCompressionMethod(of: Self.document, method) }
        #expect(ContainerOutcome(bytes: bytes).reason == .unsupportedCompression(entry: Self.document, method: name))
    }

    @Test("Two entries with the same part name, in any case, make the package ambiguous",
          arguments: ["word/document.xml", "WORD/Document.XML"])
    func duplicate(_ copyName: String) {
        var builder = DocxBuilder(body: "<w:p/>")
        builder.extraParts = [.init(name: "word/document.xmX", xml: "<w:document/>")]
        var patcher = ZipPatcher(builder.bytes())
        patcher.rename("word/document.xmX", to: copyName)
        #expect(ContainerOutcome(bytes: patcher.bytes).reason == .duplicateEntry(name: copyName))
    }

    static let unsafeNames = [
        "../../../../tmp/escape.txt", "/tmp/absolute.txt", "word/../../dotdot.txt", #"..\..\backslash.txt"#,
        "C:/drive.txt", "word//empty-segment.txt", "./dot.txt",
    ]

    @Test("Unsafe entry names are ignored with a warning; the document opens", arguments: unsafeNames)
    func unsafeName(_ name: String) throws {
        var builder = DocxBuilder(body: "<w:p/>")
        builder.extraParts = [.init(name: name, xml: "never extracted")]
        let package = try WordPackage(bytes: builder.bytes(), displayName: "t.docx")
        #expect(package.diagnostics.map(\.code) == ["package.unsafe-entry-name"])
        #expect(!package.partNames.contains(name))
        #expect(!package.hasPart(name))
    }

    @Test("Directory entries are not parts and raise nothing")
    func directoryEntry() throws {
        var builder = DocxBuilder(body: "<w:p/>")
        builder.extraParts = [.init(name: "word/media/", bytes: [])]
        let package = try WordPackage(bytes: builder.bytes(), displayName: "t.docx")
        #expect(package.diagnostics.isEmpty)
        #expect(!package.partNames.contains("word/media/"))
    }

    @Test("A path that cannot be read is an I/O error naming the file")
    func unreadablePath() throws {
        let directory = try TemporaryDirectory()
        for path in [directory.file("absent.docx"), directory.path] {
            guard case .io? = ContainerOutcome(path: path, displayName: "draft.docx").reason else {
                Issue.record("expected io for \(path)")
                continue
            }
        }
    }
}
