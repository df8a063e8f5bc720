extension ZipArchive {
    /// What the Info-ZIP Unicode Path extra fields (0x7075, APPNOTE 4.6.9) of one entry say
    /// its name is. Readers disagree on them: libzip and Info-ZIP apply the central header's
    /// field when its CRC-32 matches the header name, Commons Compress (Apache POI) ignores it
    /// when flag bit 11 is set, Python's zipfile and Go's archive/zip never look at it. An
    /// entry with such a field therefore goes by several names (`PackageParts` refuses a
    /// package in which these names reach another entry).
    struct UnicodePath: Sendable, Hashable {
        /// The name in the central header itself, decoded as libzip decodes a name it does not
        /// replace (UTF-8 when flag bit 11 is set or the bytes are valid UTF-8, else CP437).
        var headerName: String
        /// The names of the fields that apply (version 1, the stored CRC-32 is that of the name
        /// in the same header, valid UTF-8), central header first, then local, without repeats.
        var names: [String]
    }

    /// The Unicode Path fields of `entries` by entry index (entries without an applicable
    /// field are absent), read from the archive's bytes because libzip hides them. Nil when
    /// no central directory in the bytes lists the entries libzip listed: a header name
    /// that, with its Unicode Path applied as libzip applies it, gives each entry's name.
    static func unicodePaths(in bytes: UnsafeRawBufferPointer, entries: [Entry]) -> [UInt64: UnicodePath]? {
        let directory = CentralDirectory.first(in: bytes, expectedCount: entries.count) { directory in
            zip(directory.records, entries).allSatisfy { record, entry in
                // libzip looks at the first 0x7075 field only.
                let libzipName =
                    CentralDirectory.fields(0x7075, in: record.extra).first.flatMap { applicableName($0, header: record.name) }
                    ?? headerName(record.name, flags: record.flags)
                return libzipName.prefix { $0 != "\0" } == entry.name
            }
        }
        guard let directory else { return nil }
        var found: [UInt64: UnicodePath] = [:]
        for (record, entry) in zip(directory.records, entries) {
            var names = CentralDirectory.fields(0x7075, in: record.extra).compactMap { applicableName($0, header: record.name) }
            if let local = CentralDirectory.localHeader(in: bytes, at: record.localHeaderOffset) {
                names += CentralDirectory.fields(0x7075, in: local.extra).compactMap { applicableName($0, header: local.name) }
            }
            guard !names.isEmpty else { continue }
            var seen = Set<String>()
            found[entry.index] = UnicodePath(
                headerName: headerName(record.name, flags: record.flags), names: names.filter { seen.insert($0).inserted })
        }
        return found
    }

    /// The name a Unicode Path field gives, when it applies to the header whose name bytes
    /// are `header`: version 1, CRC-32 of `header` as stored, a valid UTF-8 name (what
    /// libzip's `_zip_dirent_process_ef_utf_8` requires before it replaces the name).
    static func applicableName(_ field: [UInt8], header: [UInt8]) -> String? {
        guard field.count >= 5, field[0] == 1 else { return nil }
        let stored = UInt32(field[1]) | UInt32(field[2]) << 8 | UInt32(field[3]) << 16 | UInt32(field[4]) << 24
        guard stored == crc32(header) else { return nil }
        return validUTF8(field[5...])
    }

    /// A header name as libzip decodes it when no Unicode Path replaces it.
    static func headerName(_ bytes: [UInt8], flags: UInt16) -> String {
        if let utf8 = validUTF8(bytes[...]) { return utf8 }
        // Flag bit 11 with invalid UTF-8 never gets here: libzip refuses to open such an archive.
        return String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : cp437High[Int($0 - 0x80)] }))
    }

    private static func validUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }

    /// Code page 437 from 0x80 on, as libzip's `_cp437_to_unicode` maps it.
    private static let cp437High: [Unicode.Scalar] = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}"
            .unicodeScalars)

    /// CRC-32 (ISO 3309, the zip checksum) of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    private static let crcTable: [UInt32] = (0..<256).map { (n: UInt32) in
        (0..<8).reduce(n) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }
}
