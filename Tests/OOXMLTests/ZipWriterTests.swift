import Foundation
import Testing
import TestSupport
@testable import OOXML

struct ZipWriterTests {
    static func archive(_ bytes: [UInt8]) throws -> ZipArchive {
        try ZipArchive(input: InputBytes(copying: bytes), file: "t.zip", limits: .default)
    }

    @Test("Entries come back in the order added, with their bytes")
    func roundTrip() throws {
        var writer = ZipWriter()
        let entries: [(String, [UInt8], Bool)] = [
            ("[Content_Types].xml", Array("<Types/>".utf8), true),
            ("word/document.xml", Array(String(repeating: "<w:p/>", count: 500).utf8), true),
            ("word/media/图 1.png", seededBytes(count: 300), false), ("empty.txt", [], true),
        ]
        for (name, bytes, compress) in entries { writer.add(name, bytes, compress: compress) }
        #expect(writer.names == entries.map(\.0))
        let zip = try Self.archive(writer.finish())
        #expect(zip.entries.map(\.name) == entries.map(\.0))
        #expect(zip.entries.map(\.compressionMethod) == [8, 8, 0, 8])
        for (i, entry) in zip.entries.enumerated() {
            #expect(try zip.read(entry, limits: .default, budget: 1 << 20) == entries[i].1)
        }
    }

    @Test("The same entries give the same bytes; only the timestamp fields differ by date")
    func deterministic() throws {
        func build(_ date: Date) throws -> [UInt8] {
            var writer = ZipWriter(modificationDate: date)
            writer.add("[Content_Types].xml", Array("<Types/>".utf8))
            writer.add("word/document.xml", Array("<w:document/>".utf8))
            return try writer.finish()
        }
        let a = try build(ZipWriter.dosEpoch)
        let b = try build(ZipWriter.dosEpoch)
        #expect(a == b)
        let c = try build(Date(timeIntervalSince1970: 1_700_000_000))
        #expect(a.count == c.count)
        let differing = zip(a, c).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(differing.count <= 4 * 4)  // DOS time + date, local and central header, two entries
    }

    @Test(
        "DOS timestamps are taken in UTC and clamped to 1980",
        arguments: [
            (315_532_800.0, UInt16(0x0021), UInt16(0)),  // 1980-01-01 00:00:00
            (1_700_000_000.0, UInt16((2023 - 1980) << 9 | 11 << 5 | 14), UInt16(22 << 11 | 13 << 5 | 10)),  // 2023-11-14 22:13:20
            (0.0, UInt16(0x0021), UInt16(0)),
        ])
    func dosTime(_ seconds: Double, _ date: UInt16, _ time: UInt16) {
        let (d, t) = ZipWriter.dosDateTime(Date(timeIntervalSince1970: seconds))
        #expect(d == date)
        #expect(t == time)
    }

    @Test("A name added twice is an error, not a silent replacement")
    func duplicate() {
        var writer = ZipWriter()
        writer.add("a.xml", [1])
        writer.add("a.xml", [2])
        #expect(throws: ZipWriter.Failure.self) { try writer.finish() }
    }

    @Test("writeAtomically replaces the file in one step and leaves no temporary file")
    func atomicWrite() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("out.docx")
        try ZipWriter.writeAtomically([1, 2, 3], to: path)
        try ZipWriter.writeAtomically(DocxBuilder(body: "<w:p/>").bytes(), to: path)
        #expect(try WordPackage(path: path).mainPartName == "word/document.xml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.docx"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test("writeAtomically into a missing directory fails and creates nothing")
    func atomicWriteFailure() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: ZipWriter.Failure.self) { try ZipWriter.writeAtomically([1], to: directory.file("missing/out.docx")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
