import Foundation
import OOXML

/// The output folder, replaced file by file: every file of a run is first written into a
/// staging folder inside it (`.staging-<pid>`), then flushed to disk once (syncfs) and renamed
/// into place. An interrupted run leaves the previous outputs (or, during the final renames, a
/// mix of complete files — never a partial one). Files can be written from several threads.
public final class OutputStaging: @unchecked Sendable {
    public let path: String
    public let staging: String
    private let lock = NSLock()
    private var names: Set<String> = []
    /// Files already in place with the right bytes (`writeIfChanged`).
    private var kept: Set<String> = []
    private var directories: Set<String> = []
    private var finished = false

    public init(path: String) throws {
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
    public func write(_ name: String, _ bytes: [UInt8]) throws {
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

    /// Like `write`, but when the output folder already holds exactly these bytes under `name`
    /// the file is left as it is (not staged, not renamed, yet not stale either): a rebuild of
    /// thousands of drafts rewrites only the JSON of the drafts that changed.
    public func writeIfChanged(_ name: String, _ bytes: [UInt8]) throws {
        let current = (path as NSString).appendingPathComponent(name)
        if Self.fileHolds(current, bytes) {
            lock.lock()
            kept.insert(name)
            lock.unlock()
            return
        }
        try write(name, bytes)
    }

    /// Whether the regular file at `path` holds exactly `bytes` (one read, one memcmp).
    public static func fileHolds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        var filled = 0
        while filled < existing.count {
            let n = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        guard filled == bytes.count else { return false }
        return bytes.withUnsafeBytes { a in existing.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, bytes.count) == 0 } }
    }

    /// Moves every staged file into place (in name order) and removes files under
    /// `staleUnder` that this run did not write (a draft that left the drop folder).
    public func commit(staleUnder: String) throws {
        lock.lock()
        let written = names.sorted()
        let unchanged = kept
        lock.unlock()
        let fm = FileManager.default
        AtomicFile.syncFileSystem(of: staging)
        var created: Set<String> = []
        // Before the first rename: every target can be replaced (its folder exists or can be
        // made and is writable, and the target is not a folder).
        for name in written {
            let target = (path as NSString).appendingPathComponent(name)
            let directory = (target as NSString).deletingLastPathComponent
            if created.insert(directory).inserted {
                do {
                    try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw CommitError(path: directory, reason: Self.reason(of: error))
                }
                guard access(directory, W_OK) == 0 else { throw CommitError(path: directory, reason: Self.strerror(errno)) }
            }
            var info = stat()
            if lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw CommitError(path: target, reason: Self.strerror(EISDIR))
            }
        }
        // The renames; the previous files are kept as hard links in the staging folder until
        // all are in place, and put back if one fails.
        var done: [(target: String, backup: String?)] = []
        for (i, name) in written.enumerated() {
            let target = (path as NSString).appendingPathComponent(name)
            var backup: String? = (staging as NSString).appendingPathComponent(".previous-\(i)")
            if link(target, backup!) != 0 { backup = nil }
            guard rename((staging as NSString).appendingPathComponent(name), target) == 0 else {
                let reason = Self.strerror(errno)
                for (renamed, previous) in done.reversed() {
                    if let previous { _ = rename(previous, renamed) } else { unlink(renamed) }
                }
                throw CommitError(path: target, reason: reason)
            }
            done.append((target, backup))
        }
        for directory in created.sorted() { AtomicFile.syncDirectory(directory) }
        let keep = Set(written).union(unchanged)
        let staleDirectory = (path as NSString).appendingPathComponent(staleUnder)
        for name in (try? fm.contentsOfDirectory(atPath: staleDirectory)) ?? []
        where !keep.contains(staleUnder + "/" + name) && !name.hasPrefix(".") {
            try? fm.removeItem(atPath: (staleDirectory as NSString).appendingPathComponent(name))
        }
        discard()
    }

    /// Why a file could not be put in place: the file and the system's reason.
    public struct CommitError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "无法替换输出文件 \(path)：\(reason)" }
    }

    static func strerror(_ code: Int32) -> String { String(cString: Glibc.strerror(code)) }

    static func reason(of error: Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return strerror(Int32(posix.code))
        }
        return (error as NSError).localizedDescription
    }

    /// Removes the staging folder (what was staged is dropped).
    public func discard() {
        lock.lock()
        let done = finished
        finished = true
        lock.unlock()
        if !done { try? FileManager.default.removeItem(atPath: staging) }
    }
}
