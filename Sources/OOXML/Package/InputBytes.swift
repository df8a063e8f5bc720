#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one input file, read once into `malloc`ed memory that libzip can borrow for as
/// long as the archive is open (`zip_source_buffer_create` does not copy). Freed in `deinit`;
/// the pointer never leaves `withBytes`. Also what a future hash of the file would read.
final class InputBytes {
    private let base: UnsafeMutableRawPointer?
    let count: Int

    /// Copies `bytes`.
    init(copying bytes: [UInt8]) {
        count = bytes.count
        guard !bytes.isEmpty, let memory = malloc(bytes.count) else {
            base = nil
            return
        }
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        base = memory
    }

    /// Reads the regular file at `path` with `open(2)`/`read(2)`. Refuses a file larger than
    /// `maxSize` before reading it (`.fileTooLarge`), and anything that is not a regular file (`.io`).
    init(contentsOf path: String, file: String, maxSize: Int64) throws {
        // O_NONBLOCK: a FIFO (or device) named like a draft is opened without waiting for a
        // writer, then refused below as not a regular file (reads of a regular file never block).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw InputBytes.ioError(file: file, what: "cannot open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputBytes.ioError(file: file, what: "cannot stat") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw DocxReadError(file: file, reason: .io(message: "not a regular file"))
        }
        let size = Int64(info.st_size)
        guard size <= maxSize else {
            throw DocxReadError(file: file, reason: .fileTooLarge(size: size, limit: maxSize))
        }
        guard size > 0 else {
            base = nil
            count = 0
            return
        }
        guard let memory = malloc(Int(size)) else {
            throw DocxReadError(file: file, reason: .io(message: "cannot allocate \(size) bytes"))
        }
        var filled = 0
        while filled < Int(size) {
            let n = read(fd, memory + filled, Int(size) - filled)
            if n < 0 {
                if errno == EINTR { continue }
                let error = InputBytes.ioError(file: file, what: "cannot read")
                free(memory)
                throw error
            }
            if n == 0 { break }  // the file shrank while we read it: keep what is there
            filled += n
        }
        base = memory
        count = filled
    }

    deinit { free(base) }

    /// The bytes, valid only inside `body`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : count))
    }

    /// The start of the memory, for libzip's buffer source (borrowed, not copied: the archive
    /// that uses it keeps this object alive).
    var unsafeBaseAddress: UnsafeRawPointer? { UnsafeRawPointer(base) }

    private static func ioError(file: String, what: String) -> DocxReadError {
        let message = String(cString: strerror(errno))
        return DocxReadError(file: file, reason: .io(message: "\(what) the file: \(message)"))
    }
}
