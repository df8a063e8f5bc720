import Foundation
import Testing
import TestSupport

/// `plan-assembler dump` as a user runs it: stdout, stderr and exit status.
@Suite(.serialized) struct DumpCommandTests {
    static let scratch: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-assembler-cli-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    static func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = scratch.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let good = DocxBuilder(body: "<w:p><w:r><w:t>第一段</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p>")

    @Test("A readable file prints its text, one paragraph per line, and exits 0")
    func readable() throws {
        let path = try Self.write("good.docx", Self.good.bytes())
        let run = try CLI.run(["dump", "--format", "text", path])
        #expect(run.status == 0)
        #expect(run.stdout == "第一段\n第二段\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("An unreadable file is named on stderr with its reason, the others are still dumped, and the exit status is 1")
    func mixedBatch() throws {
        let good = try Self.write("good2.docx", Self.good.bytes())
        let empty = try Self.write("empty.docx", [])
        let legacy = try Self.write("legacy.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100))
        let run = try CLI.run(["dump", empty, good, legacy])
        #expect(run.status == 1)
        #expect(run.stdout == "第一段\n第二段\n")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "error: \(empty): empty file (0 bytes)")
        #expect(lines.last?.hasPrefix("error: \(legacy): ") == true)
    }

    @Test("A missing file is an input error, not a crash")
    func missingFile() throws {
        let run = try CLI.run(["dump", Self.scratch.appendingPathComponent("nope.docx").path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: "))
        #expect(run.stderr.contains("nope.docx"))
    }

    @Test("Usage errors exit 64", arguments: [["dump"], ["dump", "--format", "pdf", "x.docx"], ["no-such-command"]])
    func usage(_ arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 64)
        #expect(!run.stderr.isEmpty)
    }

    @Test("The rejected view shows deleted text and drops inserted text")
    func rejectedView() throws {
        let body =
            #"<w:p><w:r><w:t>达到</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>2.3</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>2.5</w:t></w:r></w:ins></w:p>"#
        let path = try Self.write("revised.docx", DocxBuilder(body: body).bytes())
        #expect(try CLI.run(["dump", path]).stdout == "达到2.5\n")
        #expect(try CLI.run(["dump", "--view", "rejected", path]).stdout == "达到2.3\n")
    }

    @Test("JSON output is the document model with sorted keys")
    func json() throws {
        let path = try Self.write("json.docx", Self.good.bytes())
        let run = try CLI.run(["dump", "--format", "json", path])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["view"] as? String == "accepted")
        #expect((object?["body"] as? [Any])?.count == 2)
    }
}
