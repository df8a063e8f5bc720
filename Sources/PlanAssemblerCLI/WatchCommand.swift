import ArgumentParser
import Foundation
import PlanBuild
import PlanDocxWriter
import PlanModel

/// `plan-assembler watch`: rebuild whenever the drop folder changes.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Rebuild the master plan whenever a draft is added, changed or removed in the drop folder.",
        discussion: """
            Builds once, then watches the folder (inotify, plus a poll every --interval seconds, which \
            is all there is with --poll or where inotify is unavailable, e.g. network shares). A change \
            is built once no file has changed for --settle seconds, so a draft still being copied is \
            not read half-way. Lock files (~$…, .~lock.…#), temporary and hidden files never trigger a \
            rebuild. A draft that cannot be read is reported on the rebuild's line and read again when \
            it changes; nothing that happens to a draft stops the watch. A change to the templates \
            reloads them. One line per rebuild on stdout: what changed, how long, the counts and the \
            problems. Stops on Ctrl-C (outputs are replaced atomically, an interrupted rebuild leaves \
            the previous ones).
            """
    )

    @OptionGroup var options: BuildOptions

    @Option(help: "Seconds between two looks at the folder.")
    var interval: Double = 1.0

    @Option(help: "Seconds the folder must stay unchanged before a rebuild.")
    var settle: Double = 2.0

    @Flag(help: "Poll only; do not use inotify.")
    var poll = false

    @Option(help: ArgumentHelp("Exit after this many rebuilds (the first build not counted).", visibility: .hidden))
    var exitAfter: Int?

    func validate() throws {
        if !(interval > 0) || !(settle >= 0) { throw ValidationError("--interval must be > 0 and --settle ≥ 0") }
    }

    func run() async throws {
        let inputs = options.inputs
        var job = try loadJob()
        // The output folder inside the drop folder: the watch would rebuild on its own writes.
        if BuildEngine.isSameOrInside(job.out, inputs) {
            let error = BuildError.outputInsideDropFolder(out: job.out, inputs: inputs)
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitStatus.of(error)
        }
        // The templates folder in use, if any (the built-in templates cannot change).
        let templateDirectory = job.templates.source.folder
        let watcher = FolderWatcher(paths: [inputs] + (templateDirectory.map { [$0] } ?? []), useInotify: !poll)
        var drafts = DraftSnapshot(folder: inputs)
        var templateState = DraftSnapshot(templates: templateDirectory)
        // A build that could not write its outputs is tried again, with back-off.
        var retry = OutputRetry()
        let first = await Self.build(job, inputs, change: nil, prefix: "watching \(inputs) (\(watcher.mode)); ")
        Self.emit(first.line + retry.record(outputFailed: first.outputFailed))
        var rebuilds = 0
        while exitAfter.map({ rebuilds < $0 }) ?? true {
            watcher.wait(seconds: retry.due.map { min(interval, max(0.05, $0.timeIntervalSinceNow)) } ?? interval)
            var last = (DraftSnapshot(folder: inputs), DraftSnapshot(templates: templateDirectory))
            guard last.0 != drafts || last.1 != templateState || retry.isDue() else { continue }
            // Let the copy finish: the folder must look the same for `settle` seconds.
            var quietSince = Date()
            while Date().timeIntervalSince(quietSince) < settle {
                watcher.wait(seconds: min(interval, max(0.05, settle - Date().timeIntervalSince(quietSince))))
                let now = (DraftSnapshot(folder: inputs), DraftSnapshot(templates: templateDirectory))
                if now != last {
                    last = now
                    quietSince = Date()
                }
            }
            var notes: [String] = []
            if last.1 != templateState {
                templateState = last.1
                do {
                    job = try loadJob()
                    notes.append("templates reloaded")
                } catch {
                    if let failure = error as? CommandFailure {
                        FileHandle.standardError.write(Data((failure.message + "\n").utf8))
                    }
                    notes.append("templates invalid, kept the previous ones")
                }
            }
            let change = drafts.changes(to: last.0)
            drafts = last.0
            if retry.isDue() { notes.append("retry \(retry.attempts) after an output failure") }
            if change.isEmpty && notes.isEmpty { continue }
            rebuilds += 1
            let result = await Self.build(
                job, inputs, change: change.isEmpty ? nil : change, prefix: notes.isEmpty ? "" : notes.joined(separator: ", ") + "; ")
            Self.emit(result.line + retry.record(outputFailed: result.outputFailed))
        }
    }

    private func loadJob() throws -> BuildEngine {
        try BuildOptions.engine(options, strict: false, useCache: true)
    }

    /// One rebuild, as one line: never throws, whatever happens to the drafts or the output.
    /// Also says whether the outputs could not be written (the watch tries again).
    static func build(
        _ job: BuildEngine, _ inputs: String, change: DraftSnapshot.Change?, prefix: String
    ) async -> (line: String, outputFailed: Bool) {
        var line = timestamp() + " " + prefix
        if let change { line += change.description + " → " }
        do {
            line += BuildLines.rebuilt(try await job.perform(inputs: inputs))
            return (line, false)
        } catch {
            line += "not built: " + error.lines.map { $0.hasPrefix("error: ") ? String($0.dropFirst(7)) : $0 }.joined(separator: " | ")
            return (line, error.kind == .output)
        }
    }

    /// Writes a line and flushes it (stdout may be a pipe or a log file).
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func timestamp() -> String {
        var now = time(nil)
        var fields = tm()
        localtime_r(&now, &fields)
        return String(format: "%02d:%02d:%02d", Int(fields.tm_hour), Int(fields.tm_min), Int(fields.tm_sec))
    }
}

/// What the watch compares: each draft of a folder (files `DropFolder` would read) with its
/// stat signature, the one the build's cache trusts (size, modification and change times,
/// inode). Ignored files (lock files, temporary files) are left out, so they never trigger a
/// rebuild.
struct DraftSnapshot: Equatable {
    var files: [String: FileSignature] = [:]

    /// The templates folder's entries; empty for the built-in templates.
    init(templates folder: String?) {
        guard let folder else { return }
        self = DraftSnapshot(folder: folder, includeAll: true)
    }

    /// Names are read as bytes, as the build reads them: a name that is not UTF-8 (GBK) is seen
    /// under its readable rendering (`\xC4\xE3….docx`, the name the build reports), so adding or
    /// changing such a draft triggers a rebuild like any other.
    init(folder: String, includeAll: Bool = false) {
        guard let raw = DropFolder.rawNames(folder) else { return }
        let base = Array(folder.utf8) + (folder.hasSuffix("/") ? [] : [0x2F])
        for bytes in raw {
            let name = String(validating: bytes, as: UTF8.self) ?? DropFolder.rawNameRendering(bytes)
            var info = stat()
            let found = (base + bytes + [0]).withUnsafeBufferPointer { path in
                path.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) == 0 }
            }
            guard found else { continue }
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            if !includeAll, DropFolder.ignoreReason(name, isDirectory: isDirectory) != nil { continue }
            files[name] = FileSignature(info)
        }
    }

    struct Change {
        var added: [String] = []
        var changed: [String] = []
        var removed: [String] = []
        var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

        var description: String {
            var parts: [String] = []
            for (sign, names) in [("+", added), ("~", changed), ("-", removed)] where !names.isEmpty {
                let shown =
                    names.prefix(3).map(MessageText.escaped).joined(separator: ", ")
                    + (names.count > 3 ? " and \(names.count - 3) more" : "")
                parts.append("\(sign)\(names.count) \(shown)")
            }
            return parts.joined(separator: "; ")
        }
    }

    func changes(to next: DraftSnapshot) -> Change {
        var change = Change()
        for name in next.files.keys.sorted() {
            if let before = files[name] {
                if before != next.files[name] { change.changed.append(name) }
            } else {
                change.added.append(name)
            }
        }
        change.removed = files.keys.filter { next.files[$0] == nil }.sorted()
        return change
    }
}

/// Sleeps until something happens in the watched folders (inotify) or `seconds` pass. Without
/// inotify (or with `useInotify: false`) it simply sleeps: the caller compares snapshots anyway,
/// so inotify only makes the watch react sooner.
final class FolderWatcher {
    private var fd: Int32 = -1
    let mode: String

    init(paths: [String], useInotify: Bool) {
        if useInotify {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd >= 0 {
                let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_MODIFY | IN_ATTRIB)
                var watched = 0
                for path in paths where inotify_add_watch(fd, path, mask) >= 0 { watched += 1 }
                if watched == 0 {
                    close(fd)
                    fd = -1
                }
            }
        }
        mode = fd >= 0 ? "inotify" : "polling"
    }

    deinit { if fd >= 0 { close(fd) } }

    func wait(seconds: Double) {
        guard fd >= 0 else {
            usleep(useconds_t(max(0, seconds) * 1_000_000))
            return
        }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if Glibc.poll(&descriptor, 1, Int32(max(0, seconds) * 1000)) > 0 {
            // Events come in bursts while a file is written: take them together.
            usleep(useconds_t(min(seconds, 0.1) * 1_000_000))
        }
        // Drain the events: only the wake-up matters.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
