internal import CLibZip
import DocumentModel
import PlanSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deterministic in-memory zip writer over libzip: the same entries give the same bytes, on
/// any machine and in any time zone. Entries are written in the order added, all with one
/// fixed DOS timestamp (`zip_file_set_dostime`, so the local time zone never enters), Unix
/// `0644` attributes, Deflate at a fixed level (or stored), and no extra fields that vary
/// (libzip writes no timestamp extra fields). Names are written as UTF-8 (flag bit 11).
/// Nothing touches the disk until `writeAtomically`.
public struct ZipWriter: Sendable {
    /// Why a zip could not be written.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The Deflate level every entry is written with.
    public static let deflateLevel: UInt32 = 6

    /// 1980-01-01 00:00:00, the earliest DOS time, the default timestamp.
    public static let dosEpoch = Date(timeIntervalSince1970: 315_532_800)

    private var entries: [(name: String, bytes: [UInt8], compress: Bool)] = []
    private let dosDate: UInt16
    private let dosTime: UInt16

    /// `modificationDate` is written into every entry, in UTC, clamped to 1980…2107 (DOS time
    /// keeps even seconds only).
    public init(modificationDate: Date = ZipWriter.dosEpoch) {
        (dosDate, dosTime) = ZipWriter.dosDateTime(modificationDate)
    }

    /// The timestamp for reproducible output: `SOURCE_DATE_EPOCH` when set, else 1980-01-01.
    public static func modificationDateFromEnvironment() -> Date {
        if let seconds = SourceDateEpoch.seconds {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return dosEpoch
    }

    /// Appends an entry; it is written in this position. `compress: false` stores it.
    public mutating func add(_ name: String, _ bytes: [UInt8], compress: Bool = true) {
        entries.append((name, bytes, compress))
    }

    /// The names added so far, in order.
    public var names: [String] { entries.map(\.name) }

    /// Builds the archive in memory and returns its bytes. Throws for a name libzip refuses,
    /// such as one added twice.
    public func finish() throws(Failure) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let target = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw Failure("cannot create the memory buffer: \(String(cString: zip_error_strerror(&error)))")
        }
        zip_source_keep(target)  // survives zip_close, which writes into it
        defer { zip_source_free(target) }
        guard let archive = zip_open_from_source(target, ZIP_TRUNCATE, &error) else {
            throw Failure("cannot start the archive: \(String(cString: zip_error_strerror(&error)))")
        }
        do {
            for entry in entries { try add(entry, to: archive) }
        } catch {
            zip_discard(archive)
            throw error
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw Failure("cannot write the archive: \(message)")
        }
        return try ZipWriter.contents(of: target)
    }

    private func add(_ entry: (name: String, bytes: [UInt8], compress: Bool), to archive: OpaquePointer) throws(Failure) {
        // libzip frees the copy (freep = 1) once it has written the entry. An empty entry gets no
        // copy: libzip drops a zero-length buffer without freeing it (found by fuzzing: a 1-byte
        // leak per empty entry).
        var copy: UnsafeMutableRawPointer?
        if !entry.bytes.isEmpty {
            guard let memory = malloc(entry.bytes.count) else { throw Failure("\(entry.name): out of memory") }
            entry.bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            copy = memory
        }
        guard let source = zip_source_buffer(archive, copy, UInt64(entry.bytes.count), copy == nil ? 0 : 1) else {
            free(copy)
            throw Failure("\(entry.name): \(String(cString: zip_strerror(archive)))")
        }
        let index = zip_file_add(archive, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw Failure("\(entry.name): \(String(cString: zip_strerror(archive)))")
        }
        let i = UInt64(index)
        let method = entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE
        guard zip_set_file_compression(archive, i, method, entry.compress ? ZipWriter.deflateLevel : 0) == 0,
            zip_file_set_dostime(archive, i, dosTime, dosDate, 0) == 0,
            zip_file_set_external_attributes(archive, i, 0, UInt8(ZIP_OPSYS_UNIX), 0o100644 << 16) == 0
        else {
            throw Failure("\(entry.name): \(String(cString: zip_strerror(archive)))")
        }
    }

    /// Reads back what `zip_close` wrote into the buffer source.
    private static func contents(of source: OpaquePointer) throws(Failure) -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, zip_source_open(source) == 0 else {
            throw Failure("cannot read back the archive: \(String(cString: zip_error_strerror(zip_source_error(source))))")
        }
        defer { zip_source_close(source) }
        let size = Int(stat.size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size {
                let n = zip_source_read(source, buffer.baseAddress! + initialized, UInt64(size - initialized))
                if n <= 0 { failed = n < 0; break }
                initialized += Int(n)
            }
        }
        if failed || bytes.count != size { throw Failure("cannot read back the archive (\(bytes.count) of \(size) bytes)") }
        return bytes
    }

    /// (date, time) in MS-DOS format, from the UTC calendar fields of `date`.
    static func dosDateTime(_ date: Date) -> (UInt16, UInt16) {
        var seconds = time_t(max(date.timeIntervalSince1970.rounded(.down), 315_532_800))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        let year = min(max(Int(fields.tm_year) + 1900, 1980), 2107)
        let day = UInt16((year - 1980) << 9 | Int(fields.tm_mon + 1) << 5 | Int(fields.tm_mday))
        let time = UInt16(Int(fields.tm_hour) << 11 | Int(fields.tm_min) << 5 | Int(fields.tm_sec) / 2)
        return (day, time)
    }
}

extension ZipWriter {
    /// Writes `bytes` to `path` so that the file is either the old one or the complete new one:
    /// a temporary file in the same directory, `fsync`, `rename` over `path`, then `fsync` of
    /// the directory. On failure the temporary file is removed and `path` is untouched.
    /// `durable: false` skips the fsyncs, for a caller that flushes many files at once (`syncfs`)
    /// or for files that are only a cache.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(Failure) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let base = path.split(separator: "/").last.map(String.init) ?? path
        // The temporary name is a hash of the target's, so it fits whenever the target's name
        // does (a 255-byte name plus a suffix would not).
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in base.utf8 { fnv = (fnv ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hashed = String(fnv, radix: 16)
        var template = Array("\(directory.isEmpty ? "/" : directory)/.tmp-\(hashed)-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure("\(path): cannot create a temporary file: \(String(cString: strerror(errno)))") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        func fail(_ what: String) -> Failure {
            let failure = Failure("\(path): \(what): \(String(cString: strerror(errno)))")
            unlink(temporary)
            return failure
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                close(fd)
                throw fail("cannot write")
            }
            written += n
        }
        guard fchmod(fd, 0o644) == 0, !durable || fsync(fd) == 0 else {
            close(fd)
            throw fail("cannot flush")
        }
        guard close(fd) == 0 else { throw fail("cannot close") }
        guard rename(temporary, path) == 0 else { throw fail("cannot rename the temporary file into place") }
        if durable { AtomicFile.syncDirectory(directory.isEmpty ? "/" : directory) }
    }
}
