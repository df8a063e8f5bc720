import Foundation
import Testing
import TestSupport

/// `plan-assembler build` on drop folders, as the planning office runs it.
@Suite(.serialized) struct BuildCommandTests {
    static let inputs = CLI.projectRoot.appendingPathComponent("Inputs")

    static func scratch(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pa-build-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func outputs(_ dir: URL) throws -> [String: Data] {
        var all: [String: Data] = [:]
        for name in ["master-plan.json", "master-plan.docx", "report.html"] {
            all[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("drafts").path) {
            all["drafts/" + name] = try Data(contentsOf: dir.appendingPathComponent("drafts/" + name))
        }
        return all
    }

    static func plan(_ dir: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("master-plan.json"))) as! [String: Any]
    }

    @Test("An output folder that cannot be written is exit status 2, with one error line, and the summary names read and cached")
    func outputFailureIsExit2() throws {
        let dir = try Self.scratch("exit2")
        let blocked = dir.appendingPathComponent("out")
        try Data("a file where the output folder should be".utf8).write(to: blocked)
        let run = try CLI.run(["build", Self.inputs.path, "--out", blocked.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("error: \(blocked.path): "), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let good = try CLI.run(["build", Self.inputs.path, "--out", dir.appendingPathComponent("good").path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("; read "), "\(good.stdout)")
        #expect(good.stdout.contains(", cached 0; "), "\(good.stdout)")
    }

    @Test("Two builds of the same drop folder give byte-identical outputs")
    func deterministic() throws {
        let a = try Self.scratch("a")
        let b = try Self.scratch("b")
        let runA = try CLI.run(["build", Self.inputs.path, "--out", a.path, "--jobs", "2"])
        let runB = try CLI.run(["build", Self.inputs.path, "--out", b.path, "--jobs", "1"])
        #expect(runA.status == 0, "\(runA.stderr)")
        #expect(runB.status == 0, "\(runB.stderr)")
        let outA = try Self.outputs(a)
        let outB = try Self.outputs(b)
        #expect(outA.keys.sorted() == outB.keys.sorted())
        for (name, data) in outA { #expect(outB[name] == data, "\(name) differs between runs") }
        #expect(outA.count == 3 + 37)
    }

    @Test("Every file of the drop folder is accounted for: used, superseded, rejected with its reason, ignored")
    func accounting() throws {
        let folder = try Self.scratch("drop")
        let out = try Self.scratch("drop-out")
        for name in ["draft-07.docx", "辽宁省公共安全领域科技发展规划（初稿）.docx", "公共安全科技规划 征求意见稿.docx"] {
            try FileManager.default.copyItem(at: Self.inputs.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try Data([0x0B] + Array("Test User".utf8) + [UInt8](repeating: 0x20, count: 152)).write(
            to: folder.appendingPathComponent("~$draft-07.docx"))
        try Data("partial".utf8).write(to: folder.appendingPathComponent("规划.docx.crdownload"))
        try Data(CompoundFileBuilder.build(streams: [(name: "WordDocument", bytes: [UInt8](repeating: 7, count: 4096))]))
            .write(to: folder.appendingPathComponent("旧格式.doc"))
        try Data("PK\u{3}\u{4}truncated".utf8).write(to: folder.appendingPathComponent("损坏.docx"))
        let run = try CLI.run(["build", folder.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("损坏.docx"))
        let inputs = try Self.plan(out)["inputs"] as! [[String: Any]]
        let status = Dictionary(uniqueKeysWithValues: inputs.map { ($0["file"] as! String, $0["status"] as! String) })
        #expect(
            status == [
                "draft-07.docx": "used", "公共安全科技规划 征求意见稿.docx": "used",
                "辽宁省公共安全领域科技发展规划（初稿）.docx": "superseded",
                "~$draft-07.docx": "ignored", "规划.docx.crdownload": "ignored",
                "旧格式.doc": "rejected", "损坏.docx": "rejected",
            ])
        let legacy = inputs.first { $0["file"] as? String == "旧格式.doc" }
        #expect((legacy?["reason"] as? String)?.contains(".doc") == true)
        let coverage = try Self.plan(out)["coverage"] as! [[String: Any]]
        #expect(coverage.count == 35)
        #expect(coverage.filter { $0["status"] as? String == "present" }.count == 2)
    }

    @Test("With --strict a rejected draft fails the build and nothing is written")
    func strict() throws {
        let folder = try Self.scratch("strict")
        let out = try Self.scratch("strict-out")
        try FileManager.default.copyItem(
            at: Self.inputs.appendingPathComponent("draft-07.docx"), to: folder.appendingPathComponent("draft-07.docx"))
        try Data().write(to: folder.appendingPathComponent("空.docx"))
        let run = try CLI.run(["build", folder.path, "--out", out.path, "--strict"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("空.docx"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("master-plan.json").path))
    }

    @Test("Killing a build midway leaves the previous outputs intact")
    func killedMidway() throws {
        let out = try Self.scratch("kill")
        #expect(try CLI.run(["build", Self.inputs.path, "--out", out.path]).status == 0)
        let before = try Self.outputs(out)
        for delay in [0.05, 0.2, 0.5, 1.0] {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["build", Self.inputs.path, "--out", out.path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Same inputs: every output is the previous file or the identical new one, never partial.
            let after = try Self.outputs(out)
            #expect(after == before, "outputs changed after a build killed at \(delay) s")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(try CLI.run(["build", Self.inputs.path, "--out", out.path, "--quiet"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") && $0 != ".cache" }
        #expect(leftovers.isEmpty, "staging left behind: \(leftovers) (before the clean run: \(names))")
    }
}
