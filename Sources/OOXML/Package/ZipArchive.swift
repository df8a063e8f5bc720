internal import CLibZip

/// A zip archive opened read-only with libzip over the bytes of the input file (a
/// `zip_source_buffer_create` over `InputBytes`: the file is read once, nothing is written to
/// disk, no path inside the archive is ever opened). Frees the libzip handle in `deinit`.
///
/// Opened without `ZIP_CHECKCONS`: that flag makes libzip compare every local header with the
/// central directory, and it refuses 20 of the 800 real files in the corpus (documents from
/// docx4j, the Open XML SDK, Word for Mac …) that Word opens. Damage is found when an entry is
/// read instead: libzip checks the CRC-32 at the end of every entry, and `read` counts the
/// bytes actually inflated.
final class ZipArchive {
    /// One central-directory entry, as libzip's `zip_stat_index` reports it.
    struct Entry: Sendable, Hashable {
        /// Index in the central directory.
        var index: UInt64
        /// The name as stored (UTF-8, or CP437 converted to UTF-8 by libzip).
        var name: String
        /// Uncompressed size the headers declare (not trusted: `read` counts what inflates).
        var declaredSize: Int64
        var compressedSize: Int64
        /// Zip compression method (0 stored, 8 deflate, 14 LZMA …).
        var compressionMethod: Int32
        /// `ZIP_EM_NONE` (0) unless the entry is encrypted.
        var encryptionMethod: UInt16
        /// The names its Info-ZIP Unicode Path fields give it, when it has any that apply
        /// (libzip's `name` is then the central field's; other readers take the header's).
        var unicodePath: UnicodePath? = nil

        var isDirectory: Bool { name.hasSuffix("/") }
        var isEncrypted: Bool { encryptionMethod != 0 }
    }

    /// The input file as the user named it (for errors).
    let file: String
    /// All entries in central-directory order.
    let entries: [Entry]

    private let archive: OpaquePointer
    /// Keeps the memory libzip reads from alive as long as `archive`.
    private let input: InputBytes

    /// How many bytes past the declared size a read asks for before it concludes the entry lies.
    static let overrunProbe = 64

    /// Opens `input` as a zip archive. Throws `.notAZip`/`.truncatedZip`/`.lockFile` (via
    /// `FileSniffer`) when libzip finds no archive, `.corruptZip` for an inconsistent central
    /// directory, `.tooManyEntries` above `limits.maxEntries`. Then reads the Info-ZIP Unicode
    /// Path fields libzip hides (`unicodePaths(in:entries:)`); `.corruptZip` when the bytes hold
    /// no central directory that lists the entries libzip listed.
    init(input: InputBytes, file: String, limits: ReadLimits) throws {
        self.file = file
        self.input = input
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(input.unsafeBaseAddress, UInt64(input.count), 0, &error) else {
            throw DocxReadError(file: file, reason: ZipArchive.reason(for: &error, entry: nil))
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            if zip_error_code_zip(&error) == ZIP_ER_NOZIP {
                throw DocxReadError(file: file, reason: input.withBytes { FileSniffer.refusalForNonZip($0) })
            }
            throw DocxReadError(file: file, reason: ZipArchive.reason(for: &error, entry: nil, opening: true))
        }
        self.archive = archive

        let count = zip_get_num_entries(archive, 0)
        guard count >= 0 else {
            zip_discard(archive)
            throw DocxReadError(file: file, reason: .corruptZip(entry: nil, message: "libzip cannot count the entries"))
        }
        guard count <= limits.maxEntries else {
            zip_discard(archive)
            throw DocxReadError(file: file, reason: .tooManyEntries(count: Int(count), limit: limits.maxEntries))
        }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        for index in 0..<UInt64(count) {
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(archive, index, 0, &st) == 0, let name = st.name else {
                let reason = ZipArchive.reason(for: zip_get_error(archive), entry: nil)
                zip_discard(archive)
                throw DocxReadError(file: file, reason: reason)
            }
            entries.append(
                Entry(
                    index: index, name: String(cString: name),
                    declaredSize: Int64(clamping: st.size), compressedSize: Int64(clamping: st.comp_size),
                    compressionMethod: Int32(st.comp_method), encryptionMethod: st.encryption_method))
        }
        // libzip hides the Unicode Path fields: read them from the bytes, where the central
        // directory must list exactly what libzip listed.
        guard let unicodePaths = input.withBytes({ ZipArchive.unicodePaths(in: $0, entries: entries) }) else {
            zip_discard(archive)
            throw DocxReadError(
                file: file,
                reason: .corruptZip(
                    entry: nil,
                    message: "no central directory in the file lists the entries libzip found (the directory cannot be read unambiguously)")
            )
        }
        for (index, unicodePath) in unicodePaths { entries[Int(index)].unicodePath = unicodePath }
        self.entries = entries
    }

    deinit { zip_discard(archive) }

    /// Refuses an entry by what its headers declare, before anything is inflated: encrypted,
    /// a compression method libzip cannot inflate, larger than `maxEntrySize` or than `budget`
    /// (what is left of `maxTotalSize`), or compressed more than `maxCompressionRatio` : 1
    /// when it declares more than `ratioFloor` bytes.
    func checkBeforeReading(_ entry: Entry, limits: ReadLimits, budget: Int64) throws {
        if entry.isEncrypted { throw DocxReadError(file: file, reason: .encryptedEntries(entry: entry.name)) }
        if zip_compression_method_supported(entry.compressionMethod, 0) == 0 {
            throw DocxReadError(
                file: file,
                reason: .unsupportedCompression(
                    entry: entry.name, method: ZipArchive.methodName(entry.compressionMethod)))
        }
        let declared = entry.declaredSize
        if declared > limits.maxEntrySize {
            throw sizeLimit(entry, "declares \(declared) bytes uncompressed; the limit for one part is \(limits.maxEntrySize)")
        }
        if declared > budget {
            throw sizeLimit(
                entry, "declares \(declared) bytes, which would take the package past its total limit of \(limits.maxTotalSize) bytes")
        }
        if declared > limits.ratioFloor {
            let compressed = max(entry.compressedSize, 1)
            if declared / compressed > limits.maxCompressionRatio {
                throw sizeLimit(
                    entry,
                    "compression ratio \(declared / compressed):1 (\(entry.compressedSize) bytes inflate to \(declared)) is above the limit of \(limits.maxCompressionRatio):1"
                )
            }
        }
    }

    /// Reads one entry to its end (so libzip verifies the CRC-32), after `checkBeforeReading`.
    /// Trusts no header: the buffer is the declared size, and one probe read of
    /// `overrunProbe` bytes past it must find the end of the stream, so an entry that inflates
    /// past its declared size is refused (`.sizeLimit`) while at most 64 bytes more than
    /// declared were inflated into our memory. An entry shorter than declared is `.corruptZip`.
    func read(_ entry: Entry, limits: ReadLimits, budget: Int64) throws -> [UInt8] {
        try checkBeforeReading(entry, limits: limits, budget: budget)
        guard let handle = zip_fopen_index(archive, entry.index, 0) else {
            throw DocxReadError(file: file, reason: ZipArchive.reason(for: zip_get_error(archive), entry: entry.name))
        }
        defer { zip_fclose(handle) }
        let declared = Int(entry.declaredSize)
        var failure: DocxReadError.Reason?
        let data = [UInt8](unsafeUninitializedCapacity: declared) { buffer, initialized in
            initialized = 0
            while initialized < declared {
                let chunk = min(declared - initialized, 1 << 20)
                let n = zip_fread(handle, buffer.baseAddress! + initialized, UInt64(chunk))
                if n < 0 {
                    failure = ZipArchive.reason(for: zip_file_get_error(handle), entry: entry.name)
                    return
                }
                if n == 0 { break }
                initialized += Int(n)
            }
        }
        if let failure { throw DocxReadError(file: file, reason: failure) }
        if data.count < declared {
            throw DocxReadError(
                file: file,
                reason: .corruptZip(
                    entry: entry.name, message: "the entry inflates to \(data.count) bytes but its headers declare \(declared)"))
        }
        // Probe for data past the declared end; reaching the end also makes libzip check the CRC.
        var probe = [UInt8](repeating: 0, count: ZipArchive.overrunProbe)
        let extra = probe.withUnsafeMutableBytes { zip_fread(handle, $0.baseAddress!, UInt64($0.count)) }
        if extra < 0 { throw DocxReadError(file: file, reason: ZipArchive.reason(for: zip_file_get_error(handle), entry: entry.name)) }
        if extra > 0 {
            throw sizeLimit(entry, "inflates past the \(declared) bytes its headers declare (reading stopped there: the headers lie)")
        }
        return data
    }

    private func sizeLimit(_ entry: Entry, _ message: String) -> DocxReadError {
        DocxReadError(file: file, reason: .sizeLimit(entry: entry.name, message: message))
    }
}
