/// Edits the headers and data of a zip (one `ZipWriter` made: no data descriptors, no ZIP64)
/// to build damaged and lying archives in tests. Every edit applies to both the local header
/// and the central-directory record of the entry, so the two stay consistent.
public struct ZipPatcher: Sendable {
    public private(set) var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Offsets of an entry's central record, local header and data.
    struct Record {
        var central: Int
        var local: Int
        var data: Int
        var compressedSize: Int
    }

    /// The central-directory records in order (name → offsets).
    func records() -> [(name: String, record: Record)] {
        guard let eocd = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else { return [] }
        var at = Int(u32(eocd + 16))
        var found: [(String, Record)] = []
        for _ in 0..<Int(u16(eocd + 10)) {
            guard u32(at) == 0x0201_4B50 else { break }
            let nameLength = Int(u16(at + 28))
            let extra = Int(u16(at + 30))
            let comment = Int(u16(at + 32))
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let local = Int(u32(at + 42))
            let data = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
            found.append((name, Record(central: at, local: local, data: data, compressedSize: Int(u32(at + 20)))))
            at += 46 + nameLength + extra + comment
        }
        return found
    }

    private func record(_ name: String) -> Record {
        guard let record = records().first(where: { $0.name == name })?.record else { preconditionFailure("no entry \(name)") }
        return record
    }

    /// Sets the stored CRC-32.
    public mutating func setCRC(of name: String, _ crc: UInt32) {
        let r = record(name)
        put32(r.local + 14, crc)
        put32(r.central + 16, crc)
    }

    /// The stored CRC-32.
    public func crc(of name: String) -> UInt32 { u32(record(name).central + 16) }

    /// Sets the declared uncompressed size.
    public mutating func setDeclaredSize(of name: String, _ size: UInt32) {
        let r = record(name)
        put32(r.local + 22, size)
        put32(r.central + 24, size)
    }

    /// Sets the compression method number.
    public mutating func setCompressionMethod(of name: String, _ method: UInt16) {
        let r = record(name)
        put16(r.local + 8, method)
        put16(r.central + 10, method)
    }

    /// ORs general-purpose flag bits in (bit 0: encrypted).
    public mutating func addFlags(of name: String, _ flags: UInt16) {
        let r = record(name)
        put16(r.local + 6, u16(r.local + 6) | flags)
        put16(r.central + 8, u16(r.central + 8) | flags)
    }

    /// Renames an entry to a name of the same length in UTF-8.
    public mutating func rename(_ name: String, to newName: String) {
        precondition(name.utf8.count == newName.utf8.count, "same length only")
        let r = record(name)
        bytes.replaceSubrange((r.local + 30)..<(r.local + 30 + newName.utf8.count), with: newName.utf8)
        bytes.replaceSubrange((r.central + 46)..<(r.central + 46 + newName.utf8.count), with: newName.utf8)
    }

    /// Inverts the bytes `range` of the entry's stored (compressed) data.
    public mutating func invertData(of name: String, _ range: Range<Int>) {
        let r = record(name)
        for i in range where i < r.compressedSize { bytes[r.data + i] ^= 0xFF }
    }

    private func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    private func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
    private mutating func put16(_ i: Int, _ v: UInt16) {
        bytes[i] = UInt8(v & 0xFF)
        bytes[i + 1] = UInt8(v >> 8)
    }
    private mutating func put32(_ i: Int, _ v: UInt32) {
        put16(i, UInt16(v & 0xFFFF))
        put16(i + 2, UInt16(v >> 16))
    }
}
