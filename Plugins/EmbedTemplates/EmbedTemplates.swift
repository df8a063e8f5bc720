import Foundation
import PackagePlugin

/// Build-tool plugin for the `BuiltinTemplates` target: every file of `Templates/` becomes part of
/// the executable, as a generated Swift source, so the tool carries its templates and works from
/// any folder with nothing beside it.
///
/// `Sources/BuiltinTemplates/Templates` is a link to `Templates/`, so the templates are the
/// target's own files (SwiftPM lists them and plans the build again when one is added or removed,
/// and reruns the command when one changes): a template that is edited, added or
/// removed is embedded by the next `swift build`, with no step to run by hand. Hidden files
/// (`.…`) and Office lock files (`~$…`) are left out.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let root = context.package.directoryURL.appending(path: "Sources/\(target.name)/Templates").standardizedFileURL
        let rootPath = root.path(percentEncoded: false)
        let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        var files: [(relative: String, url: URL)] = []
        for file in target.sourceFiles {
            let path = file.url.standardizedFileURL.path(percentEncoded: false)
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("~$") }
            if !hidden { files.append((relative, file.url)) }
        }
        files.sort { $0.relative < $1.relative }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplateFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the \(files.count) files of Templates into \(target.name)",
                executable: try context.tool(named: "TemplateEmbedder").url,
                // The relative paths are arguments, so adding or removing a file changes the
                // command and makes it run again.
                arguments: [rootPath, output.path(percentEncoded: false)] + files.map(\.relative),
                inputFiles: files.map(\.url),
                outputFiles: [output])
        ]
    }
}
