/// The zip headers read straight from the archive's bytes (PKWARE APPNOTE 4.3.7, 4.3.12,
/// 4.3.14–16), for the one thing libzip hides: libzip treats the Info-ZIP Unicode Path extra
/// field (0x7075) as internal, so `zip_file_extra_field_get_by_id` never returns it, and it
/// replaces the header name with the field's name before `zip_get_name(…, ZIP_FL_ENC_RAW)`
/// can see the original. Only names, flags and extra fields are read here; libzip stays the
/// only reader of entry data.
struct CentralDirectory {
    /// One central-directory file header.
    struct Record {
        /// General-purpose flags (bit 11: the name is UTF-8).
        var flags: UInt16
        /// The name bytes as stored.
        var name: [UInt8]
        /// The extra field block of the central header.
        var extra: [UInt8]
        /// Offset of the local file header (ZIP64 extra field applied).
        var localHeaderOffset: UInt64
    }

    var records: [Record]

    /// The first central directory, among those the end-of-central-directory records in the
    /// archive's tail describe, that holds `expectedCount` well-formed headers and satisfies
    /// `accept`; records are tried earliest first, the order libzip tries them in.
    static func first(
        in bytes: UnsafeRawBufferPointer, expectedCount: Int, where accept: (CentralDirectory) -> Bool
    ) -> CentralDirectory? {
        let reader = ByteReader(bytes)
        let tailStart = max(0, bytes.count - (65_535 + 22 + 20))
        var at = tailStart
        while at <= bytes.count - 22 {
            defer { at += 1 }
            guard bytes[at] == 0x50, reader.u32(at) == 0x0605_4B50,
                let directory = CentralDirectory(reader, endRecord: at, expectedCount: expectedCount),
                accept(directory)
            else { continue }
            return directory
        }
        return nil
    }

    private init?(_ reader: ByteReader, endRecord eocd: Int, expectedCount: Int) {
        guard var count = reader.u16(eocd + 10).map(UInt64.init), var offset = reader.u32(eocd + 16).map(UInt64.init) else { return nil }
        // A ZIP64 end-of-central-directory locator right before the record: libzip then takes
        // the ZIP64 record's values.
        if eocd >= 20, reader.u32(eocd - 20) == 0x0706_4B50 {
            guard let at = reader.u64(eocd - 20 + 8).flatMap(Int.init(exactly:)), reader.u32(at) == 0x0606_4B50,
                let count64 = reader.u64(at + 32), let offset64 = reader.u64(at + 48)
            else { return nil }
            count = count64
            offset = offset64
        }
        guard count == UInt64(expectedCount), var at = Int(exactly: offset) else { return nil }
        var records: [Record] = []
        records.reserveCapacity(expectedCount)
        for _ in 0..<expectedCount {
            guard reader.u32(at) == 0x0201_4B50, let flags = reader.u16(at + 8),
                let nameLength = reader.u16(at + 28).map(Int.init), let extraLength = reader.u16(at + 30).map(Int.init),
                let commentLength = reader.u16(at + 32).map(Int.init), let local = reader.u32(at + 42),
                let name = reader.bytes(at + 46, nameLength), let extra = reader.bytes(at + 46 + nameLength, extraLength)
            else { return nil }
            records.append(
                Record(
                    flags: flags, name: name, extra: extra,
                    localHeaderOffset: CentralDirectory.zip64LocalOffset(reader, at: at, extra: extra) ?? UInt64(local)))
            at += 46 + nameLength + extraLength + commentLength
        }
        self.records = records
    }

    /// The local header offset from the ZIP64 extended-information field (0x0001) when the
    /// central header's 32-bit field is saturated; its values come in a fixed order, each
    /// present only when the matching header field is 0xFFFFFFFF.
    private static func zip64LocalOffset(_ reader: ByteReader, at: Int, extra: [UInt8]) -> UInt64? {
        guard reader.u32(at + 42) == 0xFFFF_FFFF, let field = fields(0x0001, in: extra).first else { return nil }
        let skipped = [reader.u32(at + 24), reader.u32(at + 20)].filter { $0 == 0xFFFF_FFFF }.count
        return ByteReader.withReader(field) { $0.u64(skipped * 8) }
    }

    /// The name and extra field block of the local header at `offset`, or nil when there is no
    /// local header there (libzip reports that when the entry is read).
    static func localHeader(in bytes: UnsafeRawBufferPointer, at offset: UInt64) -> (name: [UInt8], extra: [UInt8])? {
        let reader = ByteReader(bytes)
        guard let at = Int(exactly: offset), reader.u32(at) == 0x0403_4B50,
            let nameLength = reader.u16(at + 26).map(Int.init), let extraLength = reader.u16(at + 28).map(Int.init),
            let name = reader.bytes(at + 30, nameLength), let extra = reader.bytes(at + 30 + nameLength, extraLength)
        else { return nil }
        return (name, extra)
    }

    /// The data of every extra field with header id `id` in an extra field block (APPNOTE
    /// 4.5.1), in order; a truncated last field is dropped.
    static func fields(_ id: UInt16, in extra: [UInt8]) -> [[UInt8]] {
        var found: [[UInt8]] = []
        var at = 0
        while at + 4 <= extra.count {
            let fieldID = UInt16(extra[at]) | UInt16(extra[at + 1]) << 8
            let length = Int(extra[at + 2]) | Int(extra[at + 3]) << 8
            guard at + 4 + length <= extra.count else { break }
            if fieldID == id { found.append(Array(extra[(at + 4)..<(at + 4 + length)])) }
            at += 4 + length
        }
        return found
    }
}

/// Bounds-checked little-endian reads; nil past the end.
private struct ByteReader {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    static func withReader<R>(_ array: [UInt8], _ body: (ByteReader) -> R) -> R {
        array.withUnsafeBytes { body(ByteReader($0)) }
    }

    func bytes(_ at: Int, _ count: Int) -> [UInt8]? {
        guard at >= 0, count >= 0, at <= bytes.count - count else { return nil }
        return Array(bytes[at..<(at + count)])
    }

    func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at <= bytes.count - 2 else { return nil }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32? {
        guard let low = u16(at), let high = u16(at + 2) else { return nil }
        return UInt32(low) | UInt32(high) << 16
    }

    func u64(_ at: Int) -> UInt64? {
        guard let low = u32(at), let high = u32(at + 4) else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }
}
