import ArgumentParser
import DocumentModel
import PlanSupport
import Foundation
import PlanDocxWriter
import PlanTemplates

/// Which templates a command uses: the folder `--templates` names, else a `Templates/` folder in
/// the current directory (announced on stderr), else the ones built into the executable. A
/// folder that lacks some files takes them from the built-in templates, and says so.
enum TemplateLocation {
    /// The folder looked for in the current directory.
    static let localFolder = "Templates"

    /// How the templates were chosen.
    enum Choice {
        case explicit(String)
        case local
        case builtIn
    }

    static func choose(_ explicit: String?) -> Choice {
        if let explicit { return .explicit(explicit) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: localFolder, isDirectory: &isDirectory), isDirectory.boolValue { return .local }
        return .builtIn
    }

    /// The source of `choice`; a named folder that does not exist is an error (exit 3), never
    /// silently replaced by the built-in templates.
    static func source(_ choice: Choice) throws -> TemplateSource {
        switch choice {
        case .builtIn:
            return .builtIn
        case .local:
            return .folder(localFolder)
        case .explicit(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw TemplateLoadError(message: "error: template: \(path): no such folder")
            }
            return .folder(path)
        }
    }

    /// How the folder of `choice` is named in messages.
    static func folderName(_ choice: Choice) -> String {
        switch choice {
        case .explicit(let path): path
        case .local: "./" + localFolder
        case .builtIn: "built-in"
        }
    }

    /// The notes on stderr: that `./Templates` is used, and which of `units` came from the
    /// built-in templates because the folder lacks them.
    static func announce(_ choice: Choice, _ source: TemplateSource, units: [String]) {
        guard source.folder != nil else { return }
        var notes = ""
        if case .local = choice {
            notes += "note: templates: using ./\(localFolder) (found in the current folder; --templates DIR names another)\n"
        }
        let builtIn = source.origins(of: units).filter { $0.origin == .builtIn }.map(\.unit)
        if !builtIn.isEmpty {
            notes += "note: templates: built-in \(builtIn.joined(separator: ", ")) (not in \(folderName(choice)))\n"
        }
        if !notes.isEmpty { FileHandle.standardError.write(Data(notes.utf8)) }
    }
}

/// Loads the templates `explicit` (or the current folder, or the built-in ones) choose, noting on
/// stderr where `units` come from; a bad template ends with exit status 3 and its file and line.
/// With `quiet` (build --quiet: errors only) nothing is noted.
func loadTemplates(_ explicit: String?, reading units: [String] = TemplateSet.fileNames, quiet: Bool = false) throws -> TemplateSet {
    let choice = TemplateLocation.choose(explicit)
    let source = try TemplateLocation.source(choice)
    if !quiet { TemplateLocation.announce(choice, source, units: units) }
    do {
        return try TemplateSet.load(from: source)
    } catch {
        throw TemplateLoadError(message: "error: template: \(error)")
    }
}

/// A short fingerprint of the templates in use: the SHA-256 of every file (path, size, bytes).
enum TemplateFingerprint {
    static func of(_ source: TemplateSource) -> String {
        var hash = SHA256()
        for file in source.filesInUse() {
            hash.update(Array("\(file.path) \(file.bytes.count)\n".utf8))
            hash.update(file.bytes)
        }
        return String(hash.finalizeHex().prefix(16))
    }
}

/// `plan-assembler templates`: where the templates come from, and a copy to edit.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Show where the templates come from, or write the built-in ones out for an office to edit.",
        discussion: """
            The catalog, section and indicator synonyms, safeguard categories, version words, \
            topic-matching thresholds, master outline and reference DOCX are built into the tool. \
            A folder given with --templates, or a Templates folder in the current directory, \
            overrides them file by file: what it lacks comes from the built-in ones (reference-docx \
            as a whole). `templates export DIR` writes the built-in templates into DIR to start from.
            """,
        subcommands: [TemplatesExportCommand.self, TemplatesListCommand.self]
    )
}

/// `plan-assembler templates export DIR`.
struct TemplatesExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in templates into a folder, to edit and use with --templates (or as ./Templates).",
        discussion: "Refuses to overwrite existing files unless --force is given (exit 2)."
    )

    @Argument(help: "The folder to write (created if missing).", completion: .directory)
    var directory: String

    @Flag(help: "Overwrite files that exist already.")
    var force = false

    func run() throws {
        let paths: [String]
        do {
            paths = try TemplateSource.exportBuiltIn(to: directory, overwrite: force)
        } catch {
            FileHandle.standardError.write(Data("error: \(directory): \(error)\n".utf8))
            throw ExitStatus.outputFailed
        }
        print(
            "wrote \(paths.count) template files to \(directory) (fingerprint \(TemplateFingerprint.of(.folder(directory, fallingBack: false))))"
        )
        print("edit them, then: plan-assembler build --templates \(directory) <drafts folder>")
    }
}

/// `plan-assembler templates list`.
struct TemplatesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every template file in use and where it comes from (a folder or built in), with the fingerprint."
    )

    @Option(help: "Templates folder (default: ./Templates when present, else the built-in templates).", completion: .directory)
    var templates: String?

    func run() throws {
        let choice = TemplateLocation.choose(templates)
        let source = try TemplateLocation.source(choice)
        var out = "templates: \(TemplateLocation.folderName(choice))"
        if case .local = choice { out += " (found in the current folder)" }
        if source.folder != nil { out += ", falling back to the built-in templates file by file" }
        out += "\n"
        let files = source.filesInUse()
        let width = min(48, files.map { $0.path.count }.max() ?? 0)
        for file in files {
            let origin = file.origin == .builtIn ? "built-in" : source.label(of: file.path)
            out += "  " + file.path.padding(toLength: max(width, file.path.count), withPad: " ", startingAt: 0) + "  " + origin + "\n"
        }
        out += "fingerprint: \(TemplateFingerprint.of(source)) (built-in: \(TemplateFingerprint.of(.builtIn)))\n"
        print(out, terminator: "")
    }
}
