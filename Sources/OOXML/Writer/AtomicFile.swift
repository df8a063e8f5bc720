#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that readers see either the old file or the complete new one.
public enum AtomicFile {
    /// Temporary file in the same directory, fsync, rename over `path` (see `ZipWriter.writeAtomically`).
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws {
        try ZipWriter.writeAtomically(bytes, to: path, durable: durable)
    }

    /// Flushes the whole file system holding `path` (syncfs(2)): one call after many
    /// `durable: false` writes.
    /// fsync(2) of a directory: the renames into it are on disk.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    public static func syncFileSystem(of path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = glibcSyncfs(fd)
        close(fd)
    }
}

/// glibc's syncfs(2), which Glibc's module map does not export (it needs _GNU_SOURCE).
@_silgen_name("syncfs")
private func glibcSyncfs(_ fd: Int32) -> Int32
