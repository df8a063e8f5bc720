import Foundation
import Testing

/// `plan-assembler watch` driven as an editor's drop folder is: drafts copied in (some half-way),
/// lock files appearing, drafts replaced and removed. Each rebuild is one line on stdout.
@Suite(.serialized) struct WatchCommandTests {
    /// A running `watch`, its stdout collected line by line.
    final class Watch: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var buffer = ""
        private var lines: [String] = []

        init(_ arguments: [String]) throws {
            process.executableURL = CLI.binary
            process.arguments = ["watch"] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock()
                self.buffer += String(decoding: data, as: UTF8.self)
                while let newline = self.buffer.firstIndex(of: "\n") {
                    self.lines.append(String(self.buffer[..<newline]))
                    self.buffer = String(self.buffer[self.buffer.index(after: newline)...])
                }
                self.lock.unlock()
            }
            try process.run()
        }

        /// Waits for line number `count` (1-based) and returns it, nil after `timeout` seconds.
        func line(_ count: Int, timeout: Double = 60) -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                lock.lock()
                let got = lines.count >= count ? lines[count - 1] : nil
                lock.unlock()
                if let got { return got }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return nil
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return lines
        }

        /// Whether the process ended by itself within `timeout` seconds.
        func waitForExit(timeout: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return !process.isRunning
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    static func copy(_ name: String, to folder: URL, as target: String? = nil) throws {
        let destination = folder.appendingPathComponent(target ?? name)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: BuildCommandTests.inputs.appendingPathComponent(name), to: destination)
    }

    func scenario(poll: Bool) throws {
        let tag = poll ? "poll" : "inotify"
        let inputs = try BuildCommandTests.scratch("watch-in-\(tag)")
        let out = try BuildCommandTests.scratch("watch-out-\(tag)")
        try Self.copy("S4 科技投入与绩效评价问题研究.docx", to: inputs)
        try Self.copy("draft-07.docx", to: inputs)
        let watch = try Watch(
            [inputs.path, "--out", out.path, "--interval", "0.2", "--settle", "0.4", "--exit-after", "3"] + (poll ? ["--poll"] : []))
        defer { watch.stop() }

        let first = try #require(watch.line(1))
        #expect(first.contains("watching"), "\(first)")
        #expect(first.contains(poll ? "(polling)" : "(inotify)"), "\(first)")
        #expect(first.contains("used 2,"), "\(first)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("master-plan.docx").path))

        // A lock file alone never rebuilds; the next line is about the draft added after it.
        try Data("lock".utf8).write(to: inputs.appendingPathComponent("~$科技服务业.docx"))
        try Data("lock".utf8).write(to: inputs.appendingPathComponent(".~lock.科技服务业.docx#"))
        Thread.sleep(forTimeInterval: 1.0)
        try Self.copy("科技服务业发展规划（征求意见稿）.docx", to: inputs)
        let second = try #require(watch.line(2))
        #expect(second.contains("+1 科技服务业发展规划（征求意见稿）.docx"), "\(second)")
        #expect(!second.contains("~$"), "\(second)")
        #expect(second.contains("used 3,") && second.contains("read 1, cached 2") && second.contains("ignored 2"), "\(second)")

        // Half a draft (a copy that stalled): reported, not fatal; the rest is still built.
        let name = "高新区科技发展规划 修改稿.docx"
        let full = try Data(contentsOf: BuildCommandTests.inputs.appendingPathComponent(name))
        try full.prefix(full.count / 2).write(to: inputs.appendingPathComponent(name))
        let third = try #require(watch.line(3))
        #expect(third.contains("+1 \(name)") && third.contains("rejected 1") && third.contains("problems: \(name): 文件不完整"), "\(third)")
        #expect(third.contains("used 3,"), "\(third)")

        // The copy completes: read again, now used.
        try full.write(to: inputs.appendingPathComponent(name))
        let fourth = try #require(watch.line(4))
        #expect(fourth.contains("~1 \(name)") && fourth.contains("rejected 0") && fourth.contains("used 4,"), "\(fourth)")
        #expect(!fourth.contains("problems"), "\(fourth)")

        // Three rebuilds: --exit-after 3 ends the process by itself.
        #expect(watch.waitForExit(), "watch did not exit after its third rebuild")
        #expect(watch.process.terminationStatus == 0)
        #expect(watch.all.count == 4, "\(watch.all)")
        let plan = try BuildCommandTests.plan(out)
        #expect((plan["inputs"] as? [[String: Any]])?.count == 6)
    }

    @Test("Polling: added, half-copied then completed drafts, lock files ignored")
    func polling() throws { try scenario(poll: true) }

    @Test("inotify: the same scenario")
    func inotify() throws { try scenario(poll: false) }

    @Test("A removed draft rebuilds without it; a template change reloads the templates")
    func removalAndTemplates() throws {
        let inputs = try BuildCommandTests.scratch("watch-rm-in")
        let out = try BuildCommandTests.scratch("watch-rm-out")
        let templates = try BuildCommandTests.scratch("watch-rm-tpl")
        let shipped = CLI.projectRoot.appendingPathComponent("Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: templates.appendingPathComponent(name))
        }
        try Self.copy("S4 科技投入与绩效评价问题研究.docx", to: inputs)
        try Self.copy("draft-07.docx", to: inputs)
        let watch = try Watch([
            inputs.path, "--out", out.path, "--templates", templates.path, "--interval", "0.2", "--settle", "0.4",
            "--exit-after", "1",
        ])
        defer { watch.stop() }
        _ = try #require(watch.line(1))
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("draft-07.docx"))
        let second = try #require(watch.line(2))
        #expect(second.contains("-1 draft-07.docx") && second.contains("used 1,"), "\(second)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("drafts/draft-07.json").path))
        // --exit-after 1: the watch ends; a new one checks the template reload.
        #expect(watch.waitForExit())

        let again = try Watch([
            inputs.path, "--out", out.path, "--templates", templates.path, "--interval", "0.2", "--settle", "0.4",
            "--exit-after", "1",
        ])
        defer { again.stop() }
        _ = try #require(again.line(1))
        let versions = templates.appendingPathComponent("versions.yaml")
        try (try String(contentsOf: versions, encoding: .utf8) + "\n# edited\n").write(to: versions, atomically: true, encoding: .utf8)
        let reload = try #require(again.line(2))
        #expect(reload.contains("templates reloaded") && reload.contains("read 1, cached 0"), "\(reload)")
    }
}
