import Foundation
import Testing

/// The installed tool as a user meets it: run from any folder (the templates are built in),
/// templates overridden with --templates or a ./Templates folder, exported and edited,
/// `--version`, the man page.
@Suite(.serialized) struct FrontDoorTests {
    static let inputs = CLI.projectRoot.appendingPathComponent("Inputs")
    static func input(_ name: String) -> String { inputs.appendingPathComponent(name).path }
    static let drafts = ["draft-07.docx", "辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）.docx", "新一代信息技术领域科技发展规划  修改稿.docx"]

    /// An empty folder far from the project (no Templates/ in it or above it).
    static func away(_ name: String) throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pa-front-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        #expect(!dir.path.hasPrefix(CLI.projectRoot.path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Templates").path))
        return dir
    }

    /// Every file under `dir` but the cache: relative path → bytes.
    static func tree(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: dir.path)
        while let relative = walker?.nextObject() as? String {
            if relative == ".cache" { walker?.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            let path = dir.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return out
    }

    static func plan(_ dir: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("master-plan.json"))) as! [String: Any]
    }

    static let noteLocal = "note: templates: using ./Templates"

    @Test("check, extract, build and dump give the same outputs from a folder far from the project as from its root")
    func sameOutputsAnywhere() throws {
        let away = try Self.away("anywhere")
        let files = Self.drafts.map(Self.input)

        let checkRoot = try CLI.run(["check"] + files)
        let checkAway = try CLI.run(["check"] + files, in: away)
        #expect(checkAway.status == 0, "\(checkAway.stderr)")
        #expect(checkAway.stdout == checkRoot.stdout)
        #expect(checkAway.stdout.contains("识别为：专题7"))
        #expect(checkAway.stderr.isEmpty, "\(checkAway.stderr)")
        #expect(checkRoot.stderr.hasPrefix(Self.noteLocal), "\(checkRoot.stderr)")

        let extractRoot = try CLI.run(["extract", "--out", away.appendingPathComponent("extract-root").path] + files)
        let extractAway = try CLI.run(["extract", "--out", "extract-away"] + files, in: away)
        #expect(extractRoot.status == 0 && extractAway.status == 0, "\(extractAway.stderr)")
        let extracted = try Self.tree(away.appendingPathComponent("extract-away"))
        #expect(extracted.count == 3)
        #expect(extracted == (try Self.tree(away.appendingPathComponent("extract-root"))))

        let buildRoot = try CLI.run(["build", Self.inputs.path, "--out", away.appendingPathComponent("build-root").path, "--quiet"])
        let buildAway = try CLI.run(["build", Self.inputs.path, "--out", "build-away"], in: away)
        #expect(buildRoot.status == 0 && buildAway.status == 0, "\(buildAway.stderr)")
        #expect(buildAway.stderr.isEmpty, "\(buildAway.stderr)")
        #expect(buildRoot.stderr.isEmpty, "--quiet: no note either: \(buildRoot.stderr)")
        let built = try Self.tree(away.appendingPathComponent("build-away"))
        // master-plan.docx, .json, report.html, changes.json, master-plan-outline.docx; drafts/*.json;
        // feedback/*.docx.
        #expect(built.count == 5 + 37 + 37)
        #expect(built == (try Self.tree(away.appendingPathComponent("build-root"))))

        let dumpRoot = try CLI.run(["dump", "--format", "tree", Self.input("draft-07.docx")])
        let dumpAway = try CLI.run(["dump", "--format", "tree", Self.input("draft-07.docx")], in: away)
        #expect(dumpAway.status == 0)
        #expect(!dumpAway.stdout.isEmpty && dumpAway.stdout == dumpRoot.stdout)
    }

    @Test("The cache is keyed by the template bytes in use: built-in and an identical ./Templates share entries, an edit does not")
    func cacheKeyFollowsBytes() throws {
        let away = try Self.away("cache")
        let out = away.appendingPathComponent("out").path
        let first = try CLI.run(["build", Self.inputs.path, "--out", out], in: away)
        #expect(first.stdout.contains("read 37, cached 0"), "\(first.stdout)")
        // From the project root: ./Templates, the same bytes as the built-in templates.
        let second = try CLI.run(["build", Self.inputs.path, "--out", out])
        #expect(second.stdout.contains("read 0, cached 37"), "\(second.stdout)")
        let edited = away.appendingPathComponent("edited")
        try FileManager.default.createDirectory(at: edited, withIntermediateDirectories: true)
        let versions = try String(contentsOf: CLI.projectRoot.appendingPathComponent("Templates/versions.yaml"), encoding: .utf8)
        try (versions + "\n# edited\n").write(to: edited.appendingPathComponent("versions.yaml"), atomically: true, encoding: .utf8)
        let third = try CLI.run(["build", Self.inputs.path, "--out", out, "--templates", edited.path], in: away)
        #expect(third.stdout.contains("read 37, cached 0"), "\(third.stdout)")
    }

    @Test("templates export, edit, build: the edit is in the outputs, with --templates and as ./Templates")
    func exportEditBuild() throws {
        let away = try Self.away("export")
        let export = try CLI.run(["templates", "export", "office-templates"], in: away)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("wrote "))
        let dir = away.appendingPathComponent("office-templates")
        let outline = dir.appendingPathComponent("master-outline.yaml")
        let original = try String(contentsOf: outline, encoding: .utf8)
        #expect(
            original == (try String(contentsOf: CLI.projectRoot.appendingPathComponent("Templates/master-outline.yaml"), encoding: .utf8)))
        let title = "沈阳市科技发展规划纲要（试编）"
        let edited = original.replacingOccurrences(
            of: "title: 辽宁省“十四五”科技创新规划和中长期（2021—2035年）科技发展规划纲要", with: "title: \(title)")
        #expect(edited != original)
        try edited.write(to: outline, atomically: true, encoding: .utf8)

        let run = try CLI.run(["build", Self.inputs.path, "--out", "out", "--templates", "office-templates"], in: away)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "a complete folder needs no note: \(run.stderr)")
        #expect(try Self.plan(away.appendingPathComponent("out"))["title"] as? String == title)

        // The same folder named Templates in the current folder: used, and announced.
        try FileManager.default.moveItem(at: dir, to: away.appendingPathComponent("Templates"))
        let local = try CLI.run(["build", Self.inputs.path, "--out", "out-local"], in: away)
        #expect(local.status == 0, "\(local.stderr)")
        #expect(local.stderr.hasPrefix(Self.noteLocal), "\(local.stderr)")
        #expect(try Self.plan(away.appendingPathComponent("out-local"))["title"] as? String == title)
        #expect(try Self.tree(away.appendingPathComponent("out-local")) == (try Self.tree(away.appendingPathComponent("out"))))
    }

    @Test("templates export refuses to overwrite (exit 2) unless --force")
    func exportRefusesOverwrite() throws {
        let away = try Self.away("export-twice")
        #expect(try CLI.run(["templates", "export", "t"], in: away).status == 0)
        try "# mine\n".write(to: away.appendingPathComponent("t/catalog.yaml"), atomically: true, encoding: .utf8)
        let again = try CLI.run(["templates", "export", "t"], in: away)
        #expect(again.status == 2)
        #expect(again.stderr.contains("catalog.yaml") && again.stderr.contains("--force"))
        #expect(try String(contentsOf: away.appendingPathComponent("t/catalog.yaml"), encoding: .utf8) == "# mine\n")
        #expect(try CLI.run(["templates", "export", "--force", "t"], in: away).status == 0)
        #expect(try String(contentsOf: away.appendingPathComponent("t/catalog.yaml"), encoding: .utf8) != "# mine\n")
    }

    @Test("A folder with only the master outline: the rest built in, and stderr names which")
    func perFileFallback() throws {
        let away = try Self.away("partial")
        let dir = away.appendingPathComponent("partial")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let original = try String(contentsOf: CLI.projectRoot.appendingPathComponent("Templates/master-outline.yaml"), encoding: .utf8)
        try original.replacingOccurrences(of: "subtitle: （汇总稿）", with: "subtitle: （征求意见稿）")
            .write(to: dir.appendingPathComponent("master-outline.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["build", Self.inputs.path, "--out", "out", "--templates", dir.path], in: away)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr == "note: templates: built-in catalog.yaml, sections.yaml, indicators.yaml, safeguards.yaml, versions.yaml, "
                + "topic-matching.yaml, reference-docx/ (not in \(dir.path))\n")
        #expect(try Self.plan(away.appendingPathComponent("out"))["subtitle"] as? String == "（征求意见稿）")
        // check reads no master outline: only its own files are named.
        let check = try CLI.run(["check", "--templates", dir.path, Self.input("draft-07.docx")], in: away)
        #expect(check.status == 0)
        #expect(!check.stderr.contains("master-outline") && check.stderr.contains("catalog.yaml"))
        // Listed with their origins.
        let list = try CLI.run(["templates", "list", "--templates", dir.path], in: away)
        #expect(list.stdout.contains("master-outline.yaml") && list.stdout.contains(dir.appendingPathComponent("master-outline.yaml").path))
        #expect(list.stdout.split(separator: "\n").contains { $0.contains("catalog.yaml") && $0.hasSuffix("built-in") })
    }

    @Test("--templates naming no folder is an error (exit 3), never a silent fall back to the built-in templates")
    func missingTemplatesFolder() throws {
        let away = try Self.away("missing")
        let run = try CLI.run(["check", "--templates", "nowhere", Self.input("draft-07.docx")], in: away)
        #expect(run.status == 3)
        #expect(run.stderr == "error: template: nowhere: no such folder\n")
    }

    @Test("--version: the tool version and the fingerprint of the templates in use")
    func version() throws {
        let away = try Self.away("version")
        let builtIn = try CLI.run(["--version"], in: away)
        #expect(builtIn.status == 0)
        let lines = builtIn.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.wholeMatch(of: /plan-assembler \d+\.\d+\.\d+/) != nil, "\(lines)")
        let fingerprint = try #require(lines.last?.wholeMatch(of: /templates: built-in, fingerprint ([0-9a-f]{16})/)?.1)
        let list = try CLI.run(["templates", "list"], in: away)
        #expect(list.stdout.contains("fingerprint: \(fingerprint) (built-in: \(fingerprint))"))
        // An edited ./Templates: another fingerprint, the built-in one still named.
        #expect(try CLI.run(["templates", "export", "Templates"], in: away).status == 0)
        try "# edited\n".write(to: away.appendingPathComponent("Templates/schema/notes.txt"), atomically: true, encoding: .utf8)
        let local = try CLI.run(["--version"], in: away)
        let localLines = local.stdout.split(separator: "\n").map(String.init)
        let localPrint = try #require(
            localLines.dropFirst().first?.wholeMatch(
                of: /templates: .\/Templates \(found in the current folder\), fingerprint ([0-9a-f]{16})/)?.1)
        #expect(localPrint != fingerprint)
        #expect(localLines.last == "built-in templates: fingerprint \(fingerprint)")
    }

    @Test("The man page is the help of every command: each subcommand, each option, the exit codes")
    func manualPage() throws {
        let run = try CLI.run(["generate-manual"])
        #expect(run.status == 0)
        let page = run.stdout
        #expect(page.contains(".TH \"PLAN-ASSEMBLER\" \"1\""))
        for command in ["build", "watch", "check", "extract", "dump", "templates export", "templates list"] {
            #expect(page.contains(".SS \"plan\\-assembler \(command)\""), "no section for \(command)")
            let help = try CLI.run(["help"] + command.split(separator: " ").map(String.init))
            // Every option the help lists is in the man page.
            let options = help.stdout.matches(of: /(?m)^  (--[a-z-]+)/).map { String($0.1) }
            #expect(!options.isEmpty, "no option found in the help of \(command)")
            for option in options {
                #expect(page.contains("\\fB" + option.replacingOccurrences(of: "-", with: "\\-")), "\(command): \(option) missing")
            }
        }
        #expect(page.contains("Exit status: 0 success"))
        #expect(!page.contains("generate\\-manual"), "the hidden command is not documented")
        #expect(
            !page.split(separator: "\n").contains {
                $0.hasPrefix(".") && !$0.hasPrefix(".TH") && !$0.hasPrefix(".SH")
                    && !$0.hasPrefix(".SS") && !$0.hasPrefix(".PP") && !$0.hasPrefix(".TP") && !$0.hasPrefix(".\\\"")
            },
            "a text line would be read as a roff request")
    }

    @Test("Completion scripts for bash and zsh name every subcommand")
    func completions() throws {
        for shell in ["bash", "zsh"] {
            let run = try CLI.run(["--generate-completion-script", shell])
            #expect(run.status == 0)
            for sub in ["build", "watch", "check", "extract", "dump", "templates"] {
                #expect(run.stdout.contains(sub), "\(shell): \(sub)")
            }
        }
    }
}
