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
        let written = try #require(
            DocxBuilder(body: String(repeating: "<w:p><w:r><w:t>第一章 总体要求 The plan text.</w:t></w:r></w:p>", count: 40)).parts().first {
                $0.name == Self.document
            })
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

    @Test("A file larger than maxFileSize is refused before it is read, saying so (not a part limit)")
    func fileSize() throws {
        let directory = try TemporaryDirectory()
        let bytes = Self.package()
        let path = try directory.write(bytes, to: "big.docx")
        let reason = ContainerOutcome(path: path, displayName: "big.docx", limits: ReadLimits(maxFileSize: 100)).reason
        #expect(reason == .fileTooLarge(size: Int64(bytes.count), limit: 100))
        #expect(reason?.description.contains("ReadLimits.maxFileSize") == true)
    }

    /// Pseudo-random (incompressible) bytes: a picture as far as deflate can tell.
    static func noise(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    /// Issue 15: a legitimate draft full of media was refused as "possibly a malicious archive"
    /// because the whole file was held to the limit meant for the XML parts read.
    @Test("The size limits follow the parts read: a draft far larger than them in media is read")
    func limitsFollowThePartsRead() throws {
        let media = [
            // 3 MB of picture data, stored as it is; 40 MB of a flat picture, compressing ~1000:1.
            DocxBuilder.Part(name: "word/media/image1.png", bytes: Self.noise(3 << 20)),
            DocxBuilder.Part(name: "word/media/image2.bmp", bytes: [UInt8](repeating: 0, count: 40 << 20)),
        ]
        let body = "<w:p><w:r><w:t>第一章 总体要求</w:t></w:r></w:p>"
        let bytes = DocxBuilder(body: body, extraParts: media).bytes()
        // Limits far below the file and the media, above the XML parts.
        let limits = ReadLimits(maxEntrySize: 1 << 20, maxTotalSize: 2 << 20, maxCompressionRatio: 100, ratioFloor: 64 << 10)
        #expect(bytes.count > Int(limits.maxTotalSize))
        let directory = try TemporaryDirectory()
        let path = try directory.write(bytes, to: "media.docx")
        let document = try DocxReader(limits: limits).read(path: path, displayName: "media.docx")
        #expect(document.body.count == 1)
        // The XML parts read are still held to the limits: the same media, a main part past them.
        let large = DocxBuilder(body: String(repeating: body, count: 40_000), extraParts: media).bytes()
        guard case .sizeLimit(let entry, let message)? = ContainerOutcome(bytes: large, limits: limits).reason else {
            Issue.record("expected sizeLimit on word/document.xml")
            return
        }
        #expect(entry == Self.document)
        #expect(message.contains("limit"), "\(message)")
    }

    @Test("A text node past libxml2's limit is said to be too large, not malformed")
    func hugeTextNode() throws {
        // 10.2 MB of UTF-8 in one w:t: varied CJK characters, so that it compresses like prose.
        var scalars = String.UnicodeScalarView()
        for byte in Self.noise(3_400_000) { scalars.append(Unicode.Scalar(0x4E00 + UInt32(byte) * 37)!) }
        let text = String(scalars)
        let bytes = DocxBuilder(body: "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>").bytes()
        do {
            _ = try DocxReader().read(bytes: bytes, name: "huge.docx")
            Issue.record("a 10 MB text node was read")
        } catch {
            guard case .textNodeLimit(let part, _, let limit) = error.reason else {
                Issue.record("expected textNodeLimit, got \(error.reason)")
                return
            }
            #expect(part == Self.document && limit == 10_000_000)
            #expect(error.reason.description.contains("text node") && !error.reason.description.contains("not well-formed"))
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

    @Test(
        "Two entries with the same part name, in any case, make the package ambiguous",
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
