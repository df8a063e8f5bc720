import Foundation
import PlanTemplates
import Testing

/// The built-in templates (embedded from `Templates/` at build time) and a templates folder
/// taking precedence file by file.
@Suite(.serialized) struct TemplateSourceTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates").standardized.path

    static func scratch(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pa-tplsrc-\(getpid())-\(name)").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every file under `directory` (relative paths), hidden files left out.
    static func files(under directory: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: directory)
        while let relative = walker?.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    @Test("The built-in templates are every file of Templates/, byte for byte (the reference DOCX and schemas too)")
    func builtInEqualsTemplatesFolder() throws {
        let onDisk = Self.files(under: Self.templates)
        #expect(onDisk.count >= 15)
        #expect(TemplateSource.builtInPaths == onDisk.keys.sorted())
        let source = TemplateSource.builtIn
        for (path, data) in onDisk {
            #expect(source.bytes(path) == [UInt8](data), "\(path) differs from its built-in copy")
            #expect(source.origin(of: path) == .builtIn)
        }
        for required in [
            "catalog.yaml", "master-outline.yaml", "reference-docx/word/styles.xml", "reference-docx/sectPr.xml",
            "schema/master-plan.schema.json",
        ] {
            #expect(onDisk[required] != nil, "\(required) is not in Templates/")
        }
    }

    @Test("The built-in template set loads, and equals the one loaded from Templates/")
    func builtInSetLoads() throws {
        let builtIn = try TemplateSet.builtIn()
        let folder = try TemplateSet.load(directory: Self.templates)
        #expect(builtIn.directory == TemplateSource.builtInLabel)
        #expect(builtIn.catalog == folder.catalog)
        #expect(builtIn.sections == folder.sections)
        #expect(builtIn.versions == folder.versions)
        #expect(builtIn.catalog.topics.count == 35)
        #expect(builtIn.fingerprintInputs() == folder.fingerprintInputs())
        #expect(builtIn.fingerprintBytes().map(\.bytes) == folder.fingerprintBytes().map(\.bytes))
        #expect(builtIn.fingerprintBytes().allSatisfy { !$0.bytes.isEmpty })
        var outline = try builtIn.masterOutline()
        let folderOutline = try folder.masterOutline()
        #expect(outline.file == "<built-in>/master-outline.yaml")
        outline.file = folderOutline.file
        #expect(outline == folderOutline)
    }

    @Test("A folder with only some files: those from the folder, each missing one built in, and the report says which")
    func perFileFallback() throws {
        let dir = try Self.scratch("partial")
        var versions = try String(contentsOfFile: Self.templates + "/versions.yaml", encoding: .utf8)
        versions = versions.replacingOccurrences(
            of: "aliases: [", with: "aliases: [汇报稿, ", options: [], range: versions.range(of: "aliases: ["))
        try versions.write(toFile: dir + "/versions.yaml", atomically: true, encoding: .utf8)
        let source = TemplateSource.folder(dir)
        let set = try TemplateSet.load(from: source)
        #expect(set.versions.spellings.contains { $0.spelling == "汇报稿" })
        #expect(try TemplateSet.builtIn().versions.spellings.contains { $0.spelling == "汇报稿" } == false)
        #expect(set.catalog == (try TemplateSet.builtIn()).catalog)
        let origins = Dictionary(
            uniqueKeysWithValues: source.origins(of: TemplateSet.fileNames + ["master-outline.yaml", "reference-docx/"])
                .map { ($0.unit, $0.origin) })
        #expect(origins["versions.yaml"] == .folder(dir))
        #expect(origins["catalog.yaml"] == .builtIn)
        #expect(origins["master-outline.yaml"] == .builtIn)
        #expect(origins["reference-docx/"] == .builtIn)
        #expect(source.label(of: "versions.yaml") == dir + "/versions.yaml")
        #expect(source.label(of: "catalog.yaml") == "<built-in>/catalog.yaml")
        // The bytes in use key the cache: the folder's versions.yaml, the built-in rest.
        let bytes = Dictionary(uniqueKeysWithValues: set.fingerprintBytes().map { ($0.name, $0.bytes) })
        #expect(bytes["versions.yaml"] == Array(versions.utf8))
        #expect(bytes["catalog.yaml"] == TemplateSource.builtIn.bytes("catalog.yaml"))
    }

    @Test("Without fallback (TemplateSet.load(directory:)) a missing file is an error naming it")
    func noFallback() throws {
        let dir = try Self.scratch("strict")
        try FileManager.default.copyItem(atPath: Self.templates + "/catalog.yaml", toPath: dir + "/catalog.yaml")
        let error = #expect(throws: TemplateError.self) { try TemplateSet.load(directory: dir) }
        #expect(error?.file == dir + "/sections.yaml")
        #expect(error?.message.hasPrefix("cannot read the template") == true)
    }

    @Test("A bad file in the folder names its path and line, not the built-in copy")
    func errorInFolder() throws {
        let dir = try Self.scratch("bad")
        try "versions:\n  - name: 初稿\n    aliases: [一稿\n".write(toFile: dir + "/versions.yaml", atomically: true, encoding: .utf8)
        let error = #expect(throws: TemplateError.self) { try TemplateSet.load(from: .folder(dir)) }
        #expect(error?.file == dir + "/versions.yaml")
        #expect(error?.line != nil)
    }

    @Test("reference-docx is one unit: a folder's own reference is never completed with built-in parts")
    func referenceIsWhole() throws {
        let dir = try Self.scratch("ref")
        try FileManager.default.createDirectory(atPath: dir + "/reference-docx/word", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.templates + "/reference-docx/word/styles.xml", toPath: dir + "/reference-docx/word/styles.xml")
        let source = TemplateSource.folder(dir)
        #expect(source.origin(of: "reference-docx/word/theme/theme1.xml") == .folder(dir))
        #expect(source.bytes("reference-docx/word/theme/theme1.xml") == nil)
        let files = try #require(source.files(under: "reference-docx"))
        #expect(files.origin == .folder(dir))
        #expect(files.files.keys.sorted() == ["word/styles.xml"])
        let builtIn = try #require(TemplateSource.builtIn.files(under: "reference-docx"))
        #expect(builtIn.files.keys.contains("sectPr.xml") && builtIn.files.keys.contains("word/styles.xml"))
    }

    @Test("Export writes every built-in file, refuses to overwrite without being told, and reads back as the same templates")
    func export() throws {
        let dir = try Self.scratch("export")
        let written = try TemplateSource.exportBuiltIn(to: dir, overwrite: false)
        #expect(written == TemplateSource.builtInPaths)
        let exported = Self.files(under: dir)
        #expect(exported == Self.files(under: Self.templates))
        #expect(throws: TemplateSource.ExportError.self) { try TemplateSource.exportBuiltIn(to: dir, overwrite: false) }
        try "# edited\n".write(toFile: dir + "/catalog.yaml", atomically: true, encoding: .utf8)
        _ = try TemplateSource.exportBuiltIn(to: dir, overwrite: true)
        #expect(FileManager.default.contents(atPath: dir + "/catalog.yaml") == exported["catalog.yaml"])
        // Every file in use comes from the folder, with the built-in bytes.
        let inUse = TemplateSource.folder(dir).filesInUse()
        #expect(inUse.map(\.path) == TemplateSource.builtInPaths)
        #expect(inUse.allSatisfy { $0.origin == .folder(dir) && $0.bytes == TemplateSource.builtIn.bytes($0.path) })
    }

    @Test("Files in use: a folder's extra files count, hidden files and lock files do not")
    func filesInUse() throws {
        let dir = try Self.scratch("extra")
        try "a: 1\n".write(toFile: dir + "/notes.yaml", atomically: true, encoding: .utf8)
        try "x".write(toFile: dir + "/.catalog.yaml.swp", atomically: true, encoding: .utf8)
        try "x".write(toFile: dir + "/~$catalog.yaml", atomically: true, encoding: .utf8)
        let paths = TemplateSource.folder(dir).filesInUse().map(\.path)
        #expect(paths == (TemplateSource.builtInPaths + ["notes.yaml"]).sorted())
    }
}
