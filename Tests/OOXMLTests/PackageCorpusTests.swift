import Foundation
import Testing
import TestSupport
@testable import OOXML

/// What the container layer did with one file: refused it, or opened it and read its main part
/// (what `DocxReader` asks of it before parsing XML).
enum ContainerOutcome: CustomStringConvertible {
    case refused(DocxReadError)
    case opened(WordPackage)

    init(path: String, displayName: String, limits: ReadLimits = .default) {
        self.init(displayName) { try WordPackage(path: path, displayName: displayName, limits: limits) }
    }

    init(bytes: [UInt8], name: String = "draft.docx", limits: ReadLimits = .default) {
        self.init(name) { try WordPackage(bytes: bytes, displayName: name, limits: limits) }
    }

    private init(_ name: String, _ open: () throws -> WordPackage) {
        do {
            let package = try open()
            _ = try package.readPart(package.mainPartName)
            self = .opened(package)
        } catch let error as DocxReadError {
            self = .refused(error)
        } catch {
            self = .refused(DocxReadError(file: name, reason: .io(message: "unexpected error \(error)")))
        }
    }

    var reason: DocxReadError.Reason? {
        if case .refused(let error) = self { return error.reason }
        return nil
    }

    var code: String? { reason?.code }

    var package: WordPackage? {
        if case .opened(let package) = self { return package }
        return nil
    }

    var description: String {
        switch self {
        case .refused(let error): "refused: \(error)"
        case .opened(let package): "opened \(package.mainPartName)"
        }
    }
}

/// One row of a corpus table, named by its file in the test report.
struct PackageCorpusRow: Sendable, CustomTestStringConvertible {
    var fields: [String: String]
    subscript(_ key: String) -> String { fields[key] ?? "" }
    var testDescription: String { fields["file"] ?? fields["corpus_path"] ?? "?" }

    static func load(_ relativePath: String) -> [PackageCorpusRow] { SharedCorpus.table(relativePath).map(PackageCorpusRow.init) }
}

struct PackageCorpusTests {
    /// Categories the container layer decides (the others belong to the XML reader).
    static let containerCategories: Set<String> = [
        "empty-file", "not-a-zip", "truncated-zip", "missing-main-part", "legacy-doc", "encrypted",
        "not-wordprocessing", "lock-file", "zip-corrupt", "size-limit", "duplicate-entry", "unsupported-compression",
    ]

    static let hostileRows = PackageCorpusRow.load("hostile/EXPECTED.tsv")

    @Test(
        "Each hostile file gets its container-level verdict (time and memory bounds: make conformance)",
        .enabled(if: SharedCorpus.root != nil, Comment(rawValue: SharedCorpus.missingMessage)),
        arguments: hostileRows)
    func hostileVerdict(_ row: PackageCorpusRow) throws {
        let file = row["file"]
        let verdict = row["verdict"]
        let category = row["category"]
        let outcome = ContainerOutcome(path: SharedCorpus.path("hostile/" + file), displayName: file)

        if verdict.contains("reject"), Self.containerCategories.contains(category) {
            #expect(outcome.code == category, "\(file): expected \(category), got \(outcome)")
            if case .refused(let error) = outcome {
                #expect(error.file == file)
                #expect(error.description.hasPrefix(file + ": "))
            }
        } else {
            // Valid, unusual, or malformed only inside its XML: the container must open it.
            #expect(outcome.code == nil, "\(file): the container should open it, got \(outcome)")
        }
    }

    /// The detail a user sees for the files that are not zips at all.
    @Test(
        "Files that are not zips are named for what they are",
        .enabled(if: SharedCorpus.root != nil, Comment(rawValue: SharedCorpus.missingMessage)),
        arguments: [
            ("rtf-renamed.docx", "RTF document"), ("html-renamed.docx", "HTML document"),
            ("git-lfs-pointer.docx", "Git LFS pointer"), ("ole-doc-renamed.docx", "legacy Word 97-2003"),
            ("encrypted-ooxml.docx", "password-protected"), ("~$draft.docx", "lock/owner file"),
            ("lzma-method.docx", "LZMA (14)"), ("odt-renamed.docx", "application/vnd.oasis.opendocument.text"),
            ("xlsx-renamed.docx", "spreadsheetml"), ("zip-bomb-lying-size.docx", "declare"),
            ("zip-bomb-1GiB.docx", "1153480692"), ("rels-target-traversal.docx", "outside the package"),
            ("zipcrypto-password.docx", "encrypted zip entries"), ("crc-mismatch.docx", "CRC-32"),
        ])
    func hostileMessage(file: String, expected: String) {
        let outcome = ContainerOutcome(path: SharedCorpus.path("hostile/" + file), displayName: file)
        #expect(outcome.description.contains(expected), "\(outcome)")
    }

    @Test(
        "Unsafe entry names are ignored with a diagnostic and the document still opens",
        .enabled(if: SharedCorpus.root != nil, Comment(rawValue: SharedCorpus.missingMessage)))
    func pathTraversal() throws {
        let package = try WordPackage(path: SharedCorpus.path("hostile/path-traversal.docx"), displayName: "path-traversal.docx")
        let unsafe = package.diagnostics.filter { $0.code == "package.unsafe-entry-name" }
        #expect(unsafe.count == 5)
        #expect(package.partNames == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
    }

    @Test(
        "A package without [Content_Types].xml opens with a warning",
        .enabled(if: SharedCorpus.root != nil, Comment(rawValue: SharedCorpus.missingMessage)))
    func noContentTypes() throws {
        let package = try WordPackage(path: SharedCorpus.path("hostile/no-content-types.docx"), displayName: "no-content-types.docx")
        #expect(package.diagnostics.map(\.code) == ["package.no-content-types"])
        #expect(package.mainPartName == "word/document.xml")
    }

    /// Real-world files tagged damaged (`zip_bad`), compound (`cfb`) or `encrypted` in the
    /// manifest, and the one package that is an Office theme rather than a document.
    static let refusedRealFiles: [String: Set<String>] = [
        "zip_bad": ["truncated-zip", "zip-corrupt"],
        "cfb": ["legacy-doc", "encrypted"],
        "encrypted": ["encrypted"],
    ]

    static let manifestRows = PackageCorpusRow.load("MANIFEST.tsv")

    @Test(
        "Every real corpus file opens, or is refused for what it is",
        .enabled(if: SharedCorpus.root != nil, Comment(rawValue: SharedCorpus.missingMessage)),
        arguments: manifestRows)
    func realFile(_ row: PackageCorpusRow) {
        let path = row["corpus_path"]
        let outcome = ContainerOutcome(path: SharedCorpus.path(path), displayName: path)
        let tags = Set(row["tags"].split(separator: ",").map(String.init))
        if path.hasSuffix("apache-poi/stress025.docx") {
            #expect(outcome.code == "not-wordprocessing", "an Office theme package: \(outcome)")
        } else if path.hasSuffix("apache-poi/unicode-path.docx") {
            // Unicode Path fields that swap two entries' names (PackageUnicodePathTests).
            #expect(outcome.code == "duplicate-entry", "\(outcome)")
        } else if let tag = tags.first(where: { Self.refusedRealFiles[$0] != nil }) {
            // One fuzzed file is damaged only in its theme part, which the container never reads.
            let allowed = Set<String?>(Self.refusedRealFiles[tag] ?? []).union(tag == "zip_bad" ? [nil] : [])
            #expect(allowed.contains(outcome.code), "\(outcome)")
        } else {
            #expect(outcome.code == nil, "\(outcome)")
        }
    }
}
