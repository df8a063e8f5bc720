internal import CLibZip

extension ZipArchive {
    /// Maps a libzip error to the reason we report, with libzip's own message
    /// (`zip_error_strerror`) kept in the text.
    static func reason(for error: UnsafeMutablePointer<zip_error_t>, entry: String?, opening: Bool = false) -> DocxReadError.Reason {
        let code = zip_error_code_zip(error)
        let message = String(cString: zip_error_strerror(error))
        switch code {
        case ZIP_ER_CRC:
            return .corruptZip(entry: entry, message: "CRC-32 mismatch: the data does not match its stored checksum (libzip: \(message))")
        case ZIP_ER_ZLIB, ZIP_ER_COMPRESSED_DATA:
            return .corruptZip(entry: entry, message: "the compressed data is corrupt (libzip: \(message))")
        case ZIP_ER_INCONS:
            return .corruptZip(entry: entry, message: "inconsistent zip headers (libzip: \(message))")
        case ZIP_ER_EOF, ZIP_ER_READ, ZIP_ER_SEEK:
            return .truncatedZip(message: (entry.map { "entry \($0): " } ?? "") + "the archive ends early (libzip: \(message))")
        case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP:
            return .encryptedEntries(entry: entry ?? "?")
        case ZIP_ER_COMPNOTSUPP:
            return .unsupportedCompression(entry: entry ?? "?", method: "(libzip: \(message))")
        case ZIP_ER_MULTIDISK:
            return .corruptZip(entry: nil, message: "a split (multi-disk) zip archive, which is not supported")
        case ZIP_ER_MEMORY:
            return .io(message: "out of memory (libzip: \(message))")
        case ZIP_ER_NOZIP:
            return .notAZip(detected: nil)
        default:
            return .corruptZip(entry: entry, message: (opening ? "cannot open the archive" : "cannot read") + " (libzip: \(message))")
        }
    }

    /// "LZMA (14)", "Deflate64 (9)" … for a zip compression method number.
    static func methodName(_ method: Int32) -> String {
        let names: [Int32: String] = [
            0: "stored", 1: "shrunk", 2: "reduced", 3: "reduced", 4: "reduced", 5: "reduced",
            6: "imploded", 8: "Deflate", 9: "Deflate64", 10: "PKWARE DCL imploded", 12: "BZIP2",
            14: "LZMA", 18: "IBM TERSE", 19: "IBM LZ77", 20: "Zstandard (old id)", 93: "Zstandard",
            94: "MP3", 95: "XZ", 96: "JPEG", 97: "WavPack", 98: "PPMd", 99: "AES-encrypted (AE-x)",
        ]
        return "\(names[method] ?? "unknown") (\(method))"
    }
}
