/// A small, bounded reader of an OLE2 compound file's directory ([MS-CFB]): just enough to
/// name the streams and storages at the root, which is what tells a Word 97-2003 `.doc`
/// (`WordDocument`) from a password-protected OOXML file (`EncryptionInfo`, `EncryptedPackage`)
/// or an old workbook. No stream is ever read. Every sector chain is capped by the number of
/// sectors the file can hold, the red-black tree of the root storage is walked with an explicit
/// stack and a visited set (no recursion, no cycles), and any inconsistency yields `nil`.
struct CompoundFile {
    /// `D0 CF 11 E0 A1 B1 1A E1`.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The names of the root storage's children (streams and storages), in tree order.
    let rootEntryNames: [String]

    /// True when `bytes` starts with the compound-file signature.
    static func hasSignature(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 8 && zip(bytes.prefix(8), signature).allSatisfy { $0 == $1 }
    }

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let noStream: UInt32 = 0xFFFF_FFFF
    private static let maxDirectoryEntries = 100_000

    /// Parses the header, the FAT (via the DIFAT) and the directory; nil when the file is not a
    /// readable compound file.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 512, CompoundFile.hasSignature(bytes) else { return nil }
        func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
        func u32(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        guard u16(0x1C) == 0xFFFE else { return nil }  // byte order mark
        let shift = Int(u16(0x1E))
        guard shift == 9 || shift == 12 else { return nil }
        let sectorSize = 1 << shift
        let sectorCount = bytes.count / sectorSize - 1  // sector n starts at (n + 1) * sectorSize
        guard sectorCount > 0 else { return nil }
        /// The byte offset of sector `s`, when the whole sector lies inside the file.
        func offset(_ s: UInt32) -> Int? {
            let start = (Int(s) + 1) * sectorSize
            return Int(s) < sectorCount && start + sectorSize <= bytes.count ? start : nil
        }

        // FAT sectors: the first 109 listed in the header, the rest along the DIFAT chain.
        let fatSectorCount = min(Int(u32(0x2C)), sectorCount)
        var fatSectors: [UInt32] = []
        for i in 0..<109 where fatSectors.count < fatSectorCount {
            fatSectors.append(u32(0x4C + 4 * i))
        }
        var difat = u32(0x44)
        var difatSteps = 0
        while fatSectors.count < fatSectorCount, difat != CompoundFile.endOfChain, let at = offset(difat) {
            difatSteps += 1
            guard difatSteps <= sectorCount else { return nil }
            let perSector = sectorSize / 4 - 1
            for i in 0..<perSector where fatSectors.count < fatSectorCount {
                fatSectors.append(u32(at + 4 * i))
            }
            difat = u32(at + 4 * perSector)
        }
        let entriesPerFATSector = sectorSize / 4
        func next(_ s: UInt32) -> UInt32? {
            let index = Int(s) / entriesPerFATSector
            guard index < fatSectors.count, let at = offset(fatSectors[index]) else { return nil }
            return u32(at + 4 * (Int(s) % entriesPerFATSector))
        }

        // Directory entries (128 bytes each) along the directory chain.
        struct Entry {
            var name: String
            var type: UInt8
            var left, right, child: UInt32
        }
        var entries: [Entry] = []
        var sector = u32(0x30)
        var steps = 0
        while sector != CompoundFile.endOfChain {
            guard let at = offset(sector), steps < sectorCount, entries.count < CompoundFile.maxDirectoryEntries else { return nil }
            steps += 1
            for e in stride(from: at, to: at + sectorSize, by: 128) {
                let nameLength = min(Int(u16(e + 0x40)), 64)
                var units: [UInt16] = []
                for k in stride(from: 0, to: max(nameLength - 2, 0), by: 2) { units.append(u16(e + k)) }
                entries.append(
                    Entry(
                        name: String(decoding: units, as: UTF16.self), type: bytes[e + 0x42],
                        left: u32(e + 0x44), right: u32(e + 0x48), child: u32(e + 0x4C)))
            }
            guard let following = next(sector) else { return nil }
            sector = following
        }
        guard let root = entries.first, root.type == 5 else { return nil }

        // The root's children: a sibling tree walked iteratively.
        var names: [String] = []
        var stack = [root.child]
        var visited = Set<UInt32>()
        while let id = stack.popLast() {
            guard id != CompoundFile.noStream, Int(id) < entries.count, visited.insert(id).inserted else { continue }
            let entry = entries[Int(id)]
            if entry.type == 1 || entry.type == 2 { names.append(entry.name) }
            stack.append(entry.right)
            stack.append(entry.left)
        }
        rootEntryNames = names
    }

    /// Why a compound file is refused: what its root streams say it is.
    static func refusal(_ bytes: UnsafeRawBufferPointer) -> DocxReadError.Reason {
        guard let cfb = CompoundFile(bytes) else { return .compoundFile(detected: "unreadable compound-file directory") }
        let names = Set(cfb.rootEntryNames.map { $0.uppercased() })
        if names.contains("ENCRYPTEDPACKAGE") || names.contains("ENCRYPTIONINFO") { return .encryptedPackage }
        if names.contains("WORDDOCUMENT") { return .legacyDoc }
        if names.contains("WORKBOOK") || names.contains("BOOK") { return .compoundFile(detected: "Excel 97-2003 workbook") }
        if names.contains("POWERPOINT DOCUMENT") { return .compoundFile(detected: "PowerPoint 97-2003 presentation") }
        if names.contains("VISIODOCUMENT") { return .compoundFile(detected: "Visio drawing") }
        if names.contains("QUILL") { return .compoundFile(detected: "Publisher document") }
        if names.contains(where: { $0.hasPrefix("__SUBSTG1.0_") || $0.hasPrefix("__PROPERTIES_VERSION1.0") }) {
            return .compoundFile(detected: "Outlook message")
        }
        return .compoundFile(detected: nil)
    }
}
