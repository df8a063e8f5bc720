import Foundation
import PlanBuild
import PlanTemplates
import Testing

/// The per-draft cache under `<out>/.cache`: a rebuild reads only what changed, and whatever
/// the cache holds (nothing, everything, damaged entries, spilled extractions) the outputs are
/// the bytes a cold build writes.
@Suite(.serialized) struct BuildCacheTests {
    /// Two topics with an older and a newer draft each (one superseded), plus six others.
    static let sample = [
        "新一代信息技术领域科技发展规划  修改稿.docx", "辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）.docx",
        "公共安全科技规划 征求意见稿.docx", "辽宁省公共安全领域科技发展规划（初稿）.docx",
        "10-新材料领域科技发展规划（征求意见稿）.docx", "S4 科技投入与绩效评价问题研究.docx",
        "draft-07.docx", "资源环境领域科技发展规划-初稿0915.docx",
        "17-卫生健康领域科技发展规划（修改稿）.docx", "科技服务业发展规划（征求意见稿）.docx",
    ]

    /// A drop folder with copies of `sample` (modification times kept, they decide supersession).
    static func dropFolder(_ name: String) throws -> URL {
        let dir = try BuildCommandTests.scratch(name)
        for file in sample {
            let from = BuildCommandTests.inputs.appendingPathComponent(file).path
            let to = dir.appendingPathComponent(file).path
            try FileManager.default.copyItem(atPath: from, toPath: to)
            let attributes = try FileManager.default.attributesOfItem(atPath: from)
            try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: to)
        }
        return dir
    }

    /// Builds in-process with the engine `plan-assembler build` runs: drafts read, and taken
    /// from the cache.
    static func build(
        _ inputs: URL, _ out: URL, cache: Bool = true, keepInMemory: Int = 500, templates: URL? = nil, since: String? = nil
    ) async throws -> (read: Int, cached: Int) {
        let folder = templates ?? CLI.projectRoot.appendingPathComponent("Templates")
        var engine = try BuildEngine(templates: TemplateSet.load(from: .folder(folder.path)), out: out.path, useCache: cache)
        engine.keepInMemory = keepInMemory
        engine.since = since
        let summary = try await engine.perform(inputs: inputs.path)
        return (summary.extracted, summary.cached)
    }

    static func expectSameOutputs(_ a: URL, _ b: URL, _ what: String) throws {
        let x = try BuildCommandTests.outputs(a)
        let y = try BuildCommandTests.outputs(b)
        #expect(x.keys.sorted() == y.keys.sorted(), "\(what): different files")
        for (name, data) in x where y[name] != data { Issue.record("\(what): \(name) differs") }
    }

    @Test("Cold, cached, uncached and spilled builds write the same bytes; a rebuild reads nothing")
    func sameBytesWhateverTheCache() async throws {
        let inputs = try Self.dropFolder("cache-in")
        let cold = try BuildCommandTests.scratch("cache-cold")
        #expect(try await Self.build(inputs, cold) == (10, 0))
        #expect(try await Self.build(inputs, cold) == (0, 10))
        let reference = try BuildCommandTests.scratch("cache-ref")
        #expect(try await Self.build(inputs, reference, cache: false) == (10, 0))
        #expect(!FileManager.default.fileExists(atPath: reference.appendingPathComponent(".cache").path))
        try Self.expectSameOutputs(reference, cold, "rebuild from the cache")

        // Past --keep-in-memory, extractions are re-read from the cache between the passes.
        let spilled = try BuildCommandTests.scratch("cache-spill")
        #expect(try await Self.build(inputs, spilled, keepInMemory: 2) == (10, 0))
        try Self.expectSameOutputs(reference, spilled, "spilled cold build")
        #expect(try await Self.build(inputs, spilled, keepInMemory: 2) == (0, 10))
        try Self.expectSameOutputs(reference, spilled, "spilled rebuild")
    }

    @Test("One draft changed: only it is read again, and the outputs are those of a cold build")
    func oneDraftChanged() async throws {
        let inputs = try Self.dropFolder("cache-change-in")
        let out = try BuildCommandTests.scratch("cache-change-out")
        _ = try await Self.build(inputs, out)
        // The reference compares with the same earlier plan (the changes it lists are the same).
        let previous = try BuildCommandTests.scratch("cache-change-previous").appendingPathComponent("master-plan.json")
        try FileManager.default.copyItem(at: out.appendingPathComponent("master-plan.json"), to: previous)
        // Replace the older 公共安全 draft by a newer copy of a draft of another topic's content:
        // its topic comes from its name, its body changes, and which draft supersedes which changes.
        let victim = inputs.appendingPathComponent("辽宁省公共安全领域科技发展规划（初稿）.docx")
        try FileManager.default.removeItem(at: victim)
        try FileManager.default.copyItem(
            at: BuildCommandTests.inputs.appendingPathComponent("城镇化与城市发展科技创新规划（修改稿）  .docx"), to: victim)
        #expect(try await Self.build(inputs, out) == (1, 9))
        let reference = try BuildCommandTests.scratch("cache-change-ref")
        _ = try await Self.build(inputs, reference, cache: false, since: previous.path)
        try Self.expectSameOutputs(reference, out, "rebuild after one change")

        // A draft removed: its JSON and its cache entries go.
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("draft-07.docx"))
        #expect(try await Self.build(inputs, out) == (0, 9))
        let entries = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(".cache/entries").path)
        #expect(Set(entries.map { $0.prefix(64) }).count == 9, "\(entries)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("drafts/draft-07.json").path))
    }

    @Test("A file rewritten in place with its size and modification time kept is still read again")
    func rewrittenInPlace() async throws {
        let inputs = try Self.dropFolder("cache-stat-in")
        // Signatures are trusted only for files older than 2 s (a file being written is not).
        try await Task.sleep(nanoseconds: 2_200_000_000)
        let out = try BuildCommandTests.scratch("cache-stat-out")
        #expect(try await Self.build(inputs, out) == (10, 0))
        let hashes = try String(contentsOf: out.appendingPathComponent(".cache/hashes.tsv"), encoding: .utf8)
        // The seal (checksum) line, the header line, one line per draft.
        #expect(hashes.split(separator: "\n").count == 2 + 10, "\(hashes)")
        #expect(try await Self.build(inputs, out) == (0, 10))

        // Change one byte of the first zip entry's DOS time (the document reads the same, the
        // bytes and so the hash differ), then put the modification time back: same size, same
        // mtime, same inode — only the change time tells.
        let victim = inputs.appendingPathComponent("draft-07.docx")
        let modified = try FileManager.default.attributesOfItem(atPath: victim.path)[.modificationDate] as! Date
        let handle = try FileHandle(forUpdating: victim)
        try handle.seek(toOffset: 10)
        let old = try #require(try handle.read(upToCount: 1)).first!
        try handle.seek(toOffset: 10)
        try handle.write(contentsOf: [old ^ 0x01])
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: victim.path)
        #expect(try await Self.build(inputs, out) == (1, 9))
        let reference = try BuildCommandTests.scratch("cache-stat-ref")
        _ = try await Self.build(inputs, reference, cache: false)
        try Self.expectSameOutputs(reference, out, "rebuild after an in-place rewrite")
    }

    @Test("Damaged or missing cache entries are read again, never trusted, never fatal")
    func damagedCache() async throws {
        let inputs = try Self.dropFolder("cache-damage-in")
        let out = try BuildCommandTests.scratch("cache-damage-out")
        _ = try await Self.build(inputs, out)
        let reference = try BuildCommandTests.scratch("cache-damage-ref")
        _ = try await Self.build(inputs, reference, cache: false)
        let entries = out.appendingPathComponent(".cache/entries")
        let names = try FileManager.default.contentsOfDirectory(atPath: entries.path).sorted()
        // Garbage in every extraction entry, one product file and one entry removed, a broken index.
        for name in names where !name.hasSuffix(".product.json") {
            try Data("{\"extraction\": 1".utf8).write(to: entries.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: entries.appendingPathComponent(names.first { $0.hasSuffix(".product.json") }!))
        try Data("not json".utf8).write(to: out.appendingPathComponent(".cache/index.tsv"))
        #expect(try await Self.build(inputs, out).read == 10)
        try Self.expectSameOutputs(reference, out, "build over a damaged cache")
        // Entries whose extraction no longer decodes, with an intact index: the drafts are read again.
        for name in try FileManager.default.contentsOfDirectory(atPath: entries.path) where !name.hasSuffix(".product.json") {
            try Data("[]".utf8).write(to: entries.appendingPathComponent(name))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: entries.path) where name.hasSuffix(".product.json") {
            try FileManager.default.removeItem(at: entries.appendingPathComponent(name))
        }
        _ = try await Self.build(inputs, out)
        try Self.expectSameOutputs(reference, out, "build over undecodable entries")
    }

    /// Issue 15, finding 1: cache files cut short by a crash (zero-length, truncated), with a
    /// flipped bit, or edited so that they still parse (one character of a title changed) never
    /// reach the outputs: each fails its checksum, is dropped, and the draft is read again.
    @Test(
        "Zero-length, truncated, bit-flipped and altered-but-valid cache files are dropped, outputs as cold",
        arguments: [
            "zero", "truncated", "flipped", "altered",
        ])
    func unverifiedCacheFiles(_ damage: String) async throws {
        let inputs = try Self.dropFolder("cache-verify-in-\(damage)")
        let out = try BuildCommandTests.scratch("cache-verify-out-\(damage)")
        _ = try await Self.build(inputs, out)
        let reference = try BuildCommandTests.scratch("cache-verify-ref-\(damage)")
        _ = try await Self.build(inputs, reference, cache: false)
        let entries = out.appendingPathComponent(".cache/entries")
        var files = try FileManager.default.contentsOfDirectory(atPath: entries.path).map { entries.appendingPathComponent($0) }
        files.append(out.appendingPathComponent(".cache/index.tsv"))
        #expect(files.contains { $0.lastPathComponent.hasSuffix(".product.json") })
        for file in files {
            var bytes = [UInt8](try Data(contentsOf: file))
            switch damage {
            case "zero": bytes = []
            case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
            case "flipped": bytes[bytes.count * 2 / 3] ^= 0x04
            default:
                // 规划 → 计划: the same length, still valid JSON.
                let from = Array("规划".utf8)
                let to = Array("计划".utf8)
                if let at = (0...(bytes.count - from.count)).last(where: { Array(bytes[$0..<($0 + from.count)]) == from }) {
                    bytes.replaceSubrange(at..<(at + from.count), with: to)
                } else {
                    bytes[bytes.count - 2] = bytes[bytes.count - 2] == 0x30 ? 0x31 : 0x30
                }
            }
            try Data(bytes).write(to: file)
        }
        _ = try await Self.build(inputs, out)
        try Self.expectSameOutputs(reference, out, "build over \(damage) cache files")
        // And the next build, from the repaired cache.
        #expect(try await Self.build(inputs, out) == (0, 10))
        try Self.expectSameOutputs(reference, out, "rebuild after \(damage) cache files")
    }

    @Test("A changed template invalidates every entry")
    func templateChange() async throws {
        let inputs = try Self.dropFolder("cache-tpl-in")
        let templates = try BuildCommandTests.scratch("cache-tpl")
        let shipped = CLI.projectRoot.appendingPathComponent("Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: templates.appendingPathComponent(name))
        }
        let out = try BuildCommandTests.scratch("cache-tpl-out")
        #expect(try await Self.build(inputs, out, templates: templates) == (10, 0))
        #expect(try await Self.build(inputs, out, templates: templates) == (0, 10))
        let versions = templates.appendingPathComponent("versions.yaml")
        try (try String(contentsOf: versions, encoding: .utf8) + "\n# edited\n").write(to: versions, atomically: true, encoding: .utf8)
        #expect(try await Self.build(inputs, out, templates: templates) == (10, 0))
    }
}
