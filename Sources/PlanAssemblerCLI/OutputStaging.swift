import Foundation
import OOXML

/// The output folder, replaced file by file: every file of a run is first written into a
/// staging folder inside it (`.staging-<pid>`), then flushed to disk once (syncfs) and renamed
/// into place. An interrupted run leaves the previous outputs (or, during the final renames, a
/// mix of complete files — never a partial one). Files can be written from several threads.
final class OutputStaging: @unchecked Sendable {
    let path: String
    let staging: String
    private let lock = NSLock()
    private var names: Set<String> = []
    private var directories: Set<String> = []
    private var finished = false

    init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        // Staging folders of runs that were killed are removed; a live run's is left alone.
        for name in (try? fm.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix(".staging-") {
            if let pid = Int32(name.dropFirst(".staging-".count)), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? fm.removeItem(atPath: (path as NSString).appendingPathComponent(name))
        }
        staging = (path as NSString).appendingPathComponent(".staging-\(getpid())")
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
    }

    deinit { discard() }

    /// Writes `name` (a path relative to the output folder) into the staging folder.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let target = (staging as NSString).appendingPathComponent(name)
        let directory = (target as NSString).deletingLastPathComponent
        lock.lock()
        let known = directories.contains(directory)
        lock.unlock()
        if !known {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            lock.lock()
            directories.insert(directory)
            lock.unlock()
        }
        try AtomicFile.write(bytes, to: target, durable: false)
        lock.lock()
        names.insert(name)
        lock.unlock()
    }

    /// Moves every staged file into place (in name order) and removes files under
    /// `staleUnder` that this run did not write (a draft that left the drop folder).
    func commit(staleUnder: String) throws {
        lock.lock()
        let written = names.sorted()
        lock.unlock()
        let fm = FileManager.default
        AtomicFile.syncFileSystem(of: staging)
        var created: Set<String> = []
        for name in written {
            let target = (path as NSString).appendingPathComponent(name)
            let directory = (target as NSString).deletingLastPathComponent
            if created.insert(directory).inserted {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            guard rename((staging as NSString).appendingPathComponent(name), target) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
        }
        for directory in created.sorted() { AtomicFile.syncDirectory(directory) }
        let keep = Set(written)
        let staleDirectory = (path as NSString).appendingPathComponent(staleUnder)
        for name in (try? fm.contentsOfDirectory(atPath: staleDirectory)) ?? []
        where !keep.contains(staleUnder + "/" + name) && !name.hasPrefix(".") {
            try? fm.removeItem(atPath: (staleDirectory as NSString).appendingPathComponent(name))
        }
        discard()
    }

    /// Removes the staging folder (what was staged is dropped).
    func discard() {
        lock.lock()
        let done = finished
        finished = true
        lock.unlock()
        if !done { try? FileManager.default.removeItem(atPath: staging) }
    }
}
