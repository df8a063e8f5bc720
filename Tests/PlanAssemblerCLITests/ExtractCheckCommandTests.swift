import Foundation
import Testing
import TestSupport

/// `plan-assembler extract` and `check` as users run them.
@Suite(.serialized) struct ExtractCheckCommandTests {
    static let inputs = CLI.projectRoot.appendingPathComponent("Inputs")
    static func input(_ name: String) -> String { inputs.appendingPathComponent(name).path }

    static func scratch(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pa-extract-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("extract writes one JSON per draft and marks the older draft of a topic superseded")
    func extract() throws {
        let out = try Self.scratch("extract")
        let older = "辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）.docx"
        let newer = "新一代信息技术领域科技发展规划  修改稿.docx"
        let run = try CLI.run(["extract", "--out", out.path, Self.input(older), Self.input(newer)])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            files
                == [newer.replacingOccurrences(of: ".docx", with: ".json"), older.replacingOccurrences(of: ".docx", with: ".json")].sorted()
        )
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent(older.replacingOccurrences(of: ".docx", with: ".json"))))
            as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 1)
        #expect(json?["supersededBy"] as? String == newer)
        #expect((json?["topic"] as? [String: Any])?["id"] as? String == "13")
        #expect(((json?["indicators"] as? [Any])?.count ?? 0) > 10)
    }

    @Test("extract reports an unreadable draft, still writes the others, and exits 1")
    func extractMixed() throws {
        let out = try Self.scratch("mixed")
        let bad = out.appendingPathComponent("坏文件.docx")
        try Data("not a zip".utf8).write(to: bad)
        let run = try CLI.run(["extract", "--out", out.appendingPathComponent("json").path, bad.path, Self.input("draft-07.docx")])
        #expect(run.status == 1)
        // Notes (where the templates come from) may come first; the error is the first error line.
        let errors = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("note: ") }
        #expect(errors.first?.hasPrefix("error: 坏文件.docx: not a Word document") == true)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("json/draft-07.json").path))
    }

    @Test("A broken template stops with exit status 3, naming the file and line")
    func badTemplate() throws {
        let dir = try Self.scratch("templates")
        let templates = CLI.projectRoot.appendingPathComponent("Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(at: templates.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        var catalog = try String(contentsOf: dir.appendingPathComponent("catalog.yaml"), encoding: .utf8)
        catalog = catalog.replacingOccurrences(
            of: "    part: P3\n    title: 辽宁省能源领域科技发展战略研究及规划", with: "    part: [P3\n    title: 辽宁省能源领域科技发展战略研究及规划")
        try catalog.write(to: dir.appendingPathComponent("catalog.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["check", "--templates", dir.path, Self.input("draft-07.docx")])
        #expect(run.status == 3)
        #expect(run.stderr.contains("catalog.yaml:"))
    }

    @Test("check summarizes a draft in Chinese: topic, sections, counts and each problem with its place")
    func check() throws {
        let run = try CLI.run(["check", Self.input("资源环境领域科技发展规划-初稿0915.docx"), Self.input("draft-07.docx")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("识别为：专题19"))
        #expect(run.stdout.contains("保障措施✗"))
        #expect(run.stdout.contains("未找到“保障措施”部分"))
        #expect(run.stdout.contains("识别为：专题7"))
        #expect(run.stdout.contains("定量指标 10 项"))
    }
}
