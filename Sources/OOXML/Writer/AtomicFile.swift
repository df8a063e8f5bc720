/// Writes files so that readers see either the old file or the complete new one.
public enum AtomicFile {
    /// Temporary file in the same directory, fsync, rename over `path` (see `ZipWriter.writeAtomically`).
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try ZipWriter.writeAtomically(bytes, to: path)
    }
}
