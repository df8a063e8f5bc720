import BuiltinTemplates
import Foundation

/// Where the template files come from: the defaults built into the executable (every file of
/// `Templates/` when it was built), or a folder whose files take precedence over them.
///
/// A folder may hold only some of the files: each file it lacks is taken from the built-in
/// templates (`fallsBack`), and `origin(of:)` says where each one came from. A folder listed in
/// `wholeFolders` (the unzipped reference document) is one unit: taken whole from the folder
/// when the folder has it, else whole from the built-in templates, never mixed.
public struct TemplateSource: Sendable {
    /// Where a template file or unit came from.
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        case builtIn
        case folder(String)

        public var description: String {
            switch self {
            case .builtIn: "built-in"
            case .folder(let path): path
            }
        }
    }

    /// The folder whose files take precedence; nil for the built-in templates alone.
    public let folder: String?
    /// Whether a file the folder lacks is taken from the built-in templates.
    public let fallsBack: Bool
    /// The built-in files: relative path → bytes.
    let builtInFiles: [String: [UInt8]]

    /// The name of built-in files in messages: `<built-in>/catalog.yaml`.
    public static let builtInLabel = "<built-in>"

    /// Folders that are one unit: a reference document is one document.
    public static let wholeFolders = ["reference-docx"]

    /// The templates built into the executable.
    public static var builtIn: TemplateSource {
        TemplateSource(folder: nil, fallsBack: true, builtInFiles: BuiltinTemplates.files)
    }

    /// The templates of `path`; with `fallingBack`, a file it lacks comes from the built-in ones.
    public static func folder(_ path: String, fallingBack: Bool = true) -> TemplateSource {
        TemplateSource(folder: path, fallsBack: fallingBack, builtInFiles: fallingBack ? BuiltinTemplates.files : [:])
    }

    /// The paths of the built-in templates, sorted.
    public static var builtInPaths: [String] { BuiltinTemplates.paths }

    /// The unit `path` belongs to: `reference-docx/` for any file in it, else the path itself.
    public static func unit(of path: String) -> String {
        for whole in wholeFolders where path == whole || path.hasPrefix(whole + "/") { return whole + "/" }
        return path
    }

    private func folderPath(_ relative: String) -> String? {
        folder.map { ($0 as NSString).appendingPathComponent(relative) }
    }

    private func folderHas(_ relative: String, directory: Bool = false) -> Bool {
        guard let path = folderPath(relative) else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue == directory
    }

    private func builtInHas(unit: String) -> Bool {
        unit.hasSuffix("/") ? builtInFiles.keys.contains { $0.hasPrefix(unit) } : builtInFiles[unit] != nil
    }

    /// Where the unit of `path` comes from; nil when neither the folder nor the built-in
    /// templates have it.
    public func origin(of path: String) -> Origin? {
        let unit = Self.unit(of: path)
        let inFolder = unit.hasSuffix("/") ? folderHas(String(unit.dropLast()), directory: true) : folderHas(unit)
        if inFolder, let folder { return .folder(folder) }
        if fallsBack, builtInHas(unit: unit) { return .builtIn }
        return nil
    }

    /// How a file is named in messages: its path in the folder, or `<built-in>/<path>`.
    public func label(of path: String) -> String {
        switch origin(of: path) {
        case .folder: folderPath(path)!
        case .builtIn: Self.builtInLabel + "/" + path
        case nil: folderPath(path) ?? (Self.builtInLabel + "/" + path)
        }
    }

    /// The bytes of `path` from where its unit comes from; nil when it has none (or, in the
    /// folder, cannot be read).
    public func bytes(_ path: String) -> [UInt8]? {
        switch origin(of: path) {
        case .folder: FileManager.default.contents(atPath: folderPath(path)!).map { [UInt8]($0) }
        case .builtIn: builtInFiles[path]
        case nil: nil
        }
    }

    /// The text of the template file `path` and the name to give it in errors.
    public func text(_ path: String) throws(TemplateError) -> (text: String, file: String) {
        switch origin(of: path) {
        case .folder:
            let file = folderPath(path)!
            return (try TemplateLoader.text(of: file), file)
        case .builtIn:
            let file = Self.builtInLabel + "/" + path
            guard let text = String(bytes: builtInFiles[path]!, encoding: .utf8) else {
                throw TemplateError(file: file, message: "the built-in template is not UTF-8")
            }
            return (text, file)
        case nil:
            // Read it anyway, for the reader's own reason (no such file, a folder …).
            if let file = folderPath(path) { return (try TemplateLoader.text(of: file), file) }
            throw TemplateError(file: Self.builtInLabel + "/" + path, message: "cannot read the template: not built in")
        }
    }

    /// The files of a whole folder (`reference-docx`), relative to it, from where it comes from.
    public func files(under folderName: String) -> (files: [String: [UInt8]], origin: Origin)? {
        let prefix = folderName + "/"
        switch origin(of: prefix) {
        case .folder(let folder):
            let base = (folder as NSString).appendingPathComponent(folderName)
            var out: [String: [UInt8]] = [:]
            for relative in Self.regularFiles(under: base) {
                if let data = FileManager.default.contents(atPath: (base as NSString).appendingPathComponent(relative)) {
                    out[relative] = [UInt8](data)
                }
            }
            return (out, .folder(folder))
        case .builtIn:
            var out: [String: [UInt8]] = [:]
            for (path, bytes) in builtInFiles where path.hasPrefix(prefix) { out[String(path.dropFirst(prefix.count))] = bytes }
            return (out, .builtIn)
        case nil:
            return nil
        }
    }

    /// Every template file in use, sorted by path, with its bytes: each built-in file resolved
    /// through the folder (a whole folder's files as the folder has them), and the folder's own
    /// files the built-in templates do not have. Hidden files and lock files are left out.
    public func filesInUse() -> [(path: String, bytes: [UInt8], origin: Origin)] {
        var out: [String: ([UInt8], Origin)] = [:]
        var paths = Set(builtInFiles.keys)
        if let folder { paths.formUnion(Self.regularFiles(under: folder)) }
        for path in paths {
            let unit = Self.unit(of: path)
            if unit.hasSuffix("/") {
                guard let (files, origin) = files(under: String(unit.dropLast())) else { continue }
                for (relative, bytes) in files { out[unit + relative] = (bytes, origin) }
            } else if let origin = origin(of: path), let bytes = bytes(path) {
                out[path] = (bytes, origin)
            }
        }
        return out.keys.sorted().map { ($0, out[$0]!.0, out[$0]!.1) }
    }

    /// Per unit of `paths` (in their order, each unit once): where it comes from.
    public func origins(of paths: [String]) -> [(unit: String, origin: Origin?)] {
        var seen: Set<String> = []
        return paths.compactMap { path in
            let unit = Self.unit(of: path)
            return seen.insert(unit).inserted ? (unit, origin(of: path)) : nil
        }
    }

    /// Relative paths of the regular files under `directory`, sorted; hidden files (`.…`) and
    /// Office lock files (`~$…`) left out, as the build embeds them.
    static func regularFiles(under directory: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") || name.hasPrefix("~$") {
                walker.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: (directory as NSString).appendingPathComponent(relative), isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                out.append(relative)
            }
        }
        return out.sorted()
    }

    /// Writes every built-in template under `directory` (creating folders); returns the paths
    /// written. With `overwrite` false, nothing is written when one of them exists already.
    public static func exportBuiltIn(to directory: String, overwrite: Bool) throws -> [String] {
        let files = BuiltinTemplates.files
        let paths = files.keys.sorted()
        let fm = FileManager.default
        if !overwrite {
            let existing = paths.filter { fm.fileExists(atPath: (directory as NSString).appendingPathComponent($0)) }
            if !existing.isEmpty { throw ExportError.wouldOverwrite(existing) }
        }
        for path in paths {
            let target = (directory as NSString).appendingPathComponent(path)
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(files[path]!).write(to: URL(fileURLWithPath: target), options: .atomic)
        }
        return paths
    }

    public enum ExportError: Error, CustomStringConvertible {
        case wouldOverwrite([String])

        public var description: String {
            switch self {
            case .wouldOverwrite(let paths):
                let shown = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
                return "the folder already has \(shown); nothing written (--force overwrites)"
            }
        }
    }
}
