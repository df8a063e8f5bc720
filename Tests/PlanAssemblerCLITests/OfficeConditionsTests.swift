import Foundation
import OOXML
import PlanBuild
import Testing
import TestSupport

/// Issue 15: the drop folder under office conditions (names that clash, the output folder
/// inside the drop folder, long names, overlapping builds, failing commits, special files).
@Suite(.serialized) struct OfficeConditionsTests {
    static func copy(_ input: String, to dir: URL, as name: String) throws {
        try FileManager.default.copyItem(
            atPath: BuildCommandTests.inputs.appendingPathComponent(input).path, toPath: dir.appendingPathComponent(name).path)
    }

    static let draftA = "10-新材料领域科技发展规划（征求意见稿）.docx"
    static let draftB = "17-卫生健康领域科技发展规划（修改稿）.docx"
    static let draftC = "23.农业农村科技发展“十四五”规划.docx"

    /// Finding 2: 同名.docx, 同名.DOCX and 同名.wps each have their own JSON, named the same way
    /// on every run, and master-plan.json maps each input to it.
    @Test("Names differing only in extension each get their own JSON, mapped in master-plan.json")
    func namesDifferingInExtension() async throws {
        let inputs = try BuildCommandTests.scratch("samename-in")
        try Self.copy(Self.draftA, to: inputs, as: "同名.docx")
        try Self.copy(Self.draftB, to: inputs, as: "同名.DOCX")
        try Self.copy(Self.draftC, to: inputs, as: "同名.wps")
        try Self.copy(Self.draftC, to: inputs, as: "单独.docx")
        let out = try BuildCommandTests.scratch("samename-out")
        _ = try await BuildCacheTests.build(inputs, out)
        let drafts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("drafts").path).sorted()
        // 同名.docx and 同名.DOCX would still clash on a case-insensitive share: a hash tells them apart.
        #expect(drafts == ["单独.json", "同名.DOCX~54568ce1.json", "同名.docx~3e298496.json", "同名.wps.json"].sorted())
        let plan = try BuildCommandTests.plan(out)
        var map: [String: String] = [:]
        for record in plan["inputs"] as! [[String: Any]] { map[record["file"] as! String] = record["output"] as? String }
        #expect(map["同名.docx"] == "drafts/同名.docx~3e298496.json")
        #expect(map["同名.DOCX"] == "drafts/同名.DOCX~54568ce1.json")
        #expect(map["同名.wps"] == "drafts/同名.wps.json")
        #expect(map["单独.docx"] == "drafts/单独.json")
        // Each JSON is its own draft's.
        for (file, output) in map {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(output))) as! [String: Any]
            #expect((json["source"] as! [String: Any])["file"] as? String == file)
        }
        // A second run (cached) and an uncached one write the same names and bytes.
        let first = try BuildCommandTests.outputs(out)
        _ = try await BuildCacheTests.build(inputs, out)
        #expect(try BuildCommandTests.outputs(out) == first)
        let cold = try BuildCommandTests.scratch("samename-cold")
        _ = try await BuildCacheTests.build(inputs, cold, cache: false)
        try BuildCacheTests.expectSameOutputs(out, cold, "same names, uncached")
    }

    @Test("Output names are unique by construction, whatever the names")
    func outputNamesUnique() {
        let files = ["a.docx", "a.wps", "a.docx.docx", "A.docx.DOCX", "b.docx", "\u{1B}[31mred.docx", ".x"]
        let names = DraftOutputNames.names(files)
        #expect(Set(names.values.map { $0.lowercased() }).count == files.count)
        #expect(names["b.docx"] == "drafts/b.json")
        #expect(names["a.docx"] == "drafts/a.docx.json")
        #expect(names["\u{1B}[31mred.docx"] == "drafts/%1B[31mred.json")
        #expect(names["a.docx.docx"]!.hasPrefix("drafts/a.docx.docx~"))
        #expect(DraftOutputNames.names(files.reversed()) == names)
    }

    /// Finding 3: `--out` equal to or inside the drop folder is refused (exit 1, as an input
    /// error), by build and by watch, and nothing is written there.
    @Test("An output folder that is the drop folder or inside it is refused", arguments: [".", "结果", "sub/../结果"])
    func outputInsideDropFolder(_ relative: String) throws {
        let inputs = try BuildCommandTests.scratch("outinside-in")
        try Self.copy(Self.draftA, to: inputs, as: "a.docx")
        let out = inputs.path + "/" + relative
        let run = try CLI.run(["build", inputs.path, "--out", out])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("输出文件夹不能是草稿文件夹"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inputs.path) == ["a.docx"])
        let watch = try CLI.run(["watch", inputs.path, "--out", out, "--exit-after", "0"])
        #expect(watch.status == 1, "\(watch.stderr)")
        #expect(watch.stderr.contains("输出文件夹不能是草稿文件夹"), "\(watch.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inputs.path) == ["a.docx"])
        #expect(BuildEngine.isSameOrInside(inputs.path + "-other", inputs.path) == false)
    }

    /// Finding 4: an 80-character Chinese name (240 bytes + extension) builds: temporary files
    /// are named by a hash, and a JSON name that would pass 255 bytes is cut with a hash.
    @Test("A long but valid file name builds")
    func longFileName() async throws {
        let inputs = try BuildCommandTests.scratch("longname-in")
        let stem = String(repeating: "新材料领域科技发展规划征求意见稿", count: 5)
        #expect(stem.count == 80 && stem.utf8.count == 240)
        try Self.copy(Self.draftA, to: inputs, as: stem + ".docx")
        try Self.copy(Self.draftB, to: inputs, as: stem + ".wps")
        let out = try BuildCommandTests.scratch("longname-out")
        _ = try await BuildCacheTests.build(inputs, out)
        let drafts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("drafts").path)
        #expect(drafts.count == 2)
        #expect(drafts.allSatisfy { $0.utf8.count <= 255 })
        let plan = try BuildCommandTests.plan(out)
        let records = plan["inputs"] as! [[String: Any]]
        #expect(records.allSatisfy { $0["status"] as? String != "rejected" })
        let run = try CLI.run(["build", inputs.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
    }
}

extension OfficeConditionsTests {
    /// Finding 5: a build waits for the lock another build holds on the output folder, and
    /// reports when it is not released in time.
    @Test("A second build waits for the output folder's lock, or reports after the timeout")
    func outputFolderLock() async throws {
        let inputs = try BuildCommandTests.scratch("lock-in")
        try Self.copy(Self.draftA, to: inputs, as: "a.docx")
        let out = try BuildCommandTests.scratch("lock-out")
        // Another build holds the lock.
        let fd = open(out.path, O_RDONLY | O_DIRECTORY)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        var engine = try BuildEngine(
            templates: .load(from: .folder(CLI.projectRoot.appendingPathComponent("Templates").path)), out: out.path)
        engine.lockTimeout = 0.5
        do {
            _ = try await engine.perform(inputs: inputs.path)
            Issue.record("built while another build held the lock")
        } catch {
            guard case .outputLocked = error else { Issue.record("\(error)"); return }
            #expect(error.kind == .output)
            #expect(error.description.contains("另一个构建正在写入此输出文件夹"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("master-plan.json").path))
        // Released while the second build waits: it goes on.
        engine.lockTimeout = 30
        let release = Task {
            try await Task.sleep(nanoseconds: 400_000_000)
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("master-plan.json").path))
            close(fd)
        }
        _ = try await engine.perform(inputs: inputs.path)
        try await release.value
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("master-plan.json").path))
    }

    /// Finding 6: an output that cannot be replaced stops the commit before any rename: the
    /// previous outputs stay whole, and the message names the file and the system's reason.
    @Test("A commit that cannot replace one output replaces none, and names the file and the reason")
    func failedCommitReplacesNothing() async throws {
        let inputs = try BuildCommandTests.scratch("commit-in")
        try Self.copy(Self.draftA, to: inputs, as: "a.docx")
        let out = try BuildCommandTests.scratch("commit-out")
        _ = try await BuildCacheTests.build(inputs, out)
        let before = try BuildCommandTests.outputs(out)
        try Self.copy(Self.draftB, to: inputs, as: "b.docx")
        // report.html, renamed last, is now a folder that cannot be replaced.
        let report = out.appendingPathComponent("report.html")
        try FileManager.default.removeItem(at: report)
        try FileManager.default.createDirectory(at: report.appendingPathComponent("x"), withIntermediateDirectories: true)
        do {
            _ = try await BuildCacheTests.build(inputs, out)
            Issue.record("committed over a folder")
        } catch {
            let text = "\(error)"
            #expect(text.contains("report.html") && text.contains("Is a directory"), "\(text)")
            #expect(!text.contains("NSCocoaErrorDomain"), "\(text)")
        }
        for name in ["master-plan.json", "master-plan.docx"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == before[name], "\(name) replaced")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("drafts/b.json").path))
    }
}

extension OfficeConditionsTests {
    /// Runs the CLI, killed after `seconds`: nil when it had to be killed.
    static func runBounded(_ arguments: [String], seconds: Double) throws -> Int32? {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// Finding 7: a FIFO named *.docx is rejected with its reason instead of blocking the build.
    @Test("A FIFO named like a draft is rejected with its reason, never opened")
    func fifoIsRejected() throws {
        let inputs = try BuildCommandTests.scratch("fifo-in")
        try Self.copy(Self.draftA, to: inputs, as: "a.docx")
        #expect(mkfifo(inputs.appendingPathComponent("管道.docx").path, 0o644) == 0)
        let out = try BuildCommandTests.scratch("fifo-out")
        let status = try Self.runBounded(["build", inputs.path, "--out", out.path, "--quiet"], seconds: 60)
        #expect(status == 0, "the build blocked on the FIFO or failed")
        guard status != nil else { return }
        let plan = try BuildCommandTests.plan(out)
        let record = (plan["inputs"] as! [[String: Any]]).first { $0["file"] as? String == "管道.docx" }
        #expect(record?["status"] as? String == "rejected")
        let reason = (record?["reason"] as? String) ?? ""
        #expect(reason.contains("命名管道（FIFO）"), "\(reason)")
    }
}

extension OfficeConditionsTests {
    /// Finding 9: a file name with terminal escape sequences never reaches stderr raw, and
    /// errors are readable (no `Error Domain=…` dumps).
    @Test("Control characters in names are escaped in every message; errors are readable")
    func controlCharactersEscaped() throws {
        let inputs = try BuildCommandTests.scratch("escape-in")
        try Self.copy(Self.draftA, to: inputs, as: "a.docx")
        let evil = "\u{1B}[31m红\u{1B}[0m\u{7}.docx"
        try Data("not a word document".utf8).write(to: inputs.appendingPathComponent(evil))
        let out = try BuildCommandTests.scratch("escape-out")
        let run = try CLI.run(["build", inputs.path, "--out", out.path])
        #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{7}"), "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains("\\u{1B}[31m红"), "\(run.stderr)")
        // An output folder under a regular file: a readable reason, not a Foundation dump.
        let file = out.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let blocked = try CLI.run(["build", inputs.path, "--out", file.appendingPathComponent("sub").path])
        #expect(blocked.status == 2)
        #expect(!blocked.stderr.contains("Error Domain") && !blocked.stderr.contains("(null)"), "\(blocked.stderr)")
        #expect(blocked.stderr.contains("Not a directory"), "\(blocked.stderr)")
    }
}

extension OfficeConditionsTests {
    /// Finding 10: a file name that is not UTF-8 (GBK 你好.docx) is read through its bytes and
    /// reported with a readable rendering, not as "No such file or directory".
    @Test("A GBK file name is read and shown readably")
    func gbkFileName() async throws {
        let inputs = try BuildCommandTests.scratch("gbk-in")
        let bytes = try Data(contentsOf: BuildCommandTests.inputs.appendingPathComponent(Self.draftA))
        // 你好.docx in GBK.
        let name: [UInt8] = Array(inputs.path.utf8) + [0x2F, 0xC4, 0xE3, 0xBA, 0xC3] + Array(".docx".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        #expect(fd >= 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        let out = try BuildCommandTests.scratch("gbk-out")
        _ = try await BuildCacheTests.build(inputs, out)
        let plan = try BuildCommandTests.plan(out)
        let records = plan["inputs"] as! [[String: Any]]
        #expect(records.count == 1)
        #expect(records.first?["file"] as? String == "\\xC4\\xE3\\xBA\\xC3.docx")
        #expect(records.first?["status"] as? String == "used", "\(records)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("drafts/\\xC4\\xE3\\xBA\\xC3.json").path))
    }
}

extension OfficeConditionsTests {
    /// Finding 11: two different drafts of one topic with the same version word and dates
    /// (parallel versions by two editors): a warning naming both, "两个版本无法区分先后" in the
    /// inputs and the report with the one taken and why, never called the old draft.
    @Test("Two parallel versions of one topic: a warning naming both, never called superseded")
    func parallelVersions() async throws {
        let inputs = try BuildCommandTests.scratch("parallel-in")
        let a = "新材料领域科技发展规划（征求意见稿）甲.docx"
        let b = "新材料领域科技发展规划（征求意见稿）乙.docx"
        try Self.copy(Self.draftA, to: inputs, as: a)
        // The second editor's copy: other bytes, the same core.xml dates and version word.
        var bytes = [UInt8](try Data(contentsOf: BuildCommandTests.inputs.appendingPathComponent(Self.draftA)))
        bytes[10] ^= 0x01  // a zip entry's DOS time: the document reads the same, the hash differs
        try Data(bytes).write(to: inputs.appendingPathComponent(b))
        let time = Date(timeIntervalSince1970: 1_603_000_000)
        for name in [a, b] {
            try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: inputs.appendingPathComponent(name).path)
        }
        let out = try BuildCommandTests.scratch("parallel-out")
        _ = try await BuildCacheTests.build(inputs, out)
        let plan = try BuildCommandTests.plan(out)
        let records = plan["inputs"] as! [[String: Any]]
        // 甲 sorts after 乙: the file name order takes 甲.
        let dropped = try #require(records.first { $0["file"] as? String == b })
        let reason = (dropped["reason"] as? String) ?? ""
        #expect(reason.hasPrefix("两个版本无法区分先后") && reason.contains(a), "\(reason)")
        #expect(!reason.contains("更新稿件"))
        // Its own status, with the version taken instead; not `superseded`, no `supersededBy`.
        #expect(dropped["status"] as? String == "parallel", "\(dropped)")
        #expect(dropped["takenInstead"] as? String == a)
        #expect(dropped["supersededBy"] == nil)
        #expect(records.first { $0["file"] as? String == a }?["status"] as? String == "used")
        let validator = try JSONSchemaValidator(
            schemaData: Data(contentsOf: CLI.projectRoot.appendingPathComponent("Templates/schema/master-plan.schema.json")))
        #expect(try validator.validate(Data(contentsOf: out.appendingPathComponent("master-plan.json"))) == [])
        let draft =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("drafts/新材料领域科技发展规划（征求意见稿）甲.json")))
            as! [String: Any]
        let warnings = (draft["diagnostics"] as! [[String: Any]]).filter { $0["code"] as? String == "extract.supersede-uncertain" }
        #expect(warnings.count == 1)
        let message = (warnings.first?["message"] as? String) ?? ""
        #expect(message.contains(a) && message.contains(b) && warnings.first?["severity"] as? String == "warning", "\(message)")
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("两个版本无法区分先后"))
        #expect(!report.contains("替代旧稿《\(b)》"))
        let row = try #require(report.components(separatedBy: "<tr").first { $0.contains(">\(b)<") && $0.hasPrefix(" class=\"input") })
        #expect(row.contains("两个版本无法区分先后") && !row.contains("已被新稿替代"), "\(row)")
        #expect(report.contains("无法区分先后 1"), "the summary card counts the parallel version")
        // The DOCX coverage table does not call it replaced (已替代) either.
        let docx = try String(
            decoding: PackageContents.read(docx: out.appendingPathComponent("master-plan.docx").path).parts["word/document.xml"]!,
            as: UTF8.self)
        #expect(docx.contains("两个版本无法区分先后，未采用") && !docx.contains("已替代"), "coverage table")
        // The build's line counts it apart.
        let run = try CLI.run(["build", inputs.path, "--out", out.path])
        #expect(run.stdout.contains("superseded 0, parallel 1,"), "\(run.stdout)")
    }
}

extension OfficeConditionsTests {
    /// Finding 12: after a build that could not write its outputs, watch tries again with
    /// back-off, and says so on the failed build's line.
    @Test("watch retries after an output failure, and says so")
    func watchRetriesOutputFailure() throws {
        let inputs = try BuildCommandTests.scratch("retry-in")
        try Self.copy(Self.draftA, to: inputs, as: "a.docx")
        let dir = try BuildCommandTests.scratch("retry-out")
        let blocker = dir.appendingPathComponent("blocked")
        try Data("a file where a folder should be".utf8).write(to: blocker)
        let out = blocker.appendingPathComponent("out")
        let watch = try WatchCommandTests.Watch([inputs.path, "--out", out.path, "--interval", "0.2", "--exit-after", "1"])
        defer { watch.stop() }
        let first = try #require(watch.line(1, timeout: 60))
        #expect(first.contains("not built") && first.contains("retrying in 2 s (retry 1)"), "\(first)")
        // The disk is freed: the retry succeeds without any change to the drafts.
        try FileManager.default.removeItem(at: blocker)
        let second = try #require(watch.line(2, timeout: 60))
        #expect(second.contains("retry 1 after an output failure") && second.contains("built in"), "\(second)")
        #expect(watch.waitForExit(timeout: 30))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("master-plan.json").path))
    }
}

extension OfficeConditionsTests {
    /// Finding 12 (issue numbering; 9 in this suite's) for the per-draft commands: check,
    /// extract and annotate escape control characters in names on stdout and stderr, and say
    /// why a folder cannot be created or a file read with the path and the system's reason.
    @Test("check, extract and annotate escape control characters and name the system's reason")
    func perDraftCommandsEscape() throws {
        let inputs = try BuildCommandTests.scratch("escape-cmd-in")
        let evil = "\u{1B}[31m红\u{1B}[0m\u{7}"
        try Self.copy(Self.draftA, to: inputs, as: evil + "稿.docx")
        try Data("not a word document".utf8).write(to: inputs.appendingPathComponent(evil + ".docx"))
        let files = [inputs.appendingPathComponent(evil + "稿.docx").path, inputs.appendingPathComponent(evil + ".docx").path]
        let out = try BuildCommandTests.scratch("escape-cmd-out")
        for arguments in [["check"] + files, ["extract", "--out", out.path] + files, ["annotate", "--out", out.path] + files] {
            let run = try CLI.run(arguments)
            #expect(run.status == 1, "\(arguments[0]): \(run.stderr)")
            for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
                #expect(!text.contains("\u{1B}") && !text.contains("\u{7}"), "\(arguments[0]) \(stream): \(text.debugDescription)")
            }
            #expect(run.stderr.contains("\\u{1B}[31m红"), "\(arguments[0]): \(run.stderr)")
        }
        // An output folder under a regular file: the path and strerror, not a Foundation dump.
        let file = out.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        for command in ["extract", "annotate"] {
            let run = try CLI.run([command, "--out", file.appendingPathComponent("sub").path, files[0]])
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("Not a directory") && !run.stderr.contains("Error Domain"), "\(command): \(run.stderr)")
        }
    }

    /// check and extract are given a FIFO named like a draft: refused at once, never blocking.
    @Test("check and extract refuse a FIFO named like a draft without blocking")
    func perDraftCommandsFIFO() throws {
        let inputs = try BuildCommandTests.scratch("fifo-cmd-in")
        let fifo = inputs.appendingPathComponent("管道.docx").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let out = try BuildCommandTests.scratch("fifo-cmd-out")
        #expect(try Self.runBounded(["check", fifo], seconds: 30) == 1, "check blocked on the FIFO or did not fail")
        #expect(try Self.runBounded(["extract", "--out", out.path, fifo], seconds: 30) == 1, "extract blocked on the FIFO")
    }

    /// Finding 9 (issue numbering; 10 in this suite's) for watch: a draft whose name is not
    /// UTF-8, added while watching, is seen as a change (under its readable rendering) and built.
    @Test("watch sees a draft with a GBK name being added")
    func watchSeesGBKName() throws {
        let inputs = try BuildCommandTests.scratch("watch-gbk-in")
        try Self.copy(Self.draftA, to: inputs, as: "a.docx")
        let out = try BuildCommandTests.scratch("watch-gbk-out")
        let watch = try WatchCommandTests.Watch([
            inputs.path, "--out", out.path, "--interval", "0.2", "--settle", "0.2", "--exit-after", "1",
        ])
        defer { watch.stop() }
        let first = try #require(watch.line(1, timeout: 60))
        #expect(first.contains("used 1"), "\(first)")
        // 你好.docx in GBK, written under a temporary name and renamed in (one event).
        let bytes = try Data(contentsOf: BuildCommandTests.inputs.appendingPathComponent(Self.draftB))
        let temporary = inputs.deletingLastPathComponent().appendingPathComponent("watch-gbk-incoming").path
        try bytes.write(to: URL(fileURLWithPath: temporary))
        let target: [UInt8] = Array(inputs.path.utf8) + [0x2F, 0xC4, 0xE3, 0xBA, 0xC3] + Array(".docx".utf8) + [0]
        let renamed = target.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { rename(temporary, $0) }
        }
        #expect(renamed == 0)
        let second = try #require(watch.line(2, timeout: 60), "no rebuild after the GBK draft was added")
        #expect(second.contains("+1 \\xC4\\xE3\\xBA\\xC3.docx") && second.contains("used 2"), "\(second)")
        #expect(watch.waitForExit(timeout: 30))
    }
}
