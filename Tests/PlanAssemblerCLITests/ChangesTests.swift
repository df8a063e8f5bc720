import DocumentModel
import PlanSupport
import Foundation
import OOXML
import Testing
import TestSupport

/// `changes.json`, the report's 修改情况 and the DOCX's 修改说明: what changed since the
/// previous build, each change once; the same inputs again say "no changes", byte for byte.
@Suite(.serialized) struct ChangesTests {
    static let replacedName = "10-新材料领域科技发展规划（征求意见稿）.docx"
    static let newerName = "10-新材料领域科技发展规划（修改稿）.docx"
    static let removedName = "draft-07.docx"
    static let addedName = "S4 科技投入与绩效评价问题研究.docx"
    static let editedName = "科技服务业发展规划（征求意见稿）.docx"
    static let start = [replacedName, removedName, editedName, "17-卫生健康领域科技发展规划（修改稿）.docx"]

    static func copy(_ name: String, to dir: URL) throws {
        let from = BuildCommandTests.inputs.appendingPathComponent(name).path
        let to = dir.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: from, toPath: to)
        let attributes = try FileManager.default.attributesOfItem(atPath: from)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: to)
    }

    /// `name` with `edits` applied to its parts' text (each search string must occur once).
    static func edited(_ name: String, _ edits: [String: [(String, String)]]) throws -> [UInt8] {
        let path = BuildCommandTests.inputs.appendingPathComponent(name).path
        let package = try PackageContents.read(docx: path)
        var writer = ZipWriter()
        for part in package.partNames {
            var bytes = package.parts[part]!
            if let list = edits[part] {
                var text = String(decoding: bytes, as: UTF8.self)
                for (from, to) in list {
                    #expect(text.components(separatedBy: from).count == 2, "\(part): \(from) must occur once")
                    text = text.replacingOccurrences(of: from, with: to)
                }
                bytes = Array(text.utf8)
            }
            writer.add(part, bytes)
        }
        return try writer.finish()
    }

    static func build(_ inputs: URL, _ out: URL) throws {
        let run = try CLI.run(["build", inputs.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    static func changes(_ out: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("changes.json"))) as! [String: Any]
    }

    static func everyOutput(_ dir: URL) throws -> [String: Data] {
        var all: [String: Data] = [:]
        let fm = FileManager.default
        for sub in ["", "drafts/", "feedback/"] {
            for name in try fm.contentsOfDirectory(atPath: dir.appendingPathComponent(sub).path) where !name.hasPrefix(".") {
                var isDirectory: ObjCBool = false
                let path = dir.appendingPathComponent(sub + name).path
                if fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    all[sub + name] = try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
        }
        return all
    }

    @Test("Replaced, added, removed and edited drafts each appear once in changes.json, the report and the DOCX")
    func changesSinceTheLastBuild() throws {
        let inputs = try BuildCommandTests.scratch("changes-in")
        let out = try BuildCommandTests.scratch("changes-out")
        for name in Self.start { try Self.copy(name, to: inputs) }

        try Self.build(inputs, out)
        let first = try Self.changes(out)
        #expect(first["compared"] as? Bool == false)
        #expect((first["drafts"] as? [Any])?.isEmpty == true)

        // The same inputs: "no changes", and a third build writes the same bytes as the second.
        try Self.build(inputs, out)
        let second = try Self.changes(out)
        #expect(second["compared"] as? Bool == true)
        for list in ["drafts", "indicators", "statements", "coverage", "conflicts"] {
            #expect((second[list] as? [Any])?.isEmpty == true, "\(list)")
        }
        let secondOutputs = try Self.everyOutput(out)
        try Self.build(inputs, out)
        let thirdOutputs = try Self.everyOutput(out)
        #expect(secondOutputs.keys.sorted() == thirdOutputs.keys.sorted())
        for (name, data) in secondOutputs { #expect(thirdOutputs[name] == data, "\(name) differs between reruns") }
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!report.contains("id=\"changes\""), "no changes: no section")

        // A statement of the service draft, as the plan quotes it, edited in the draft.
        let plan = try BuildCommandTests.plan(out)
        let document = try String(
            decoding: PackageContents.read(docx: inputs.appendingPathComponent(Self.editedName).path).parts["word/document.xml"]!,
            as: UTF8.self)
        var statement: String?
        func visit(_ node: [String: Any]) {
            for item in node["items"] as? [[String: Any]] ?? [] where statement == nil {
                let files = (item["sources"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
                if files == [Self.editedName], let text = item["text"] as? String, text.count > 30 {
                    let middle = String(text.dropFirst(10).prefix(8))
                    if document.components(separatedBy: middle).count == 2 { statement = middle }
                }
            }
            for child in node["children"] as? [[String: Any]] ?? [] { visit(child) }
        }
        for chapter in plan["chapters"] as? [[String: Any]] ?? [] { visit(chapter) }
        let fragment = try #require(statement)

        // A newer draft of topic 10 with one indicator changed; one draft removed, one added.
        let newer = try Self.edited(
            Self.replacedName,
            [
                "word/document.xml": [("新材料产业产值突破8000亿元", "新材料产业产值突破9000亿元")],
                "docProps/core.xml": [("2020-09-10T15:40:00Z", "2020-12-01T08:00:00Z")],
            ])
        try Data(newer).write(to: inputs.appendingPathComponent(Self.newerName))
        try FileManager.default.removeItem(at: inputs.appendingPathComponent(Self.removedName))
        try Self.copy(Self.addedName, to: inputs)
        let edited = try Self.edited(Self.editedName, ["word/document.xml": [(fragment, "（已修订）" + fragment)]])
        try Data(edited).write(to: inputs.appendingPathComponent(Self.editedName))

        try Self.build(inputs, out)
        let changes = try Self.changes(out)
        #expect(changes["compared"] as? Bool == true)
        let drafts = changes["drafts"] as? [[String: Any]] ?? []
        func draft(_ kind: String) -> [[String: Any]] { drafts.filter { $0["kind"] as? String == kind } }
        #expect(draft("replaced").count == 1)
        #expect(draft("replaced").first?["file"] as? String == Self.newerName)
        #expect(draft("replaced").first?["previousFile"] as? String == Self.replacedName)
        #expect(draft("replaced").first?["version"] as? String == "修改稿")
        #expect(draft("replaced").first?["previousVersion"] as? String == "征求意见稿")
        #expect(draft("added").map { $0["file"] as? String } == [Self.addedName])
        #expect(draft("removed").map { $0["file"] as? String } == [Self.removedName])
        #expect(draft("superseded").isEmpty, "the replaced draft is listed once, with its replacement")
        #expect(drafts.count == 3)

        let indicators = (changes["indicators"] as? [[String: Any]] ?? []).filter { $0["key"] as? String == "新材料产业产值" }
        #expect(indicators.count == 1)
        let change = try #require(indicators.first)
        #expect(change["year"] as? String == "2035")
        #expect((change["before"] as? [[String: Any]])?.map { $0["text"] as? String } == ["8000亿元"])
        #expect((change["after"] as? [[String: Any]])?.map { $0["text"] as? String } == ["9000亿元"])
        #expect((change["after"] as? [[String: Any]])?.first?["files"] as? [String] == [Self.newerName])

        let statements = changes["statements"] as? [[String: Any]] ?? []
        let added = statements.filter { $0["kind"] as? String == "added" && ($0["text"] as? String ?? "").contains("（已修订）" + fragment) }
        let removed = statements.filter {
            $0["kind"] as? String == "removed" && ($0["files"] as? [String]) == [Self.editedName]
                && ($0["text"] as? String ?? "").contains(fragment)
        }
        #expect(added.count == 1)
        #expect(removed.count == 1)
        #expect(added.first?["chapter"] as? String == removed.first?["chapter"] as? String)

        // The schema accepts it.
        let schema = CLI.projectRoot.appendingPathComponent("Templates/schema/changes.schema.json")
        let validator = try JSONSchemaValidator(schemaData: Data(contentsOf: schema))
        let errors = try validator.validate(Data(contentsOf: out.appendingPathComponent("changes.json")))
        #expect(errors.isEmpty, "\(errors.prefix(5))")

        // The report's section at the top, each change once.
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let section = try #require(
            page.components(separatedBy: "<section id=\"changes\">").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(page.range(of: "<section id=\"changes\">")!.lowerBound < page.range(of: "<section id=\"coverage\"")!.lowerBound)
        #expect(section.components(separatedBy: "8000亿元 → 9000亿元").count == 2)
        #expect(section.components(separatedBy: "《\(Self.removedName)》不再在收稿文件夹中").count == 2)
        #expect(section.components(separatedBy: "（已修订）").count == 2)

        // The DOCX's 修改说明 appendix, each change once.
        let docx = try DocxReader().read(path: out.appendingPathComponent("master-plan.docx").path)
        let texts = docx.body.allParagraphs.map(\.text)
        let heading = try #require(texts.lastIndex { $0.hasSuffix("修改说明") })
        let appendix = texts[heading...]
        #expect(appendix.filter { $0.contains("8000亿元 → 9000亿元") }.count == 1)
        #expect(appendix.filter { $0.contains("（已修订）") }.count == 1)
        #expect(appendix.filter { $0.contains("《\(Self.addedName)》") }.count == 1)

        // And once more with nothing changed: "no changes".
        try Self.build(inputs, out)
        let after = try Self.changes(out)
        #expect(after["compared"] as? Bool == true)
        #expect((after["drafts"] as? [Any])?.isEmpty == true && (after["indicators"] as? [Any])?.isEmpty == true)
    }

    @Test("--since compares with a chosen earlier master plan")
    func since() throws {
        let inputs = try BuildCommandTests.scratch("since-in")
        let out = try BuildCommandTests.scratch("since-out")
        try Self.copy(Self.removedName, to: inputs)
        try Self.build(inputs, out)
        let earlier = try BuildCommandTests.scratch("since-earlier").appendingPathComponent("plan.json")
        try FileManager.default.copyItem(at: out.appendingPathComponent("master-plan.json"), to: earlier)
        try Self.copy(Self.addedName, to: inputs)
        try Self.build(inputs, out)
        try Self.build(inputs, out)  // compared with the previous build: nothing
        #expect((try Self.changes(out)["drafts"] as? [Any])?.isEmpty == true)
        let run = try CLI.run(["build", inputs.path, "--out", out.path, "--quiet", "--since", earlier.path])
        #expect(run.status == 0, "\(run.stderr)")
        let drafts = try Self.changes(out)["drafts"] as? [[String: Any]] ?? []
        #expect(drafts.map { $0["kind"] as? String } == ["added"])
        #expect(drafts.first?["file"] as? String == Self.addedName)
    }
}
